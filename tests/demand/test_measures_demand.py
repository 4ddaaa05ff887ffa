"""DM-01 (peak-demand control) and DM-02 (base-load reduction) from the generated year, their
yen, CO2, capex and payback recomputed here by hand from the generator's numbers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ecocheck_desktop.core.measure_results import EnergyBaseline
from ecocheck_desktop.core.measures_demand import demand_measures
from ecocheck_desktop.exchange.demand_parse import load_demand_file
from tests.demand import generator as g


def test_both_measures_from_the_data(files: dict[str, Path]) -> None:
    days = load_demand_file(files["rows"]).days
    electricity = EnergyBaseline(
        code="electricity", quantity=Decimal(900000), unit="kWh",
        t_co2_per_unit=Decimal("0.000452"), t_co2_location_per_unit=Decimal("0.000423"),
        gj_per_unit=Decimal("0.0036"), yen_per_unit=Decimal("25"), price_source="bills",
    )  # fmt: skip
    peak, base = demand_measures(days, Decimal("3030"), electricity, Decimal("16.56"))
    # The 11th-highest daily peak is the weekday maximum, 180 kW: 320 - 180 = 140 kW cut.
    assert peak.measure.id == "DM-01"
    assert peak.details["kw_cut"] == 320 - (g.DAY_KW + 30)
    assert peak.yen_per_year == Decimal(140 * 3030 * 12)
    assert peak.t_co2_per_year == 0 and peak.saving == {}
    assert peak.payback_years == (Decimal(300000) + Decimal(1500000)) / 2 / (140 * 3030 * 12)
    # 20 % of the 40 kW base load, all year: 8 kW x 8,760 h.
    assert base.measure.id == "DM-02"
    kwh = Decimal(g.BASE_KW) * Decimal("0.2") * 8760
    assert base.saving_kwh == kwh == 70080
    assert base.yen_per_year == kwh * 25
    assert base.t_co2_scope2 == kwh * Decimal("0.000452")
    assert base.payback_years == Decimal(300000) / (kwh * 25)
    assert all(s.url for s in (*peak.sources, *base.sources))


def test_without_a_footprint_the_default_price_and_no_co2(files: dict[str, Path]) -> None:
    days = load_demand_file(files["rows"]).days
    _, base = demand_measures(days, Decimal("3030"), None, Decimal("16.56"))
    assert base.yen_per_year == 70080 * Decimal("16.56") and base.t_co2_per_year == 0
    assert demand_measures([], Decimal("3030"), None, Decimal("16.56")) == []
