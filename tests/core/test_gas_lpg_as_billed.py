"""City gas and LPG as billed: Nm3 to the table's basis, the supplier's heat value, LPG m3 -> t."""

from __future__ import annotations

import decimal
import json

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import EnergyRecord, SupplyContract
from tests.core.rules15 import D, chain, close, fig, nm3_factor, project

GAS_NEW = chain(fig("city_gas_default_new", "gj_per_km3"), fig("city_gas_default_new", "tc_per_gj"))
GAS_OLD = chain(fig("city_gas_old", "gj_per_km3n"), fig("city_gas_old", "tc_per_gj"))
SHOENE_GAS = fig("shoene", "city_gas_default_gj_per_km3")


def one_line(records: list[EnergyRecord], fiscal_year: int, **extra: object):  # type: ignore[no-untyped-def]
    return calculate(project(records, **extra), default_library()).year(fiscal_year)  # type: ignore[arg-type]


def test_nm3_on_the_new_table_is_converted_to_25c_1bar() -> None:
    year = one_line([EnergyRecord("2025-06", "都市ガス", D("1000"), "Nm3")], 2025)
    line = year.lines[0]
    assert close(line.volume_factor, nm3_factor(), 30)
    assert close(line.table_quantity, nm3_factor(), 30)  # 1,000 Nm3 = 1.106 千m3 at 25 °C
    assert close(year.scope1_t, nm3_factor() * GAS_NEW)
    # 9.6 % more than taking 千Nm3 as 千m3 (the figure)
    with decimal.localcontext(decimal.Context(prec=50)):
        assert round((nm3_factor() - 1) * 100, 1) == D("10.6")  # +10.6 % volume = 9.6 % low
    # 省エネ法: the heat value applies to the billed volume as is (no temperature correction).
    assert line.gj == D(1) * SHOENE_GAS
    same = one_line([EnergyRecord("2025-06", "都市ガス", D("1"), "千Nm3")], 2025)
    assert same.scope1_t == year.scope1_t and same.energy_gj == year.energy_gj


def test_metered_m3_is_taken_as_the_table_basis() -> None:
    year = one_line([EnergyRecord("2025-06", "都市ガス", D("1000"), "m3")], 2025)
    assert year.lines[0].volume_factor is None
    assert close(year.scope1_t, GAS_NEW)


def test_nm3_on_the_old_table_needs_no_conversion() -> None:
    year = one_line([EnergyRecord("2022-06", "都市ガス", D("1000"), "Nm3")], 2022)
    assert year.lines[0].volume_factor is None
    assert close(year.scope1_t, GAS_OLD)


def test_nm3_conversion_shows_in_the_json() -> None:
    records = [EnergyRecord("2025-06", "都市ガス", D("1000"), "Nm3")]
    data = calculate(project(records), default_library()).to_json_dict()
    detail = json.loads(json.dumps(data))["results"][0]["by_energy"]["city_gas"]["factors"][0]
    assert close(D(detail["volume_factor"]), nm3_factor(), 30)
    assert D(detail["heat_value_gj_per_km3"]) == SHOENE_GAS and detail["heat_value_source"] == ""


def test_supplier_heat_value_changes_energy_not_co2() -> None:
    heat = fig("supplier_heat_value", "gj_per_km3")
    contract = SupplyContract(
        "本社工場",
        "city_gas",
        heat_value_gj_per_km3=heat,
        heat_value_source="金沢市企業局 ガスの熱量 46.0 MJ/m3",
    )
    records = [EnergyRecord("2025-06", "都市ガス", D("10000"), "m3")]
    default = one_line(records, 2025)
    supplier = one_line(records, 2025, contracts=(contract,))
    assert supplier.energy_gj == D(10) * heat
    assert supplier.crude_oil_kl == D(10) * heat * fig("shoene", "crude_oil_kl_per_gj")
    assert default.energy_gj == D(10) * SHOENE_GAS
    assert supplier.scope1_t == default.scope1_t  # CO2: the table's factor (SHK), unchanged
    line = supplier.lines[0]
    assert line.heat_value == heat and line.heat_value_source.startswith("金沢市企業局")


def test_lpg_m3_propane_by_default_butane_or_stated_kg() -> None:
    lpg_t = chain(fig("lpg_new", "gj_per_t"), fig("lpg_new", "tc_per_gj"))
    records = [EnergyRecord("2025-06", "LPG", D("1000"), "m3")]
    propane = one_line(records, 2025)
    assert close(propane.scope1_t, D(1000) / fig("lpg", "propane_m3_per_t") * lpg_t)
    assert propane.lines[0].lpg_conversion == "propane"

    butane = SupplyContract("本社工場", "lpg", lpg_conversion="butane", lpg_source="納品書")
    year = one_line(records, 2025, contracts=(butane,))
    assert close(year.scope1_t, D(1000) / fig("lpg", "butane_m3_per_t") * lpg_t)
    assert year.lines[0].lpg_conversion == "butane" and year.lines[0].lpg_source == "納品書"

    stated = SupplyContract(
        "本社工場",
        "lpg",
        lpg_conversion="kg_per_m3",
        lpg_kg_per_m3=D("2.2"),
        lpg_source="2025年6月 納品書 2.2 kg/m3",
    )
    year = one_line(records, 2025, contracts=(stated,))
    assert year.lines[0].table_quantity == D("2.2")  # 1,000 m3 × 2.2 kg = 2.2 t, exactly
    assert close(year.scope1_t, D("2.2") * lpg_t)
    assert year.lines[0].lpg_t_per_m3 == D("0.0022")


def test_lpg_kg_per_m3_without_a_figure_is_unresolved() -> None:
    contract = SupplyContract("本社工場", "lpg", lpg_conversion="kg_per_m3")
    records = [EnergyRecord("2025-06", "LPG", D("1000"), "m3")]
    year = calculate(project(records, contracts=(contract,)), default_library(), strict=False).year(
        2025
    )
    assert [m.code for m in year.errors] == ["lpg.kg_per_m3_missing"]
    assert not year.complete and year.completeness is not None
    assert year.completeness.missing_factor == ("lpg",)
    # kg and t are not affected by the m3 conversion
    kg = one_line([EnergyRecord("2025-06", "LPG", D("1000"), "kg")], 2025, contracts=(contract,))
    assert kg.lines[0].table_quantity == 1


def test_nm3_conversion_is_listed_among_the_factors_used() -> None:
    """Issue 15: Nm3 is converted "with the factor and its source shown": the factors used
    (results page, PDF section 4, ``calc``) list the conversion with the table it comes from."""
    year = one_line([EnergyRecord("2025-06", "都市ガス", D("1000"), "Nm3")], 2025)
    [use] = [u for u in year.factors_used if u.how == "conversion"]
    assert close(use.value, nm3_factor(), 30)
    assert "Nm3" in use.label and "25 °C" in use.label and use.unit == "m3/Nm3"
    assert use.edition_id == year.lines[0].edition_id and use.source_url  # the new fuel table
    # Metered m3 and the old table (per 千Nm3) need none, and list none.
    for month, unit, fiscal_year in (("2025-06", "m3", 2025), ("2022-06", "Nm3", 2022)):
        other = one_line([EnergyRecord(month, "都市ガス", D("1000"), unit)], fiscal_year)
        assert not [u for u in other.factors_used if u.how == "conversion"]
