"""The bank's pack (issue 18) in the demo's two editions: page 1's locked KPI, the loan page's
rows that add up, the data-quality + declaration page, sources, language and layout.

Expected numbers come from core (core.kpi, core.targets) and are recomputed here by hand
(base × (1 − % ÷ 100)); the national row is the issue's own check (46 % off the base year).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.kpi import assess
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.report.pdf import render_report
from ecocheck_desktop.report.sections.kpi import pct_text
from ecocheck_desktop.text.numbers import fmt, fmt_pct, fmt_t
from ecocheck_desktop.text.report import TEXTS
from ecocheck_desktop.text.report_bank import BANK

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def editions() -> dict[str, bytes]:
    project = demo_project()
    return {lang: render_report(project, lang=lang, today=TODAY) for lang in ("ja", "en")}


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return "".join(text.split())


def test_the_bank_words_do_not_shadow_the_report_words() -> None:
    """The bank's words are their own table: no key of it is also a report word (the merged
    TEXTS would keep only one of the two)."""
    from ecocheck_desktop.text.tables import load

    own = set(load("report"))
    assert own and BANK and not own & set(BANK)
    assert all(TEXTS[key] == value for key, value in BANK.items())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_one_states_the_locked_kpi(editions: dict[str, bytes], lang: str) -> None:
    project = demo_project()
    footprint = calculate(project, default_library())
    kpi = assess(project, footprint.years)
    assert kpi is not None
    change = kpi.change_to(2025)
    assert change is not None
    page_one = flat(pages_of(editions[lang])[0])
    words = {
        "ja": ["KPIの定義", "調整後排出係数", "基準年度と基準値", "KPIを固定する係数", "係数固定"],
        "en": ["KPIdefinition", "adjustedfactors", "Baseyearandvalue", "heldat", "constantfactors"],
    }[lang]
    for word in words:
        assert word in page_one, word
    assert fmt_t(kpi.base_t) in page_one
    # Both changes: as reported and at constant factors, and the factor effect.
    assert flat(pct_text(change.reported_pct)) in page_one
    assert flat(pct_text(change.constant_pct)) in page_one
    assert fmt_t(change.factor_effect_t).lstrip("-") in page_one
    # FY2024 rests on an estimate: page 1 says so.
    caution = "公表値でない係数を含みます" if lang == "ja" else "restsonfactorsthatarenotpublished"
    assert caution in page_one


NEEDS_POPPLER = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler's pdftotext"
)


def layout_text(data: bytes, folder: Path) -> str:
    """The PDF as pdftotext -layout reads it: a table row on one line, pages split by \\f."""
    pdf = folder / "r.pdf"
    pdf.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@NEEDS_POPPLER
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_loan_page_rows_add_up(editions: dict[str, bytes], lang: str, tmp_path: Path) -> None:
    project = demo_project()
    text = layout_text(editions[lang], tmp_path)
    start, end = {
        "ja": ("12. 融資の目標", "13. データの品質"),
        "en": ("12. Loan targets", "13. Data quality"),
    }[lang]
    loan = text[text.index(start) : text.index(end)]
    # Each row on one line, its cells apart: compare cell by cell.
    lines = [line.split() for line in loan.splitlines()]
    footprint = calculate(project, default_library())
    base_t = footprint.year(2024).total_adjusted_t
    for target in project.targets:
        if target.kind == "bank_spt":
            year, pct = target.target_year, target.reduction_pct
        elif target.kind == "sbt_linear":
            year, pct = 2030, target.reduction_pct * (2030 - target.base_year)
        else:
            year, pct = target.target_year, target.reduction_pct
        goal = base_t * (1 - pct / 100)
        year_text = f"{year}年度" if lang == "ja" else f"FY{year}"
        row = [fmt_t(base_t), fmt(pct, 1), year_text, fmt_t(goal)]
        assert any(all(cell in line for cell in row) for line in lines), (target.kind, row)
    # The check: the national row is 46 % off the base value, not re-based.
    assert any(fmt_t(base_t * Decimal("0.54")) in line for line in lines)
    # The SPT year by year: FY2025's value and its verdict (223.143 t > 217.854 t: not met).
    spt = next(t for t in project.targets if t.kind == "bank_spt")
    at_2025 = base_t * (1 - spt.reduction_pct / 100 / 5)
    actual = footprint.year(2025).total_adjusted_t
    verdict = TEXTS["loan.achieved_no"][0 if lang == "ja" else 1]
    assert actual > at_2025
    assert any(fmt_t(at_2025) in ln and fmt_t(actual) in ln and verdict in ln for ln in lines)
    # The rates: SBTi's SME 4.2 %/yr and the SPT's 3 %/yr are both shown.
    assert any("4.20" in line for line in lines) and any("3.00" in line for line in lines)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_declaration_page(editions: dict[str, bytes], lang: str) -> None:
    text = flat("\n".join(pages_of(editions[lang])))
    words = {
        "ja": [
            "代表者の宣誓(記名・押印)",
            "署名・押印",
            "代表者氏名",
            "基準年度の再計算方針",
            "5.0%以上",
        ],
        "en": ["Declarationbytherepresentative", "Signatureandseal", "Base-yearrecalculation"],
    }[lang]
    for word in words:
        assert word in text, word


# --- sources and language --------------------------------------------------------------

URL = re.compile(r"https?://\S+")
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'’-]+[A-Za-z]{2,}){3,}")
HIRAGANA = re.compile(r"[\u3041-\u309f]{2,}")


def _user_and_official_strings() -> list[str]:
    """Names the en edition prints as they are: the user's own data and official titles."""
    project = demo_project()
    company = project.company
    strings = [company.name, company.address, company.contact, company.advisor, company.industry]
    strings += [company.representative_name, company.representative_title, company.verifier]
    strings += [company.lender_name, company.sector_benchmark_source]
    strings += [s.name for s in project.sites] + [s.address for s in project.sites]
    strings += [r.note for r in project.records] + [t.note for t in project.targets]
    strings += [c.menu for c in project.contracts] + [c.estimate_basis for c in project.contracts]
    library = default_library()
    for edition_id in {e for y in calculate(project, library).years for e in y.factor_editions}:
        edition = library.edition(edition_id)
        strings += [edition.title, edition.publisher]
    return sorted({flat(s) for s in strings if s}, key=len, reverse=True)


