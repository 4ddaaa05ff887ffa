"""The consortium summary: figures aggregated across an advisor's project files, and its CSV.

Owns the aggregation of portfolio rows (``exchange.portfolio``) into what a city or a
consortium asks for: totals, by industry, by energy, the distribution of emission intensity
(t-CO2 per 百万円 revenue), the share of companies with a reduction plan and the total planned
reduction. Rows are added one at a time (:meth:`ConsortiumSummary.add`), so the files behind
them are read and released one by one. Company names can be anonymised ("企業 A" /
"Company A", in the order the files were added); then file names are left out as well, since
they usually name the company. The PDF is drawn by :mod:`.consortium_pdf`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ecocheck_desktop.exchange.csv_safety import neutralise
from ecocheck_desktop.report.output import write_atomically

if TYPE_CHECKING:
    from ecocheck_desktop.exchange.portfolio import PortfolioRow

ZERO = Decimal(0)
HUNDRED = Decimal(100)
# Intensity bands in t-CO2 per 百万円 revenue; small manufacturers mostly fall in 0.1–1.
INTENSITY_BANDS: tuple[tuple[Decimal, Decimal | None], ...] = (
    (Decimal(0), Decimal("0.1")),
    (Decimal("0.1"), Decimal("0.2")),
    (Decimal("0.2"), Decimal("0.5")),
    (Decimal("0.5"), Decimal(1)),
    (Decimal(1), Decimal(2)),
    (Decimal(2), None),
)
TOP_EMITTERS = 20
_SIX_PLACES = Decimal("0.000001")


def short_year(fiscal_year: int, lang: str) -> str:
    return f"{fiscal_year}年度" if lang == "ja" else f"FY{fiscal_year}"


def anonymous_name(index: int, lang: str) -> str:
    """``企業 A`` … ``企業 Z``, ``企業 AA`` … (``Company A`` in English) for the 0-based index."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"企業 {letters}" if lang == "ja" else f"Company {letters}"


@dataclass
class IndustryGroup:
    companies: int = 0
    total_t: Decimal = ZERO
    intensities: list[Decimal] = field(default_factory=list)

    @property
    def median_intensity(self) -> Decimal | None:
        return median(self.intensities)


@dataclass(frozen=True)
class CompanyLine:
    """What the summary keeps of one company (a few numbers, not the project)."""

    index: int  # position of the file in the folder: the anonymous letter
    name: str
    file_name: str
    industry: str
    fiscal_year: int
    total_t: Decimal
    intensity: Decimal | None
    planned_reduction_t: Decimal | None
    planned_reduction_source: str


@dataclass
class ConsortiumSummary:
    files: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file name, message code)
    scope1_t: Decimal = ZERO
    scope2_adjusted_t: Decimal = ZERO
    total_t: Decimal = ZERO
    energy_gj: Decimal = ZERO
    incomplete: int = 0
    by_industry: dict[str, IndustryGroup] = field(default_factory=dict)
    by_energy: dict[str, Decimal] = field(default_factory=dict)
    intensities: list[Decimal] = field(default_factory=list)
    with_plan: int = 0
    planned_reduction_t: Decimal = ZERO  # the plans' measures combined
    with_target_only: int = 0
    target_reduction_t: Decimal = ZERO  # what the targets of companies without a plan ask
    companies: list[CompanyLine] = field(default_factory=list)

    @property
    def readable(self) -> int:
        return len(self.companies)

    @property
    def share_with_plan_pct(self) -> Decimal | None:
        return Decimal(self.with_plan) * HUNDRED / self.readable if self.readable else None

    @property
    def fiscal_years(self) -> tuple[int, int] | None:
        years = [c.fiscal_year for c in self.companies]
        return (min(years), max(years)) if years else None

    def add(self, row: PortfolioRow) -> None:
        self.files += 1
        if not row.ok or row.fiscal_year is None or row.total_t is None:
            code = row.error.code if row.error is not None else "portfolio.no_data"
            self.unreadable.append((row.file_name, code))
            return
        self.scope1_t += row.scope1_t or ZERO
        self.scope2_adjusted_t += row.scope2_adjusted_t or ZERO
        self.total_t += row.total_t
        self.energy_gj += row.energy_gj or ZERO
        if not row.complete:
            self.incomplete += 1
        group = self.by_industry.setdefault(row.industry.strip(), IndustryGroup())
        group.companies += 1
        group.total_t += row.total_t
        if row.intensity_revenue is not None:
            group.intensities.append(row.intensity_revenue)
            self.intensities.append(row.intensity_revenue)
        for code, t_co2 in row.by_energy_t.items():
            self.by_energy[code] = self.by_energy.get(code, ZERO) + t_co2
        if row.planned_reduction_source == "plan" and row.planned_reduction_t is not None:
            self.with_plan += 1
            self.planned_reduction_t += row.planned_reduction_t
        elif row.has_plan:
            self.with_plan += 1  # a plan whose year is not complete yet: counted, no tonnes
        elif row.planned_reduction_source == "target" and row.planned_reduction_t is not None:
            self.with_target_only += 1
            self.target_reduction_t += row.planned_reduction_t
        self.companies.append(
            CompanyLine(
                index=self.files - 1,  # file order, as in the summary CSV
                name=row.company,
                file_name=row.file_name,
                industry=row.industry.strip(),
                fiscal_year=row.fiscal_year,
                total_t=row.total_t,
                intensity=row.intensity_revenue,
                planned_reduction_t=row.planned_reduction_t,
                planned_reduction_source=row.planned_reduction_source,
            )
        )

    def company_name(self, line: CompanyLine, lang: str, anonymise: bool) -> str:
        return anonymous_name(line.index, lang) if anonymise else line.name

    def intensity_quantiles(self) -> dict[str, Decimal | None]:
        values = sorted(self.intensities)
        return {
            "min": values[0] if values else None,
            "p25": quantile(values, Decimal("0.25")),
            "median": quantile(values, Decimal("0.5")),
            "p75": quantile(values, Decimal("0.75")),
            "max": values[-1] if values else None,
            "mean": sum(values, ZERO) / len(values) if values else None,
        }

    def intensity_bands(self) -> list[tuple[str, int]]:
        counts = []
        for low, high in INTENSITY_BANDS:
            label = f"{low}–{high}" if high is not None else f"{low}+"
            inside = sum(1 for v in self.intensities if v >= low and (high is None or v < high))
            counts.append((label, inside))
        return counts

    def largest(self, count: int = TOP_EMITTERS) -> list[CompanyLine]:
        return sorted(self.companies, key=lambda c: (-c.total_t, c.index))[:count]


