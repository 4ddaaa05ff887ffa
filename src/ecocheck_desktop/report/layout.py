"""The PDF's typography: the embedded font, safe text, paragraph styles and table helpers.

Owns the rule that every string a user typed reaches reportlab only through :func:`safe`:
characters the bundled IPAexGothic cannot draw (emoji, private-use, controls) become a visible
``?`` instead of an empty box, markup characters are escaped, and over-long values are cut with
``…`` where a table cell or a heading could otherwise overflow.
"""

from __future__ import annotations

import copy
import threading
import unicodedata
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any
from xml.sax.saxutils import escape, unescape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from ecocheck_desktop import resources
from ecocheck_desktop.report.linebreak import break_markup
from ecocheck_desktop.text.report import text

# Binary (Flate) streams, not ASCII85 text, in every PDF of the app (each builder imports this
# module): every reader takes them, a report is about 5 % smaller and a warm one about 5 %
# faster (the ASCII85 encoder is pure Python).
rl_config.useA85 = 0

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
# A table split over two pages keeps at least this many body rows on each (and with its heading).
MIN_ROWS_WITH_HEADING = 2
_KEEP_SLACK = 8  # points
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
    return _clean("" if value is None else str(value), limit)


@lru_cache(maxsize=8192)  # a report asks for the same labels, units and names again and again
def _clean(value: str, limit: int | None) -> str:
    covered = _covered()
    out: list[str] = []
    for char in value:
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


