"""The bill import format (the columns of :data:`COLUMNS`, docs/guide_ja.md), both directions.

Owns reading a bill table (CSV in UTF-8 / UTF-8 with BOM / Shift_JIS, or the first sheet of an
.xlsx) into validated :class:`EnergyRecord` objects, turning such an import into a new
:class:`Project`, and writing a project's records back out as a CSV of the same format.

Validation reports every bad cell of every row, each as a :class:`Message` whose ``where`` names
the file, the row as the user sees it in Excel (header = row 1) and the column as headed in the
file; one bad row never hides another.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.energy import ENERGY_TYPES, normalize_energy, normalize_unit
from ecocheck_desktop.core.fiscal import fiscal_year_of, parse_month
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import (
    DEFAULT_SITE,
    Company,
    EnergyRecord,
    FiscalYearData,
    Project,
    Site,
    SupplyContract,
)
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.exchange.csv_safety import neutralise_text, restore_text
from ecocheck_desktop.store import atomic


@dataclass(frozen=True)
class Column:
    key: str
    alias_ja: str
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("month", "年月", True),
    Column("energy", "エネルギー", True),
    Column("quantity", "使用量", True),
    Column("unit", "単位", True),
    Column("site", "事業所"),
    Column("cost_yen", "金額"),
    Column("supplier", "供給事業者"),
    Column("menu", "メニュー"),
    Column("factor_basic", "基礎排出係数"),
    Column("factor_adjusted", "調整後排出係数"),
    Column("factor_source", "係数の出典"),
    Column("estimated", "推計"),
    Column("note", "備考"),
)
EXPORT_HEADER: tuple[str, ...] = tuple(column.key for column in COLUMNS)

# Spellings seen in spreadsheets people already keep, beyond the key and the Japanese alias.
_EXTRA_ALIASES: dict[str, str] = {
    "usage_month": "month",
    "使用月": "month",
    "年月度": "month",
    "energy_type": "energy",
    "エネルギー種別": "energy",
    "燃料": "energy",
    "usage": "quantity",
    "amount": "quantity",
    "使用量等": "quantity",
    "cost": "cost_yen",
    "cost_jpy": "cost_yen",
    "請求金額": "cost_yen",
    "料金": "cost_yen",
    "retailer": "supplier",
    "小売電気事業者": "supplier",
    "事業者": "supplier",
    "メニュー名": "menu",
    "factor_source_text": "factor_source",
    "出典": "factor_source",
    "推計値": "estimated",
    "notes": "note",
    "メモ": "note",
    "事業所名": "site",
    "拠点": "site",
}


def _header_key(text: str) -> str:
    """Fold width, case, spacing and a trailing "(単位)" so '金額（円）' and 'Cost Yen' match."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    folded = re.sub(r"\s*[(\[].*[)\]]\s*$", "", folded)
    return re.sub(r"[\s\-_・]+", "_", folded).strip("_")


_HEADER_LOOKUP: dict[str, str] = {}
for _column in COLUMNS:
    _HEADER_LOOKUP[_header_key(_column.key)] = _column.key
    _HEADER_LOOKUP[_header_key(_column.alias_ja)] = _column.key
for _alias, _key in _EXTRA_ALIASES.items():
    _HEADER_LOOKUP.setdefault(_header_key(_alias), _key)

_TRUE = {"1", "true", "yes", "y", "はい", "○", "〇", "◯", "推計", "見込", "見込み", "概算"}
_FALSE = {"0", "false", "no", "n", "いいえ", "×", "-", "ー", "", "実績", "確定"}

# Grid factors stay below 0.001 t-CO2/kWh; 10x that is physically impossible, so a value above
# it is a kg-CO2/kWh figure typed into a t-CO2/kWh column (1000x too large a footprint).
MAX_ELECTRICITY_FACTOR = Decimal("0.01")

_YEN_MARKS = re.compile(r"[¥￥円\\]")


@dataclass
class BillImport:
    """The outcome of reading one bill file."""

    records: list[EnergyRecord]
    problems: list[Message]
    rows_read: int
    encoding: str
    sites: list[str]
    contracts: list[SupplyContract]
    warnings: list[Message] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Reading the raw table


