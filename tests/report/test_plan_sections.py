"""The report's end-use split, measures and roadmap sections, and the sections option.

The expected figures are computed here from the measures engine (core.measures, core.targets)
on the demo company, never typed in: the PDF must show the engine's numbers, as the screen does.
"""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.catalogue import load_catalogue
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.measure_results import Plan
from ecocheck_desktop.core.measures import baseline_from_year, evaluate, plan_steps
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import PlannedMeasure, Project, Target
from ecocheck_desktop.core.profiles import load_profiles
from ecocheck_desktop.core.targets import plan_pathway
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.report.pdf import render_report
from ecocheck_desktop.report.sections import OPTIONAL_SECTIONS
from ecocheck_desktop.text.numbers import fmt, fmt_t


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _flat(text: str) -> str:
    """Without whitespace: a wrapped cell or sentence still matches."""
    return "".join(text.split())


def _plan(project: Project) -> tuple[Plan, Any]:
    footprint = calculate(project, default_library(), strict=False)
    year = [y for y in footprint.years if y.complete and y.by_energy][-1]
    catalogue = load_catalogue()
    return evaluate(project, baseline_from_year(year, catalogue), catalogue), year


@pytest.fixture(scope="module")
def demo() -> Project:
    return demo_project()


@pytest.fixture(scope="module")
def texts(demo: Project) -> dict[str, str]:
    return {lang: _text(render_report(demo, lang=lang)) for lang in ("ja", "en")}


def test_the_measures_table_shows_the_engines_figures(demo: Project, texts: dict[str, str]) -> None:
    plan, _ = _plan(demo)
    counted = [r for r in plan.measures if r.in_plan]
    assert len(counted) >= 8  # the demo has a chosen plan of eight measures: a real table
    for lang, heading in (("ja", "10.削減対策"), ("en", "10.Reductionmeasures")):
        flat = _flat(texts[lang])
        assert heading in flat
        section = flat[flat.index(heading) :]
        for result in counted:
            assert f"[{result.measure.id}]" in section
            assert _flat(fmt(result.t_co2_per_year, 2)) in section, result.measure.id
            # The table is in 万円 only (one money unit per table, issue 18).
            assert _flat(fmt(result.yen_per_year / 10000, 1)) in section, result.measure.id
        totals = plan.totals
        # The combined total (each measure counted after the ones above it), once in the
        # table and once in the sentence under it.
        assert fmt(totals.t_co2_per_year, 2) in section
        # The table's total row and the sentence under it: both in 万円 (one unit per table).
        assert section.count(fmt(totals.yen_per_year / 10000, 1)) >= 2
        assert fmt(totals.yen_per_year, 0) not in section
        assert fmt(totals.reduction_pct, 1) in section
        # Subsidy programmes by name, without amounts.
        for subsidy in {s.id: s for r in counted for s in r.subsidies}.values():
            name = subsidy.name_ja if lang == "ja" else subsidy.name_en
            assert _flat(name) in section
    assert f"会社が計画に選んだ対策{len(counted)}件" in _flat(texts["ja"])  # the demo's plan


def test_without_a_plan_the_applicable_measures_are_ranked() -> None:
    project = demo_project()
    project.measure_plan = []
    plan, _ = _plan(project)
    assert len([r for r in plan.measures if r.in_plan]) >= 10  # the checklist: a real table
    flat = _flat(_text(render_report(project, lang="ja")))
    section = flat[flat.index("10.削減対策") : flat.index("11.2030年")]
    assert "まだ計画は選ばれていないため" in section
    assert "[RE-01]" in section and "[HT-05]" in section


def test_the_end_use_table_and_its_source(demo: Project, texts: dict[str, str]) -> None:
    plan, year = _plan(demo)
    profiles = load_profiles()
    electricity = year.by_energy["electricity"]
    flat = _flat(texts["ja"])
    section = flat[flat.index("8.用途別内訳(推計)") : flat.index("9.推移と目標")]
    for use, pct in plan.profile.electricity.items():
        assert _flat(profiles.end_use_names[use]["ja"]) in section
        if use not in ("process", "hvac", "other"):  # fed by electricity alone
            assert fmt_t(electricity.t_co2 * pct / 100) in section, use
    assert fmt_t(sum((t.t_co2 for t in year.by_energy.values()), Decimal(0))) in section
    assert _flat(plan.profile.name_ja) in section
    # Official and primary sources only; the rest is labelled an EcoCheck estimate (issue 18).
    from ecocheck_desktop.core.sources import is_primary

    cited = {key: profiles.sources[key].get("url", "") for key in plan.profile.sources}
    for key, url in cited.items():
        assert (key in section) == is_primary(url), key
    if not all(is_primary(url) for url in cited.values()):
        assert "EcoCheckの推計" in section
    assert "[t-CO2/年]" in section and "[GJ]" in section


