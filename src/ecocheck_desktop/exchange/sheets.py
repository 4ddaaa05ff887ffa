"""Reading a bill table's raw cells: a CSV (UTF-8, UTF-8 with BOM, UTF-16 with or without a BOM,
or Shift_JIS, found from the bytes and refused when mixed; comma or tab separated) or the first
sheet of an .xlsx (its unpacked size, cells and text bounded before openpyxl parses it), as rows
of cell values. The bill format itself (headers, validation) is :mod:`.bills`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.messages import EcoCheckError, Message

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
        declared = data.startswith(b"\xef\xbb\xbf")
        if not declared:
            # Without a BOM, 7-bit ISO-2022-JP passes as UTF-8; with one, the file says it is
            # UTF-8 (the app's own export writes one), and an escape is just a character.
            _refuse_controls(text, where)
        return text, "utf-8-sig" if declared else "utf-8"
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


# A bill line: a month or date first, then at least three more cells (energy, quantity, unit).
_BILL_LINE_START = re.compile(r"\s*\d{4}\s*[-/.年]")


def _swallows_a_line(cell: str, delimiter: str) -> bool:
    """A quoted cell whose later lines look like bill lines: a quote opened on one line and
    closed lines later swallowed them. A note that merely holds a line break and a comma is
    kept as written."""
    return any(
        line.count(delimiter) >= 3 and _BILL_LINE_START.match(line) for line in cell.split("\n")[1:]
    )


def csv_rows(path: Path, where: dict[str, Any]) -> tuple[list[list[Any]], str]:
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
            if last_line > first and any(_swallows_a_line(cell, delimiter) for cell in row):
                # A quote opened on one line and closed lines later swallowed bill lines.
                raise EcoCheckError(
                    Message(
                        "bills.quote_unclosed",
                        {"first": first, "last": last_line},
                        {**where, "row": first},
                    )
                )
            cells = row[: limits.MAX_BILL_COLUMNS]
            if all(is_blank(cell) for cell in cells):
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
    from openpyxl.worksheet._reader import WorkSheetParser  # openpyxl: Excel files only

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


def xlsx_rows(path: Path, where: dict[str, Any]) -> list[list[Any]]:
    # openpyxl (~250 ms) and zipfile load only when an Excel file is read, never for a CSV.
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


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: Any) -> str:
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