def test_no_page_of_either_edition_carries_the_other_language(
    editions: dict[str, bytes],
) -> None:
    for number, page in enumerate(pages_of(editions["ja"]), 1):
        text = URL.sub("", page.replace("\n", " "))
        text = text.replace("EcoCheck Desktop", "")
        found = ENGLISH_RUN.findall(text)
        assert not found, (number, found)
    allowed = _user_and_official_strings()
    for number, page in enumerate(pages_of(editions["en"]), 1):
        text = flat(URL.sub("", page))
        for name in allowed:
            text = text.replace(name, "")
        found = HIRAGANA.findall(text)
        assert not found, (number, found)


def test_the_bank_pdf_cites_official_or_primary_sources_only(editions: dict[str, bytes]) -> None:
    from ecocheck_desktop.core.sources import is_primary

    for lang, data in editions.items():
        text = "\n".join(pages_of(data))
        for bad in ("scribd", "vdocuments", "expydoc", "good-energy", "itmedia", "g-soumu"):
            assert bad not in text, (lang, bad)
        # Each address up to a space or bracket (a wrapped one keeps its host on the first line).
        urls = re.findall(r"https?://[^\s()（）、。]+", text)
        assert urls
        assert [url for url in urls if not is_primary(url)] == [], lang
        estimate = "EcoCheckの推計" if lang == "ja" else "EcoCheckestimate"
        assert estimate in flat(text)
    assert is_primary("https://www.env.go.jp/earth/x.html")
    assert is_primary("https://www.city.hitachi.lg.jp/x")
    assert is_primary("http://kankyojoho.pref.aichi.jp/x")
    assert not is_primary("https://www.scribd.com/doc/1")
    assert not is_primary("")


# --- layout ------------------------------------------------------------------------------


@NEEDS_POPPLER
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_lone_yen_and_no_heading_at_a_page_foot(
    editions: dict[str, bytes], lang: str, tmp_path: Path
) -> None:
    for page in layout_text(editions[lang], tmp_path).split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert "円" not in lines, page[:400]
        if len(lines) >= 2:
            # The last line is the footer; the one before it is never a section heading.
            assert not re.match(r"^\d+\. \S", lines[-2]), lines[-2]


# --- other companies: a part year, a base year on an entered factor -------------------