# Bytes that Python's cp932 maps to private-use or C1 characters: present only when the file
# is not Shift_JIS text at all (e.g. binary, or UTF-16 without a BOM).
_NOT_SHIFT_JIS = re.compile("[\x80\uf8f0-\uf8f3]")
# ISO-2022-JP (JIS) switches character sets with ESC $ B / ESC ( B ...: 7-bit bytes that pass
# as UTF-8 and would import as garbage.
_CONTROL = re.compile("\x1b[$()]")
# A Japanese character in UTF-8 (three bytes): evidence that a line was written as UTF-8.
_UTF8_WIDE = re.compile("[\u0800-\uffff]")


def _row_where(where: dict[str, Any], data: bytes | str, position: int) -> dict[str, Any]:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return {**where, "row": data.count(newline, 0, position) + 1}  # type: ignore[arg-type]


def _refuse_controls(text: str, where: dict[str, Any]) -> None:
    match = _CONTROL.search(text)
    if match:
        raise EcoCheckError(
            Message("bills.encoding_bad_row", where=_row_where(where, text, match.start()))
        )


def _utf8_line(line: bytes) -> bool:
    """True if ``line`` is UTF-8 with Japanese in it (so not Shift_JIS that happens to pass)."""
    try:
        return bool(_UTF8_WIDE.search(line.decode("utf-8")))
    except UnicodeDecodeError:
        return False


