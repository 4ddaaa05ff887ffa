"""core.data_quality: completeness figures, the shares resting on weak figures, the PCAF option."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from ecocheck_desktop.core.data_quality import PCAF_OPTIONS, assess, pcaf_option
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import FiscalYearData, Project, SupplyContract
from ecocheck_desktop.exchange.demo import demo_project
from tests.core.rules15 import D, project, year_records

SOURCE = "東京電力エナジーパートナー「電源構成・CO2排出係数」2025年度ページ"


def quality(p: Project, fiscal_year: int = 2025):  # type: ignore[no-untyped-def]
    return assess(p, calculate(p, default_library(), strict=False), fiscal_year)


def with_verification(p: Project, verification: str, verifier: str = "") -> Project:
    p.company = replace(p.company, verification=verification, verifier=verifier)
    return p


def test_the_pcaf_table_has_the_standards_scores() -> None:
    assert {o: s for o, (s, _why) in PCAF_OPTIONS.items()} == {
        "1a": 1, "1b": 2, "2a": 2, "2b": 3, "3a": 4, "3b": 5,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("verification", "verifier", "option", "score"),
    [
        ("none", "", "1b", 2),
        ("self", "", "1b", 2),
        ("third_party", "", "1b", 2),  # no named verifier: not verified in PCAF's sense
        ("third_party", "日本品質保証機構", "1a", 1),
    ],
)
def test_pcaf_option_per_verification_state(
    verification: str, verifier: str, option: str, score: int
) -> None:
    dq = quality(with_verification(demo_project(), verification, verifier))
    assert dq.complete
    assert (dq.pcaf_option, dq.pcaf_score) == (option, score)
    assert (dq.verification, dq.verifier) == (verification, verifier)


def test_a_complete_year_has_twelve_months_and_no_weak_shares() -> None:
    p = demo_project()
    dq = quality(p)
    footprint = calculate(p, default_library(), strict=False)
    year = footprint.year(2025)
    assert (dq.months_with_data, dq.months_expected, dq.part_year) == (12, 12, False)
    assert dq.sites == ("本社工場",) and dq.sites_with_data == ("本社工場",)
    assert year.completeness is not None
    assert dq.energies_with_data == year.completeness.energies
    assert dq.share_estimated_pct == dq.share_default_factor_pct == dq.share_user_factor_pct == 0
    assert dq.total_adjusted_t == year.total_adjusted_t


def test_a_part_year_is_option_2a_whatever_the_verification() -> None:
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269", skip=(8, 9, 10, 11))
    p = with_verification(project(records), "third_party", "日本品質保証機構")
    dq = quality(p)
    assert (dq.months_with_data, dq.months_expected, dq.part_year) == (8, 12, True)
    assert not dq.complete
    assert (dq.pcaf_option, dq.pcaf_score) == ("2a", 2)


def test_no_data_is_option_3_by_revenue() -> None:
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269")
    p = project(records)
    footprint = calculate(p, default_library(), fiscal_years=[2025, 2026], strict=False)
    dq = assess(p, footprint, 2026)
    assert (dq.months_with_data, dq.part_year, dq.pcaf_option, dq.pcaf_score) == (0, True, "3b", 5)
    p.fiscal_years[2026] = FiscalYearData(2026, revenue_million_yen=D(800))
    assert assess(p, footprint, 2026).pcaf_option == "3a"
    assert pcaf_option(False, False, "none", "", True) == ("3a", "no energy data; revenue known")


def test_share_of_estimated_months() -> None:
    # Electricity only: 3 of 12 equal months estimated -> 25.0 % of the t-CO2.
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269")
    records = [replace(r, estimated=i < 3) for i, r in enumerate(records)]
    dq = quality(project(records))
    assert dq.share_estimated_pct == Decimal("25.0")
    assert dq.estimated_t * 4 == dq.total_adjusted_t
    assert dq.complete  # an estimate chosen knowingly does not make the year incomplete


def test_share_of_user_entered_factors() -> None:
    # Two sites, equal electricity; one on the retailer's figure typed in by the user.
    user = SupplyContract(
        "第二工場", "electricity", "A0269", factor_basic=D("0.0004"),
        factor_adjusted=D("0.0004"), factor_source=SOURCE,
    )  # fmt: skip
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269", site="本社工場")
    records += year_records(2025, "電気", "1000", "kWh", site="第二工場")
    p = project(records, contracts=(user,), sites=("本社工場", "第二工場"))
    dq = quality(p)
    year = calculate(p, default_library()).year(2025)
    own = year.by_site["第二工場"].scope2_adjusted_t
    assert dq.user_factor_t == own == D("0.0004") * 12000
    assert dq.share_user_factor_pct == (own * 100 / year.total_adjusted_t).quantize(D("0.1"))
    assert dq.sites_with_data == ("本社工場", "第二工場")


def test_share_of_the_lists_substitute_and_of_estimated_factors() -> None:
    # An unlisted retailer in FY2025 resolves to the list's 代替値: a default factor.
    records = year_records(2025, "電気", "1000", "kWh", supplier="存在しない電力株式会社")
    dq = quality(project(records))
    assert dq.share_default_factor_pct == Decimal("100.0")
    assert dq.share_estimated_pct == 0
    # No FY2024 list for the supplier: an estimate from the nearest list (推計).
    estimate = SupplyContract(
        "本社工場", "electricity", "A0269", factor_choice="estimate", estimate_basis="substitute"
    )
    records = year_records(2024, "電気", "1000", "kWh")
    dq = quality(project(records, contracts=(estimate,)), 2024)
    assert dq.share_estimated_pct == Decimal("100.0")
    assert dq.share_default_factor_pct == 0


def test_sites_without_data_are_in_the_boundary_only() -> None:
    records = year_records(2025, "電気", "1000", "kWh", supplier="A0269", site="本社工場")
    dq = quality(project(records, sites=("本社工場", "倉庫")))
    assert dq.sites == ("本社工場", "倉庫") and dq.sites_with_data == ("本社工場",)


def test_unknown_year_raises_key_error() -> None:
    p = demo_project()
    with pytest.raises(KeyError):
        assess(p, calculate(p, default_library(), strict=False), 1999)
