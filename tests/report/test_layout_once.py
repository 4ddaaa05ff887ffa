"""The warm PDF's shortcuts (issue 20): a paragraph lays itself out once per width, line breaking
remembers string widths and the breaks it made, a table cell and a paragraph of the story are
laid out once per session, and none of them changes a single byte of the report."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from ecocheck_desktop.core.model import Project
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.report import layout
from ecocheck_desktop.report.layout import FONT_NAME, Lines, Styles, measure_for
from ecocheck_desktop.report.linebreak import break_markup
from ecocheck_desktop.report.pdf import render_report
from ecocheck_desktop.report.sections import story

TEXT = "コージェネレーションの導入で年間 1,200 円/kWh の削減、電力の使用量は 12.3 t-CO2 です。"


def counting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The widths at which reportlab's own Paragraph.wrap really ran."""
    widths: list[float] = []
    original = Paragraph.wrap

    def wrap(self: Paragraph, width: float, height: float) -> tuple[float, float]:
        widths.append(width)
        return original(self, width, height)  # type: ignore[no-any-return]

    monkeypatch.setattr(Paragraph, "wrap", wrap)
    return widths


def test_a_paragraph_is_laid_out_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    style = Styles("ja").cell
    laid_out = counting(monkeypatch)
    lines = Lines(TEXT, style)
    first = lines.wrap(60, 1000)
    assert lines.wrap(60, 500) == first  # the height on offer does not change the lines
    assert lines.wrap(60, 1000) == first
    assert laid_out == [60]
    narrower = lines.wrap(40, 1000)
    assert laid_out == [60, 40]
    assert narrower[1] > first[1]  # narrower: more lines, laid out anew
    assert lines.wrap(60, 1000) == first
    assert laid_out == [60, 40, 60]


def test_a_paragraph_laid_out_once_has_the_lines_of_a_plain_paragraph() -> None:
    style = Styles("ja").cell
    lines, plain = Lines(TEXT, style), Paragraph(TEXT, style)
    for width in (60, 40, 60):
        assert lines.wrap(width, 1000) == plain.wrap(width, 1000)
        got = [[w for w in line[1]] for line in lines.blPara.lines]
        expected = [[w for w in line[1]] for line in plain.blPara.lines]
        assert got == expected


def test_measure_remembers_the_font_width() -> None:
    layout.register_font()
    measure = measure_for(7.5)
    assert measure_for(7.5) is measure
    for text in ("電力", "1,200 円", "t-CO2/年", ""):
        assert measure(text) == stringWidth(text, FONT_NAME, 7.5)
        assert measure(text) == stringWidth(text, FONT_NAME, 7.5)  # from memory, the same
    assert measure_for(9)("電力") == stringWidth("電力", FONT_NAME, 9)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_is_byte_identical_without_the_shortcuts(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo report with the remembered layouts, widths and breaks, and with reportlab laying
    out every paragraph each time it is asked, every width measured and every line broken anew:
    the same PDF."""
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids in the file
    project = demo_project()
    render_report(project, lang=lang, today=date(2026, 6, 1))  # the session's cells are kept
    fast = render_report(project, lang=lang, today=date(2026, 6, 1))
    # A second company in the same session (a batch): its own name and figures, and the cells
    # the first one left behind.
    other = other_company(project)
    fast_other = render_report(other, lang=lang, today=date(2026, 6, 1))
    without_shortcuts(monkeypatch)
    slow = render_report(project, lang=lang, today=date(2026, 6, 1))
    assert fast == slow
    assert fast_other == render_report(other, lang=lang, today=date(2026, 6, 1)) != slow


def other_company(project: Project) -> Project:
    bills = [dataclasses.replace(r, quantity=r.quantity * Decimal("1.07")) for r in project.records]
    company = dataclasses.replace(project.company, name="常陸精工株式会社")
    return dataclasses.replace(project, company=company, records=bills)


def without_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab lays out every paragraph each time it is asked, every width is measured and
    every line broken anew, every table cell made afresh."""
    monkeypatch.setattr(Lines, "wrap", Paragraph.wrap)
    monkeypatch.setattr(
        layout, "measure_for", lambda size: lambda text: stringWidth(text, FONT_NAME, size)
    )
    monkeypatch.setattr(layout, "_break", break_markup)
    monkeypatch.setattr(layout, "cell_paragraph", layout.fit)
    monkeypatch.setattr(story, "kept_paragraph", Lines)


def test_a_kept_cell_is_a_copy_with_the_lines_of_a_fresh_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    styles = Styles("ja")
    layout._cells.clear()
    laid_out = counting(monkeypatch)
    first = layout.cell_paragraph(TEXT, styles.cell, 60)
    assert laid_out == [60]
    again = layout.cell_paragraph(TEXT, Styles("ja").cell, 60)  # another report's own styles
    assert laid_out == [60]  # from memory
    assert again is not first
    fresh = layout.fit(TEXT, styles.cell, 60)
    assert again.wrap(60, 1000) == fresh.wrap(60, 1000)
    assert [line[1] for line in again.blPara.lines] == [line[1] for line in fresh.blPara.lines]
    # What lays the text out differently is laid out anew: the width, the style's attributes.
    layout.cell_paragraph(TEXT, styles.cell, 40)
    layout.cell_paragraph(TEXT, styles.cell_right, 60)
    layout.cell_paragraph(TEXT, Styles("en").cell, 60)  # no Japanese wrapping
    assert laid_out == [60, 60, 40, 60, 60]


def test_the_kept_cells_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout._cells, "size", 3)
    layout._cells.clear()
    style = Styles("ja").cell
    for n in range(5):
        layout.cell_paragraph(f"{n} t-CO2", style, 60)
    assert [key[0] for key in layout._cells.keys()] == ["2 t-CO2", "3 t-CO2", "4 t-CO2"]
    layout.cell_paragraph("2 t-CO2", style, 60)  # used again: kept longest
    layout.cell_paragraph("5 t-CO2", style, 60)
    assert [key[0] for key in layout._cells.keys()] == ["4 t-CO2", "2 t-CO2", "5 t-CO2"]


