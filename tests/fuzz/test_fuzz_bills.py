"""Fuzzing the bill import (CSV and XLSX): a correct result or a clear refusal, nothing else.

Two kinds of input. Generated bill tables whose every cell is drawn from spellings with a known
meaning (good ones with the value a person reads off the bill, bad ones that a person would
reject too), so the test knows the right answer without asking the importer; and raw or
mutated bytes, for which only "records that make sense, or a registered message" is known.
``ecocheck import`` on the same inputs must write the whole project file or nothing at all.
"""

from __future__ import annotations

import contextlib
import csv
import io
import random
import tempfile
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ecocheck_desktop import cli
from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.exchange.bills import BillImport, read_bills
from ecocheck_desktop.store.project_file import load_project
from tests.fuzz.common import FUZZ, assert_clear, folder_state

GOOD_MONTHS = [
    ("2025-04", "2025-04"),
    ("2025/5", "2025-05"),
    ("2025年6月", "2025-06"),
    ("R7.7", "2025-07"),
    ("令和7年8月", "2025-08"),
    ("２０２５－０９", "2025-09"),
    ("2026年1月分", "2026-01"),
]
BAD_MONTHS = ["2025-13", "2025-00", "month", "=1+1", "__import__('os')", "R7.", "4月"]
# Spelling in the file, energy code, the units a bill of that energy uses.
ENERGIES = [
    ("電気", "electricity", ["kWh", "MWh", "千kWh"]),
    ("electricity", "electricity", ["kWh"]),
    ("都市ガス", "city_gas", ["m3", "千m3"]),
    ("灯油", "kerosene", ["L", "kL"]),
    ("軽油", "diesel", ["L", "kL"]),
    ("LPG", "lpg", ["kg", "t"]),
]
BAD_ENERGIES = ["水素", "plutonium", '=HYPERLINK("http://x")', "eval('1')"]
BAD_UNITS = ["gallon", "ｂｂｌ", "kWh/h", "{{7*7}}"]
BAD_QUANTITIES = ["-5", "▲100", "abc", "1,23", "NaN", "1e5", "=1+2", "1.1234567", "(12)", "--1"]
WIDE = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
HOSTILE_NOTES = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(A1:A9)",
    "__import__('os').system('echo pwned')",
    "eval(compile('1','x','eval'))",
    "'; DROP TABLE records; --",
    "${jndi:ldap://example.invalid/a}",
    "<script>alert(1)</script>",
    "請求書 No.１２３\n二行目",
]

# Up to the physical limit of core.limits in every unit (1e6 MWh = 1e9 kWh); beyond it a row
# is refused as implausible (tests/security/test_limits.py).
quantities = st.decimals(
    min_value=0, max_value=Decimal("1e6"), places=3, allow_nan=False, allow_infinity=False
)
plain_notes = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="'"),
    max_size=20,
)


@st.composite
def bill_rows(draw: st.DrawFn) -> tuple[list[str], tuple | None]:
    """One bill line as text cells, and the record it means (None: a person would reject it)."""
    good = True
    if draw(st.integers(0, 9)):
        month_text, month = draw(st.sampled_from(GOOD_MONTHS))
    else:
        month_text, month, good = draw(st.sampled_from(BAD_MONTHS)), None, False
    if draw(st.integers(0, 9)):
        energy_text, energy, units = draw(st.sampled_from(ENERGIES))
        if draw(st.integers(0, 9)):
            unit_text = unit = draw(st.sampled_from(units))
        else:
            # A real unit of another energy (kWh of kerosene) or no unit at all.
            allowed = ENERGY_TYPES[energy].units
            wrong = sorted({u for e in ENERGY_TYPES.values() for u in e.units} - set(allowed))
            unit_text, unit, good = draw(st.sampled_from([*wrong[:6], *BAD_UNITS])), None, False
    else:
        energy_text, energy, good = draw(st.sampled_from(BAD_ENERGIES)), None, False
        unit_text = unit = "kWh"
    if draw(st.integers(0, 9)):
        quantity = draw(quantities)
        style = draw(st.sampled_from(["plain", "grouped", "wide", "spaced"]))
        quantity_text = {
            "plain": f"{quantity}",
            "grouped": f"{quantity:,}",
            "wide": f"{quantity:,}".translate(WIDE),
            "spaced": f"  +{quantity}\u3000",
        }[style]
    else:
        quantity_text, quantity, good = draw(st.sampled_from(BAD_QUANTITIES)), None, False
    note = draw(st.sampled_from(HOSTILE_NOTES) | plain_notes)
    cells = [month_text, energy_text, quantity_text, unit_text, note]
    meaning = (month, energy, quantity, unit, note if note.strip() else "") if good else None
    return cells, meaning