def _part_year() -> object:
    project = demo_project()
    project.records = [r for r in project.records if not "2025-12" <= r.month <= "2026-03"]
    return project


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_part_year_is_never_headlined_or_judged_as_a_full_year(lang: str) -> None:
    project = _part_year()
    pages = pages_of(render_report(project, lang=lang, today=TODAY))  # type: ignore[arg-type]
    page_one = flat(pages[0])
    words = {
        "ja": [
            "2025年度の8か月分(通年ではありません)",
            "通年でない",
            "通年どうしの比較ではありません",
        ],
        "en": ["8monthsofFY2025(notafullyear)", "notafullyear", "notafull-yearcomparison"],
    }[lang]
    for word in words:
        assert word in page_one, word
    text = flat("\n".join(pages))
    loan = text[text.index("12." if lang == "ja" else "12.Loan") :]
    verdict = TEXTS["loan.part_year"][0 if lang == "ja" else 1]
    assert flat(verdict) in loan


def test_a_base_year_on_an_entered_factor_says_so_on_page_one() -> None:
    from dataclasses import replace

    project = demo_project()
    project.records = [
        replace(
            r,
            factor_basic=Decimal("0.000461"),
            factor_adjusted=Decimal("0.000455"),
            factor_source="同社HP 2024年度 排出係数",
        )
        if r.energy == "electricity" and r.month < "2025-04"
        else r
        for r in project.records
    ]
    for lang, words in (("ja", "基準年度の利用者が入力した係数"), ("en", "User-enteredfactors")):
        page_one = flat(pages_of(render_report(project, lang=lang, today=TODAY))[0])
        assert words in page_one and "0.000461" in page_one


def test_the_users_reasons_are_printed_with_the_effects() -> None:
    from dataclasses import replace

    project = demo_project()
    project.fiscal_years[2025] = replace(
        project.fiscal_years[2025], change_reasons="受注増と10月のコンプレッサー更新"
    )
    text = flat("\n".join(pages_of(render_report(project, lang="ja", today=TODAY))))
    assert "会社の説明:受注増と10月のコンプレッサー更新" in text
    for effect in ("排出係数の変更", "生産量(活動量)", "エネルギー原単位", "エネルギー構成"):
        assert effect in text


def test_the_sbti_column_and_the_base_years_own_notes() -> None:
    """The SBT rows say whether SBTi accepts their base year (core.targets.sbti_accepted;
    a refused base year is covered in tests/core/test_targets.py), and the data-quality page
    prints the base year's shares next to the reporting year's."""
    text = flat("\n".join(pages_of(render_report(demo_project(), lang="en", today=TODAY))))
    assert "SBTi" in text and "accepted" in text and "n/a" in text
    assert "Thebaseyear(FY2024)restson" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_appendix_explains_the_terms_of_the_screens(
    editions: dict[str, bytes], lang: str
) -> None:
    from ecocheck_desktop.text import glossary

    text = flat("".join(pages_of(editions[lang])))
    assert flat(TEXTS["appendix.glossary"][0 if lang == "ja" else 1]) in text
    for term in glossary.TERMS:
        assert flat(glossary.explanation(term.key, lang))[:20] in text, term.key


def test_a_sign_the_font_lacks_prints_as_its_japanese_form() -> None:
    from ecocheck_desktop.report.layout import PLACEHOLDER, clean

    assert clean("≤法定") == "≦法定"  # the glossary's 「≤法定」 prints, not 「?法定」
    assert clean("≥ 5") == "≧ 5"
    assert clean("\U0001f600") == PLACEHOLDER  # no form of its own: still the placeholder


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_part_years_change_is_not_printed_in_the_tables_of_years(lang: str) -> None:
    """The trend and energy tables print '-' for a change that involves a part year, with the
    note that says why (the KPI table on page 1 keeps the change beside its own caution)."""
    project = _part_year()
    year = calculate(project).year(2025)  # type: ignore[arg-type]
    assert year is not None and not year.complete and year.yoy_change_pct is not None
    pages = pages_of(render_report(project, lang=lang, today=TODAY))  # type: ignore[arg-type]
    note = flat(BANK["trend.part_year_note"][0 if lang == "ja" else 1])
    later = [flat(page) for page in pages[1:]]
    assert sum(note in page for page in later) == 2  # under both tables of years
    change = flat(fmt_pct(year.yoy_change_pct))
    assert not any(change in page for page in later), change
    # The reasons for the change (after the trend table) carry the part-year caution too.
    caution = "通年どうしの比較ではありません" if lang == "ja" else "notafull-yearcomparison"
    reasons = "".join(later)
    reasons = reasons[reasons.index(flat(BANK["trend.part_year_note"][0 if lang == "ja" else 1])) :]
    assert caution in reasons
