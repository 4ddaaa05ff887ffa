"""The bill import format of DESIGN.md ("Bill import format"), in both directions.

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
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

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

# A text cell that Excel would run as a formula; written with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
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


def _csv_rows(path: Path, where: dict[str, Any]) -> tuple[list[list[Any]], str]:
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


def _xlsx_rows(path: Path, where: dict[str, Any]) -> list[list[Any]]:
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


def _needs_escape(text: str) -> bool:
    # Also text that already looks escaped, so that reading back strips exactly one apostrophe.
    return text.startswith(_FORMULA_START) or (text.startswith("'") and _needs_escape(text[1:]))


def _unescape_text(text: str) -> str:
    """Undo the apostrophe that :func:`write_bills_csv` puts before formula-like text."""
    return text[1:] if text.startswith("'") and _needs_escape(text[1:]) else text


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
    if problems:
        return None, problems
    factor_source = text("factor_source")
    if not factor_source and (
        factors["factor_basic"] is not None or factors["factor_adjusted"] is not None
    ):
        # A user factor must say where it came from; the bill file row is the honest minimum.
        factor_source = f"{file_label}, row {row_number}"
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
    if not path.is_file():
        raise EcoCheckError(Message("file.not_found", where=where))
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
    return f"'{text}" if _needs_escape(text) else text


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
                record.month,
                record.energy,
                _number(record.quantity),
                record.unit,
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
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(buffer.getvalue().encode("utf-8-sig"))
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
