"""A generated year imported in each layout: the analysis finds the base load and the peaks
that were put in, and the savings are recomputed here by hand from the generator's numbers."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.demand import analyse, base_load_saving, peak_cap_saving
from ecocheck_desktop.exchange.demand_files import guess_mapping, read_cells
from ecocheck_desktop.exchange.demand_parse import load_demand_file
from tests.demand import generator as g

LAYOUTS = ("rows", "rows_kw", "date_time_end", "wide", "quarters", "xlsx")
EXPECTED_LAYOUT = {
    "rows": ("rows", 30, "kWh", "start"),
    "rows_kw": ("rows", 30, "kW", "start"),
    "date_time_end": ("date_time", 30, "kWh", "end"),
    "wide": ("wide", 30, "kWh", "start"),
    "quarters": ("rows", 15, "kWh", "start"),
    "xlsx": ("rows", 30, "kWh", "start"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_is_guessed_and_read_exactly(
    layout: str, files: dict[str, Path], year: g.Year
) -> None:
    mapping = guess_mapping(read_cells(files[layout]))
    assert (mapping.layout, mapping.interval_min, mapping.unit, mapping.time_label) == (
        EXPECTED_LAYOUT[layout]
    )
    result = load_demand_file(files[layout])
    assert result.errors == []
    # Every half-hour read back as the generator's kW / 2 kWh, in integer Wh, the gaps as None.
    read = {d.day: d.wh for d in result.days}
    assert set(read) == set(year.kw)
    for day, values in year.kw.items():
        assert read[day] == tuple(None if v is None else v * 500 for v in values), day
    codes = [m.code for m in result.warnings]
    assert "demand.missing_days" in codes and "demand.gaps" in codes
    gaps = next(m for m in result.warnings if m.code == "demand.gaps")
    assert gaps.params["count"] == len(g.MISSING_SLOTS)
    if layout == "wide":
        assert "demand.totals_row" in codes
    if layout == "rows_kw":
        assert "demand.unit_kw" in codes


@pytest.mark.parametrize("layout", LAYOUTS)
def test_analysis_finds_what_was_put_in(layout: str, files: dict[str, Path], year: g.Year) -> None:
    analysis = analyse(load_demand_file(files[layout]).days)
    assert analysis.base_load_kw == g.BASE_KW
    assert analysis.contract_kw_12m == max(kw for _, _, kw in g.PEAKS)
    top = [(p.at, p.kw) for p in analysis.top_peaks[: len(g.PEAKS)]]
    assert top == [
        (datetime.combine(day, datetime.min.time()) + timedelta(minutes=30 * slot), kw)
        for day, slot, kw in sorted(g.PEAKS, key=lambda p: -p[2])
    ]
    for day, _, kw in g.PEAKS:
        assert analysis.monthly_peak_kw[day.strftime("%Y-%m")] == kw
    # Other months: the weekday daytime maximum the generator allows.
    assert analysis.monthly_peak_kw["2025-04"] == g.DAY_KW + 30
    assert len(analysis.monthly_peak_kw) == 12
    # Share of the year's kWh, by hand: 40 kW x the hours with a reading / the kWh.
    readings = year.readings()
    total_kwh = sum(Decimal(kw) / 2 for _, kw in readings)
    hours = Decimal(len(readings)) / 2
    assert analysis.total_kwh == total_kwh
    assert analysis.base_load_share_pct == Decimal(g.BASE_KW) * hours * 100 / total_kwh
    assert analysis.missing == len(g.MISSING_SLOTS)


def test_savings_recomputed_by_hand(files: dict[str, Path], year: g.Year) -> None:
    days = load_demand_file(files["rows"]).days
    analysis = analyse(days)
    # Capping the peak at 200 kW: the 12-month maximum 320 kW falls to 200 kW.
    cap = peak_cap_saving(analysis, days, Decimal(200), Decimal("3030.00"))
    assert cap.contract_kw_cut == 320 - 200
    assert cap.yen_per_year == Decimal(120 * 3030 * 12)  # 4,363,200 yen
    above = [kw - 200 for _, kw in year.readings() if kw > 200]
    assert cap.half_hours_above_cap == len(above) == 3
    assert cap.kwh_above_cap == Decimal(sum(above)) / 2
    # A base load lower by 8 kW around the clock, at 16.56 yen/kWh.
    saving = base_load_saving(analysis, Decimal(8), Decimal("16.56"))
    hours = Decimal(len(year.readings())) / 2
    assert saving.kwh == 8 * hours
    assert saving.yen == 8 * hours * Decimal("16.56")


def test_profiles_weekday_and_weekend(files: dict[str, Path]) -> None:
    analysis = analyse(load_demand_file(files["rows"]).days)
    # Weekends: base load + 0..20 kW noise everywhere; weekday noon: 150..180 kW (and peaks).
    assert all(g.BASE_KW <= kw <= g.BASE_KW + 20 for kw in analysis.weekend_profile_kw)
    assert g.DAY_KW <= analysis.weekday_profile_kw[24] <= g.DAY_KW + 35
    assert g.BASE_KW <= analysis.weekday_profile_kw[2] <= g.BASE_KW + 20
    assert len(analysis.weekday_hour_kw) == 7 and len(analysis.weekday_hour_kw[0]) == 24
    assert analysis.weekday_hour_kw[5][12] <= g.BASE_KW + 20  # Saturday noon


def test_sixty_minute_data_is_split_into_equal_halves(tmp_path: Path) -> None:
    path = tmp_path / "hourly.csv"
    lines = ["日時,kWh"] + [f"2025-04-01 {h:02d}:00,{10 + h}" for h in range(24)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_demand_file(path)
    assert result.errors == [] and result.mapping.interval_min == 60
    (day,) = result.days
    assert day.wh[0] == day.wh[1] == 5000 and day.wh[46] + day.wh[47] == 33000
