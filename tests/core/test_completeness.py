"""The one completeness rule (core.completeness), as every view reads it."""

from __future__ import annotations

import json

from ecocheck_desktop.core.completeness import assess
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.core.model import EnergyRecord, SupplyContract
from tests.core.rules15 import D, project, year_records

SOURCE = "東京電力エナジーパートナー「電源構成・CO2排出係数」2025年度ページ"


def reason_codes(year: object) -> list[str]:
    return [m.code for m in year.incomplete_reasons]  # type: ignore[attr-defined]


def test_twelve_months_with_resolved_factors_is_complete() -> None:
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269")
    records += year_records(2025, "都市ガス", "100", "m3")
    year = calculate(project(records), default_library()).year(2025)
    assert year.complete and reason_codes(year) == []
    assert year.completeness is not None
    assert len(year.completeness.months_present) == 12
    assert year.completeness.energy_months() == (24, 24)


def test_part_year_is_incomplete_with_its_missing_months() -> None:
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269", skip=(9, 10, 11))
    year = calculate(project(records), default_library()).year(2025)
    assert not year.complete
    assert reason_codes(year) == ["completeness.part_year"]
    reason = year.incomplete_reasons[0]
    assert reason.params["months_present"] == 9
    assert reason.params["missing"] == "2026-01, 2026-02, 2026-03"
    assert year.completeness is not None and year.completeness.blank_months == {}


def test_a_blank_month_of_one_energy_is_incomplete() -> None:
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269")
    records += year_records(2025, "都市ガス", "100", "m3", skip=(4,))  # no gas for 2025-08
    year = calculate(project(records), default_library()).year(2025)
    assert reason_codes(year) == ["completeness.blank_months"]
    assert year.completeness is not None
    assert year.completeness.blank_months == {("本社工場", "city_gas"): ("2025-08",)}
    assert year.completeness.energy_months() == (23, 24)
    assert "2025-08" in year.incomplete_reasons[0].text()


def test_unresolved_electricity_is_incomplete_and_never_a_bare_zero() -> None:
    records = year_records(2024, "電気", "1000", "kWh", supplier="A0269")
    records += year_records(2024, "灯油", "10", "L")
    year = calculate(project(records), default_library(), strict=False).year(2024)
    assert not year.complete
    assert reason_codes(year) == ["factor.needed"]
    assert year.completeness is not None and year.completeness.missing_factor == ("electricity",)
    # The portfolio figure: the electricity months do not count as filled.
    assert year.completeness.energy_months() == (12, 24)
    data = calculate(project(records), default_library(), strict=False).to_json_dict()
    result = json.loads(json.dumps(data))["results"][0]
    assert result["complete"] is False
    assert [r["code"] for r in result["incomplete_reasons"]] == ["factor.needed"]
    assert "電源構成・CO2排出係数" in result["incomplete_reasons"][0]["message"]
    assert result["completeness"]["missing_factor"] == ["electricity"]


def test_a_user_factor_without_source_is_flagged_incomplete() -> None:
    contract = SupplyContract("本社工場", "electricity", "A0269", factor_basic=D("0.00045"))
    records = year_records(2024, "電気", "1000", "kWh")
    year = calculate(project(records, contracts=(contract,)), default_library()).year(2024)
    assert reason_codes(year) == ["factor.user_without_source"]
    assert year.completeness is not None and year.completeness.energy_months() == (0, 12)
    sourced = SupplyContract(
        "本社工場", "electricity", "A0269", factor_basic=D("0.00045"), factor_source=SOURCE
    )
    year = calculate(project(records, contracts=(sourced,)), default_library()).year(2024)
    assert year.complete


def test_a_refused_record_keeps_the_year_incomplete_and_below_100_percent() -> None:
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269")
    records.append(EnergyRecord("2025-05", "電気", D("5"), "L"))  # wrong unit: left out
    year = calculate(project(records), default_library(), strict=False).year(2025)
    assert reason_codes(year) == ["unit.mismatch"]
    assert year.completeness is not None
    filled, expected = year.completeness.energy_months()
    assert filled < expected


def test_business_year_months_decide_part_year() -> None:
    # January start: business year 2025 = 2025-01 .. 2025-12; twelve records of it are complete.
    records = [EnergyRecord(f"2025-{m:02d}", "灯油", D("10"), "L") for m in range(1, 13)]
    year = calculate(project(records, start=1), default_library()).year(2025)
    assert year.complete
    april = calculate(project(records), default_library()).years
    assert [y.fiscal_year for y in april] == [2024, 2025]
    assert not any(y.complete for y in april)  # 3 + 9 months in April-March years


def test_no_data_year_is_incomplete() -> None:
    records = year_records(2025, "灯油", "10", "L")
    year = calculate(project(records), default_library(), fiscal_years=[2023], strict=False).year(
        2023
    )
    assert not year.complete and reason_codes(year) == ["footprint.no_data"]


def test_assess_alone_counts_errored_records_as_present() -> None:
    months = [f"2025-{m:02d}" for m in range(4, 13)] + ["2026-01", "2026-02", "2026-03"]
    error = Message("unit.mismatch", {}, {"site": "本社工場", "energy": "electricity"})
    result = assess(2025, months, {("本社工場", "electricity"): months}, [error], usable={})
    assert not result.complete and result.blank_months == {}
    assert result.energy_months() == (0, 12)
