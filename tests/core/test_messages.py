"""Message rendering and the small helpers of the domain model."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from ecocheck_desktop.core.messages import TEMPLATES, EcoCheckError, Message, register, render
from ecocheck_desktop.core.model import DEFAULT_SITE, Company, EnergyRecord, Project, Site


@pytest.fixture(autouse=True)
def _registry_restored() -> Iterator[None]:
    """The test codes registered here must not stay in the app's catalogue for later tests."""
    saved = dict(TEMPLATES)
    yield
    TEMPLATES.clear()
    TEMPLATES.update(saved)


def test_location_is_prefixed_unless_the_template_places_it() -> None:
    register({"test.placed": "row {row} is wrong", "test.plain": "value {value} is wrong"})
    placed = Message("test.placed", where={"row": 3})
    plain = Message("test.plain", {"value": "x"}, where={"row": 3, "column": "使用量"})
    assert render(placed) == "row 3 is wrong"
    assert render(plain) == "row 3, column 使用量: value x is wrong"


def test_a_template_missing_a_parameter_still_renders_everything_known() -> None:
    register({"test.broken": "needs {absent}"})
    text = render(Message("test.broken", {"value": 1}))
    assert text.startswith("needs {absent}") and "'value': 1" in text


def test_an_error_carries_every_message() -> None:
    error = EcoCheckError(Message("unknown.code"), Message("unknown.other"))
    assert [m.code for m in error.messages] == ["unknown.code", "unknown.other"]
    assert str(error) == "unknown.code; unknown.other"


def test_records_without_a_site_belong_to_the_first_site() -> None:
    record = EnergyRecord(month="2025-04", energy="electricity", quantity=Decimal(1), unit="kWh")
    assert Project(Company("A")).site_of(record) == DEFAULT_SITE
    project = Project(Company("A"), sites=[Site("第二工場"), Site("本社")])
    assert project.site_of(record) == "第二工場"
    assert (
        project.site_of(EnergyRecord("2025-04", "electricity", Decimal(1), "kWh", site="本社"))
        == "本社"
    )
