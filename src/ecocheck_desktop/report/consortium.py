"""The consortium summary: figures aggregated across an advisor's project files, and its CSV.

Owns the aggregation of portfolio rows (``exchange.portfolio``) into what a city or a
consortium asks for: totals, by industry, by energy, the distribution of emission intensity
(t-CO2 per 百万円 revenue), the share of companies with a reduction plan and the total planned
reduction. Rows are added one at a time (:meth:`ConsortiumSummary.add`), so the files behind
them are read and released one by one. Company names can be anonymised ("企業 A" /
"Company A", in the order the files were added); then file names are left out as well, since
they usually name the company. The PDF is drawn by :mod:`.consortium_pdf`.

Issue 18 (docs/portfolio.md "Consortium summary"):

- **Part years** (fewer than 12 months with data, core.data_quality) are listed and marked
  but kept out of every full-year total (overview, industry, energy, intensity, progress).
- **Progress** against the city's −46 % path (Japan's path, core.targets ``national``,
  re-based to each company's base year): base year and latest year per company and in total.
- **Plan and target apart**: ``plan_reduction_t`` (the plans' measures, t-CO2/yr) and
  ``target_reduction_t`` (what the targets ask, t-CO2), never added together.
- **Suppression when anonymised**: any cell that aggregates fewer than
  :data:`MIN_COMPANIES` companies (an industry of 1–2 companies, an energy used by 1–2, a total
  over 1–2) is suppressed (``None`` here, "—" with a footnote in the PDF, an empty value marked
  ``suppressed`` in the CSV); so is the industry shown beside an anonymous company of such a
  small industry, the intensity minimum and maximum, and each company's own t-CO2 figures
  (total, intensity, base year, path, plan, target: cells of one company). What stays per
  anonymous company: its year, part-year mark, data quality, change % and on-path yes/no.
  **Complementary suppression** (:meth:`ConsortiumSummary.hidden_cells`, .suppression): where
  a shown total is the sum of parts (industries, energies, Scope 1 + 2), a second part (or the
  total) is hidden too, so no hidden cell is a shown total minus shown parts; with fewer than
  5 intensities the quartiles are hidden as well (they and the mean would give back the
  minimum and maximum).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.model import Target
from ecocheck_desktop.core.targets import target_value
from ecocheck_desktop.exchange.csv_safety import neutralise
from ecocheck_desktop.report.output import write_atomically
from ecocheck_desktop.report.suppression import suppressed_cells

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
MIN_COMPANIES = 3  # an anonymised cell aggregating fewer companies is suppressed
CellKey = tuple[str, str, str]  # (section, group, metric) as in the summary CSV
CITY_PATH_PCT_2030 = Decimal(46)  # the city's (Japan's) −46 % by FY2030 vs FY2013
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
    companies: int = 0  # full-year companies in the totals
    total_t: Decimal = ZERO
    intensities: list[Decimal] = field(default_factory=list)
    part_year: int = 0  # part-year companies of the industry, not in the totals

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
    plan_reduction_t: Decimal | None = None  # the plan's measures, t-CO2/yr
    target_reduction_t: Decimal | None = None  # what the first target asks, t-CO2
    complete: bool = True
    part_year: bool = False
    months_with_data: int = 12
    pcaf_score: int | None = None
    pcaf_option: str = ""
    share_estimated_pct: Decimal | None = None
    base_year: int | None = None
    base_total_t: Decimal | None = None

    @property
    def has_progress(self) -> bool:
        """A full latest year after a base year with data: progress can be measured."""
        return (
            not self.part_year
            and self.base_total_t is not None
            and self.base_year is not None
            and self.base_year < self.fiscal_year
            and self.base_total_t > 0
        )

    @property
    def change_pct(self) -> Decimal | None:
        """Latest year against the base year, % (negative = a cut)."""
        if not self.has_progress:
            return None
        assert self.base_total_t is not None
        return (self.total_t - self.base_total_t) * HUNDRED / self.base_total_t

    @property
    def path_t(self) -> Decimal | None:
        """The city's −46 % path at the latest year, re-based to the company's base year."""
        if not self.has_progress:
            return None
        assert self.base_total_t is not None and self.base_year is not None
        return city_path_value(self.base_year, self.base_total_t, self.fiscal_year)

    @property
    def on_path(self) -> bool | None:
        path = self.path_t
        return None if path is None else self.total_t <= path


def city_path_value(base_year: int, base_t: Decimal, year: int) -> Decimal:
    """Japan's path (−46 % FY2030 vs FY2013, core.targets ``national``) from ``base_year``."""
    target = Target("national", base_year, 2030, CITY_PATH_PCT_2030)
    value = target_value(target, base_t, year)
    assert value is not None  # the national path is defined for every year
    return value


