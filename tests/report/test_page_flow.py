"""Page flow of the PDF (issue 18 item 8): a heading keeps the start of its table (never alone
at a page foot, never a half-empty page because the whole table moved on), and a table split
over two pages keeps at least two rows on each."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from ecocheck_desktop.report.layout import (
    MIN_ROWS_WITH_HEADING,
    Styles,
    keep_headings_with_start,
    table,
)


def build(story: list[object]) -> list[str]:
    buffer = io.BytesIO()
    doc = keep_headings_with_start(SimpleDocTemplate(buffer, pagesize=A4))
    doc.build(story)
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def rows(n: int) -> list[list[str]]:
    return [[f"行{i:03d}", f"{i * 10:,} 円"] for i in range(n)]


def page_of(pages: list[str], needle: str) -> int:
    return next(i for i, text in enumerate(pages) if needle in text)


@pytest.mark.parametrize("filler_mm", range(150, 240, 4))
def test_a_heading_stays_with_at_least_two_rows_and_no_page_is_left_half_empty(
    filler_mm: int,
) -> None:
    s = Styles("ja")
    heading = Paragraph("見出しの表", s.h1)
    story = [Spacer(1, filler_mm * mm), heading, table(s, ["項目", "金額"], rows(60), [40, 30])]
    pages = build(story)
    first = page_of(pages, "見出しの表")
    assert page_of(pages, "行000") == first and page_of(pages, "行001") == first
    if first == 1:  # moved on: then not even the heading, the header and two rows fitted
        frame = A4[1] - 2 * 72 - 12  # SimpleDocTemplate's frame (1 in margins, 6 pt paddings)
        start = table(s, ["項目", "金額"], rows(MIN_ROWS_WITH_HEADING), [40, 30])
        needed = sum(f.wrap(A4[0], A4[1])[1] for f in (Paragraph("見出しの表", s.h1), start))
        needed += s.h1.spaceBefore + s.h1.spaceAfter
        assert frame - filler_mm * mm < needed + 8 + 1  # + the 8 pt kept in hand
    for number, text in enumerate(pages):
        body = [f"行{i:03d}" for i in range(60) if f"行{i:03d}" in text]
        assert not body or len(body) >= MIN_ROWS_WITH_HEADING, (filler_mm, number, body)


@pytest.mark.parametrize("count", range(3, 40))
def test_a_split_table_leaves_no_lone_row_on_either_page(count: int) -> None:
    s = Styles("ja")
    story = [Spacer(1, 200 * mm), table(s, ["項目", "金額"], rows(count), [40, 30])]
    for text in build(story):
        body = [i for i in range(count) if f"行{i:03d}" in text]
        assert not body or len(body) >= MIN_ROWS_WITH_HEADING, (count, body)


def test_a_heading_before_a_block_kept_together_goes_with_the_block() -> None:
    s = Styles("ja")
    block = KeepTogether([table(s, ["項目", "金額"], rows(12), [40, 30])])
    pages = build([Spacer(1, 225 * mm), Paragraph("目標の見出し", s.h2), block])
    assert page_of(pages, "目標の見出し") == page_of(pages, "行000") == 1