def test_the_roadmap_has_the_plan_pathway_and_the_steps(
    demo: Project, texts: dict[str, str]
) -> None:
    plan, year = _plan(demo)
    steps = plan_steps(plan, demo)
    pathway = {
        p.year: p.t_co2 for p in plan_pathway(year.fiscal_year, year.total_adjusted_t, steps)
    }
    for lang, start, end in (
        ("ja", "11.2030年・2050年へのロードマップ", "12.融資の目標(SPT)と実績"),
        ("en", "11.Roadmapto2030and2050", "12.Loantargets(SPT)andperformance"),
    ):
        flat = _flat(texts[lang])
        section = flat[flat.index(start) : flat.index(end)]
        assert fmt_t(pathway[2030]) in section
        cumulative = Decimal(0)
        for step_year in sorted({s.year for s in steps}):
            cumulative += sum((s.t_co2 for s in steps if s.year == step_year), Decimal(0))
            assert fmt_t(cumulative) in section
        for step in steps:
            assert step.measure_id in section
    assert "SBT(中小企業)年4.2%削減" in _flat(texts["ja"])


def test_every_official_measure_source_is_in_the_appendix(
    demo: Project, texts: dict[str, str]
) -> None:
    """Issue 18: the appendix cites official and primary sources only; a measure whose saving
    rests on none is named as an EcoCheck estimate."""
    from ecocheck_desktop.core.sources import is_primary, saving_is_sourced

    plan, _ = _plan(demo)
    flat = _flat(texts["en"])
    appendix = flat[flat.index("Sourcesofthemeasures") :]
    estimates = (
        appendix[appendix.index("EcoCheckestimate") - 60 :]
        if "EcoCheckestimate" in appendix
        else ""
    )
    for result in (r for r in plan.measures if r.in_plan):
        for source in result.sources:
            shown = bool(source.url) and _flat(source.url)[:40] in appendix
            assert shown == is_primary(source.url), (result.measure.id, source.key)
        if not saving_is_sourced(result.sources):
            assert result.measure.id in estimates, result.measure.id


def test_a_chosen_plan_lists_only_its_measures() -> None:
    project = demo_project()
    project.measure_plan = [PlannedMeasure("LT-01", 2027), PlannedMeasure("CA-01", 2026)]
    plan, _ = _plan(project)
    chosen = [r for r in plan.measures if r.in_plan]
    assert {r.measure.id for r in chosen} == {"LT-01", "CA-01"}
    flat = _flat(_text(render_report(project, lang="ja")))
    section = flat[flat.index("10.削減対策") : flat.index("11.2030年")]
    assert "会社が計画に選んだ対策2件" in section
    assert "[LT-01]" in section and "[CA-01]" in section and "[RE-01]" not in section
    assert fmt(plan.totals.t_co2_per_year, 2) in section


def test_hostile_text_stays_text() -> None:
    project = demo_project()
    hostile = '<b>悪意</b> & <font size="80">x</font> <para>'
    project.company = replace(project.company, name=hostile)
    project.targets = [Target("bank_spt", 2024, 2028, Decimal(10), note=hostile)]
    project.measure_plan = [PlannedMeasure("LT-01", 2027, parameters={"note": hostile})]
    text = _text(render_report(project, lang="en"))
    assert hostile in text
    assert "Bank SPT" in text


def test_excluding_a_section_removes_its_heading(demo: Project) -> None:
    kept = [s for s in OPTIONAL_SECTIONS if s not in ("end_use", "roadmap", "cost")]
    flat = _flat(_text(render_report(demo, lang="en", sections=kept)))
    assert "10.Reductionmeasures" in flat
    assert "Estimatedend-usesplit" not in flat and "Roadmapto2030" not in flat
    assert "7.Energycost" not in flat
    # The summary, the disclaimer and the appendix always stay.
    assert "1.Summary" in flat and "Disclaimer" in flat and "Appendix" in flat
    bare = _flat(_text(render_report(demo, lang="en", sections=[])))
    assert "1.Summary" in bare and "Reductionmeasures" not in bare and "Appendix" in bare
    assert "Sourcesofthemeasures" not in bare
    with pytest.raises(EcoCheckError) as error:
        render_report(demo, lang="en", sections=["measures", "bogus"])
    assert error.value.messages[0].code == "report.unknown_section"
