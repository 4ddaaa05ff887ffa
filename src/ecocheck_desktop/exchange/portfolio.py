"""The advisor's portfolio: one row of key figures per ``.ecocheck`` file in a folder.

Owns the scan of a folder (its ``*.ecocheck`` files, not its sub-folders, not the backup
copies a migration leaves beside a file), read one file at a time so that memory does not grow
with the number of files, each opened READ-ONLY and never migrated or otherwise changed. A file
that cannot be read becomes a row with its reason (the store's message: in use, newer version,
damaged, not a project) and never stops the scan.

The figures are the calculation's, rounded like the companion's (report/companion.py: both use
exchange/cells.py and :func:`target_reduction_t`), so the portfolio, the companion CSV and the
PDF agree. What the portfolio adds: the choice of the row's fiscal year, the data completeness
of that year and the planned reduction (docs/portfolio.md). :func:`write_summaries` is the one
writer of the summary CSV, for ``ecocheck portfolio`` and the ポートフォリオ page alike; the
batch PDFs are report/batch.py's.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.data_quality import assess_year
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.measures import evaluate_latest
from ecocheck_desktop.core.messages import EcoCheckError, Message, render
from ecocheck_desktop.core.targets import target_line
from ecocheck_desktop.exchange.cells import json_number
from ecocheck_desktop.exchange.csv_safety import neutralise

# Being moved into core.targets by the target-path merge (engineer s17a); then this import
# becomes ``core.targets`` and tests/test_layers.py drops its KNOWN_BACK_EDGES entry.
from ecocheck_desktop.store import atomic
from ecocheck_desktop.store.project_file import ProjectFile

if TYPE_CHECKING:
    from ecocheck_desktop.core.model import Project
    from ecocheck_desktop.core.results import Footprint, YearResult


SUFFIX = ".ecocheck"
# The copy store.migrations makes before migrating (name.v1-backup-20261128-101500.ecocheck):
# the same company again, which would be counted twice.
_BACKUP_NAME = re.compile(r"\.v\d+-backup-\d{8}-\d{6}(-\d+)?\.ecocheck$", re.IGNORECASE)
HUNDRED = Decimal(100)

PLAN = "plan"
MIN_INDUSTRY_COMPANIES = 3  # anonymised: a smaller industry is not shown beside a company
TARGET = "target"


@dataclass(frozen=True)
class PortfolioRow:
    """The key figures of one project file, or why it could not be read (``error``)."""

    path: Path
    error: Message | None = None
    company: str = ""
    industry: str = ""
    city: str = ""
    fiscal_year: int | None = None
    complete: bool = False  # the year's calculation has no errors
    scope1_t: Decimal | None = None
    scope2_adjusted_t: Decimal | None = None
    scope2_location_t: Decimal | None = None
    total_t: Decimal | None = None  # Scope 1+2, adjusted (market) basis
    previous_total_t: Decimal | None = None
    yoy_change_pct: Decimal | None = None
    intensity_revenue: Decimal | None = None  # t-CO2 per 百万円 revenue
    energy_gj: Decimal | None = None
    months_with_data: int = 0
    months_in_year: int = 12
    completeness_pct: Decimal | None = None  # filled energy-months / expected energy-months
    by_energy_t: dict[str, Decimal] = field(default_factory=dict)
    planned_measures: int = 0
    # Two figures, two names (docs/lender-file.md): what the plan's measures cut per year
    # (evaluated on the row's year when complete) and what the first target asks for.
    plan_reduction_t: Decimal | None = None
    target_reduction_t: Decimal | None = None
    target_kind: str = ""
    # Data quality of the row's year (core.data_quality), for the consortium's column.
    pcaf_score: int | None = None
    pcaf_option: str = ""
    share_estimated_pct: Decimal | None = None
    part_year: bool = False
    # Progress: the base year (the first target's, else the earliest complete year) and its
    # Scope 1+2 (adjusted).
    base_year: int | None = None
    base_total_t: Decimal | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def has_plan(self) -> bool:
        return self.planned_measures > 0


def project_files(folder: Path) -> list[Path]:
    """The project files of ``folder`` in name order (not sub-folders, not backup copies)."""
    folder = Path(folder)
    try:
        # exists()/is_dir() raise PermissionError for a folder inside one the user may not
        # enter (a remembered folder at GUI start, a colleague's share): a message, too.
        if not folder.exists():
            raise EcoCheckError(Message("portfolio.folder_missing", {"folder": str(folder)}))
        if not folder.is_dir():
            raise EcoCheckError(Message("portfolio.not_a_folder", {"folder": str(folder)}))
        entries = list(folder.iterdir())
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise EcoCheckError(
            Message("portfolio.folder_unreadable", {"folder": str(folder), "reason": reason})
        ) from None
    return sorted(
        (
            entry
            for entry in entries
            if entry.name.lower().endswith(SUFFIX) and not _BACKUP_NAME.search(entry.name)
        ),
        key=lambda p: p.name.casefold(),
    )


def scan_folder(
    folder: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[PortfolioRow]:
    """One row per project file, each read and released before the next is opened."""
    for path in each_file(project_files(folder), progress, cancelled):
        yield scan_file(path)


def each_file(
    files: list[Path],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Path]:
    """``files`` one by one until ``cancelled()`` says stop; ``progress(done, total)`` once
    the caller is through with each (the folder scan, the batch of PDFs)."""
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            return
        yield path
        if progress is not None:
            progress(done + 1, len(files))


def file_failed(path: Path, error: Exception) -> Message:
    """What one client's file did that nobody foresaw, as a message that names the file: one
    file never stops the work on a folder."""
    reason = f"{type(error).__name__}: {str(error)[:300]}"
    return Message("portfolio.failed", {"reason": reason}, {"file": str(path)})


def scan_file(path: Path) -> PortfolioRow:
    """The row of one file; any failure becomes an error row, never an exception."""
    path = Path(path)
    try:
        project = read_project(path)
        return summarise(path, project)
    except EcoCheckError as error:
        return PortfolioRow(path, error=error.messages[0])
    except Exception as error:  # one client's file never stops the scan of the folder
        return PortfolioRow(path, error=file_failed(path, error))


def read_project(path: Path) -> Project:
    """The project in ``path``, read-only, leaving the file exactly as it was.

    A file a killed session left with a journal to roll back (or a WAL to replay) is read from
    a recovered private copy (store.project_file), never recovered in place by a scan.
    """
    limits.check_regular_file(path)  # a FIFO named client.ecocheck must not hang the scan
    project_file = ProjectFile.open(path, read_only=True)
    try:
        return project_file.load()
    finally:
        project_file.close()


def summarise(path: Path, project: Project, footprint: Footprint | None = None) -> PortfolioRow:
    """The row of an already loaded project."""
    company = project.company
    if footprint is None:
        footprint = calculate(project, strict=False)
    year = latest_year(footprint)
    if year is None:
        return PortfolioRow(
            path,
            error=Message("portfolio.no_data", where={"file": str(path)}),
            company=company.name,
            industry=company.industry,
            city=company.city,
        )
    previous = next((y for y in footprint.years if y.fiscal_year == year.fiscal_year - 1), None)
    filled, expected, months = _completeness(project, year)
    planned = [m for m in project.measure_plan if m.status != "rejected"]
    plan_t = plan_reduction_t(project, [year]) if year.complete else None
    target_t = json_number(target_reduction_t(project, footprint))
    quality = assess_year(project, year)
    base_year, base_total = _base(project, footprint)
    revenue = next((i.value for i in year.intensities if i.key == "revenue"), None)
    return PortfolioRow(
        path,
        company=company.name,
        industry=company.industry,
        city=company.city,
        fiscal_year=year.fiscal_year,
        complete=year.complete,
        scope1_t=year.scope1_t,
        scope2_adjusted_t=year.scope2_adjusted_t,
        scope2_location_t=year.scope2_location_t,
        total_t=year.total_adjusted_t,
        previous_total_t=previous.total_adjusted_t if previous and previous.by_energy else None,
        # A part-year against a full year would look like a cut: no change until it is full.
        yoy_change_pct=year.yoy_change_pct if filled == expected else None,
        intensity_revenue=revenue,
        energy_gj=year.energy_gj,
        months_with_data=months,
        months_in_year=12,
        completeness_pct=filled * HUNDRED / expected if expected else None,
        by_energy_t={code: total.t_co2 for code, total in year.by_energy.items()},
        planned_measures=len(planned),
        plan_reduction_t=plan_t,
        target_reduction_t=Decimal(str(target_t)) if target_t is not None else None,
        target_kind=project.targets[0].kind if project.targets else "",
        pcaf_score=quality.pcaf_score,
        pcaf_option=quality.pcaf_option,
        share_estimated_pct=quality.share_estimated_pct,
        part_year=quality.part_year,
        base_year=base_year,
        base_total_t=base_total,
    )


def _base(project: Project, footprint: Footprint) -> tuple[int | None, Decimal | None]:
    """The base year progress is measured from, and its Scope 1+2 (adjusted): the first
    target's base year when it has a complete calculation, else the earliest complete year.
    (None, None) without a complete year."""
    complete = {y.fiscal_year: y for y in footprint.years if y.complete}
    if project.targets and project.targets[0].base_year in complete:
        base = complete[project.targets[0].base_year]
    elif complete:
        base = complete[min(complete)]
    else:
        return None, None
    return base.fiscal_year, base.total_adjusted_t


def latest_year(footprint: Footprint) -> YearResult | None:
    """The latest fiscal year whose calculation is complete; else the latest with data."""
    # by_energy, not lines: the lines are built lazily and a scan does not need them.
    with_data = [y for y in footprint.years if y.by_energy]
    complete = [y for y in with_data if y.complete]
    chosen = complete or with_data
    return max(chosen, key=lambda y: y.fiscal_year) if chosen else None


def _completeness(project: Project, year: YearResult) -> tuple[int, int, int]:
    """(energy-months filled, energy-months expected, months with any bill) of one year.

    Expected: every month of the year for each energy type the company used that year.
    Filled: by the core's one completeness rule (core.completeness): a month whose factor is
    unresolved or unsourced is not filled, and an incomplete year is never 100 %.
    """
    completeness = year.completeness
    if completeness is not None:
        filled, expected = completeness.energy_months()
        return filled, expected, len(completeness.months_present)
    months = set(months_of_fiscal_year(year.fiscal_year, project.company.fy_start_month))
    cells = {(r.energy, r.month) for r in project.records if r.month in months}
    energies = {energy for energy, _ in cells}
    return len(cells), len(energies) * len(months), len({month for _, month in cells})


def target_reduction_t(project: Project, footprint: Footprint) -> Decimal | None:
    """t-CO2 the first target asks for at its target year (None without a target or base year).

    Measured on the adjusted totals of the complete years, as the companion reports it.
    """
    if not project.targets:
        return None
    totals = {y.fiscal_year: y.total_adjusted_t for y in footprint.years if y.complete}
    path = target_line(project.targets[0], totals)
    if path is None:
        return None
    return path[1][0] - path[1][-1]


def plan_reduction_t(project: Project, years: Iterable[YearResult]) -> Decimal | None:
    """t-CO2/year the reduction plan's measures cut, combined in sequence, evaluated on the
    latest complete year of ``years`` (core.measures.evaluate_latest); None without a plan
    (measures not rejected), without a complete year, or when the plan cannot be evaluated."""
    if not any(m.status != "rejected" for m in project.measure_plan):
        return None
    try:
        latest = evaluate_latest(project, years)
    except EcoCheckError:
        return None
    return latest.plan.totals.t_co2_per_year if latest is not None else None


# --------------------------------------------------------------------------- summary CSV

# Column order of ``ecocheck portfolio DIR -o SUMMARY.csv`` (docs/portfolio.md).
SUMMARY_FIELDS: tuple[str, ...] = (
    "file",
    "status",
    "reason_code",
    "reason",
    "company",
    "industry",
    "city",
    "fiscal_year",
    "complete",
    "scope1_t",
    "scope2_adjusted_t",
    "scope2_location_t",
    "total_adjusted_t",
    "previous_total_adjusted_t",
    "yoy_change_pct",
    "intensity_revenue_t_per_million_yen",
    "energy_gj",
    "months_with_data",
    "completeness_pct",
    "planned_measures",
    "planned_reduction_t",
    "planned_reduction_source",
    "target_kind",
    # Issue 18: each reduction under its own name, and the year's data quality.
    "plan_reduction_t",
    "target_reduction_t",
    "part_year",
    "share_estimated_pct",
    "pcaf_score",
    "pcaf_option",
    "base_year",
    "base_total_adjusted_t",
)


def summary_record(row: PortfolioRow, *, anonymous_name: str | None = None) -> dict[str, Any]:
    """The CSV record of one row; ``anonymous_name`` replaces the company and the file name."""
    error = row.error
    reason = render(error) if error is not None else ""
    if anonymous_name is not None:
        reason = reason.replace(str(row.path), anonymous_name)
    return {
        "file": anonymous_name if anonymous_name is not None else row.file_name,
        "status": "ok" if error is None else "unreadable",
        "reason_code": error.code if error is not None else "",
        "reason": reason,
        "company": anonymous_name if anonymous_name is not None else row.company,
        "industry": row.industry,
        "city": row.city,
        "fiscal_year": row.fiscal_year,
        "complete": row.complete if error is None else None,
        "scope1_t": json_number(row.scope1_t),
        "scope2_adjusted_t": json_number(row.scope2_adjusted_t),
        "scope2_location_t": json_number(row.scope2_location_t),
        "total_adjusted_t": json_number(row.total_t),
        "previous_total_adjusted_t": json_number(row.previous_total_t),
        "yoy_change_pct": json_number(row.yoy_change_pct),
        "intensity_revenue_t_per_million_yen": json_number(row.intensity_revenue),
        "energy_gj": json_number(row.energy_gj),
        "months_with_data": row.months_with_data if error is None else None,
        "completeness_pct": json_number(row.completeness_pct),
        "planned_measures": row.planned_measures if error is None else None,
        # The old column keeps one meaning, the companion's: what the target asks for.
        "planned_reduction_t": json_number(row.target_reduction_t),
        "planned_reduction_source": TARGET if row.target_reduction_t is not None else "",
        "target_kind": row.target_kind,
        "plan_reduction_t": json_number(row.plan_reduction_t),
        "target_reduction_t": json_number(row.target_reduction_t),
        "part_year": row.part_year if error is None else None,
        "share_estimated_pct": json_number(row.share_estimated_pct),
        "pcaf_score": row.pcaf_score,
        "pcaf_option": row.pcaf_option,
        "base_year": row.base_year,
        "base_total_adjusted_t": json_number(row.base_total_t),
    }


class SummaryCsv:
    """The summary CSV built row by row (UTF-8 with a BOM, cells neutralised like companion)."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")
        self._writer.writerow(SUMMARY_FIELDS)

    def add(self, row: PortfolioRow, *, anonymous_name: str | None = None) -> None:
        record = summary_record(row, anonymous_name=anonymous_name)
        cells: list[object] = []
        for name in SUMMARY_FIELDS:
            value = record[name]
            if value is None:
                cells.append("")
            elif isinstance(value, bool):
                cells.append("true" if value else "false")
            else:
                cells.append(neutralise(value))
        self._writer.writerow(cells)

    def data(self) -> bytes:
        return ("\ufeff" + self._buffer.getvalue()).encode("utf-8")


