"""Reading a bill table's raw cells: a CSV (UTF-8, UTF-8 with BOM, UTF-16 with or without a BOM,
or Shift_JIS, found from the bytes; comma or tab separated) or the first sheet of an .xlsx, as
rows of cell values. The bill format itself (headers, validation) is :mod:`.bills`.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.messages import EcoCheckError, Message

# Bytes that Python's cp932 maps to private-use or C1 characters: present only when the file
# is not Shift_JIS text at all (e.g. binary, or UTF-16 without a BOM).
_NOT_SHIFT_JIS = re.compile("[\x80\uf8f0-\uf8f3]")


def _decode(data: bytes, where: dict[str, Any]) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export: UTF-16 with a BOM (and tabs).
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise EcoCheckError(Message("bills.encoding_unknown", where=where)) from None
    if b"\x00" in data:
        # No text encoding of a bill table has NUL bytes except UTF-16 (here without a BOM).
        # UTF-16 puts the NUL of every ASCII character (digits, commas, tabs: a good part of
        # any bill table) on the same side of the pair.
        odd_nuls, even_nuls = data[1::2].count(0), data[0::2].count(0)
        one_sided = (odd_nuls == 0) != (even_nuls == 0)
        if len(data) % 2 == 0 and one_sided and (odd_nuls + even_nuls) * 10 >= len(data):
            codec = "utf-16-le" if odd_nuls else "utf-16-be"
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
        raise EcoCheckError(Message("bills.encoding_unknown", where=where))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        raise EcoCheckError(Message("bills.encoding_unknown", where=where)) from None
    if _NOT_SHIFT_JIS.search(text):
        raise EcoCheckError(Message("bills.encoding_unknown", where=where))
    return text, "cp932"


def csv_rows(path: Path, where: dict[str, Any]) -> tuple[list[list[Any]], str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EcoCheckError(
            Message("file.unreadable", {"reason": error.strerror or str(error)}, where)
        ) from None
    text, encoding = _decode(data, where)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        rows: list[list[Any]] = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise EcoCheckError(Message("file.unreadable", {"reason": str(error)}, where)) from None
    return rows, encoding


def xlsx_rows(path: Path, where: dict[str, Any]) -> list[list[Any]]:
    from openpyxl import load_workbook

    # A renamed .xls, a password-protected workbook or a truncated download all end up here.
    # Everything in the try block below is openpyxl parsing the user's file: a damaged part
    # surfaces as any exception class (zlib.error, EOFError, TypeError from a mangled XML
    # attribute ...), and each one means the same to the user, so all become file.unreadable.
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            # Explicit min_row/min_col so that list positions are Excel's row/column numbers.
            return [list(row) for row in sheet.iter_rows(min_row=1, min_col=1, values_only=True)]
        finally:
            workbook.close()
    except Exception as error:
        reason = getattr(error, "strerror", None) or str(error)[:200] or type(error).__name__
        raise EcoCheckError(Message("file.unreadable", {"reason": reason}, where)) from None
