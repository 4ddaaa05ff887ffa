"""The SHK year rule: tables, lists and conversions follow each month's April-March 年度.

Whatever the company's business year (Company.fy_start_month), the fuel table, the electricity
list and the 省エネ法 electricity conversion are those of the month's April-March year; the
business year only groups the results.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import EnergyRecord, SupplyContract
from ecocheck_desktop.core.results import Footprint
from tests.core.rules15 import D, chain, close, fig, project


def test_january_start_company_uses_the_old_table_for_january_to_march_2023() -> None:
    records = [EnergyRecord(f"2023-{m:02d}", "軽油", D("1"), "kL") for m in range(1, 13)]
    year = calculate(project(records, start=1), default_library()).year(2023)
    old = chain(fig("diesel_old", "gj_per_kl"), fig("diesel_old", "tc_per_gj"))
    new = chain(fig("diesel_new", "gj_per_kl"), fig("diesel_new", "tc_per_gj"))
    by_month = {line.month: line for line in year.lines}
    for month in ("2023-01", "2023-02", "2023-03"):
        assert by_month[month].shk_fiscal_year == 2022
        assert close(by_month[month].t_co2_basic, old)
        assert by_month[month].edition_id == "fuel_old"
    for month in ("2023-04", "2023-12"):
        assert by_month[month].shk_fiscal_year == 2023
        assert close(by_month[month].t_co2_basic, new)
    # The business year groups: 3 months old + 9 months new.
    assert close(year.scope1_t, 3 * old + 9 * new)
    assert year.complete


def test_january_start_electricity_follows_the_april_year_list() -> None:
    # Business year 2026 (Jan-Dec 2026): Jan-Mar 2026 are SHK FY2025 (the bundled R6実績 list);
    # April on is SHK FY2026, for which no list is bundled: the factor is asked for.
    records = [
        EnergyRecord(f"2026-{m:02d}", "電気", D("1000"), "kWh", supplier="A0269")
        for m in range(1, 13)
    ]
    footprint = calculate(project(records, start=1), default_library(), strict=False)
    year = footprint.year(2026)
    residual = fig("electricity_fy2025", "a0269_residual")
    early = [line for line in year.lines if line.month <= "2026-03"]
    assert all(line.factor_adjusted == residual for line in early)
    assert all(line.shk_fiscal_year == 2025 for line in early)
    needed = [m for m in year.errors if m.code == "factor.needed"]
    assert [m.params["fiscal_year"] for m in needed] == [2026]
    assert not year.complete and year.completeness is not None
    assert year.completeness.missing_factor == ("electricity",)
    # 省エネ法 8.64 GJ/千kWh for every month (FY2023 on), whatever the grouping.
    assert year.energy_gj == 12 * D("1000") * fig("shoene", "electricity_gj_per_mwh_new") / 1000
    with pytest.raises(EcoCheckError):
        calculate(project(records, start=1), default_library())


def test_april_start_is_unchanged() -> None:
    records = [EnergyRecord("2023-03", "軽油", D("1"), "kL")]
    year = calculate(project(records), default_library()).year(2022)
    assert year.lines[0].shk_fiscal_year == 2022


SITES = ("本社工場", "第二工場")
FUEL_ROWS = st.tuples(
    st.integers(min_value=0, max_value=47),  # month index from 2021-04
    st.sampled_from(("軽油", "A重油", "灯油", "都市ガス", "LPG", "電気")),
    st.integers(min_value=0, max_value=50_000),
    st.sampled_from(SITES),
)


def _month(index: int) -> str:
    year, month = divmod(2021 * 12 + 3 + index, 12)
    return f"{year}-{month + 1:02d}"


def _unit(energy: str) -> str:
    return {"軽油": "L", "A重油": "L", "灯油": "L", "都市ガス": "m3", "LPG": "kg", "電気": "kWh"}[
        energy
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(FUEL_ROWS, min_size=1, max_size=25),
    st.integers(min_value=1, max_value=12),
)
def test_regrouping_by_business_year_never_changes_an_shk_year_total(
    rows: list[tuple[int, str, int, str]], start: int
) -> None:
    # Electricity carries a sourced user factor so every year resolves (no list is needed).
    records = [
        EnergyRecord(
            _month(index),
            energy,
            Decimal(quantity),
            _unit(energy),
            site=site,
            factor_basic=D("0.0005") if energy == "電気" else None,
            factor_source="2024年4月の請求書" if energy == "電気" else "",
        )
        for index, energy, quantity, site in rows
    ]
    reference = calculate(project(records, sites=SITES), default_library(), strict=False)
    regrouped = calculate(
        project(records, start=start, sites=SITES), default_library(), strict=False
    )

    def shk_totals(footprint: Footprint) -> dict[int, tuple[Decimal, Decimal, Decimal]]:
        """Line sums per April-March year, summed exactly (as the core sums)."""
        totals: dict[int, tuple[Decimal, Decimal, Decimal]] = {}
        with decimal.localcontext(decimal.Context(prec=200)):
            for line in (line for year in footprint.years for line in year.lines):
                shk = fiscal_year_of(line.month, 4)
                assert line.shk_fiscal_year == shk
                assert line.t_co2_basic is not None and line.t_co2_adjusted is not None
                basic, adjusted, gj = totals.get(shk, (D(0), D(0), D(0)))
                totals[shk] = (
                    basic + line.t_co2_basic,
                    adjusted + line.t_co2_adjusted,
                    gj + line.gj,
                )
        return totals

    with decimal.localcontext(decimal.Context(prec=200)):
        expected = {
            year.fiscal_year: (
                year.total_basic_t - year.refrigerant_scope1_t,
                year.total_adjusted_t - year.refrigerant_scope1_t,
                year.energy_gj,
            )
            for year in reference.years
        }
    assert shk_totals(reference) == expected
    assert shk_totals(regrouped) == expected
    # Regrouping moves months between years but never loses or adds one.
    with decimal.localcontext(decimal.Context(prec=200)):
        assert sum(y.total_adjusted_t for y in regrouped.years) == sum(
            y.total_adjusted_t for y in reference.years
        )


def test_contract_choice_follows_the_site_for_every_shk_year() -> None:
    contract = SupplyContract(
        "本社工場", "electricity", "A0269", factor_basic=D("0.0005"), factor_source="請求書"
    )
    records = [EnergyRecord("2024-02", "電気", D("100"), "kWh")]
    year = calculate(project(records, start=1, contracts=(contract,)), default_library()).year(2024)
    assert year.lines[0].provenance == "user" and year.lines[0].shk_fiscal_year == 2023
