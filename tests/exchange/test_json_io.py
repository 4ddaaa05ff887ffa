"""The JSON export: lossless round trip, and hostile input refused with located messages."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import EnergyRecord, Project
from ecocheck_desktop.exchange.json_io import (
    FORMAT_VERSION,
    parse_json_file,
    project_from_json,
    project_to_json,
    read_json,
    write_json,
)
from tests.store.conftest import small_project


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    project = small_project()
    path = tmp_path / "p.json"
    write_json(project, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "ecocheck-project"
    assert document["format_version"] == FORMAT_VERSION
    # Decimals are exact strings, exponent and trailing zeros kept.
    assert document["records"][1]["quantity"] == "1.0E+3"
    assert document["fiscal_years"][0]["floor_area_m2"] == "2400.00"
    back = read_json(path)
    assert back == project
    assert str(back.records[1].quantity) == "1.0E+3"


decimals = st.decimals(
    min_value=Decimal(0), max_value=Decimal(10**12), allow_nan=False, allow_infinity=False, places=9
)
texts = st.text(max_size=30)
# Quantities up to the physical limit of core.limits (1e6 in the largest unit of any energy);
# units that fit the energy (the import refuses the others).
quantities = st.decimals(
    min_value=Decimal(0), max_value=Decimal(10**6), allow_nan=False, allow_infinity=False, places=9
)
energy_units = st.sampled_from(
    sorted((code, unit) for code, kind in ENERGY_TYPES.items() for unit in kind.units)
)
records = energy_units.flatmap(
    lambda pair: st.builds(
        EnergyRecord,
        month=st.sampled_from(["2024-04", "2025-12", "2026-01"]),
        energy=st.just(pair[0]),
        quantity=quantities,
        unit=st.just(pair[1]),
        site=texts,
        cost_yen=st.none() | decimals,
        factor_basic=st.none() | decimals,
        estimated=st.booleans(),
        note=texts,
    )
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records, max_size=8))
def test_any_records_survive_the_round_trip(items: list[EnergyRecord]) -> None:
    project = small_project()
    project.records = items
    text = json.dumps(project_to_json(project), ensure_ascii=False)
    assert project_from_json(json.loads(text)) == project


def _document(**changes: Any) -> dict[str, Any]:
    document = project_to_json(small_project())
    for dotted, value in changes.items():
        target: Any = document
        parts = dotted.split("__")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        target[int(last) if last.isdigit() else last] = value
    return document


def _fields(document: Any) -> list[str]:
    with pytest.raises(EcoCheckError) as error:
        project_from_json(document)
    return [m.where.get("field", m.code) for m in error.value.messages]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"records__0__quantity": 1.5e308 * 10}, "records[0].quantity"),  # inf
        ({"records__0__quantity": "NaN"}, "records[0].quantity"),
        ({"records__0__quantity": "1e999"}, "records[0].quantity"),
        ({"records__0__quantity": "9" * 5000}, "records[0].quantity"),
        ({"records__0__quantity": 10**30}, "records[0].quantity"),
        ({"records__0__quantity": True}, "records[0].quantity"),
        ({"records__0__quantity": [1]}, "records[0].quantity"),
        ({"records__0__quantity": "-5"}, "records[0].quantity"),
        ({"records__0__month": "2025-13"}, "records[0].month"),
        ({"records__0__energy": "plutonium"}, "records[0].energy"),
        ({"records__0__estimated": "yes"}, "records[0].estimated"),
        ({"records__0__note": "x" * 1_000_000}, "records[0].note"),
        ({"records__0__extra": 1}, "records[0].extra"),
        ({"company__name": None}, "company.name"),
        ({"company__fy_start_month": 13}, "company.fy_start_month"),
        ({"company__fy_start_month": 10**100}, "company.fy_start_month"),
        ({"fiscal_years__0__year": "2025"}, "fiscal_years[0].year"),
        ({"records": {"a": 1}}, "records"),
        ({"checklist": [1, 2]}, "checklist"),
        ({"unknown_top": 1}, "unknown_top"),
        ({"records__1": "not an object"}, "records[1]"),
    ],
)
def test_hostile_values_are_located(changes: dict[str, Any], field: str) -> None:
    assert field in _fields(_document(**changes))


def test_deep_nesting_in_a_checklist_is_refused() -> None:
    deep: Any = 1
    for _ in range(50):
        deep = {"a": deep}
    assert any(f.startswith("checklist") for f in _fields(_document(checklist=deep)))


def test_all_problems_are_listed_not_just_the_first() -> None:
    document = _document(records__0__quantity="x", records__2__month="May")
    assert _fields(document) == ["records[0].quantity", "records[2].month"]


@pytest.mark.parametrize(
    "document",
    [[], "text", None, {"format": "other"}, {"format": "ecocheck-project", "format_version": "1"}],
)
def test_not_a_project_export(document: Any) -> None:
    with pytest.raises(EcoCheckError) as error:
        project_from_json(document)
    assert error.value.messages[0].code == "json.wrong_format"


def test_newer_format_is_refused() -> None:
    with pytest.raises(EcoCheckError) as error:
        project_from_json(_document(format_version=FORMAT_VERSION + 1))
    assert error.value.messages[0].code == "json.newer_format"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b'{"format": "ecocheck-project", "x": NaN}',
        b'{"a": Infinity}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a": ' + b"9" * 10_000 + b"}",
        b'{"a": 1',
    ],
)
def test_broken_files_give_messages_not_tracebacks(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    with pytest.raises(EcoCheckError) as error:
        read_json(path)
    message = error.value.messages[0]
    assert message.code == "json.not_json"
    assert message.where["file"] == str(path)


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("old", encoding="utf-8")
    project: Project = small_project()
    project.checklist = {"bad": object()}  # not serialisable: fails before anything is written
    with pytest.raises(TypeError):
        write_json(project, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "ecocheck-project", "format": "other"}',
        '{"records": [{"quantity": "1", "unit": "kWh", "quantity": "900"}]}',
    ],
)
def test_a_key_given_twice_is_refused_not_silently_the_last(tmp_path: Path, text: str) -> None:
    """Two programs may read one duplicated key differently (the first or the last value):
    the file is refused with the key named instead of importing whichever json.loads keeps."""
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EcoCheckError) as error:
        parse_json_file(path)
    message = error.value.messages[0]
    assert message.code == "json.not_json" and "appears twice" in message.text()
    assert str(path) in message.text()