def _decode(data: bytes, where: dict[str, Any]) -> tuple[str, str]:
    """The text of a bill file in one encoding, or bills.encoding_* naming the first bad row.

    A file that mixes encodings (UTF-8 rows and a Shift_JIS row, e.g. lines pasted from two
    sources) or uses one this app does not read (ISO-2022-JP's escape sequences, binary) is
    refused: decoding it in any one encoding would import some rows as mojibake.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export: UTF-16 with a BOM (and tabs).
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise EcoCheckError(Message("bills.encoding_unknown", where=where)) from None
        _refuse_controls(text, where)
        return text, "utf-16"
    if b"\x00" in data:
        # No text encoding of a bill table has NUL bytes except UTF-16 (here without a BOM).
        # UTF-16 puts the NUL of every ASCII character (digits, commas, tabs: a good part of
        # any bill table) on the same side of the pair.
        odd_nuls, even_nuls = data[1::2].count(0), data[0::2].count(0)
        one_sided = (odd_nuls == 0) != (even_nuls == 0)
        if len(data) % 2 == 0 and one_sided and (odd_nuls + even_nuls) * 10 >= len(data):
            codec = "utf-16-le" if odd_nuls else "utf-16-be"
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                pass
            else:
                _refuse_controls(text, where)
                return text, codec
        raise EcoCheckError(
            Message("bills.encoding_bad_row", where=_row_where(where, data, data.index(0)))
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad_row = _row_where(where, data, error.start)
        line_start = data.rfind(b"\n", 0, error.start) + 1
        if _utf8_line(data[:line_start]):
            # UTF-8 Japanese above, something else here: one row pasted from another file.
            raise EcoCheckError(
                Message("bills.encoding_mixed", {"encoding": "UTF-8"}, bad_row)
            ) from None
    else:
        _refuse_controls(text, where)
        return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError as error:
        bad_row = _row_where(where, data, error.start)
        start = data.rfind(b"\n", 0, error.start) + 1
        end = data.find(b"\n", error.start)
        if _utf8_line(data[start : end if end >= 0 else len(data)]):
            # Shift_JIS above, a UTF-8 row here (lines pasted from another file).
            raise EcoCheckError(
                Message("bills.encoding_mixed", {"encoding": "Shift_JIS"}, bad_row)
            ) from None
        raise EcoCheckError(Message("bills.encoding_bad_row", where=bad_row)) from None
    match = _NOT_SHIFT_JIS.search(text)
    if match:
        raise EcoCheckError(
            Message("bills.encoding_bad_row", where=_row_where(where, text, match.start()))
        )
    _refuse_controls(text, where)
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.isascii() and _utf8_line(line):
            raise EcoCheckError(
                Message("bills.encoding_mixed", {"encoding": "Shift_JIS"}, {**where, "row": number})
            )
    return text, "cp932"


class _TextBudget:
    """All text cells of one file together stay under MAX_IMPORT_TEXT_CHARS (a shared string
    of a workbook can be repeated in thousands of cells: a small file, a huge project)."""

    def __init__(self, where: dict[str, Any]) -> None:
        self.where = where
        self.used = 0

    def spend(self, row: Sequence[Any]) -> None:
        self.used += sum(len(cell) for cell in row if isinstance(cell, str))
        if self.used > limits.MAX_IMPORT_TEXT_CHARS:
            raise EcoCheckError(
                Message(
                    "table.too_much_text",
                    {"limit": f"{limits.MAX_IMPORT_TEXT_CHARS:,}"},
                    self.where,
                )
            )


def _too_many_rows(where: dict[str, Any]) -> EcoCheckError:
    return EcoCheckError(
        Message("table.too_many_rows", {"limit": f"{limits.MAX_BILL_ROWS:,}"}, where)
    )


# Rows allowed above the table (titles) and blank rows, beyond the bill lines themselves.
_ROW_SLACK = 1_000


def _csv_rows(path: Path, where: dict[str, Any]) -> tuple[list[list[Any]], str]:
    data = limits.read_regular_file(path, limits.MAX_BILL_FILE_BYTES)
    text, encoding = _decode(data, where)
    del data
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    # strict: a stray quote is an error, not a silent merge of the following lines.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[Any]] = []
    last_line = blank = 0
    try:
        for row in reader:
            first, last_line = last_line + 1, reader.line_num
            if last_line > first and any(
                "\n" in cell and delimiter in cell.split("\n", 1)[1] for cell in row
            ):
                # A quote opened on one line and closed lines later swallowed bill lines.
                raise EcoCheckError(
                    Message(
                        "bills.quote_unclosed",
                        {"first": first, "last": last_line},
                        {**where, "row": first},
                    )
                )
            cells = row[: limits.MAX_BILL_COLUMNS]
            if all(_is_blank(cell) for cell in cells):
                # Blank lines (",,,," for formatted empty rows) are counted, not stored:
                # only a row with data beyond the cap makes the file too long.
                blank += 1
                continue
            if len(rows) + blank >= limits.MAX_BILL_ROWS + _ROW_SLACK:
                raise _too_many_rows(where)
            rows.extend([] for _ in range(blank))
            blank = 0
            # No text budget here: a CSV's text is never more than the file (size-capped);
            # only a workbook's shared strings multiply a small file into a large project.
            rows.append(cells)
    except csv.Error as error:
        if "field limit" in str(error):  # a cell over 128 KB: not a bill table
            raise EcoCheckError(Message("file.unreadable", {"reason": str(error)}, where)) from None
        first = last_line + 1
        raise EcoCheckError(
            Message(
                "bills.quote_unclosed",
                {"first": first, "last": max(first, reader.line_num)},
                {**where, "row": first},
            )
        ) from None
    return rows, encoding


_XML_ROW_OR_CELL = re.compile(rb"<(?:row|c)[ >/]")


def _count_cells(archive: Any, part: str, where: dict[str, Any]) -> None:
    """Refuse a sheet with more cells than MAX_XLSX_CELLS, or a row with more than
    MAX_XLSX_CELLS_PER_ROW, counted in its XML as stored (the declared <dimension> may say
    anything) before openpyxl parses a row of it: openpyxl holds a whole row in memory."""
    total = in_row = 0
    tail = b""
    with archive.open(part) as stream:
        while True:
            chunk = stream.read(1024 * 1024)
            if not chunk:
                break
            window = tail + chunk
            # A tag cut by the chunk boundary is found again in the next window, never twice:
            # only matches starting after the carried-over tail are counted.
            for match in _XML_ROW_OR_CELL.finditer(window):
                if match.start() < len(tail):
                    continue
                if match.group().startswith(b"<row"):
                    in_row = 0
                    continue
                total += 1
                in_row += 1
                if in_row > limits.MAX_XLSX_CELLS_PER_ROW or total > limits.MAX_XLSX_CELLS:
                    raise EcoCheckError(
                        Message(
                            "table.too_many_cells",
                            {"limit": f"{limits.MAX_XLSX_CELLS:,}"},
                            where,
                        )
                    )
            tail = window[-4:]


def _sheet_rows(sheet: Any) -> Iterator[tuple[int, list[Any]]]:
    """(Excel row number, values of columns 1..MAX_BILL_COLUMNS) for each non-blank row
    stored in a read-only openpyxl sheet, straight from its XML parser (openpyxl's own
    iter_rows fills every gap and pads to the declared dimension)."""
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = sheet.parent
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=workbook.data_only,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for number, cells in parser.parse():
            values: list[Any] = []
            for cell in cells:
                column = cell["column"]
                if column > limits.MAX_BILL_COLUMNS or cell["value"] is None:
                    continue
                if len(values) < column:
                    values.extend([None] * (column - len(values)))
                values[column - 1] = cell["value"]
            if values:
                yield number, values


def _check_unpacked_sizes(archive: Any, where: dict[str, Any]) -> None:
    """table.unpacked_too_large for a workbook (or one of its parts) too big unpacked."""

    def refuse(size: int, limit: int) -> EcoCheckError:
        return EcoCheckError(
            Message(
                "table.unpacked_too_large",
                {"size_mb": f"{size / 1024 / 1024:.1f}", "limit_mb": f"{limit / 1024 / 1024:g}"},
                where,
            )
        )

    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > limits.MAX_XLSX_UNPACKED_BYTES:
        raise refuse(total, limits.MAX_XLSX_UNPACKED_BYTES)
    for info in infos:
        name = info.filename.lower()
        if name.startswith("xl/worksheets/") or name.startswith("xl/media/"):
            continue  # sheets are streamed (and only the first), pictures never read
        limit = (
            limits.MAX_XLSX_SHARED_STRINGS_BYTES
            if name.endswith("sharedstrings.xml")
            else limits.MAX_XLSX_PART_BYTES
        )
        if info.file_size > limit:
            raise refuse(info.file_size, limit)


def _xlsx_rows(path: Path, where: dict[str, Any]) -> list[list[Any]]:
    import zipfile

    from openpyxl import load_workbook

    data = limits.read_regular_file(path, limits.MAX_BILL_FILE_BYTES)
    # A renamed .xls, a password-protected workbook or a truncated download all end up here.
    # Everything in the try block below is openpyxl parsing the user's file: a damaged part
    # surfaces as any exception class (zlib.error, EOFError, TypeError from a mangled XML
    # attribute ...), and each one means the same to the user, so all become file.unreadable.
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        # zipfile never inflates a part beyond its declared size, so this bounds all reading.
        _check_unpacked_sizes(archive, where)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            part = getattr(sheet, "_worksheet_path", None)
            if part:
                _count_cells(archive, part.lstrip("/"), where)
            # The declared <dimension> is not trusted (a 5 KB file may claim a million rows
            # of 16,384 columns), and neither are the gaps between rows: only rows present in
            # the XML are read, one at a time, at most MAX_BILL_COLUMNS wide.
            rows: list[list[Any]] = []
            budget = _TextBudget(where)
            for number, cells in _sheet_rows(sheet):
                if number > limits.MAX_BILL_ROWS + _ROW_SLACK:
                    raise _too_many_rows(where)
                if len(rows) < number - 1:
                    rows.extend([] for _ in range(number - 1 - len(rows)))
                budget.spend(cells)
                rows.append(cells)
            return rows
        finally:
            workbook.close()
    except EcoCheckError:
        raise
    except Exception as error:
        reason = getattr(error, "strerror", None) or str(error)[:200] or type(error).__name__
        raise EcoCheckError(Message("file.unreadable", {"reason": reason}, where)) from None


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_text(value: Any) -> str:
    """A cell as text; numbers from Excel without a spurious '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _unescape_text(text: str) -> str:
    """Undo the apostrophe that :func:`write_bills_csv` puts before formula-like text."""
    return restore_text(text)