def write_summaries(
    rows: Iterable[PortfolioRow],
    path: Path,
    *,
    anonymous_names: Callable[[int], str] | None = None,
) -> int:
    """Write the summary CSV of ``rows`` to ``path`` atomically; returns the number of rows.

    ``anonymous_names(index)`` replaces each row's company and file name (the consortium's
    ``企業 A``…). ``rows`` may be a generator: the CLI scans and writes in one pass.
    Anonymised, the industry of a company whose industry has fewer than
    :data:`MIN_INDUSTRY_COMPANIES` companies in the file is left empty (it would name the
    company beside its figures); the rows (a few numbers each) are then held until the end.
    """
    table = SummaryCsv()
    count = 0
    if anonymous_names is not None:
        rows = list(rows)
        sizes: dict[str, int] = {}
        for row in rows:
            if row.ok:
                sizes[row.industry.strip()] = sizes.get(row.industry.strip(), 0) + 1
        rows = [
            row
            if sizes.get(row.industry.strip(), 0) >= MIN_INDUSTRY_COMPANIES
            else replace(row, industry="")
            for row in rows
        ]
    for index, row in enumerate(rows):
        table.add(row, anonymous_name=anonymous_names(index) if anonymous_names else None)
        count += 1
    try:
        atomic.write_file(Path(path), table.data())
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise EcoCheckError(
            Message("report.cannot_write", {"path": str(path), "reason": reason})
        ) from None
    return count
