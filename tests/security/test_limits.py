"""Each hostile-input limit of core.limits, in process: the refusal, its message and its place.

The limits' values are read from core.limits (never copied here), so the tests follow the
one place they live; each case would pass the old code and fails without its check.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Company
from ecocheck_desktop.core.tempfiles import STALE_AFTER_SECONDS, remove_stale
from ecocheck_desktop.exchange.bills import project_from_bills, read_bills
from ecocheck_desktop.exchange.json_io import read_json
from ecocheck_desktop.store.evidence import (
    MAX_ATTACHMENT_BYTES,
    check_structure,
    media_type_of,
    read_attachment,
)
from ecocheck_desktop.text.catalogue import CATALOGUE
from tests.security import hostile_files


def _codes(error: pytest.ExceptionInfo[EcoCheckError]) -> list[str]:
    return [message.code for message in error.value.messages]


def _refused(path: Path, reader: object = read_bills) -> EcoCheckError:
    with pytest.raises(EcoCheckError) as error:
        reader(path)  # type: ignore[operator]
    for message in error.value.messages:
        assert message.code in CATALOGUE  # every refusal has its Japanese sentence
    return error.value


# --- XLSX -------------------------------------------------------------------------------------


def test_a_declared_huge_dimension_is_not_trusted(tmp_path: Path) -> None:
    started = time.monotonic()
    result = read_bills(hostile_files.xlsx_huge_dimension(tmp_path))
    assert [r.quantity for r in result.records] == [Decimal(1000), Decimal(300)]
    assert time.monotonic() - started < 5


def test_a_cell_at_the_last_row_and_column_is_not_a_million_rows(tmp_path: Path) -> None:
    started = time.monotonic()
    # Column XFD is beyond the bill format's columns; nothing in reach is there.
    result = read_bills(hostile_files.xlsx_far_cell(tmp_path))
    assert len(result.records) == 2
    assert time.monotonic() - started < 5


def test_data_far_below_the_table_is_refused_as_too_many_rows(tmp_path: Path) -> None:
    row = limits.MAX_BILL_ROWS + 5_000

    def change(xml: bytes) -> bytes:
        far = (
            f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>2025-06</t></is></c>'
            f'<c r="B{row}" t="inlineStr"><is><t>電気</t></is></c><c r="C{row}"><v>5</v></c>'
            f'<c r="D{row}" t="inlineStr"><is><t>kWh</t></is></c></row>'
        ).encode()
        return xml.replace(b"</sheetData>", far + b"</sheetData>")

    path = tmp_path / "far_rows.xlsx"
    data = hostile_files._workbook_bytes([hostile_files.HEADER, *hostile_files.ROWS])
    path.write_bytes(hostile_files._patch_sheet(data, change))
    assert [m.code for m in _refused(path).messages] == ["table.too_many_rows"]


def test_too_many_cells_are_refused_before_parsing(tmp_path: Path) -> None:
    path = hostile_files.xlsx_many_cells(tmp_path, cells=limits.MAX_XLSX_CELLS + 10)
    assert [m.code for m in _refused(path).messages] == ["table.too_many_cells"]


def test_a_row_wider_than_any_bill_table_is_refused_before_parsing(tmp_path: Path) -> None:
    path = hostile_files.xlsx_many_cells(tmp_path, cells=limits.MAX_XLSX_CELLS_PER_ROW + 1)
    assert [m.code for m in _refused(path).messages] == ["table.too_many_cells"]


@pytest.mark.parametrize("spare", [0, -1])
def test_cells_are_counted_exactly_across_read_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spare: int
) -> None:
    rows, width = 150, 1000  # ~2.5 MB of sheet XML: several 1 MB chunks

    def change(xml: bytes) -> bytes:
        body = b"".join(
            f'<row r="{r}">'.encode() + b'<c s="0"><v>7</v></c>' * width + b"</row>"
            for r in range(10, 10 + rows)
        )
        return xml.replace(b"</sheetData>", body + b"</sheetData>")

    path = tmp_path / "counted.xlsx"
    data = hostile_files._workbook_bytes([hostile_files.HEADER, *hostile_files.ROWS])
    path.write_bytes(hostile_files._patch_sheet(data, change))
    existing = len(hostile_files.HEADER) * (1 + len(hostile_files.ROWS))
    monkeypatch.setattr(limits, "MAX_XLSX_CELLS", existing + rows * width + spare)
    codes = [m.code for m in _refused(path).messages]
    if spare < 0:
        assert codes == ["table.too_many_cells"]
    else:  # counted right: refused for its content (7 is not a month), not its size
        assert "table.too_many_cells" not in codes


def test_a_shared_string_repeated_in_every_row_is_refused(tmp_path: Path) -> None:
    path = hostile_files.xlsx_shared_string_flood(tmp_path)
    assert path.stat().st_size < 200_000  # a small file that would be a big project
    assert [m.code for m in _refused(path).messages] == ["table.too_much_text"]


@pytest.mark.parametrize(
    "builder", [hostile_files.xlsx_font_flood, hostile_files.xlsx_shared_string_count_flood]
)
def test_style_and_shared_string_floods_are_refused_unparsed(
    tmp_path: Path, builder: object
) -> None:
    started = time.monotonic()
    path = builder(tmp_path)  # type: ignore[operator]
    assert path.stat().st_size < 500_000
    assert [m.code for m in _refused(path).messages] == ["table.unpacked_too_large"]
    assert time.monotonic() - started < 20  # parsing them took 35-56 s


def test_a_workbook_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_XLSX_UNPACKED_BYTES", 1000)
    path = hostile_files.xlsx_huge_dimension(tmp_path)
    assert [m.code for m in _refused(path).messages] == ["table.unpacked_too_large"]


def test_a_bill_file_over_the_size_cap_is_refused_unread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_BILL_FILE_BYTES", 100)
    path = tmp_path / "big.csv"
    path.write_text("month,energy,quantity,unit\n" + "2025-04,電気,1,kWh\n" * 20, "utf-8")
    assert [m.code for m in _refused(path).messages] == ["file.too_large"]


def test_csv_rows_beyond_the_cap_are_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_BILL_ROWS", 10)
    path = tmp_path / "rows.csv"
    path.write_text("month,energy,quantity,unit\n" + "2025-04,電気,1,kWh\n" * 1200, "utf-8")
    assert [m.code for m in _refused(path).messages] == ["table.too_many_rows"]


def test_trailing_blank_lines_do_not_count_as_rows(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_BILL_ROWS", 10)
    path = tmp_path / "blank_tail.csv"
    body = "month,energy,quantity,unit\n2025-04,電気,1,kWh\n" + ",,,\n" * 5000
    path.write_text(body, "utf-8")
    assert len(read_bills(path).records) == 1  # Excel's formatted empty rows, not data
    path.write_text(body + "2025-05,電気,2,kWh\n", "utf-8")
    assert [m.code for m in _refused(path).messages] == ["table.too_many_rows"]


# --- encodings and quotes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("builder", "code", "row"),
    [
        (hostile_files.csv_utf8_with_one_sjis_row, "bills.encoding_mixed", 3),
        (hostile_files.csv_sjis_with_one_utf8_row, "bills.encoding_mixed", 4),
        (hostile_files.csv_iso2022jp, "bills.encoding_bad_row", 1),
        (hostile_files.csv_unclosed_quote, "bills.quote_unclosed", 2),
        (hostile_files.csv_quote_closed_lines_later, "bills.quote_unclosed", 2),
    ],
)
def test_mixed_encodings_and_stray_quotes_are_refused_with_the_row(
    tmp_path: Path, builder: object, code: str, row: int
) -> None:
    error = _refused(builder(tmp_path))  # type: ignore[operator]
    [message] = error.messages
    assert (message.code, message.where["row"]) == (code, row)


def test_a_shift_jis_file_and_a_multi_line_note_still_import(tmp_path: Path) -> None:
    sjis = tmp_path / "sjis.csv"
    sjis.write_bytes(
        "年月,エネルギー,使用量,単位,備考\n2025-04,電気,10,kWh,ﾃｱ四月\n".encode("cp932")
    )
    assert read_bills(sjis).records[0].note == "ﾃｱ四月"
    note = tmp_path / "note.csv"
    note.write_text(
        'month,energy,quantity,unit,note\n2025-04,電気,1,kWh,"一行目\n二行目"\n', "utf-8"
    )
    assert read_bills(note).records[0].note == "一行目\n二行目"


# --- quantities and units ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("energy", "unit", "ok", "too_much"),
    [
        ("electricity", "kWh", "1e9", "1.000001e9"),
        ("electricity", "MWh", "1e6", "1000000.001"),
        ("city_gas", "m3", "1e9", "1.0000001e9"),
        ("kerosene", "L", "1e9", "1000000001"),
        ("lpg", "m3", "502e6", "502000001"),
        ("heat", "GJ", "1e7", "10000001"),
    ],
)
def test_quantities_beyond_one_bill_are_refused(
    energy: str, unit: str, ok: str, too_much: str
) -> None:
    assert limits.quantity_problem(energy, Decimal(ok), unit) is None
    problem = limits.quantity_problem(energy, Decimal(too_much), unit)
    assert problem is not None and problem.code == "quantity.implausible"


def test_units_that_do_not_fit_the_energy_are_refused() -> None:
    assert limits.quantity_problem("electricity", Decimal(1), "L").code == "unit.mismatch"  # type: ignore[union-attr]
    assert limits.quantity_problem("electricity", Decimal(1), "=1+1").code == "unit.unknown"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("builder", "field", "code"),
    [
        (hostile_files.json_implausible_quantity, "records[0].quantity", "data.invalid"),
        (hostile_files.json_wrong_unit, "records[0].unit", "data.invalid"),
        (hostile_files.json_formula_unit, "records[0].unit", "data.invalid"),
        (hostile_files.json_long_company_name, "company.name", "data.invalid"),
        (hostile_files.json_unpaired_surrogate, "company.name", "data.invalid"),
    ],
)
def test_json_import_refuses_what_the_csv_import_refuses(
    tmp_path: Path, builder: object, field: str, code: str
) -> None:
    error = _refused(builder(tmp_path), read_json)  # type: ignore[operator]
    assert [(m.code, m.where.get("field")) for m in error.messages] == [(code, field)]


def test_csv_import_caps_text_and_the_company_name(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    supplier = "電" * (limits.MAX_SUPPLIER + 1)
    path.write_text(
        f"month,energy,quantity,unit,supplier\n2025-04,電気,1,kWh,{supplier}\n", "utf-8"
    )
    [message] = _refused(path).messages
    assert (message.code, message.where["column"]) == ("text.too_long", "supplier")
    ok = tmp_path / "ok.csv"
    ok.write_text("month,energy,quantity,unit\n2025-04,電気,1,kWh\n", "utf-8")
    with pytest.raises(EcoCheckError) as error:
        project_from_bills(read_bills(ok), "名" * (limits.MAX_COMPANY_NAME + 1))
    assert _codes(error) == ["text.too_long"]


def test_text_caps_and_surrogates() -> None:
    company = Company(name="株式会社\ud800")
    [problem] = limits.object_text_problems(company, "company")
    assert (problem.code, problem.where["field"]) == ("text.bad_characters", "company.name")
    long_note = "x" * (limits.MAX_NOTE + 1)
    assert limits.text_problem(long_note, "note", limits.MAX_NOTE).code == "text.too_long"  # type: ignore[union-attr]
    assert limits.text_problem("x" * limits.MAX_NOTE, "note", limits.MAX_NOTE) is None


# --- JSON size and structure ------------------------------------------------------------------


def test_json_over_the_cap_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    from ecocheck_desktop.exchange import json_io

    path = hostile_files.json_wrong_unit(tmp_path)
    monkeypatch.setattr(json_io, "MAX_FILE_BYTES", 1000)
    assert [m.code for m in _refused(path, read_json).messages] == ["json.too_large"]


@pytest.mark.parametrize("builder", [hostile_files.json_many_containers, hostile_files.json_deep])
def test_json_structure_bombs_are_refused_before_parsing(tmp_path: Path, builder: object) -> None:
    path = builder(tmp_path)  # type: ignore[operator]
    assert [m.code for m in _refused(path, read_json).messages] == ["json.not_json"]


# --- attachments ------------------------------------------------------------------------------


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 100 + b"\xff\xd9"
HEIC = (24).to_bytes(4, "big") + b"ftypheic" + b"\x00\x00\x00\x00" + b"mif1heic" + b"\x00" * 64


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (hostile_files.pdf_bytes(2000), "application/pdf"),
        (JPEG, "image/jpeg"),
        (PNG, "image/png"),
        (HEIC, "image/heic"),
    ],
)
def test_real_attachments_pass_the_structure_check(data: bytes, media_type: str) -> None:
    assert check_structure(data, "scan") == media_type


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (hostile_files.pdf_bytes(2000)[:-8], "evidence.incomplete"),  # cut off: no %%EOF
        (JPEG[:-2], "evidence.incomplete"),
        (PNG[:20], "evidence.incomplete"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "evidence.incomplete"),  # no IHDR
        ((24).to_bytes(4, "big") + b"ftypisom" + b"\x00" * 64, "evidence.bad_type"),  # a video
        (b"#!/bin/sh\nrm -rf /\n", "evidence.bad_type"),
    ],
)
def test_fake_or_cut_attachments_are_refused(data: bytes, code: str) -> None:
    with pytest.raises(EcoCheckError) as error:
        check_structure(data, "scan")
    assert _codes(error) == [code]


def test_attachments_from_disk_must_be_regular_files(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(hostile_files.pdf_bytes(3000))
    assert read_attachment(scan, "scan.pdf")[1] == "application/pdf"
    link = tmp_path / "loop.pdf"
    link.symlink_to(link)
    cases = {tmp_path: "file.not_regular", link: "evidence.unreadable"}
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.pdf"
        os.mkfifo(fifo)  # opening it for reading would block forever
        cases[fifo] = "file.not_regular"
    for path, code in cases.items():
        with pytest.raises(EcoCheckError) as error:
            read_attachment(path, path.name)
        assert _codes(error) == [code], path


def test_attachment_size_is_capped_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as stream:
        stream.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: nothing to read, only the size
    with pytest.raises(EcoCheckError) as error:
        read_attachment(big, "big.pdf")
    assert _codes(error) == ["evidence.too_large"]
    assert media_type_of(b"%PDF-1.4", "x.pdf") == "application/pdf"  # stored scans stay readable


# --- leftover temporary files -----------------------------------------------------------------


def test_stale_temporary_files_of_a_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    old = time.time() - STALE_AFTER_SECONDS - 60
    stale = [tmp_path / ".report.pdf.k3j2l1.tmp", tmp_path / ".report.pdf.x.tmp-journal"]
    dead_pid = tmp_path / ".report.pdf.999999999.tmp"
    fresh = tmp_path / ".report.pdf.abc.tmp"
    other = tmp_path / ".other.pdf.abc.tmp"
    live_pid = tmp_path / f".report.pdf.{os.getpid()}.tmp"
    for path in (*stale, dead_pid, fresh, other, live_pid):
        path.write_bytes(b"x")
        if path is not fresh:
            os.utime(path, (old, old))
    removed = remove_stale(target)
    assert sorted(removed) == sorted([*stale, dead_pid])
    assert fresh.exists() and other.exists() and live_pid.exists()


def test_an_export_cleans_up_after_a_killed_one(tmp_path: Path) -> None:
    from ecocheck_desktop.exchange.bills import write_bills_csv
    from ecocheck_desktop.exchange.demo import demo_project
    from ecocheck_desktop.exchange.json_io import write_json
    from ecocheck_desktop.report.output import write_atomically

    project = demo_project()
    old = time.time() - STALE_AFTER_SECONDS - 60
    writers = {
        "out.csv": lambda path: write_bills_csv(project, path),
        "out.json": lambda path: write_json(project, path),
        "out.pdf": lambda path: write_atomically(path, b"%PDF-1.4\n%%EOF\n"),
    }
    for name, write in writers.items():
        leftover = tmp_path / f".{name}.12ab34.tmp"
        leftover.write_bytes(b"half an export")
        os.utime(leftover, (old, old))
        write(tmp_path / name)
        assert not leftover.exists(), name
        assert (tmp_path / name).exists()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.skipif(os.name != "posix", reason="the pid check is POSIX; Windows keeps the age rule")
def test_a_killed_exports_leftover_is_removed_by_the_very_next_run(tmp_path: Path) -> None:
    """Killed and re-run at once (the hostile suite's way): the dead writer's pid in the name
    is enough, the leftover need not be 5 minutes old. The PDF writer's name carries it too."""
    from ecocheck_desktop.exchange.bills import write_bills_csv
    from ecocheck_desktop.exchange.demo import demo_project
    from ecocheck_desktop.exchange.json_io import write_json
    from ecocheck_desktop.report.output import write_atomically

    project = demo_project()
    dead = _dead_pid()
    writers = {
        "out.csv": lambda path: write_bills_csv(project, path),
        "out.json": lambda path: write_json(project, path),
        "out.pdf": lambda path: write_atomically(path, b"%PDF-1.4\n%%EOF\n"),
    }
    for name, write in writers.items():
        leftovers = [tmp_path / f".{name}.{dead}.tmp", tmp_path / f".{name}.{dead}-k3j2_l.tmp"]
        for leftover in leftovers:
            leftover.write_bytes(b"half an export, just now")
        write(tmp_path / name)
        assert [p for p in leftovers if p.exists()] == [], name
    # This process's own temporary name for a PDF carries its pid: a kill's leftover is
    # recognised as such by the next run.
    seen: list[str] = []
    real_replace = os.replace

    def spy(source: str, target: str) -> None:
        seen.append(Path(source).name)
        real_replace(source, target)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", spy)
        write_atomically(tmp_path / "again.pdf", b"%PDF-1.4\n%%EOF\n")
    assert seen and seen[0].startswith(f".again.pdf.{os.getpid()}.")


def test_limits_are_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "reliability.md").read_text("utf-8")
    section = doc.split("## Hostile input limits", 1)[1]
    for name in (
        "MAX_COMPANY_NAME",
        "MAX_SITE_NAME",
        "MAX_NOTE",
        "MAX_BILL_FILE_BYTES",
        "MAX_XLSX_CELLS",
        "MAX_BILL_ROWS",
        "MAX_IMPORT_TEXT_CHARS",
        "MAX_JSON_BYTES",
        "MAX_JSON_CONTAINERS",
        "MAX_ATTACHMENT_BYTES",
        "MAX_PER_TABLE_UNIT",
        "STALE_AFTER_SECONDS",
    ):
        assert name in section, name
    assert f"{limits.MAX_COMPANY_NAME}" in section


def test_company_dataclass_fields_all_have_a_cap() -> None:
    for field in dataclasses.fields(Company):
        if field.type == "str":
            assert limits.text_limit("Company", field.name) > 0


def test_project_problems_cover_values_and_optionally_text() -> None:
    from ecocheck_desktop.exchange.demo import demo_project

    project = demo_project()
    assert limits.project_problems(project) == []
    project.records[1] = dataclasses.replace(project.records[1], quantity=Decimal("9e14"))
    project.company = dataclasses.replace(project.company, name="名" * 4000)
    values_only = limits.project_problems(project, text=False)
    assert [(m.code, m.where["field"]) for m in values_only] == [
        ("quantity.implausible", "records[1].quantity")
    ]
    everything = limits.project_problems(project)
    assert [m.code for m in everything] == ["quantity.implausible", "text.too_long"]