@dataclass
class ConsortiumSummary:
    files: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file name, message code)
    scope1_t: Decimal = ZERO
    scope2_adjusted_t: Decimal = ZERO
    total_t: Decimal = ZERO
    energy_gj: Decimal = ZERO
    incomplete: int = 0
    part_year: int = 0  # companies whose year is a part year: listed, not in the totals
    by_industry: dict[str, IndustryGroup] = field(default_factory=dict)
    by_energy: dict[str, Decimal] = field(default_factory=dict)
    intensities: list[Decimal] = field(default_factory=list)
    energy_companies: dict[str, int] = field(default_factory=dict)
    with_plan: int = 0
    with_plan_figure: int = 0  # companies whose plan has a figure (a complete year)
    plan_reduction_t: Decimal = ZERO  # the plans' measures combined, t-CO2/yr
    with_target: int = 0
    target_reduction_t: Decimal = ZERO  # what every company's first target asks, t-CO2
    with_target_only: int = 0
    target_only_reduction_t: Decimal = ZERO  # the same, of companies without a plan
    companies: list[CompanyLine] = field(default_factory=list)

    @property
    def full_year(self) -> int:
        return self.readable - self.part_year

    @property
    def progress(self) -> dict[str, Decimal | int | None]:
        """The total over companies with progress: base, latest and path sums, change %."""
        lines = [c for c in self.companies if c.has_progress]
        base = sum((c.base_total_t or ZERO for c in lines), ZERO)
        latest = sum((c.total_t for c in lines), ZERO)
        path = sum((c.path_t or ZERO for c in lines), ZERO)
        return {
            "companies": len(lines),
            "on_path": sum(1 for c in lines if c.on_path),
            "base_t": base if lines else None,
            "latest_t": latest if lines else None,
            "path_t": path if lines else None,
            "change_pct": (latest - base) * HUNDRED / base if lines and base else None,
            "path_change_pct": (path - base) * HUNDRED / base if lines and base else None,
        }

    def suppressed(self, companies: int, anonymise: bool) -> bool:
        return anonymise and companies < MIN_COMPANIES

    def hidden_cells(self, anonymise: bool) -> set[CellKey]:
        """The aggregate cells hidden when anonymised, by CSV key (section, group, metric):
        those of fewer than 3 companies and their complementary cells (.suppression), so no
        hidden figure is a shown total minus shown parts. Each company's own figures (cells of
        one company) are always hidden when anonymised and are not listed here."""
        if not anonymise:
            return set()
        full = self.full_year
        total = ("overview", "", "total_adjusted_t")
        scope1, scope2 = ("overview", "", "scope1_t"), ("overview", "", "scope2_adjusted_t")
        counts: dict[CellKey, int] = {
            scope1: full,
            scope2: full,
            total: full,
            ("overview", "", "energy_gj"): full,
            ("plan", "", "plan_reduction_t"): self.with_plan_figure,
            ("target", "", "target_reduction_t"): self.with_target,
            ("target", "", "target_only_reduction_t"): self.with_target_only,
        }
        n_progress = int(self.progress["companies"] or 0)
        for metric in ("base_t", "latest_t", "path_t", "change_pct", "path_change_pct"):
            counts["progress", "", metric] = n_progress
        industries = []
        for industry, group in sorted(self.by_industry.items()):
            industries.append(("industry", industry, "total_adjusted_t"))
            counts[industries[-1]] = group.companies
            counts["industry", industry, "median_intensity"] = len(group.intensities)
        energies: dict[int, list[CellKey]] = {0: [], 1: [], 2: []}
        for code in sorted(self.by_energy):
            key = ("energy", code, "t_co2")
            counts[key] = self.energy_companies.get(code, 0)
            energy = ENERGY_TYPES.get(code)
            energies[0].append(key)
            if energy is not None:
                energies[energy.scope].append(key)
        n_intensity = len(self.intensities)
        for name in ("min", "p25", "median", "p75", "max", "mean"):
            counts["intensity", name, "intensity"] = n_intensity
        # The extremes are one company's own figure. With fewer than 5 values the quartiles
        # (linear in the two smallest / largest values) and the mean give them back: hide both.
        primary: list[CellKey] = [
            ("intensity", "min", "intensity"),
            ("intensity", "max", "intensity"),
        ]
        if n_intensity < 5:
            primary += [("intensity", "p25", "intensity"), ("intensity", "p75", "intensity")]
        relations = [
            (total, industries),
            (total, [scope1, scope2]),
            (total, energies[0]),
            (scope1, energies[1]),
            (scope2, energies[2]),
        ]
        return suppressed_cells(counts, relations, MIN_COMPANIES, primary)

    def industry_shown(self, line: CompanyLine, anonymise: bool) -> str | None:
        """The industry beside a company; None when anonymised and its industry is small."""
        group = self.by_industry.get(line.industry)
        size = (group.companies + group.part_year) if group else 0
        return None if self.suppressed(size, anonymise) else line.industry

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
        if not row.complete:
            self.incomplete += 1
        group = self.by_industry.setdefault(row.industry.strip(), IndustryGroup())
        if row.part_year:
            self.part_year += 1
            group.part_year += 1
        else:  # only full years enter the full-year totals
            self.scope1_t += row.scope1_t or ZERO
            self.scope2_adjusted_t += row.scope2_adjusted_t or ZERO
            self.total_t += row.total_t
            self.energy_gj += row.energy_gj or ZERO
            group.companies += 1
            group.total_t += row.total_t
            if row.intensity_revenue is not None:
                group.intensities.append(row.intensity_revenue)
                self.intensities.append(row.intensity_revenue)
            for code, t_co2 in row.by_energy_t.items():
                self.by_energy[code] = self.by_energy.get(code, ZERO) + t_co2
                self.energy_companies[code] = self.energy_companies.get(code, 0) + 1
        if row.has_plan:
            self.with_plan += 1  # a plan whose year is not complete yet: counted, no tonnes
            if row.plan_reduction_t is not None:
                self.with_plan_figure += 1
                self.plan_reduction_t += row.plan_reduction_t
        if row.target_reduction_t is not None:
            self.with_target += 1
            self.target_reduction_t += row.target_reduction_t
            if not row.has_plan:
                self.with_target_only += 1
                self.target_only_reduction_t += row.target_reduction_t
        self.companies.append(
            CompanyLine(
                index=self.files - 1,  # file order, as in the summary CSV
                name=row.company,
                file_name=row.file_name,
                industry=row.industry.strip(),
                fiscal_year=row.fiscal_year,
                total_t=row.total_t,
                intensity=row.intensity_revenue,
                plan_reduction_t=row.plan_reduction_t,
                target_reduction_t=row.target_reduction_t,
                complete=row.complete,
                part_year=row.part_year,
                months_with_data=row.months_with_data,
                pcaf_score=row.pcaf_score,
                pcaf_option=row.pcaf_option,
                share_estimated_pct=row.share_estimated_pct,
                base_year=row.base_year,
                base_total_t=row.base_total_t,
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
        """The largest full-year emitters, then the part years (marked), by size."""
        return sorted(self.companies, key=lambda c: (c.part_year, -c.total_t, c.index))[:count]


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
    """The summary as long-format rows (section, group, metric, value, unit).

    Anonymised, a cell aggregating fewer than 3 companies has an empty value and the unit
    ``suppressed`` (the row stays, so a reader sees that it exists)."""
    t, per = "t-CO2", "t-CO2/million yen"
    rows: list[tuple[str, str, str, object, str]] = []

    hidden = summary.hidden_cells(anonymise)

    def add(section: str, group: str, metric: str, value: object, unit: str, n: int) -> None:
        if summary.suppressed(n, anonymise) or (section, group, metric) in hidden:
            rows.append((section, group, metric, "", "suppressed"))
        else:
            rows.append((section, group, metric, value, unit))

    full = summary.full_year
    rows += [
        ("overview", "", "files", summary.files, "files"),
        ("overview", "", "companies", summary.readable, "companies"),
        ("overview", "", "full_year_companies", full, "companies"),
        ("overview", "", "part_year_companies", summary.part_year, "companies"),
        ("overview", "", "unreadable_files", len(summary.unreadable), "files"),
        ("overview", "", "incomplete_years", summary.incomplete, "companies"),
    ]
    add("overview", "", "scope1_t", _csv_number(summary.scope1_t), t, full)
    add("overview", "", "scope2_adjusted_t", _csv_number(summary.scope2_adjusted_t), t, full)
    add("overview", "", "total_adjusted_t", _csv_number(summary.total_t), t, full)
    add("overview", "", "energy_gj", _csv_number(summary.energy_gj), "GJ", full)
    years = summary.fiscal_years
    if years is not None:
        rows.append(("overview", "", "fiscal_year_first", years[0], "FY"))
        rows.append(("overview", "", "fiscal_year_last", years[1], "FY"))
    for industry, group in sorted(summary.by_industry.items()):
        n = group.companies
        rows.append(("industry", industry, "companies", n, "companies"))
        rows.append(("industry", industry, "part_year_companies", group.part_year, "companies"))
        add("industry", industry, "total_adjusted_t", _csv_number(group.total_t), t, n)
        median_value = _csv_number(group.median_intensity)
        add("industry", industry, "median_intensity", median_value, per, len(group.intensities))
    for code, t_co2 in sorted(summary.by_energy.items(), key=lambda item: -item[1]):
        add("energy", code, "t_co2", _csv_number(t_co2), t, summary.energy_companies.get(code, 0))
    n_intensity = len(summary.intensities)
    for name, value in summary.intensity_quantiles().items():
        add("intensity", name, "intensity", _csv_number(value), per, n_intensity)
    for label, count in summary.intensity_bands():
        rows.append(("intensity_band", label, "companies", count, "companies"))
    progress = summary.progress
    n_progress = int(progress["companies"] or 0)
    rows.append(("progress", "", "companies", n_progress, "companies"))
    rows.append(("progress", "", "companies_on_path", progress["on_path"], "companies"))
    for metric in ("base_t", "latest_t", "path_t"):
        value = progress[metric]
        add("progress", "", metric, _csv_number(value), t, n_progress)  # type: ignore[arg-type]
    for metric in ("change_pct", "path_change_pct"):
        value = progress[metric]
        add("progress", "", metric, _csv_number(value), "%", n_progress)  # type: ignore[arg-type]
    rows += [
        ("plan", "", "companies_with_plan", summary.with_plan, "companies"),
        ("plan", "", "share_with_plan_pct", _csv_number(summary.share_with_plan_pct), "%"),
    ]
    add("plan", "", "plan_reduction_t", _csv_number(summary.plan_reduction_t), "t-CO2/yr",
        summary.with_plan_figure)  # fmt: skip
    rows.append(("target", "", "companies_with_target", summary.with_target, "companies"))
    add("target", "", "target_reduction_t", _csv_number(summary.target_reduction_t), t,
        summary.with_target)  # fmt: skip
    rows.append(("target", "", "companies_with_target_only", summary.with_target_only,
                 "companies"))  # fmt: skip
    add("target", "", "target_only_reduction_t", _csv_number(summary.target_only_reduction_t),
        t, summary.with_target_only)  # fmt: skip
    for line in summary.companies:
        name = summary.company_name(line, lang, anonymise)
        industry = summary.industry_shown(line, anonymise)
        rows += [
            ("company", name, "industry", industry if industry is not None else "",
             "" if industry is not None else "suppressed"),
            ("company", name, "fiscal_year", line.fiscal_year, "FY"),
            ("company", name, "part_year", "true" if line.part_year else "false", ""),
            ("company", name, "months_with_data", line.months_with_data, "months"),
            ("company", name, "complete", "true" if line.complete else "false", ""),
        ]  # fmt: skip
        # One company's own t-CO2 and intensity: suppressed when anonymised (a cell of 1).
        add("company", name, "total_adjusted_t", _csv_number(line.total_t), t, 1)
        add("company", name, "intensity", _csv_number(line.intensity), per, 1)
        rows += [
            ("company", name, "pcaf_score", _csv_number(line.pcaf_score), ""),
            ("company", name, "pcaf_option", line.pcaf_option, ""),
            ("company", name, "share_estimated_pct", _csv_number(line.share_estimated_pct), "%"),
            ("company", name, "base_year", _csv_number(line.base_year), "FY"),
        ]  # fmt: skip
        add("company", name, "base_total_adjusted_t", _csv_number(line.base_total_t), t, 1)
        rows.append(("company", name, "change_pct", _csv_number(line.change_pct), "%"))
        add("company", name, "city_path_t", _csv_number(line.path_t), t, 1)
        on_path = line.on_path
        rows.append(
            ("company", name, "on_city_path", "" if on_path is None else str(on_path).lower(), "")
        )
        add("company", name, "plan_reduction_t", _csv_number(line.plan_reduction_t), "t-CO2/yr", 1)
        add("company", name, "target_reduction_t", _csv_number(line.target_reduction_t), t, 1)
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