# ---------------------------------------------------------------------------------------------
# Cell parsers: each returns a value or raises EcoCheckError with the reason (no location).


def _parse_month_cell(value: Any) -> str:
    if isinstance(value, datetime | date):
        return parse_month(value)
    text = _as_text(value).strip()
    # Bills print the usage month as "2025年4月分" (the bill "for" April).
    if text.endswith("分") and len(text) > 1:
        try:
            return parse_month(text[:-1])
        except EcoCheckError:
            pass
    return parse_month(text)


def _renamed(error: EcoCheckError, prefix: str) -> EcoCheckError:
    # parse_quantity speaks of "quantity"; in a cost or factor column the user needs that word.
    messages = []
    for message in error.messages:
        suffix = message.code.split(".", 1)[-1]
        if suffix not in {"negative", "too_large"}:
            suffix = "not_a_number"  # also too_precise: no bill prints fractions of a sen
        code = f"{prefix}.{suffix}"
        messages.append(Message(code, message.params, message.where))
    return EcoCheckError(*messages)


def _parse_cost(value: Any) -> Decimal:
    if isinstance(value, str):
        value = _YEN_MARKS.sub("", unicodedata.normalize("NFKC", value))
    try:
        return parse_quantity(value)
    except EcoCheckError as error:
        raise _renamed(error, "cost") from None