def summarise_rows(rows: object) -> ConsortiumSummary:
    summary = ConsortiumSummary()
    for row in rows:  # type: ignore[attr-defined]
        summary.add(row)
    return summary


def quantile(values: list[Decimal], q: Decimal) -> Decimal | None:
    """Linear interpolation between closest ranks (numpy's default) of sorted ``values``."""
    if not values:
        return None
    position = (len(values) - 1) * q
    lower = int(position)
    upper = min(lower + 1, len(values) - 1)
    return values[lower] + (values[upper] - values[lower]) * (position - lower)


def median(values: list[Decimal]) -> Decimal | None:
    return quantile(sorted(values), Decimal("0.5"))


# --------------------------------------------------------------------------- CSV

CSV_FIELDS = ("section", "group", "metric", "value", "unit")


def _csv_number(value: Decimal | int | None) -> object:
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    rounded = value.quantize(_SIX_PLACES, rounding=ROUND_HALF_UP)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def consortium_rows(
    summary: ConsortiumSummary, *, anonymise: bool = False, lang: str = "ja"
) -> list[tuple[str, str, str, object, str]]:
    """The summary as long-format rows (section, group, metric, value, unit)."""
    t, per = "t-CO2", "t-CO2/million yen"
    rows: list[tuple[str, str, str, object, str]] = [
        ("overview", "", "files", summary.files, "files"),
        ("overview", "", "companies", summary.readable, "companies"),
        ("overview", "", "unreadable_files", len(summary.unreadable), "files"),
        ("overview", "", "incomplete_years", summary.incomplete, "companies"),
        ("overview", "", "scope1_t", _csv_number(summary.scope1_t), t),
        ("overview", "", "scope2_adjusted_t", _csv_number(summary.scope2_adjusted_t), t),
        ("overview", "", "total_adjusted_t", _csv_number(summary.total_t), t),
        ("overview", "", "energy_gj", _csv_number(summary.energy_gj), "GJ"),
    ]
    years = summary.fiscal_years
    if years is not None:
        rows.append(("overview", "", "fiscal_year_first", years[0], "FY"))
        rows.append(("overview", "", "fiscal_year_last", years[1], "FY"))
    for industry, group in sorted(summary.by_industry.items()):
        rows += [
            ("industry", industry, "companies", group.companies, "companies"),
            ("industry", industry, "total_adjusted_t", _csv_number(group.total_t), t),
            ("industry", industry, "median_intensity", _csv_number(group.median_intensity), per),
        ]
    for code, t_co2 in sorted(summary.by_energy.items(), key=lambda item: -item[1]):
        rows.append(("energy", code, "t_co2", _csv_number(t_co2), t))
    for name, value in summary.intensity_quantiles().items():
        rows.append(("intensity", name, "intensity", _csv_number(value), per))
    for label, count in summary.intensity_bands():
        rows.append(("intensity_band", label, "companies", count, "companies"))
    rows += [
        ("plan", "", "companies_with_plan", summary.with_plan, "companies"),
        ("plan", "", "share_with_plan_pct", _csv_number(summary.share_with_plan_pct), "%"),
        ("plan", "", "planned_reduction_t", _csv_number(summary.planned_reduction_t), "t-CO2/yr"),
        ("plan", "", "companies_with_target_only", summary.with_target_only, "companies"),
        ("plan", "", "target_reduction_t", _csv_number(summary.target_reduction_t), t),
    ]
    for line in summary.companies:
        name = summary.company_name(line, lang, anonymise)
        rows += [
            ("company", name, "industry", line.industry, ""),
            ("company", name, "fiscal_year", line.fiscal_year, "FY"),
            ("company", name, "total_adjusted_t", _csv_number(line.total_t), t),
            ("company", name, "intensity", _csv_number(line.intensity), per),
            ("company", name, "planned_reduction_t", _csv_number(line.planned_reduction_t), t),
        ]
    if not anonymise:
        for file_name, code in summary.unreadable:
            rows.append(("unreadable", file_name, "reason", code, ""))
    return rows


def consortium_csv(
    summary: ConsortiumSummary, *, anonymise: bool = False, lang: str = "ja"
) -> bytes:
    """UTF-8 with a BOM; text cells neutralised against formula injection like the companion."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for row in consortium_rows(summary, anonymise=anonymise, lang=lang):
        writer.writerow([neutralise(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_consortium_csv(
    summary: ConsortiumSummary, path: Path, *, anonymise: bool = False, lang: str = "ja"
) -> None:
    write_atomically(Path(path), consortium_csv(summary, anonymise=anonymise, lang=lang))
