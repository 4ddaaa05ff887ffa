"""The PDF's typography: the embedded font, safe text, paragraph styles and table helpers.

Owns the rule that every string a user typed reaches reportlab only through :func:`safe`:
characters the bundled IPAexGothic cannot draw (emoji, private-use, controls) become a visible
``?`` instead of an empty box, markup characters are escaped, and over-long values are cut with
``…`` where a table cell or a heading could otherwise overflow.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Any
from xml.sax.saxutils import escape, unescape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ecocheck_desktop import resources
from ecocheck_desktop.report.linebreak import break_markup

FONT_NAME = "IPAexGothic"
PLACEHOLDER = "?"
ACCENT = colors.HexColor("#1F5C99")
LIGHT = colors.HexColor("#EEF3F8")
RULE = colors.HexColor("#B8C4D0")
# Cell text longer than this is cut with … (the full text appears in a paragraph elsewhere).
CELL_LIMIT = 80
_ESCAPES = {'"': "&quot;", "'": "&#39;"}
_UNESCAPES = {"&quot;": '"', "&#39;": "'"}
_CELL_PADDING = 3
_BREAK_FUZZ = 0.01  # points kept free so reportlab never re-breaks a line we ended


@cache
def register_font() -> TTFont:
    """Register the bundled font once; reportlab embeds only the glyphs used (a subset)."""
    font = TTFont(FONT_NAME, str(resources.font_path()))
    pdfmetrics.registerFont(font)
    # IPAexGothic has no bold or italic face; <b>/<i> in markup fall back to the same face.
    pdfmetrics.registerFontFamily(
        FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
    )
    return font


@cache
def _covered() -> frozenset[int]:
    return frozenset(register_font().face.charToGlyph)


# Signs the font lacks, drawn as the font's own form of the same sign (JIS ≦ ≧).
_SUBSTITUTES = {"\u2264": "\u2266", "\u2265": "\u2267"}


def clean(value: object, limit: int | None = None) -> str:
    """Plain text the font can draw: unknown glyphs -> ``?``, controls dropped, cut at limit."""
    covered = _covered()
    out: list[str] = []
    for char in "" if value is None else str(value):
        if char == "\n":
            out.append(char)
        elif char == "\t":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            # Zero-width joiners and variation selectors belong to an emoji already replaced.
            continue
        elif ord(char) in covered:
            out.append(char)
        elif ord(_SUBSTITUTES.get(char, "\0")) in covered:
            out.append(_SUBSTITUTES[char])
        elif out and out[-1] == PLACEHOLDER:
            continue  # one ? per emoji sequence (skin tones, flags, ...)
        else:
            out.append(PLACEHOLDER)
    result = "".join(out)
    if limit is not None and len(result) > limit:
        result = result[: limit - 1].rstrip() + "…"
    return result


def safe(value: object, limit: int | None = None) -> str:
    """User text as Paragraph markup: cleaned, escaped, line breaks kept."""
    return escape(clean(value, limit), _ESCAPES).replace("\n", "<br/>")


# reportlab cannot split one table row over two pages: a cell taller than the frame (a
# 4,000-character company name) raises LayoutError. No cell or boxed text grows beyond this.
MAX_CELL_HEIGHT = 90 * mm


def fit(markup: str, style: Any, width: float, max_height: float = MAX_CELL_HEIGHT) -> Paragraph:
    """``markup`` as a Paragraph of ``width`` points, shortened with … to ``max_height``.

    Text that fits is returned whole (with its markup); longer text keeps as much of its
    beginning as fits, so anything a user can enter prints, wrapped or shortened, never an error.
    """
    paragraph = Paragraph(markup, style)
    if paragraph.wrap(width, max_height * 100)[1] <= max_height:
        return paragraph
    plain = paragraph.getPlainText()
    low, high = 0, len(plain)
    while low < high:  # the longest beginning that still fits
        middle = (low + high + 1) // 2
        candidate = Paragraph(escape(plain[:middle].rstrip() + "…", _ESCAPES), style)
        if candidate.wrap(width, max_height * 100)[1] <= max_height:
            low = middle
        else:
            high = middle - 1
    return Paragraph(escape(plain[:low].rstrip() + "…", _ESCAPES), style)


def broken(markup: str, style: Any, width: float) -> Paragraph:
    """``markup`` as a Paragraph of ``width`` points whose lines end where the report's
    line-breaking rule allows (.linebreak), as in every table cell."""
    size = style.fontSize

    def measure(text: str) -> float:
        return float(stringWidth(text, FONT_NAME, size))

    return Paragraph(break_markup(markup, width - _BREAK_FUZZ, measure), style)


class Styles:
    """The paragraph styles of one edition (Japanese wraps between any two characters)."""

    def __init__(self, lang: str) -> None:
        register_font()
        wrap = "CJK" if lang == "ja" else None
        base = ParagraphStyle(
            "body", fontName=FONT_NAME, fontSize=9, leading=13.5, wordWrap=wrap, spaceAfter=3
        )
        self.body = base
        # User-typed text may be one 2,000-character word: always allow a break anywhere.
        self.user = ParagraphStyle("user", parent=base, wordWrap="CJK")
        self.small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=10.5)
        self.title = ParagraphStyle(
            "title", parent=base, fontSize=20, leading=27, textColor=ACCENT, spaceAfter=4
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=10, leading=14, textColor=colors.HexColor("#555555")
        )
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontSize=13,
            leading=18,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=5,
            keepWithNext=True,
        )
        self.h2 = ParagraphStyle(
            "h2", parent=base, fontSize=10.5, leading=15, spaceBefore=6, keepWithNext=True
        )
        self.cell = ParagraphStyle(
            "cell", parent=base, fontSize=7.5, leading=9.8, spaceAfter=0, wordWrap=wrap
        )
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle(
            "head", parent=self.cell, textColor=colors.white, alignment=TA_LEFT
        )
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=TA_RIGHT)
        self.kpi = ParagraphStyle("kpi", parent=base, fontSize=15, leading=20, textColor=ACCENT)
        self.kpi_label = ParagraphStyle("kpi_label", parent=base, fontSize=8, leading=11)


def header_markup(label: str) -> str:
    """Our own header text (may hold ``\\n``) as markup."""
    return escape(label).replace("\n", "<br/>")


def table(
    styles: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths_mm: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    total_row: bool = False,
) -> Table:
    """A full-width table: a coloured header that repeats on each page, numbers right-aligned,
    every cell's lines ended by the report's line-breaking rule (.linebreak).

    ``rows`` hold markup strings (already made safe) or flowables.
    """
    numeric_columns = set(numeric)
    room = [w * mm - 2 * _CELL_PADDING - _BREAK_FUZZ for w in widths_mm]
    size = styles.cell.fontSize

    def measure(text: str) -> float:
        return float(stringWidth(text, FONT_NAME, size))

    def cell(value: str | Flowable, column: int, head: bool = False) -> Flowable | str:
        if not isinstance(value, str):
            return value
        if head:
            style = styles.head_right if column in numeric_columns else styles.head
            return Paragraph(break_markup(header_markup(value), room[column], measure), style)
        # A value that fits on one line is drawn as a plain string: a Paragraph per cell
        # (wrapping machinery) is most of a long table's layout time.
        if "<" not in value:
            plain = unescape(value, _UNESCAPES)
            if stringWidth(plain, FONT_NAME, styles.cell.fontSize) <= room[column]:
                return plain
        style = styles.cell_right if column in numeric_columns else styles.cell
        # Our line breaks (.linebreak: no split katakana word, 禁則, no lone 円 or unit).
        return fit(break_markup(value, room[column], measure), style, room[column])

    data = [[cell(h, i, head=True) for i, h in enumerate(header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    result = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),  # else cells set Helvetica (not embedded)
        ("FONTSIZE", (0, 0), (-1, -1), styles.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), styles.cell.leading),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        *(("ALIGN", (c, 1), (c, -1), "RIGHT") for c in sorted(numeric_columns)),
    ]
    if total_row and rows:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), LIGHT))
    result.setStyle(TableStyle(commands))
    return result


# --------------------------------------------------------------------------- page frame

PAGE_MARGIN = 16 * mm


def numbered_canvas(footer_left: str, lang: str) -> type[Any]:
    """A canvas class that writes the footer line and "n / N" on every page (the company report
    and the consortium summary); pages are held back until N is known."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from ecocheck_desktop.text.report import text

    page_width = A4[0]

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Start in our font so no unembedded Helvetica is referenced.
            kwargs.update(initialFontName=FONT_NAME, initialFontSize=9, initialLeading=12)
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(FONT_NAME, 7.5)
                self.setFillColor(ACCENT)
                self.setStrokeColor(ACCENT)
                self.setLineWidth(0.4)
                self.line(PAGE_MARGIN, 12 * mm, page_width - PAGE_MARGIN, 12 * mm)
                self.drawString(PAGE_MARGIN, 8 * mm, footer_left)
                page = text("page", lang, n=number, total=total)
                self.drawRightString(page_width - PAGE_MARGIN, 8 * mm, page)
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas
