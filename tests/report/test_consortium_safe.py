"""The consortium summary, safe and useful (issue 18): suppression of cells of fewer than 3
companies when anonymised, part years kept out of the totals, progress against the -46 % path,
plan and target apart, a data-quality column."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.targets import national_pct_from
from ecocheck_desktop.exchange.portfolio import PortfolioRow
from ecocheck_desktop.report.consortium import ConsortiumSummary, consortium_csv
from ecocheck_desktop.report.consortium_pdf import render_consortium_pdf

D = Decimal


def company(
    name: str,
    industry: str,
    total: str,
    *,
    part_year: bool = False,
    base: tuple[int, str] | None = None,
    plan: str | None = None,
    target: str | None = None,
    energy: str = "electricity",
    pcaf: tuple[int, str] = (2, "1b"),
) -> PortfolioRow:
    return PortfolioRow(
        Path(f"/clients/{name}.ecocheck"),
        company=name,
        industry=industry,
        fiscal_year=2025,
        complete=not part_year,
        scope2_adjusted_t=D(total),
        scope1_t=D(0),
        total_t=D(total),
        intensity_revenue=D(total) / 1000,
        energy_gj=D(10),
        months_with_data=8 if part_year else 12,
        by_energy_t={energy: D(total)},
        planned_measures=1 if plan else 0,
        plan_reduction_t=D(plan) if plan else None,
        target_reduction_t=D(target) if target else None,
        part_year=part_year,
        pcaf_score=pcaf[0],
        pcaf_option=pcaf[1],
        share_estimated_pct=D(0),
        base_year=base[0] if base else None,
        base_total_t=D(base[1]) if base else None,
    )


def summary_of(*rows: PortfolioRow) -> ConsortiumSummary:
    summary = ConsortiumSummary()
    for row in rows:
        summary.add(row)
    return summary


def cells(
    summary: ConsortiumSummary, anonymise: bool
) -> dict[tuple[str, str, str], tuple[str, str]]:
    text = consortium_csv(summary, anonymise=anonymise, lang="en").decode("utf-8-sig")
    return {
        (r["section"], r["group"], r["metric"]): (r["value"], r["unit"])
        for r in csv.DictReader(io.StringIO(text))
    }


def pdf_text(summary: ConsortiumSummary, lang: str, anonymise: bool) -> str:
    data = render_consortium_pdf(summary, lang=lang, anonymise=anonymise)
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


# A sector of 1, one of 2 and one of 3 companies (distinct energies in the small sectors).
SECTORS = [
    company("Solo", "E11 繊維", "111.5", energy="kerosene"),
    company("DuoA", "E09 食料品", "200", energy="city_gas"),
    company("DuoB", "E09 食料品", "300", energy="city_gas"),
    company("TriA", "E24 金属", "400"),
    company("TriB", "E24 金属", "500"),
    company("TriC", "E24 金属", "600"),
]


@pytest.mark.parametrize(("industry", "n"), [("E11 繊維", 1), ("E09 食料品", 2), ("E24 金属", 3)])
def test_sector_cells_of_fewer_than_three_companies_are_suppressed(industry: str, n: int) -> None:
    summary = summary_of(*SECTORS)
    named, anonymous = cells(summary, False), cells(summary, True)
    key = ("industry", industry, "total_adjusted_t")
    assert named[key][0] != ""  # named: every figure shown
    assert anonymous[("industry", industry, "companies")] == (str(n), "companies")
    if n < 3:
        assert anonymous[key] == ("", "suppressed")
        assert anonymous[("industry", industry, "median_intensity")] == ("", "suppressed")
    else:
        assert anonymous[key] == ("1500", "t-CO2")


def test_energy_and_totals_of_few_companies_are_suppressed() -> None:
    summary = summary_of(*SECTORS)
    anonymous = cells(summary, True)
    assert anonymous[("energy", "kerosene", "t_co2")] == ("", "suppressed")  # 1 company
    assert anonymous[("energy", "city_gas", "t_co2")] == ("", "suppressed")  # 2
    assert anonymous[("energy", "electricity", "t_co2")] == ("1500", "t-CO2")  # 3
    assert anonymous[("intensity", "min", "intensity")] == ("", "suppressed")  # one company's
    assert anonymous[("overview", "", "total_adjusted_t")] == ("2111.5", "t-CO2")
    two = cells(summary_of(*SECTORS[1:3]), True)
    assert two[("overview", "", "total_adjusted_t")] == ("", "suppressed")
    # A company of a small sector does not show its industry beside its anonymous name.
    assert anonymous[("company", "Company A", "industry")] == ("", "suppressed")
    assert anonymous[("company", "Company D", "industry")] == ("E24 金属", "")
    # Each company's own t-CO2 is a cell of one company.
    assert anonymous[("company", "Company A", "total_adjusted_t")] == ("", "suppressed")
    assert cells(summary, False)[("company", "Solo", "total_adjusted_t")] == ("111.5", "t-CO2")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_pdf_shows_a_dash_and_a_footnote(lang: str) -> None:
    summary = summary_of(*SECTORS)
    anonymous = pdf_text(summary, lang, True)
    # The lone textile company's exact t-CO2 and the pair's sum appear nowhere (the grand
    # total 2,111.500 over 6 companies is shown).
    assert re.findall(r"(?<![\d,])111\.500", anonymous) == []
    assert re.findall(r"(?<![\d,])500\.000", anonymous) == []
    assert "—" in anonymous
    note = "3社未満" if lang == "ja" else "fewer than 3 companies"
    assert note in anonymous.replace("\n", "")
    named = pdf_text(summary, lang, False)
    assert note not in named.replace("\n", "") and "111.500" in named


def test_part_years_are_marked_and_kept_out_of_the_totals() -> None:
    summary = summary_of(
        *SECTORS[3:], company("Part", "E24 金属", "50", part_year=True, pcaf=(2, "2a"))
    )
    assert (summary.readable, summary.full_year, summary.part_year) == (4, 3, 1)
    assert summary.total_t == D(1500) and summary.by_industry["E24 金属"].total_t == D(1500)
    named = cells(summary, False)
    assert named[("overview", "", "part_year_companies")] == ("1", "companies")
    assert named[("company", "Part", "part_year")] == ("true", "")
    assert named[("company", "Part", "pcaf_option")] == ("2a", "")
    text = pdf_text(summary, "en", False)
    assert "FY2025†" in text and "Part year" in text


def test_progress_against_the_city_path_per_company_and_in_total() -> None:
    rows = [
        company("Down", "E24 金属", "90", base=(2024, "100")),  # -10 %
        company("Up", "E24 金属", "110", base=(2024, "100")),  # +10 %
        company("Flat", "E24 金属", "100", base=(2025, "100")),  # base = latest: no progress
        company("PartB", "E24 金属", "40", base=(2024, "100"), part_year=True),
    ]
    summary = summary_of(*rows)
    down, up, flat, part = summary.companies
    # The national path from the company's base year FY2024 (core.targets, one rule): 0 % at
    # FY2024 rising linearly to the 46 % of FY2030, so FY2025 is 100 x (100 - 46/6) / 100.
    path = D(100) * (100 - national_pct_from(2024, 2025)) / 100
    assert national_pct_from(2024, 2025) == D(46) / 6
    assert down.path_t == up.path_t == path
    assert down.change_pct == D(-10) and down.on_path is True
    assert up.change_pct == D(10) and up.on_path is False
    assert flat.path_t is None and part.path_t is None  # not measurable / a part year
    total = summary.progress
    assert total["companies"] == 2 and total["on_path"] == 1
    assert (total["base_t"], total["latest_t"], total["path_t"]) == (D(200), D(200), 2 * path)
    assert total["change_pct"] == 0
    named = cells(summary, False)
    assert named[("progress", "", "latest_t")] == ("200", "t-CO2")
    assert cells(summary, True)[("progress", "", "latest_t")] == ("", "suppressed")  # 2 only
    text = pdf_text(summary, "ja", False)
    assert "市の目標" in text and "-10.0 %" in text


def test_plan_and_target_have_their_own_columns_and_totals() -> None:
    summary = summary_of(
        company("P", "E24 金属", "100", plan="10", target="40"),
        company("Q", "E24 金属", "100", target="25"),
        company("R", "E24 金属", "100", plan="5"),
    )
    assert (summary.with_plan, summary.plan_reduction_t) == (2, D(15))
    assert (summary.with_target, summary.target_reduction_t) == (2, D(65))
    assert (summary.with_target_only, summary.target_only_reduction_t) == (1, D(25))
    named = cells(summary, False)
    assert named[("company", "P", "plan_reduction_t")] == ("10", "t-CO2/yr")
    assert named[("company", "P", "target_reduction_t")] == ("40", "t-CO2")
    assert ("plan", "", "planned_reduction_t") not in named  # the mixed name is gone here
    text = pdf_text(summary, "en", False)
    assert "Plan cut" in text and "Target ask" in text


def test_the_anonymised_portfolio_summary_hides_small_industries(tmp_path: Path) -> None:
    from ecocheck_desktop.exchange.portfolio import write_summaries

    out = tmp_path / "summary.csv"
    write_summaries(SECTORS, out, anonymous_names=lambda i: f"Company {chr(65 + i)}")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["industry"] for r in rows] == ["", "", "", "E24 金属", "E24 金属", "E24 金属"]
    named = tmp_path / "named.csv"
    write_summaries(SECTORS, named)
    assert "E11 繊維" in named.read_text(encoding="utf-8-sig")