class Lines(Paragraph):  # type: ignore[misc]
    """A Paragraph that lays itself out once per width.

    A table asks each cell for its size while it measures its rows, again for every split at a
    page foot and again when it draws; reportlab's Paragraph wraps its text anew each time
    (measuring every character of Japanese text). The lines depend only on the width, so the
    last layout is kept and given back when the width is the same."""

    _laid_out: tuple[float, float, Any, list[float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        kept = self._laid_out
        if kept is not None and kept[0] == availWidth:
            self.width, self.height, self.blPara, self._wrapWidths = kept
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if getattr(self, "blPara", None) is not None:
            self._laid_out = (self.width, self.height, self.blPara, self._wrapWidths)
        return width, height


@cache
def measure_for(size: float) -> Callable[[str], float]:
    """The width of a string in the report's font at ``size`` points, remembered per string:
    line breaking measures the same beginnings of a line again and again."""
    widths: dict[str, float] = {}

    def measure(text: str) -> float:
        width = widths.get(text)
        if width is None:
            width = widths[text] = float(stringWidth(text, FONT_NAME, size))
        return width

    return measure


@lru_cache(maxsize=4096)
def _break(markup: str, width: float, measure: Callable[[str], float]) -> str:
    """:func:`~.linebreak.break_markup`, remembered: every report breaks the same headings,
    column heads, labels and many numbers at the same widths (a warm demo export: about 3 %
    less, 40 interleaved builds; a batch's later companies find their column heads here)."""
    return break_markup(markup, width, measure)


# reportlab cannot split one table row over two pages: a cell taller than the frame (a
# 4,000-character company name) raises LayoutError. No cell or boxed text grows beyond this.
MAX_CELL_HEIGHT = 90 * mm


def fit(markup: str, style: Any, width: float, max_height: float = MAX_CELL_HEIGHT) -> Paragraph:
    """``markup`` as a Paragraph of ``width`` points, shortened with … to ``max_height``.

    Text that fits is returned whole (with its markup); longer text keeps as much of its
    beginning as fits, so anything a user can enter prints, wrapped or shortened, never an error.
    """
    paragraph = Lines(markup, style)
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
    return Lines(escape(plain[:low].rstrip() + "…", _ESCAPES), style)


class _Kept:
    """Paragraphs laid out once for the whole session (every report of the GUI, a batch), handed
    out as copies: at most ``size`` of them, the least recently used dropped first; safe to use
    from the export threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], Paragraph] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], make: Callable[[], Paragraph]) -> Paragraph:
        """A copy of the paragraph kept for ``key`` (its own position and canvas; its lines
        shared), made by ``make`` the first time."""
        with self._lock:
            kept = self._items.get(key)
            if kept is not None:
                self._items.move_to_end(key)
        if kept is None:
            kept = make()
            with self._lock:
                self._items[key] = kept
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return copy.copy(kept)

    def keys(self) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


# A report's table cells, laid out once per markup, style and width: the same column heads,
# labels and values come back in every report, and laying them out again was ~15 % of a warm
# demo export. reportlab never splits a cell, so a kept one is only asked for its size and
# drawn.
_cells = _Kept(1024)
# The paragraphs between the tables (headings, sentences, notes), once per markup and style;
# each width they are laid out at is kept with them (SharedLines).
_paragraphs = _Kept(1024)
# The demo's two editions keep 273 cells and 365 paragraphs in ~2.8 MB: at most ~9 MB in all.
_style_keys: weakref.WeakKeyDictionary[ParagraphStyle, tuple[tuple[str, str], ...]] = (
    weakref.WeakKeyDictionary()
)


def _style_key(style: ParagraphStyle) -> tuple[tuple[str, str], ...]:
    """Everything that lays out or draws a paragraph of ``style`` (each report makes its own
    styles; two with the same attributes lay out the same lines)."""
    key = _style_keys.get(style)
    if key is None:
        attributes = vars(style).items()
        key = tuple(sorted((k, repr(v)) for k, v in attributes if k not in ("name", "parent")))
        _style_keys[style] = key
    return key


def cell_paragraph(
    markup: str, style: ParagraphStyle, width: float, max_height: float = MAX_CELL_HEIGHT
) -> Paragraph:
    """:func:`fit` for a table cell, from memory when a report of this session had the same
    cell."""
    key = (markup, _style_key(style), width, max_height)
    return _cells.get(key, lambda: fit(markup, style, width, max_height))


class SharedLines(Paragraph):  # type: ignore[misc]
    """A paragraph of the story whose layouts (one per width, where :class:`Lines` keeps the
    last) are shared by the copies that :func:`kept_paragraph` hands out, in this report and
    the next ones.

    reportlab's split changes the words of the lines it splits (it appends the space that the
    line end took), so a shared copy that is split at a page foot first parses its markup again
    into words and lines of its own; the pieces reportlab makes of it are its own too."""

    _source: tuple[str, ParagraphStyle] | None = None  # set on the kept one: its copies share

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._layouts: dict[float, tuple[float, float, Any, list[float]]] = {}

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        kept = self._layouts.get(availWidth)
        if kept is not None:
            self.width, self.height, self.blPara, self._wrapWidths = kept
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if getattr(self, "blPara", None) is not None:
            self._layouts[availWidth] = (self.width, self.height, self.blPara, self._wrapWidths)
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._source is not None:
            markup, style = self._source
            self._source = None
            self._layouts = {}
            Paragraph.__init__(self, markup, style)
            self.__dict__.pop("blPara", None)
        return list(super().split(availWidth, availHeight))


def kept_paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """``Lines(markup, style)`` for the story, parsed and laid out once per session."""

    def make() -> Paragraph:
        paragraph = SharedLines(markup, style)
        paragraph._source = (markup, style)
        return paragraph

    return _paragraphs.get((markup, _style_key(style)), make)


def broken(markup: str, style: Any, width: float) -> Paragraph:
    """``markup`` as a Paragraph of ``width`` points whose lines end where the report's
    line-breaking rule allows (.linebreak), as in every table cell."""
    return Lines(_break(markup, width - _BREAK_FUZZ, measure_for(style.fontSize)), style)


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


class RowTable(Table):  # type: ignore[misc]
    """A table that never leaves a lone row at a page foot or the top of the next page: a
    split keeps at least :data:`MIN_ROWS_WITH_HEADING` body rows on either side (or moves the
    whole table on when it cannot)."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = list(super().split(available_width, available_height))
        if len(parts) != 2:
            return parts
        first, rest = parts
        header = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        if len(rest._cellvalues) - header < MIN_ROWS_WITH_HEADING:
            # Hand the last row(s) of the first part over to the next page.
            short = MIN_ROWS_WITH_HEADING - (len(rest._cellvalues) - header)
            kept = len(first._cellvalues)
            less = sum(self._rowHeights[kept - short : kept]) + 0.5
            parts = list(super().split(available_width, available_height - less))
            if len(parts) != 2:
                return []
            first = parts[0]
        if len(first._cellvalues) - header < MIN_ROWS_WITH_HEADING:
            return []  # not even two rows here: the whole table goes on
        return parts


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
    # The width reportlab gives a cell's flowable (its sums, so that Lines finds its layout)
    # and the room our line breaks leave in it.
    inner = [w * mm - _CELL_PADDING - _CELL_PADDING for w in widths_mm]
    room = [w - _BREAK_FUZZ for w in inner]
    measure = measure_for(styles.cell.fontSize)

    def cell(value: str | Flowable, column: int, head: bool = False) -> Flowable | str:
        if not isinstance(value, str):
            return value
        if head:
            style = styles.head_right if column in numeric_columns else styles.head
            return cell_paragraph(
                _break(header_markup(value), room[column], measure), style, inner[column]
            )
        # A value that fits on one line is drawn as a plain string: a Paragraph per cell
        # (wrapping machinery) is most of a long table's layout time.
        if "<" not in value:
            plain = unescape(value, _UNESCAPES)
            if measure(plain) <= room[column]:
                return plain
        style = styles.cell_right if column in numeric_columns else styles.cell
        # Our line breaks (.linebreak: no split katakana word, 禁則, no lone 円 or unit).
        return cell_paragraph(_break(value, room[column], measure), style, inner[column])

    data = [[cell(h, i, head=True) for i, h in enumerate(header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    result = RowTable(data, colWidths=[w * mm for w in widths_mm], repeatRows=1, hAlign="LEFT")
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


# --------------------------------------------------------------------------- page flow


class KeepWithStart(KeepTogether):  # type: ignore[misc]
    """What reportlab groups for ``keepWithNext`` (a heading and what follows it), kept together
    only as far as needed: when the group does not fit but the headings and the start of the
    last flowable do (a table's header and at least :data:`MIN_ROWS_WITH_HEADING` rows; the
    first lines of a paragraph), it flows and the last one splits at the page foot. reportlab's
    own KeepTogether moves the whole group to the next page, which left a page half empty
    before every long table; a heading alone at a page foot stays impossible.

    Set as the document's ``keepTogetherClass`` (:func:`keep_headings_with_start`)."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        content = list(self._content)
        if len(content) >= 2 and self._start_fits(content, available_width, available_height):
            return content
        return list(super().split(available_width, available_height))

    def _start_fits(self, content: list[Flowable], width: float, height: float) -> bool:
        *heads, last = content
        used = 0.0
        for flowable in heads:
            used += flowable.wrap(width, height)[1] + flowable.getSpaceBefore()
            used += flowable.getSpaceAfter()
        # A few points in hand: the frame's own sums (space before a flowable at a page top,
        # paddings) may differ a little, and a heading must never be left behind alone.
        room = height - used - last.getSpaceBefore() - _KEEP_SLACK
        if room <= 0:
            return False
        if isinstance(last, KeepTogether):  # a block meant to stay whole: all of it or none
            last.wrap(width, room)
            return bool(last._H <= room)
        if last.wrap(width, room)[1] <= room:
            return True  # it all fits after all (reportlab asked to split anyway)
        parts = last.split(width, room)
        if len(parts) < 2:
            return False
        first = parts[0]
        if isinstance(first, Table):
            rows = len(first._cellvalues) - first.repeatRows
            return rows >= MIN_ROWS_WITH_HEADING
        return True


def keep_headings_with_start(doc: Any) -> Any:
    """``doc`` (a reportlab DocTemplate) with :class:`KeepWithStart` for keepWithNext, and a
    heading followed by a block kept together (reportlab leaves such a heading out of the
    group, so it could stay alone at a page foot) put inside that block."""
    doc.keepTogetherClass = KeepWithStart
    handle = doc.handle_keepWithNext

    def handle_keep_with_next(flowables: list[Flowable]) -> None:
        count = 0
        while count < len(flowables) and flowables[count].getKeepWithNext():
            if isinstance(flowables[count], KeepTogether):
                break
            count += 1
        block = flowables[count] if 0 < count < len(flowables) else None
        if isinstance(block, KeepTogether) and not isinstance(block, KeepWithStart):
            heads = flowables[:count]
            for flowable in heads:
                flowable.__dict__["keepWithNext"] = 0
            del flowables[: count + 1]
            flowables.insert(0, KeepTogether([*heads, *block._content]))
            return
        handle(flowables)

    doc.handle_keepWithNext = handle_keep_with_next
    return doc


# --------------------------------------------------------------------------- page frame

PAGE_MARGIN = 16 * mm


def numbered_canvas(footer_left: str, lang: str) -> type[Any]:
    """A canvas class that writes the footer line and "n / N" on every page (the company report
    and the consortium summary); pages are held back until N is known."""

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
