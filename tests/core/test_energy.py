"""Energy codes, units and conversion to the factor table's unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecocheck_desktop.core.energy import (
    ENERGY_TYPES,
    UNITS,
    normalize_energy,
    normalize_unit,
    to_table_unit,
)
from ecocheck_desktop.core.messages import EcoCheckError


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("electricity", "electricity"),
        ("ELECTRICITY", "electricity"),
        ("電気", "electricity"),
        ("電力", "electricity"),
        ("都市ガス", "city_gas"),
        ("LPG", "lpg"),
        ("ＬＰＧ", "lpg"),
        ("LPガス", "lpg"),
        ("プロパン", "lpg"),
        ("液化石油ガス", "lpg"),
        ("灯油", "kerosene"),
        ("軽油", "diesel"),
        ("ガソリン", "gasoline"),
        ("揮発油", "gasoline"),
        ("A重油", "heavy_oil_a"),
        ("Ａ重油", "heavy_oil_a"),
        ("B・C重油", "heavy_oil_bc"),
        ("B･C重油", "heavy_oil_bc"),
        ("C重油", "heavy_oil_bc"),
        ("LNG", "lng"),
        ("液化天然ガス", "lng"),
        ("蒸気・温水・冷水", "heat"),
        ("熱", "heat"),
        ("原油", "crude_oil"),
        ("天然ガス", "natural_gas"),
        (" city_gas ", "city_gas"),
    ],
)
def test_normalize_energy(text: str, code: str) -> None:
    assert normalize_energy(text) == code


def test_unknown_energy() -> None:
    with pytest.raises(EcoCheckError) as info:
        normalize_energy("水道")
    assert info.value.messages[0].code == "energy.unknown"
    assert info.value.messages[0].params == {"value": "水道"}


def test_energy_types_are_consistent() -> None:
    for code, energy_type in ENERGY_TYPES.items():
        assert energy_type.code == code
        assert energy_type.scope in (1, 2)
        assert energy_type.is_fuel == (energy_type.scope == 1)
        assert set(energy_type.units) <= set(UNITS)
        assert normalize_energy(energy_type.name_ja) == code
    assert ENERGY_TYPES["electricity"].scope == 2
    assert ENERGY_TYPES["heat"].scope == 2
    assert ENERGY_TYPES["city_gas"].scope == 1


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("kWh", "kWh"),
        ("kwh", "kWh"),
        ("ｋＷｈ", "kWh"),
        ("KWH", "kWh"),
        ("MWh", "MWh"),
        ("千kWh", "千kWh"),
        ("m3", "m3"),
        ("㎥", "m3"),
        ("m³", "m3"),
        ("千ｍ３", "千m3"),
        ("Nm3", "Nm3"),
        ("千Nm3", "千Nm3"),
        ("L", "L"),
        ("l", "L"),
        ("ℓ", "L"),
        ("リットル", "L"),
        ("kL", "kL"),
        ("KL", "kL"),
        ("kg", "kg"),
        ("t", "t"),
        ("トン", "t"),
        ("GJ", "GJ"),
    ],
)
def test_normalize_unit(text: str, unit: str) -> None:
    assert normalize_unit(text) == unit


def test_unknown_unit() -> None:
    with pytest.raises(EcoCheckError) as info:
        normalize_unit("gallon")
    assert info.value.messages[0].code == "unit.unknown"


@pytest.mark.parametrize(
    ("energy", "quantity", "unit", "expected"),
    [
        ("electricity", "120000", "kWh", "120000"),
        ("electricity", "120", "MWh", "120000"),
        ("electricity", "120", "千kWh", "120000"),
        ("gasoline", "2000", "L", "2"),
        ("diesel", "3", "kL", "3"),
        ("city_gas", "8000", "m3", "8"),
        ("city_gas", "8", "千m3", "8"),
        ("city_gas", "8000", "Nm3", "8"),
        ("city_gas", "8", "千Nm3", "8"),
        ("lpg", "1500", "kg", "1.5"),
        ("lpg", "2", "t", "2"),
        ("lpg", "1004", "m3", "2"),
        ("lng", "500", "kg", "0.5"),
        ("heat", "500", "GJ", "500"),
    ],
)
def test_to_table_unit(energy: str, quantity: str, unit: str, expected: str) -> None:
    assert to_table_unit(energy, Decimal(quantity), unit) == Decimal(expected)


def test_lpg_m3_with_a_stated_conversion() -> None:
    # Butane: 1 t = 355 m3 (J-Net21 Q1278)
    assert to_table_unit("lpg", Decimal(710), "m3", lpg_m3_per_t=Decimal(355)) == 2


@pytest.mark.parametrize(
    ("energy", "unit"),
    [("electricity", "L"), ("gasoline", "kWh"), ("city_gas", "kg"), ("heat", "kWh"), ("lpg", "L")],
)
def test_unit_mismatch_names_both(energy: str, unit: str) -> None:
    with pytest.raises(EcoCheckError) as info:
        to_table_unit(energy, Decimal(1), unit)
    message = info.value.messages[0]
    assert message.code == "unit.mismatch"
    assert message.params["energy"] == energy
    assert message.params["unit"] == unit
    assert energy in message.text() and unit in message.text()


@pytest.mark.parametrize(
    ("printed", "unit"),
    [("m³N", "Nm3"), ("㎥N", "Nm3"), ("m3N", "Nm3"), ("千m³N", "千Nm3"), ("ノルマル立米", "Nm3")],
)
def test_normal_cubic_metres_as_printed_in_jis_notation(printed: str, unit: str) -> None:
    """Issue 15: Nm3 as billed; m³N is the JIS spelling of the same normal cubic metre."""
    from ecocheck_desktop.core.energy import normalize_unit

    assert normalize_unit(printed) == unit