tables = st.lists(bill_rows(), min_size=1, max_size=8)
HEADERS = [
    ["month", "energy", "quantity", "unit", "note"],
    ["年月", "エネルギー", "使用量", "単位", "備考"],
]


def _csv_bytes(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    text = buffer.getvalue()
    if encoding == "cp932":
        try:
            data = text.encode("cp932")
        except UnicodeEncodeError:
            return text.encode("utf-8")
        # A few characters do not survive Shift_JIS; then the user's Excel would save UTF-8.
        return data if data.decode("cp932") == text else text.encode("utf-8")
    return text.encode(encoding)


def _check_against_meaning(path: Path, meanings: list[tuple | None]) -> None:
    bad_rows = {position + 2 for position, meaning in enumerate(meanings) if meaning is None}
    expected = [meaning for meaning in meanings if meaning is not None]
    if bad_rows:
        try:
            read_bills(path)
        except EcoCheckError as error:
            assert_clear(error, file=path)
            # Every bad row is named, and no good one.
            assert {m.where.get("row") for m in error.messages} == bad_rows
        else:
            raise AssertionError("a table with bad rows was accepted")
    result = read_bills(path, skip_bad_rows=True)
    got = [(r.month, r.energy, r.quantity, r.unit, r.note) for r in result.records]
    assert got == expected
    assert result.rows_read == len(meanings)


@settings(**FUZZ)
@given(tables, st.sampled_from(HEADERS), st.sampled_from(["utf-8", "utf-8-sig", "cp932"]))
def test_csv_tables_give_the_right_records_or_name_every_bad_row(
    table: list[tuple[list[str], tuple | None]], header: list[str], encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bills.csv"
        path.write_bytes(_csv_bytes(header, [cells for cells, _ in table], encoding))
        _check_against_meaning(path, [meaning for _, meaning in table])


@settings(max_examples=30, deadline=None)
@given(tables, st.sampled_from(HEADERS), st.booleans())
def test_xlsx_tables_give_the_right_records_or_name_every_bad_row(
    table: list[tuple[list[str], tuple | None]], header: list[str], typed: bool
) -> None:
    rows: list[list[object]] = []
    for cells, meaning in table:
        row: list[object] = list(cells)
        if typed and meaning is not None:
            # What Excel hands over after the user typed the values: a date and a number.
            month, _, quantity, _, _ = meaning
            row[0] = datetime(int(month[:4]), int(month[5:]), 1)
            row[2] = int(quantity) if quantity == int(quantity) else float(quantity)
            if isinstance(row[2], float) and Decimal(repr(row[2])) != quantity:
                row[2] = cells[2]  # not exactly representable: keep the typed text
        rows.append(row)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row_number, row in enumerate([header, *rows], start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row_number, column, value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text the user typed after an apostrophe, not a formula
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bills.xlsx"
        workbook.save(path)
        _check_against_meaning(path, [meaning for _, meaning in table])


def _check_records_make_sense(result: BillImport) -> None:
    for record in result.records:
        assert record.energy in ENERGY_TYPES
        assert record.unit in ENERGY_TYPES[record.energy].units
        assert Decimal(0) <= record.quantity <= Decimal("1e12")
        assert len(record.month) == 7 and record.month[4] == "-"


SEED_CSV = (
    "年月,エネルギー,使用量,単位,金額,供給事業者,推計,備考\r\n"
    '2025-04,電気,"12,345",kWh,"￥300,000",A0269,0,=1+1\r\n'
    "R7.5,都市ガス,１２３４,m3,,,1,\r\n"
).encode("cp932")


def _mutate(data: bytes, rng: random.Random, steps: int) -> bytes:
    buffer = bytearray(data)
    for _ in range(steps):
        kind = rng.randrange(4)
        position = rng.randrange(len(buffer) + 1)
        if kind == 0 and buffer:
            buffer[min(position, len(buffer) - 1)] = rng.randrange(256)
        elif kind == 1:
            buffer[position:position] = rng.randbytes(rng.randrange(1, 8))
        elif kind == 2:
            del buffer[position : position + rng.randrange(1, 16)]
        else:
            buffer[position:position] = rng.choice([b",", b'"', b"\r\n", b"\x00", b"\xef\xbb\xbf"])
    return bytes(buffer)


def _read_any(path: Path) -> None:
    try:
        result = read_bills(path, skip_bad_rows=True)
    except EcoCheckError as error:
        assert_clear(error, file=path)
    else:
        _check_records_make_sense(result)


@settings(**FUZZ)
@given(st.binary(max_size=400) | st.integers(0, 2**32).map(str).map(str.encode))
def test_random_bytes_as_csv(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(data)
        _read_any(path)


@settings(**FUZZ)
@given(st.randoms(use_true_random=False), st.integers(1, 12))
def test_mutated_csv(rng: random.Random, steps: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(_mutate(SEED_CSV, rng, steps))
        _read_any(path)


def _seed_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["年月", "エネルギー", "使用量", "単位", "備考"])
    sheet.append([datetime(2025, 4, 1), "電気", 12345, "kWh", "=SUM(A1)"])
    sheet.append(["R7.5", "都市ガス", 1234.5, "m3", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SEED_XLSX = _seed_xlsx()


def _mutate_xlsx_member(rng: random.Random, steps: int) -> bytes:
    """A workbook whose zip is intact but one XML part is damaged (what a bad editor leaves)."""
    source = zipfile.ZipFile(io.BytesIO(SEED_XLSX))
    names = source.namelist()
    victim = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            data = source.read(name)
            target.writestr(name, _mutate(data, rng, steps) if name == victim else data)
    return out.getvalue()


@settings(**FUZZ)
@given(st.randoms(use_true_random=False), st.integers(1, 10), st.booleans())
def test_mutated_xlsx(rng: random.Random, steps: int, inside: bool) -> None:
    data = _mutate_xlsx_member(rng, steps) if inside else _mutate(SEED_XLSX, rng, steps)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.xlsx"
        path.write_bytes(data)
        _read_any(path)


@settings(max_examples=25, deadline=None)
@given(
    st.one_of(
        tables.map(lambda t: _csv_bytes(HEADERS[1], [c for c, _ in t], "utf-8")),
        st.randoms(use_true_random=False).map(lambda r: _mutate(SEED_CSV, r, 6)),
    )
)
def test_cli_import_writes_the_whole_project_or_nothing(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "bills.csv"
        source.write_bytes(data)
        output = Path(folder) / "out.ecocheck"
        before = folder_state(Path(folder))
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = cli.main(["import", str(source), "-o", str(output)])
        assert code in (0, 2)
        if code == 0:
            assert sorted(p.name for p in Path(folder).iterdir()) == ["bills.csv", "out.ecocheck"]
            assert load_project(output).records == read_bills(source).records
        else:
            assert folder_state(Path(folder)) == before
