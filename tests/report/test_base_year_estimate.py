"""Issue 15 point 8: the demo's base year uses an estimate, and says so plainly."""

from __future__ import annotations

import pytest

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.results import ESTIMATE_PROVENANCES
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.report.pdf import render_report
from tests.report.test_pdf import text_of


def test_the_demo_base_year_is_an_estimate_in_the_data() -> None:
    footprint = calculate(demo_project())
    base = footprint.year(2024)
    electricity = [u for u in base.factors_used if u.unit == "t-CO2/kWh"]
    assert electricity and all(u.provenance in ESTIMATE_PROVENANCES for u in electricity)
    assert all(u.source_fiscal_year == 2025 for u in electricity)  # the nearest list
    data = footprint.to_json_dict()["results"]
    first = next(r for r in data if r["fiscal_year"] == 2024)
    assert first["by_energy"]["electricity"]["factor_provenance"] == ["estimate_retailer"]
    # FY2025 has its list and uses it.
    latest = next(r for r in data if r["fiscal_year"] == 2025)
    assert latest["by_energy"]["electricity"]["factor_provenance"] == ["library"]


@pytest.mark.parametrize(("lang", "words"), [("ja", "基準年度"), ("en", "base year")])
def test_the_latest_report_says_its_base_year_uses_an_estimate(lang: str, words: str) -> None:
    text, _ = text_of(render_report(demo_project(), lang=lang))
    flat = "".join(text.split())
    note = (
        "基準年度(2024年度)の排出量は公表値でない係数を含みます"
        if lang == "ja"
        else "thebaseyear(FY2024)restsonfactorsthatarenotpublishedvalues"
    )
    assert note in flat, flat[:3000]
    assert ("推計" if lang == "ja" else "estimate") in flat
