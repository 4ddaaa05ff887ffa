"""Refrigerant GWPs: the フロン法 算定漏えい量 list's HFCs and blends, lenient keys, refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.messages import EcoCheckError

LIBRARY = default_library()

# Printed values: nanba1.jp (フロン法 報告の目安 table) and emapeo.net (冷媒の基本特性).
PRINTED = {
    "R-404A": "3920",
    "R-410A": "2090",
    "R-32": "675",
    "R-448A": "1387",
    "R-449A": "1397",
    "R-463A": "1494",
    "R-407H": "1495",
    "R-407C": "1770",
    "R-507A": "3990",
    "R-134a": "1430",
    "R-22": "1810",
}
REQUIRED = (
    "R-407C R-407E R-404A R-507A R-410A R-32 R-134a R-448A R-449A R-452A R-454B R-23"
).split()


@pytest.mark.parametrize("key", REQUIRED)
def test_issue_list_is_covered_with_a_source(key: str) -> None:
    gwp = LIBRARY.refrigerant(key)
    assert gwp.kind == "HFC" and gwp.gwp_shk is not None and gwp.gwp_furon > 0
    assert "http" in gwp.source


@pytest.mark.parametrize(("key", "value"), sorted(PRINTED.items()))
def test_printed_values(key: str, value: str) -> None:
    assert LIBRARY.refrigerant(key).gwp_furon == Decimal(value)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("R407C", "R-407C"),
        ("R-407c", "R-407C"),
        ("r 407 c", "R-407C"),
        ("HFC-134a", "R-134a"),
        ("HFC134A", "R-134a"),
        ("Ｒ－４１０Ａ", "R-410A"),
        ("R−32", "R-32"),
        ("R-507", "R-507A"),
        ("CFC-12", "R-12"),
        ("HCFC-22", "R-22"),
    ],
)
def test_keys_match_leniently(typed: str, key: str) -> None:
    assert LIBRARY.refrigerant(typed).key == key
    assert LIBRARY.has_refrigerant(typed)


def test_blends_follow_their_composition_and_classes_decide_scope1() -> None:
    # R-407E = 25 % R-32 + 15 % R-125 + 60 % R-134a = 1551.75 -> 1552 (AR4 components).
    assert LIBRARY.refrigerant("R-407E").gwp_furon == Decimal(1552)
    assert LIBRARY.refrigerant("R-454B").gwp_furon == Decimal(466)
    for gwp in LIBRARY.refrigerants():
        assert gwp.source
        assert (gwp.gwp_shk is None) == (gwp.kind != "HFC"), gwp.key


def test_unknown_refrigerant_is_refused() -> None:
    assert not LIBRARY.has_refrigerant("R-999X")
    with pytest.raises(EcoCheckError) as error:
        LIBRARY.refrigerant("R-999X")
    assert error.value.messages[0].code == "factor.unknown_refrigerant"


def test_calculation_and_json_import_refuse_an_unknown_refrigerant() -> None:
    from ecocheck_desktop.core.footprint import calculate
    from ecocheck_desktop.core.model import Company, Project, RefrigerantRefill
    from ecocheck_desktop.exchange.json_io import project_from_json, project_to_json

    project = Project(
        company=Company("テスト冷凍"),
        refrigerants=[
            RefrigerantRefill(2025, "R407C", Decimal(10)),
            RefrigerantRefill(2025, "R-999X", Decimal(1)),
        ],
    )
    with pytest.raises(EcoCheckError) as error:
        calculate(project)
    assert [m.code for m in error.value.messages] == ["refrigerant.unknown"]
    document = project_to_json(project)
    with pytest.raises(EcoCheckError) as error:
        project_from_json(document)
    assert any(
        "refrigerants[1].refrigerant" in str(m.where) + str(m.params) for m in error.value.messages
    )
    # R-407C itself is counted: 10 kg x 1,770 / 1,000 = 17.7 t-CO2 (Scope 1).
    known = Project(company=Company("テスト冷凍"), refrigerants=project.refrigerants[:1])
    assert calculate(known).year(2025).refrigerant_scope1_t == Decimal("17.7")
    assert project_from_json(project_to_json(known)).refrigerants == known.refrigerants
