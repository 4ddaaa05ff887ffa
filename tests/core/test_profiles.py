"""End-use profiles: bundled defaults, sector choice, the declared-boiler rule, overrides."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core import profiles as p
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.resources import resource_path


def _document() -> dict[str, Any]:
    path = resource_path("profiles", "end_use.json")
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_bundled_profiles_follow_the_reference_table() -> None:
    profiles = p.load_profiles()
    assert set(profiles.profiles) == set(p.SECTORS)
    # reference/measures.md section 4, "Suggested default profiles".
    metal = profiles.profiles["metalwork"].electricity
    assert metal == {
        "process": 50,
        "compressed_air": 22,
        "refrigeration": 3,
        "hvac": 12,
        "lighting": 8,
        "other": 5,
    }
    assert profiles.profiles["food"].electricity["refrigeration"] == 45
    assert profiles.profiles["office"].electricity["hvac"] == 48
    for profile in profiles.profiles.values():
        assert sum(profile.electricity.values()) == 100
        assert profile.sources and profile.confidence == "unconfirmed"
        assert all(s in profiles.sources for s in profile.sources)


@pytest.mark.parametrize(
    ("checklist", "industry", "sector"),
    [
        ({}, "E24 金属製品製造業", "metalwork"),
        ({}, "e18 プラスチック製品", "plastics"),
        ({}, "E09", "food"),
        ({}, "E15 印刷", "printing"),
        ({}, "E32 その他の製造業", "metalwork"),
        ({}, "", "metalwork"),
        ({}, "K68 不動産", "office"),
        ({"sector": "printing"}, "E24", "printing"),
    ],
)
def test_sector_from_checklist_or_industry(
    checklist: dict[str, Any], industry: str, sector: str
) -> None:
    assert p.sector_of(checklist, industry, p.load_profiles()) == sector


def test_unknown_sector_is_refused() -> None:
    with pytest.raises(EcoCheckError) as error:
        p.sector_of({"sector": "mining"}, "", p.load_profiles())
    assert error.value.messages[0].code == "profiles.unknown_sector"


def test_a_declared_boiler_takes_its_fuel_in_a_sector_without_boilers() -> None:
    profile = p.end_use_profile(
        {"boiler_count": 1, "boiler_fuel": "city_gas"}, "E24 金属製品製造業"
    )
    assert profile.fuel_split("city_gas") == {"boiler": 80, "space_heating": 20}
    assert profile.assumed == ("boiler_fuel:city_gas",)
    heavy = p.end_use_profile({"boiler_count": 1, "boiler_fuel": "heavy_oil_bc"}, "E24")
    assert heavy.fuel_split("heavy_oil_bc") == {"boiler": 100}
    food = p.end_use_profile({"boiler_count": 1, "boiler_fuel": "city_gas", "sector": "food"})
    assert food.assumed == ()
    no_boiler = p.end_use_profile({"boiler_count": 0, "boiler_fuel": "city_gas"}, "E24")
    assert no_boiler.fuel_split("city_gas") == {"process_heat": 80, "space_heating": 20}


def test_unknown_fuels_go_to_process_heat() -> None:
    assert p.end_use_profile({}, "E24").fuel_split("lng") == {"process_heat": 100}


def test_company_override_replaces_only_what_it_names() -> None:
    override = {
        "electricity": {"process": 40, "compressed_air": 35, "hvac": 15, "lighting": 10},
        "fuels": {"kerosene": {"boiler": 100}},
    }
    profile = p.end_use_profile({"end_use_override": override}, "E24")
    assert profile.electricity["compressed_air"] == 35
    assert profile.fuel_split("kerosene") == {"boiler": 100}
    assert profile.fuel_split("city_gas") == {"process_heat": 80, "space_heating": 20}
    assert profile.overridden == ("electricity", "kerosene")
    fuels_only = p.end_use_profile({"end_use_override": {"fuels": {}}}, "E24")
    assert fuels_only.electricity["compressed_air"] == 22 and fuels_only.overridden == ()


@pytest.mark.parametrize(
    "override",
    [
        "half",
        {"electricity": {"process": 60, "lighting": 30}},
        {"electricity": {"process": 90, "kitchen": 10}},
        {"electricity": {"process": "lots", "lighting": 0}},
        {"electricity": {"process": True}},
        {"electricity": {"process": -10, "lighting": 110}},
        {"electricity": {"process": "NaN"}},
        {"electricity": []},
        {"fuels": ["city_gas"]},
        {"fuels": {"city_gas": {"boiler": 50}}},
    ],
)
def test_invalid_overrides_are_refused(override: Any) -> None:
    with pytest.raises(EcoCheckError) as error:
        p.end_use_profile({"end_use_override": override}, "E24")
    assert error.value.messages[0].code == "profiles.override_invalid"


BREAKAGES = {
    "shares": lambda d: d["profiles"]["food"]["electricity"].update(process=26),
    "end use": lambda d: d["profiles"]["food"]["fuels"]["lpg"].update(kitchen=0),
    "source": lambda d: d["profiles"]["food"]["sources"].append("S0"),
    "missing": lambda d: d["profiles"]["food"].pop("electricity"),
    "sector": lambda d: d["profiles"].pop("office"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_broken_profile_files_are_refused(breakage: str, tmp_path: Path) -> None:
    document = copy.deepcopy(_document())
    BREAKAGES[breakage](document)
    path = tmp_path / "end_use.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(EcoCheckError) as error:
        p.load_profiles(path)
    assert error.value.messages[0].code == "profiles.invalid"


def test_profile_shares_are_exact_decimals() -> None:
    profile = p.load_profiles().profiles["plastics"]
    assert all(isinstance(v, Decimal) for v in profile.electricity.values())


@pytest.mark.parametrize("value", [True, "lots", "NaN", "Infinity", None, [1]])
def test_json_decimal_refuses_what_is_no_number(value: Any) -> None:
    # The one reading of a number in the JSON data files (profiles, measure catalogue).
    with pytest.raises(ValueError, match=r"^share of process is not a number$"):
        p.json_decimal(value, "share of process")


def test_json_decimal_keeps_the_digits() -> None:
    assert str(p.json_decimal(0.1, "x")) == "0.1"
    assert str(p.json_decimal("1.10", "x")) == "1.10"
    assert p.json_decimal(3, "x") == Decimal(3)