def _parse_factor(value: Any) -> Decimal:
    """A non-negative decimal of any precision (official factors have 6 decimals or more)."""
    if isinstance(value, bool):
        raise EcoCheckError(Message("factor.not_a_number", {"value": str(value)}))
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = "".join(unicodedata.normalize("NFKC", str(value)).split()).replace(",", "")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise EcoCheckError(Message("factor.not_a_number", {"value": str(value)}))
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            raise EcoCheckError(Message("factor.not_a_number", {"value": str(value)})) from None
    if not number.is_finite():
        raise EcoCheckError(Message("factor.not_a_number", {"value": str(value)}))
    if number < 0:
        raise EcoCheckError(Message("factor.negative", {"value": str(value)}))
    return number if number else Decimal(0)


def _parse_estimated(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = "".join(unicodedata.normalize("NFKC", _as_text(value)).casefold().split())
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise EcoCheckError(Message("estimated.invalid", {"value": _as_text(value)}))


# ---------------------------------------------------------------------------------------------
# The import


@dataclass
class _Layout:
    """Which file column holds which format column, and the header text the user sees."""

    index: dict[str, int]
    header: dict[str, str]


_HEADER_SEARCH_ROWS = 10
_TEXT_COLUMNS = ("site", "supplier", "menu", "factor_source", "note")


def _find_header(rows: Sequence[Sequence[Any]]) -> int | None:
    """The header row: the first row naming every required column among the first few
    non-empty rows (sheets often carry a title above the table), else the first non-empty row.
    """
    required = {column.key for column in COLUMNS if column.required}
    non_empty = [
        position for position, row in enumerate(rows) if not all(_is_blank(c) for c in row)
    ]
    for position in non_empty[:_HEADER_SEARCH_ROWS]:
        keys = {_HEADER_LOOKUP.get(_header_key(_as_text(cell))) for cell in rows[position]}
        if required <= keys:
            return position
    return non_empty[0] if non_empty else None


def _layout(
    header_row: Sequence[Any], where: dict[str, Any]
) -> tuple[_Layout, list[Message], list[Message]]:
    problems: list[Message] = []
    warnings: list[Message] = []
    index: dict[str, int] = {}
    header: dict[str, str] = {}
    for position, cell in enumerate(header_row):
        name = _as_text(cell).strip()
        if not name:
            continue
        key = _HEADER_LOOKUP.get(_header_key(name))
        if key is None:
            warnings.append(Message("bills.column_unknown", {"name": name}, where))
        elif key in index:
            problems.append(Message("bills.column_duplicate", {"name": name}, where))
        else:
            index[key] = position
            header[key] = name
    for column in COLUMNS:
        if column.required and column.key not in index:
            problems.append(
                Message(
                    "bills.column_missing", {"name": column.key, "alias": column.alias_ja}, where
                )
            )
    return _Layout(index, header), problems, warnings


def _parse_row(
    row: Sequence[Any],
    row_number: int,
    layout: _Layout,
    file_where: dict[str, Any],
    file_label: str,
) -> tuple[EnergyRecord | None, list[Message]]:
    problems: list[Message] = []

    def cell(key: str) -> Any:
        position = layout.index.get(key)
        if position is None or position >= len(row):
            return None
        return row[position]

    def where(key: str) -> dict[str, Any]:
        return {**file_where, "row": row_number, "column": layout.header.get(key, key)}

    def parse(key: str, parser: Callable[[Any], Any], *, required: bool = False) -> Any:
        value = cell(key)
        if _is_blank(value):
            if required:
                problems.append(Message("bills.value_required", {}, where(key)))
            return None
        try:
            return parser(value)
        except EcoCheckError as error:
            problems.extend(Message(m.code, m.params, where(key)) for m in error.messages)
            return None

    def text(key: str) -> str:
        return _unescape_text(_as_text(cell(key)).strip())

    month = parse("month", _parse_month_cell, required=True)
    energy = parse("energy", lambda v: normalize_energy(_as_text(v).strip()), required=True)
    quantity = parse("quantity", parse_quantity, required=True)
    unit = parse("unit", lambda v: normalize_unit(_as_text(v).strip()), required=True)
    if energy is not None and unit is not None and unit not in ENERGY_TYPES[energy].units:
        problems.append(
            Message(
                "unit.mismatch",
                {"unit": unit, "energy": energy, "allowed": ", ".join(ENERGY_TYPES[energy].units)},
                where("unit"),
            )
        )
    elif energy is not None and unit is not None and quantity is not None:
        implausible = limits.quantity_problem(energy, quantity, unit)
        if implausible is not None:
            problems.append(Message(implausible.code, implausible.params, where("quantity")))
    cost = parse("cost_yen", _parse_cost)
    factors: dict[str, Decimal | None] = {}
    for key in ("factor_basic", "factor_adjusted"):
        factor = parse(key, _parse_factor)
        if factor is not None and energy == "electricity" and factor > MAX_ELECTRICITY_FACTOR:
            problems.append(
                Message(
                    "factor.kg_not_t",
                    {"value": _as_text(cell(key)).strip(), "suggested": f"{factor / 1000:f}"},
                    where(key),
                )
            )
        factors[key] = factor
    estimated = parse("estimated", _parse_estimated)
    for key in _TEXT_COLUMNS:
        value = cell(key)
        if isinstance(value, str):
            problem = limits.text_problem(
                value, layout.header.get(key, key), limits.text_limit("EnergyRecord", key)
            )
            if problem is not None:
                problems.append(Message(problem.code, problem.params, where(key)))
    if problems:
        return None, problems
    # A user factor must say where it came from (issue 15). None is invented here: the file's
    # row is not where the figure came from, so the core marks the year incomplete
    # (factor.user_without_source) until a factor_source is given.
    factor_source = text("factor_source")
    note = _unescape_text(_as_text(cell("note")))
    record = EnergyRecord(
        month=month,
        energy=energy,
        quantity=quantity,
        unit=unit,
        site=text("site"),
        cost_yen=cost,
        supplier=text("supplier"),
        menu=text("menu"),
        factor_basic=factors["factor_basic"],
        factor_adjusted=factors["factor_adjusted"],
        factor_source=factor_source,
        estimated=bool(estimated),
        note=note if note.strip() else "",
    )
    return record, []


def _sites_of(records: Iterable[EnergyRecord]) -> list[str]:
    named: list[str] = []
    unnamed = False
    for record in records:
        if record.site and record.site not in named:
            named.append(record.site)
        unnamed = unnamed or not record.site
    if not named and unnamed:
        return [DEFAULT_SITE]
    return named


def _contracts_of(records: Sequence[EnergyRecord], sites: Sequence[str]) -> list[SupplyContract]:
    """One contract per (site, energy) whose rows all name the same supplier and menu."""
    default_site = sites[0] if sites else DEFAULT_SITE
    seen: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for record in records:
        seen[(record.site or default_site, record.energy)].add((record.supplier, record.menu))
    contracts = []
    for (site, energy), choices in seen.items():
        if len(choices) == 1:
            supplier, menu = next(iter(choices))
            if supplier:
                contracts.append(
                    SupplyContract(site=site, energy=energy, supplier=supplier, menu=menu)
                )
    return contracts


def _duplicate_warnings(
    numbered: Sequence[tuple[int, EnergyRecord]], sites: Sequence[str], where: dict[str, Any]
) -> list[Message]:
    default_site = sites[0] if sites else DEFAULT_SITE
    groups: dict[tuple[str, str, str, str, str], list[int]] = defaultdict(list)
    for row_number, record in numbered:
        key = (
            record.site or default_site,
            record.month,
            record.energy,
            record.supplier,
            record.menu,
        )
        groups[key].append(row_number)
    return [
        Message(
            "bills.duplicate_row",
            {"rows": ", ".join(map(str, rows))},
            {**where, "month": key[1], "energy": key[2]},
        )
        for key, rows in groups.items()
        if len(rows) > 1
    ]


def read_bills(path: Path, *, skip_bad_rows: bool = False) -> BillImport:
    """Read and validate a bill file (.csv or .xlsx).

    Raises :class:`EcoCheckError` listing every problem when the file cannot be used, or, unless
    ``skip_bad_rows``, when any row is bad (then nothing is imported). With ``skip_bad_rows`` the
    good rows come back together with the problems of the bad ones.
    """
    path = Path(path)
    where: dict[str, Any] = {"file": str(path)}
    if not path.exists():
        raise EcoCheckError(Message("file.not_found", where=where))
    if not path.is_file():  # a folder, a FIFO or a device named bills.csv
        raise EcoCheckError(Message("file.not_regular", where=where))
    if path.suffix.lower() == ".xlsx":
        rows, encoding = _xlsx_rows(path, where), "xlsx"
    else:
        rows, encoding = _csv_rows(path, where)
    header_position = _find_header(rows)
    if header_position is None:
        raise EcoCheckError(Message("bills.no_header", where=where))
    layout, problems, warnings = _layout(rows[header_position], where)
    if not problems and any(not all(_is_blank(c) for c in row) for row in rows[:header_position]):
        warnings.insert(
            0, Message("bills.title_rows_skipped", {"header_row": header_position + 1}, where)
        )
    if problems:
        raise EcoCheckError(*problems)
    numbered: list[tuple[int, EnergyRecord]] = []
    rows_read = 0
    for position in range(header_position + 1, len(rows)):
        row = rows[position]
        if all(_is_blank(cell) for cell in row):
            continue
        rows_read += 1
        record, row_problems = _parse_row(row, position + 1, layout, where, path.name)
        if record is not None:
            numbered.append((position + 1, record))
        problems.extend(row_problems)
    if rows_read == 0:
        raise EcoCheckError(Message("bills.no_rows", where=where))
    if problems and not skip_bad_rows:
        raise EcoCheckError(*problems)
    records = [record for _, record in numbered]
    sites = _sites_of(records)
    warnings.extend(_duplicate_warnings(numbered, sites, where))
    return BillImport(
        records=records,
        problems=problems,
        rows_read=rows_read,
        encoding=encoding,
        sites=sites,
        contracts=_contracts_of(records, sites),
        warnings=warnings,
    )


def project_from_bills(result: BillImport, company_name: str) -> Project:
    """A new project holding the imported bills; fiscal years follow the default April start."""
    # The name comes from --company or the file name: the same cap as every other path in.
    limits.check_text(company_name, "company.name", limits.MAX_COMPANY_NAME)
    company = Company(name=company_name)
    years = sorted({fiscal_year_of(r.month, company.fy_start_month) for r in result.records})
    return Project(
        company=company,
        sites=[Site(name) for name in (result.sites or [DEFAULT_SITE])],
        contracts=list(result.contracts),
        fiscal_years={year: FiscalYearData(year=year) for year in years},
        records=list(result.records),
    )


# ---------------------------------------------------------------------------------------------
# The export


def _number(value: Decimal | None) -> str:
    # Fixed-point, never exponent notation ("1E+3"), which the reader and Excel misread.
    return "" if value is None else f"{value:f}"


def _safe_text(text: str) -> str:
    return neutralise_text(text)


def write_bills_csv(project: Project, path: Path) -> None:
    """Write the project's energy records in the bill import format.

    UTF-8 with a BOM so that Excel shows Japanese correctly, English headers, CRLF line ends.
    Records keep their own site text ("" = the company's first site), so reading the file back
    gives the same records.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for record in project.records:
        writer.writerow(
            [
                # Month, energy and unit are validated on every path in, but an old or edited
                # project file may still hold anything: every text cell is neutralised.
                _safe_text(record.month),
                _safe_text(record.energy),
                _number(record.quantity),
                _safe_text(record.unit),
                _safe_text(record.site),
                _number(record.cost_yen),
                _safe_text(record.supplier),
                _safe_text(record.menu),
                _number(record.factor_basic),
                _number(record.factor_adjusted),
                _safe_text(record.factor_source),
                "1" if record.estimated else "0",
                _safe_text(record.note),
            ]
        )
    # Through a temporary file renamed into place: a full disk or a killed process must not
    # leave a truncated CSV where the previous export was.
    atomic.write_file(Path(path), buffer.getvalue().encode("utf-8-sig"))
