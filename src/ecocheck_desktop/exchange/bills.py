"""The bill import format (the columns of :data:`COLUMNS`, docs/guide_ja.md), both directions.

Owns reading a bill table (CSV in UTF-8 / UTF-8 with BOM / Shift_JIS, or the first sheet of an
.xlsx) into validated :class:`EnergyRecord` objects, turning such an import into a new
:class:`Project`, and writing a project's records back out as a CSV of the same format. The
raw cells of the file (encoding, delimiter, the sheet, the size limits) come from :mod:`.sheets`,
the value of one cell (month, cost, factor, the estimated flag) from :mod:`.bill_cells`.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.energy import ENERGY_TYPES, normalize_energy, normalize_unit
from ecocheck_desktop.core.fiscal import fiscal_year_of
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
from ecocheck_desktop.exchange.bill_cells import (
    MAX_ELECTRICITY_FACTOR,
    parse_cost,
    parse_estimated,
    parse_factor,
    parse_located,
    parse_month_cell,
)
from ecocheck_desktop.exchange.bill_company import COMPANY_ALIASES, COMPANY_COLUMNS, CompanyCells
from ecocheck_desktop.exchange.csv_safety import neutralise_text, restore_text
from ecocheck_desktop.exchange.customer_rows import (
    CUSTOMER_COLUMNS,
    CustomerData,
    is_customer_row,
    parse_customer_row,
)
from ecocheck_desktop.exchange.sheets import as_text, csv_rows, is_blank, xlsx_rows
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
# The optional company columns (exchange/bill_company.py): industry and revenue.
for _key, _alias in COMPANY_COLUMNS.items():
    _HEADER_LOOKUP[_header_key(_key)] = _key
    _HEADER_LOOKUP[_header_key(_alias)] = _key
for _key, _alias in CUSTOMER_COLUMNS:  # the customer rows (exchange.customer_rows)
    _HEADER_LOOKUP.setdefault(_header_key(_key), _key)
    _HEADER_LOOKUP.setdefault(_header_key(_alias), _key)
for _alias, _key in COMPANY_ALIASES.items():
    _HEADER_LOOKUP.setdefault(_header_key(_alias), _key)


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
    industry: str = ""  # the optional industry column (one value for the file)
    revenue_million_yen: dict[int, Decimal] = field(default_factory=dict)  # by fiscal year
    customers: CustomerData = field(default_factory=CustomerData)


def _unescape_text(text: str) -> str:
    """Undo the apostrophe that :func:`write_bills_csv` puts before formula-like text."""
    return restore_text(text)


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
    non_empty = [position for position, row in enumerate(rows) if not all(is_blank(c) for c in row)]
    for position in non_empty[:_HEADER_SEARCH_ROWS]:
        keys = {_HEADER_LOOKUP.get(_header_key(as_text(cell))) for cell in rows[position]}
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
        name = as_text(cell).strip()
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
    company: CompanyCells | None = None,
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
        if is_blank(value):
            if required:
                problems.append(Message("bills.value_required", {}, where(key)))
            return None
        return parse_located(value, parser, where(key), problems)

    def text(key: str) -> str:
        return _unescape_text(as_text(cell(key)).strip())

    month = parse("month", parse_month_cell, required=True)
    energy = parse("energy", lambda v: normalize_energy(as_text(v).strip()), required=True)
    quantity = parse("quantity", parse_quantity, required=True)
    unit = parse("unit", lambda v: normalize_unit(as_text(v).strip()), required=True)
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
    cost = parse("cost_yen", parse_cost)
    factors: dict[str, Decimal | None] = {}
    for key in ("factor_basic", "factor_adjusted"):
        factor = parse(key, parse_factor)
        if factor is not None and energy == "electricity" and factor > MAX_ELECTRICITY_FACTOR:
            problems.append(
                Message(
                    "factor.kg_not_t",
                    {"value": as_text(cell(key)).strip(), "suggested": f"{factor / 1000:f}"},
                    where(key),
                )
            )
        factors[key] = factor
    estimated = parse("estimated", parse_estimated)
    for key in _TEXT_COLUMNS:
        value = cell(key)
        if isinstance(value, str):
            problem = limits.text_problem(
                value, layout.header.get(key, key), limits.text_limit("EnergyRecord", key)
            )
            if problem is not None:
                problems.append(Message(problem.code, problem.params, where(key)))
    if company is not None:
        header = lambda key: layout.header.get(key, key)  # noqa: E731
        problems += company.read_row(cell, where, row_number, month, header)
    if problems:
        return None, problems
    # A user factor must say where it came from (issue 15). None is invented here: the file's
    # row is not where the figure came from, so the core marks the year incomplete
    # (factor.user_without_source) until a factor_source is given.
    factor_source = text("factor_source")
    note = _unescape_text(as_text(cell("note")))
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


def _row_access(
    row: Sequence[Any], row_number: int, layout: _Layout, file_where: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[str], dict[str, Any]]]:
    """The cell of a format column in ``row``, and where that cell is (for the customer rows)."""

    def cell(key: str) -> Any:
        position = layout.index.get(key)
        return None if position is None or position >= len(row) else row[position]

    def where(key: str) -> dict[str, Any]:
        return {**file_where, "row": row_number, "column": layout.header.get(key, key)}

    return cell, where


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
        rows, encoding = xlsx_rows(path, where), "xlsx"
    else:
        rows, encoding = csv_rows(path, where)
    header_position = _find_header(rows)
    if header_position is None:
        raise EcoCheckError(Message("bills.no_header", where=where))
    layout, problems, warnings = _layout(rows[header_position], where)
    if not problems and any(not all(is_blank(c) for c in row) for row in rows[:header_position]):
        warnings.insert(
            0, Message("bills.title_rows_skipped", {"header_row": header_position + 1}, where)
        )
    if problems:
        raise EcoCheckError(*problems)
    numbered: list[tuple[int, EnergyRecord]] = []
    company = CompanyCells()
    customers = CustomerData()
    rows_read = 0
    for position in range(header_position + 1, len(rows)):
        row = rows[position]
        if all(is_blank(cell) for cell in row):
            continue
        rows_read += 1
        cells, located = _row_access(row, position + 1, layout, where)
        if is_customer_row(cells):
            problems.extend(parse_customer_row(cells, located, customers))
            continue
        record, row_problems = _parse_row(row, position + 1, layout, where, path.name, company)
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
        industry=company.industry,
        revenue_million_yen=dict(company.revenue),
        customers=customers,
    )


def project_from_bills(result: BillImport, company_name: str) -> Project:
    """A new project holding the imported bills; fiscal years follow the default April start."""
    # The name comes from --company or the file name: the same cap as every other path in.
    limits.check_text(company_name, "company.name", limits.MAX_COMPANY_NAME)
    company = Company(name=company_name, industry=result.industry)
    years = sorted({fiscal_year_of(r.month, company.fy_start_month) for r in result.records})
    revenue = result.revenue_million_yen
    return Project(
        company=company,
        sites=[Site(name) for name in (result.sites or [DEFAULT_SITE])],
        contracts=list(result.contracts),
        fiscal_years={
            year: FiscalYearData(year=year, revenue_million_yen=revenue.get(year)) for year in years
        },
        records=list(result.records),
        customers=list(result.customers.customers),
        customer_sales=list(result.customers.customer_sales),
        products=list(result.customers.products),
        product_outputs=list(result.customers.product_outputs),
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