# Two fragments (the bold part): reportlab lays it out as lines of words, which split changes.
LONG = "<b>省エネ診断の結果</b>、コンプレッサーの更新と照明のLED化で電力を減らせます。" * 12


def words(paragraph: Paragraph) -> list[list[str]]:
    return [[str(w.text) for w in line.words] for line in paragraph.blPara.lines]


def test_a_kept_paragraph_shares_its_layouts_with_its_copies(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    layout._paragraphs.clear()
    laid_out = counting(monkeypatch)
    first = layout.kept_paragraph(TEXT, Styles("ja").body)
    first.wrap(300, 1000)
    second = layout.kept_paragraph(TEXT, Styles("ja").body)  # the next report's
    assert second is not first
    assert second.wrap(300, 1000) == first.wrap(300, 1000)
    assert laid_out == [300]  # laid out once, for both
    second.wrap(200, 1000)
    assert layout.kept_paragraph(TEXT, Styles("ja").body).wrap(200, 1000)[1] > 0
    assert laid_out == [300, 200]
    layout.kept_paragraph(TEXT, Styles("en").body).wrap(300, 1000)  # other style: its own
    assert laid_out == [300, 200, 300]


def test_a_kept_paragraph_split_at_a_page_foot_leaves_the_kept_lines_alone() -> None:
    """reportlab's split appends a space to the last word of each line it hands on; a split
    copy works on words of its own, so the next copy draws the lines as they were."""
    layout._paragraphs.clear()
    style = Styles("ja").user
    fresh = Lines(LONG, style)
    fresh.wrap(200, 10_000)
    expected = words(fresh)
    for _ in range(2):  # the second split is of a copy made after the first one split
        copy = layout.kept_paragraph(LONG, style)
        copy.wrap(200, 10_000)
        parts = copy.split(200, 60)
        assert len(parts) == 2
    later = layout.kept_paragraph(LONG, style)
    later.wrap(200, 10_000)
    assert words(later) == expected


def test_a_break_is_remembered_per_text_width_and_measure() -> None:
    layout.register_font()
    measure = measure_for(7.5)
    layout._break.cache_clear()
    first = layout._break(TEXT, 60.0, measure)
    assert first == break_markup(TEXT, 60.0, measure)
    assert layout._break(TEXT, 60.0, measure) is first  # from memory
    assert layout._break(TEXT, 40.0, measure) == break_markup(TEXT, 40.0, measure) != first
    assert layout._break.cache_info().hits == 1
