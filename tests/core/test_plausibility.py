"""Plausibility warnings: never blocking, each saying what and where."""

from __future__ import annotations

from decimal import Decimal

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import FiscalYearData, SupplyContract
from ecocheck_desktop.core.plausibility import check, check_year
from tests.core.test_footprint import FakeLibrary, project_with, rec

D = Decimal
FY2025 = [f"{2025 + (m < 4)}-{m:02d}" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]


def electricity_year(values: dict[str, str], unit: str = "kWh") -> list:  # type: ignore[type-arg]
    return [
        rec(month, "電気", values.get(month, "10000"), unit, supplier="A0269")
        for month in FY2025
        if values.get(month) != "skip"
    ]


def codes(warnings: list) -> list[str]:  # type: ignore[type-arg]
    return [w.code for w in warnings]


def test_a_clean_year_has_no_warnings() -> None:
    project = project_with(*electricity_year({}))
    footprint = calculate(project, FakeLibrary())
    assert check(project, footprint) == []
    assert footprint.year(2025).warnings == []


def test_missing_month_names_site_energy_and_month() -> None:
    project = project_with(*electricity_year({"2025-09": "skip"}))
    warnings = check(project, calculate(project, FakeLibrary()))
    assert codes(warnings) == ["plausibility.month_missing"]
    assert warnings[0].where == {
        "site": "本社工場",
        "energy": "electricity",
        "month": "2025-09",
        "fiscal_year": 2025,
    }
    assert "2025-09" in warnings[0].text() and "本社工場" in warnings[0].text()


def test_a_seasonal_fuel_warns_once_per_line_and_a_zero_month_is_not_missing() -> None:
    """Kerosene used in 3 winter months, 9 left blank: one warning naming the 9 months, and the
    same months in the completeness rule; entered as 0 they are "not used", not missing."""
    from ecocheck_desktop.core.model import EnergyRecord

    electricity = electricity_year({})
    winter = ("2025-12", "2026-01", "2026-02")
    kerosene = [EnergyRecord(m, "kerosene", Decimal(200), "L", "本社工場") for m in winter]
    project = project_with(*electricity, *kerosene)
    year = calculate(project, FakeLibrary()).year(2025)
    missing = [w for w in year.warnings if w.code == "plausibility.month_missing"]
    assert len(missing) == 1
    assert missing[0].params["count"] == 9
    assert missing[0].where["month"] == "2025-04"
    gaps = year.completeness.months_without("本社工場", "kerosene")
    assert len(gaps) == 9 and missing[0].params["month"] == ", ".join(gaps)
    assert not year.complete

    summer = [
        EnergyRecord(m, "kerosene", Decimal(0), "L", "本社工場")
        for m in year.completeness.year_months
        if m not in winter
    ]
    project = project_with(*electricity, *kerosene, *summer)
    year = calculate(project, FakeLibrary()).year(2025)
    assert [w for w in year.warnings if w.code == "plausibility.month_missing"] == []
    assert year.completeness.months_without("本社工場", "kerosene") == ()
    assert year.complete


def test_month_three_times_the_median_or_a_third() -> None:
    project = project_with(*electricity_year({"2025-08": "35000", "2026-01": "3000"}))
    year = calculate(project, FakeLibrary()).year(2025)
    outliers = [w for w in year.warnings if w.code == "plausibility.month_outlier"]
    assert sorted(w.where["month"] for w in outliers) == ["2025-08", "2026-01"]
    assert check(project, year) == year.warnings  # a YearResult alone works too


def test_zero_month_of_a_heating_fuel_is_not_an_outlier() -> None:
    records = [rec(m, "灯油", "0" if m[5:] in ("07", "08") else "500", "L") for m in FY2025]
    project = project_with(*records)
    assert calculate(project, FakeLibrary()).year(2025).warnings == []
    zero_power = project_with(*electricity_year({"2025-08": "0"}))
    warnings = calculate(zero_power, FakeLibrary()).year(2025).warnings
    assert codes(warnings) == ["plausibility.month_outlier"]


def test_same_month_last_year() -> None:
    last = [
        rec(
            f"{2024 + (m < 4)}-{m:02d}",
            "電気",
            "10000" if m == 8 else "30000",
            "kWh",
            supplier="A0269",
        )
        for m in range(1, 13)
    ]
    this = electricity_year({month: "35000" for month in FY2025})
    project = project_with(*last, *this)
    year = calculate(project, FakeLibrary(electricity_years=(2024, 2025))).year(2025)
    vs_last = [w for w in year.warnings if w.code == "plausibility.month_vs_last_year"]
    assert [w.where["month"] for w in vs_last] == ["2025-08"]
    assert vs_last[0].params["last_year"] == D(10000)
    assert "plausibility.month_outlier" not in codes(year.warnings)  # flat within the year


def test_unit_looks_a_thousand_times_off() -> None:
    project = project_with(*electricity_year({"2025-10": "10"}))  # typed in 千kWh
    warnings = calculate(project, FakeLibrary()).year(2025).warnings
    assert codes(warnings) == ["plausibility.unit_1000x"]
    assert warnings[0].where["month"] == "2025-10"
    assert "千kWh" in warnings[0].text()

    both = project_with(*electricity_year({"2025-10": "5"}))  # two checks, one warning
    assert codes(calculate(both, FakeLibrary()).year(2025).warnings) == ["plausibility.unit_1000x"]

    small = project_with(rec("2025-04", "電気", "5", "kWh", supplier="A0269"))
    assert "plausibility.unit_1000x" in codes(calculate(small, FakeLibrary()).year(2025).warnings)

    litres = project_with(rec("2025-04", "軽油", "0.8", "L"))
    warnings = calculate(litres, FakeLibrary()).year(2025).warnings
    assert "plausibility.unit_1000x" in codes(warnings)


def test_factor_entered_in_kg() -> None:
    project = project_with(
        *electricity_year({}),
        rec("2025-04", "都市ガス", "1000", "m3", factor_basic=D("2050"), factor_source="請求書"),
        contracts=[
            SupplyContract(
                "本社工場", "electricity", factor_basic=D("0.452"), factor_source="請求書"
            )
        ],
    )
    warnings = calculate(project, FakeLibrary()).year(2025).warnings
    in_kg = [w for w in warnings if w.code == "plausibility.factor_in_kg"]
    assert sorted(w.where["energy"] for w in in_kg) == ["city_gas", "electricity"]
    sane = project_with(
        rec("2025-04", "電気", "1000", "kWh", factor_basic=D("0.000452"), factor_source="請求書")
    )
    assert "plausibility.factor_in_kg" not in codes(
        calculate(sane, FakeLibrary()).year(2025).warnings
    )


def test_check_year_directly_with_previous() -> None:
    project = project_with(*electricity_year({}), fiscal_years={2025: FiscalYearData(2025)})
    year = calculate(project, FakeLibrary()).year(2025)
    assert check_year(project, year, year) == []
