"""The PDF report: every checklist section with the calculated figures, the embedded font,
hostile user text, and the atomic write.

Expected figures come from the core calculation (``calculate``), formatted here independently
(half-up, thousands separators), so the test checks the PDF shows the engine's numbers to the
digit; the engine's own numbers are checked against hand-computed golden cases elsewhere.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import EnergyRecord, Site, SupplyContract
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.report import pdf, sections
from ecocheck_desktop.report.pdf import build_report, render_report, selftest_pdf
from ecocheck_desktop.text.numbers import fmt
from tests.report.sample import sample_project

# reference/report-contents.md items 1-16 -> the heading (or cover label) that carries them.
SECTIONS = {
    "ja": [
        "報告対象年度",  # 1 cover
        "1. 要約",  # 2
        "2. 会社概要",  # 3
        "3. 算定範囲と方法",  # 4
        "4. 使用した排出係数",  # 5
        "5. 算定結果",  # 6
        "6. 原単位と炭素生産性",  # 7
        "7. エネルギーコスト",  # 8
        "8. 用途別内訳 (推計)",  # 9
        "9. 推移と目標",  # 10
        "10. 削減対策",  # 11
        "11. 2030年・2050年へのロードマップ",  # 12
        "12. 融資の目標 (SPT) と実績",  # issue 18: the loan page
        "13. データの品質",  # 13
        "14. データ品質の評価 (PCAF) と代表者の宣誓",  # issue 18
        "15. 法令上の確認事項",  # 14
        "16. 免責事項",  # 15
        "付録",  # 16
    ],
    "en": [
        "Reporting fiscal year",
        "1. Summary",
        "2. Company profile",
        "3. Boundary and method",
        "4. Emission factors used",
        "5. Results",
        "6. Intensities and carbon productivity",
        "7. Energy cost",
        "8. Estimated end-use split",
        "9. Trend and targets",
        "10. Reduction measures",
        "11. Roadmap to 2030 and 2050",
        "12. Loan targets (SPT) and performance",
        "13. Data quality",
        "14. Data quality (PCAF) and the declaration",
        "15. Compliance notes",
        "16. Disclaimer",
        "Appendix",
    ],
}


def places(value: Decimal | None, digits: int) -> str:
    assert value is not None
    quantum = Decimal(1).scaleb(-digits)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,.{digits}f}"


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def text_of(data: bytes) -> tuple[str, int]:
    pages = page_texts(data)
    return "\n".join(pages), len(pages)


@pytest.fixture(scope="module", params=["ja", "en"])
def sample_report(request: pytest.FixtureRequest) -> tuple[str, bytes, list[str]]:
    data = render_report(sample_project(), lang=request.param, today=date(2026, 6, 1))
    return request.param, data, page_texts(data)


def test_every_checklist_section_in_order(sample_report: tuple[str, bytes, list[str]]) -> None:
    lang, _, pages = sample_report
    text = "\n".join(pages)
    positions = [text.find(heading) for heading in SECTIONS[lang]]
    missing = [h for h, p in zip(SECTIONS[lang], positions, strict=True) if p < 0]
    assert not missing
    assert positions == sorted(positions)


def test_figures_match_the_calculation(sample_report: tuple[str, bytes, list[str]]) -> None:
    _, _, pages = sample_report
    text = "\n".join(pages)
    project = sample_project()
    footprint = calculate(project, strict=False)
    year = footprint.year(2025)
    expected = [
        places(year.scope1_t, 3),
        places(year.scope2_basic_t, 3),
        places(year.scope2_adjusted_t, 3),
        places(year.scope2_location_t, 3),
        places(year.total_basic_t, 3),
        places(year.total_adjusted_t, 3),
        places(year.total_location_t, 3),
        places(year.energy_gj, 1),
        places(year.crude_oil_kl, 3),
        places(year.carbon_productivity, 3),
        places(year.refrigerant_scope1_t, 3),
        places(year.yoy_change_pct, 1) + " %",
        *(places(i.value, 3) for i in year.intensities),
        *(places(t.total_adjusted_t, 3) for t in year.by_month.values()),
        *(places(t.t_co2, 3) for t in year.by_energy.values()),
        *(places(t.total_adjusted_t, 3) for t in year.by_site.values()),
        places(footprint.year(2024).total_adjusted_t, 3),
    ]
    missing = [figure for figure in expected if figure not in text]
    assert not missing
    # The energy cost total, summed here from the records.
    cost = sum(
        (r.cost_yen for r in project.records if r.cost_yen and "2025-04" <= r.month <= "2026-03"),
        Decimal(0),
    )
    assert places(cost, 0) in text


def test_demo_company_report() -> None:
    project = demo_project()
    text, _ = text_of(render_report(project, lang="ja"))
    positions = [text.find(heading) for heading in SECTIONS["ja"]]
    assert -1 not in positions and positions == sorted(positions)
    year = calculate(project, strict=False).years[-1]
    for value in (year.scope1_t, year.scope2_adjusted_t, year.total_adjusted_t):
        assert places(value, 3) in text
    assert project.company.name in text


def test_page_numbers_n_of_total(sample_report: tuple[str, bytes, list[str]]) -> None:
    _, _, pages = sample_report
    total = len(pages)
    assert total >= 4
    for number, text in enumerate(pages, start=1):
        assert f"{number} / {total}" in text


def test_font_is_embedded_as_a_subset(sample_report: tuple[str, bytes, list[str]]) -> None:
    _, data, _ = sample_report
    reader = PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # the TrueType program is in the file
    assert names
    assert all(re.fullmatch(r"/[A-Z]{6}\+IPAexGothic", name) for name in names), names


def test_years_are_rows_and_headers_carry_units(
    sample_report: tuple[str, bytes, list[str]],
) -> None:
    lang, _, pages = sample_report
    text = "\n".join(pages)
    label = "2024年度 (令和6年度)" if lang == "ja" else "FY2024"
    assert label in text
    assert text.count("[t-CO2]") >= 10
    assert "[GJ]" in text and "[kL]" in text


def test_the_summary_names_the_three_measures_that_cut_the_most(
    sample_report: tuple[str, bytes, list[str]],
) -> None:
    from ecocheck_desktop.core.catalogue import load_catalogue
    from ecocheck_desktop.core.measures import baseline_from_year, evaluate

    lang, _, sample_pages = sample_report
    # The sample company's checklist leaves no measure applicable: the summary says so.
    sample_text = "".join(sample_pages[0].split())
    assert (
        "削減対策はまだ選ばれていません" if lang == "ja" else "Nomeasuresselectedyet"
    ) in sample_text
    project = demo_project()  # the demo's checklist makes a real ranking
    pages = [
        page.extract_text()
        for page in PdfReader(io.BytesIO(render_report(project, lang=lang))).pages[:1]
    ]
    footprint = calculate(project, strict=False)
    year = [y for y in footprint.years if y.complete and y.by_energy][-1]
    catalogue = load_catalogue()
    plan = evaluate(project, baseline_from_year(year, catalogue), catalogue)
    counted = sorted(
        (r for r in plan.measures if r.in_plan), key=lambda r: r.t_co2_per_year, reverse=True
    )
    assert len(counted) >= 3
    summary = "".join(pages[0].split())
    for result in counted[:3]:
        name = result.measure.name_ja if lang == "ja" else result.measure.name_en
        assert "".join(name.split()) in summary
        assert fmt(result.t_co2_per_year, 2) in summary
    for result in counted[3:]:
        name = result.measure.name_ja if lang == "ja" else result.measure.name_en
        assert "".join(name.split()) + ":" not in summary


HOSTILE = '<b>Acme & "Sons"</b> \'quoted\' </para><font name="X">😀🏭 ' + "長" * 2000


def test_hostile_user_text_renders_safely(tmp_path: Path) -> None:
    project = sample_project(name=HOSTILE, years=(2025,))
    project.company = replace(
        project.company, industry="=cmd|' /C calc'!A0", contact="", advisor="", address=""
    )
    project.sites = [Site("<script>alert(1)</script>" + "x" * 2000), Site("")]
    project.contracts = [
        SupplyContract(
            "<script>alert(1)</script>" + "x" * 2000,
            "electricity",
            supplier="新電力 <&> " + "M" * 500,
            factor_basic=Decimal("0.000400"),
            factor_adjusted=Decimal("0.000390"),
            factor_source="請求書 <&> 😀 " + "S" * 500,
        )
    ]
    project.records = [
        replace(r, site="<script>alert(1)</script>" + "x" * 2000, note="ノート & <i> 🙂")
        if r.site == "本社工場"
        else r
        for r in project.records
    ]
    project.checklist = {"main_products": "🔩 ボルト & <ナット>", "vehicles_diesel_count": ""}
    target = tmp_path / "hostile.pdf"
    for lang in ("ja", "en"):
        build_report(project, target, lang=lang, prepared_by="")
        text, pages = text_of(target.read_bytes())
        assert '<b>Acme & "Sons"</b>' in text.replace("\n", "")
        assert "😀" not in text and "?" in text
        assert "<script>alert(1)</script>" in text.replace("\n", "")
        assert "ノート & <i> ?" in text
        # The full 2,000-character name is in the profile, wrapped over several lines.
        assert text.replace("\n", "").count("長" * 2000) >= 1
        assert pages < 20


def test_empty_company_and_fields(tmp_path: Path) -> None:
    project = sample_project(name="", years=(2025,))
    project.fiscal_years = {}
    project.targets = []
    project.refrigerants = []
    project.checklist = {}
    build_report(project, tmp_path / "empty.pdf", lang="ja")
    text, _ = text_of((tmp_path / "empty.pdf").read_bytes())
    assert "未入力" in text


def fake_render(*args: object, **kwargs: object) -> bytes:
    """The write tests need bytes, not a real layout run."""
    return b"%PDF-1.4 new report"


def test_failed_build_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")

    def broken(self: object) -> None:
        raise RuntimeError("disk on fire")

    # The first section fails, after the temporary-file logic would have had its chance.
    monkeypatch.setattr(sections.ReportBuilder, "cover_and_summary", broken)
    with pytest.raises(RuntimeError):
        build_report(sample_project(), target)
    assert target.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_failed_replace_is_a_clear_error_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")

    def locked(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")  # Windows: the PDF is open elsewhere

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(pdf, "render_report", fake_render)
    with pytest.raises(EcoCheckError) as raised:
        build_report(sample_project(), target)
    message = raised.value.messages[0]
    assert message.code == "report.cannot_write"
    assert message.params["path"] == str(target)
    assert str(target) in message.text()
    assert target.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "render_report", fake_render)
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(EcoCheckError) as raised:
            build_report(sample_project(), folder / "report.pdf")
        assert raised.value.messages[0].code == "report.cannot_write"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_target_that_is_a_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "render_report", fake_render)
    (tmp_path / "report.pdf").mkdir()
    with pytest.raises(EcoCheckError) as raised:
        build_report(sample_project(), tmp_path / "report.pdf")
    assert raised.value.messages[0].code == "report.cannot_write"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_successful_write_replaces_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "render_report", fake_render)
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")
    build_report(sample_project(), target, lang="en")
    assert target.read_bytes() == fake_render()
    assert target.stat().st_mode & 0o777 == 0o644 or os.name != "posix"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_reporting_year_and_bad_arguments() -> None:
    project = sample_project()
    text, _ = text_of(render_report(project, lang="en", fiscal_years=[2024]))
    assert "FY2024 (2024-04 – 2025-03)" in text
    assert "FY2025" not in text  # later years stay out of a report on FY2024
    with pytest.raises(EcoCheckError) as raised:
        render_report(project, fiscal_years=[2019])
    assert raised.value.messages[0].code == "report.fiscal_year_absent"
    with pytest.raises(EcoCheckError):
        render_report(project, lang="fr")


def test_incomplete_reporting_year_is_refused() -> None:
    project = sample_project(years=(2025,))
    # FY2023 electricity without a factor: the bundled library has no list for it.
    project.records.append(EnergyRecord("2023-05", "electricity", Decimal(100), "kWh"))
    with pytest.raises(EcoCheckError) as raised:
        render_report(project, fiscal_years=[2023])
    assert raised.value.messages[0].code.startswith("factor.")
    # Reporting FY2025 still works; FY2023 is flagged as incomplete in the trend.
    text, _ = text_of(render_report(project, lang="en"))
    assert "FY2023: incomplete" in text


def test_selftest_pdf(tmp_path: Path) -> None:
    result = selftest_pdf(tmp_path)
    assert result.startswith("PDF ok")
    assert (tmp_path / "selftest-report.pdf").stat().st_size > 10_000
