"""The optional company columns of the bill import: industry and revenue (issue 18).

A bill table may carry two more columns, read by :func:`exchange.bills.read_bills`:

- ``industry`` (業種): the company's JSIC industry, e.g. ``E24 金属製品製造業``. The same on
  every row where it is filled; a row with another value is refused, naming its cell.
- ``revenue_million_yen`` (売上高, in 百万円): the revenue of the fiscal year (April start, as
  a new project from bills has) of the row's month. The same on every row of one year; a value
  that is not a number, is negative, or differs within a year is refused, naming its cell.

Blank cells say nothing. The values go to ``Company.industry`` and
``FiscalYearData.revenue_million_yen`` of the project made from the bills (the CLI), and, in
the GUI's import into an open project, fill what the project lacks; a value that differs from
the project's is replaced only when the user says so (:func:`company_changes`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import DEFAULT_FY_START_MONTH, Company, FiscalYearData, Project
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.exchange.sheets import as_text, is_blank

# key -> Japanese alias, plus other spellings (header matching folds a trailing "(百万円)").
COMPANY_COLUMNS: dict[str, str] = {"industry": "業種", "revenue_million_yen": "売上高"}
COMPANY_ALIASES: dict[str, str] = {
    "jsic": "industry",
    "産業分類": "industry",
    "業種名": "industry",
    "revenue": "revenue_million_yen",
    "売上": "revenue_million_yen",
    "売上高_百万円": "revenue_million_yen",
}
MAX_REVENUE_MILLION_YEN = Decimal(10) ** 9  # 1,000兆円: a value beyond is a unit mistake


def parse_revenue(value: Any) -> Decimal:
    """A non-negative amount in 百万円 (commas and full-width digits allowed)."""
    try:
        number = parse_quantity(value)
    except EcoCheckError:
        raise EcoCheckError(Message("bills.revenue_invalid", {"value": as_text(value)})) from None
    if number < 0 or number > MAX_REVENUE_MILLION_YEN:
        raise EcoCheckError(Message("bills.revenue_invalid", {"value": as_text(value)}))
    return number


@dataclass
class CompanyCells:
    """The industry and revenue found so far, and the first row of each."""

    industry: str = ""
    industry_row: int = 0
    revenue: dict[int, Decimal] = field(default_factory=dict)
    revenue_rows: dict[int, int] = field(default_factory=dict)

    def read_row(
        self,
        cell: Callable[[str], Any],
        where: Callable[[str], dict[str, Any]],
        row_number: int,
        month: str | None,
        header: Callable[[str], str],
    ) -> list[Message]:
        """Read one row's company cells; the problems name the cell."""
        problems: list[Message] = []
        value = cell("industry")
        if not is_blank(value):
            text = as_text(value).strip()
            problem = limits.text_problem(
                text, header("industry"), limits.text_limit("Company", "industry")
            )
            if problem is not None:
                problems.append(Message(problem.code, problem.params, where("industry")))
            elif not self.industry:
                self.industry, self.industry_row = text, row_number
            elif text != self.industry:
                params = {"value": text, "first": self.industry, "first_row": self.industry_row}
                problems.append(Message("bills.industry_conflict", params, where("industry")))
        value = cell("revenue_million_yen")
        if not is_blank(value):
            try:
                revenue = parse_revenue(value)
            except EcoCheckError as error:
                problems.extend(
                    Message(m.code, m.params, where("revenue_million_yen")) for m in error.messages
                )
                return problems
            if month is None:
                return problems  # the month cell is bad (reported there): no year to hold it
            year = fiscal_year_of(month, DEFAULT_FY_START_MONTH)
            first = self.revenue.get(year)
            if first is None:
                self.revenue[year], self.revenue_rows[year] = revenue, row_number
            elif revenue != first:
                params = {
                    "value": as_text(value),
                    "first": f"{first:f}",
                    "first_row": self.revenue_rows[year],
                    "fiscal_year": year,
                }
                problems.append(
                    Message("bills.revenue_conflict", params, where("revenue_million_yen"))
                )
        return problems


@dataclass(frozen=True)
class CompanyChange:
    """One company value a bill file brings to an existing project (the GUI's import).

    ``fiscal_year`` is None for the industry; ``old`` is the project's value (None or "" when
    it has none: the file's value fills it, no question asked)."""

    field: str  # "industry" | "revenue_million_yen"
    fiscal_year: int | None
    old: str | Decimal | None
    new: str | Decimal

    @property
    def overwrites(self) -> bool:
        return self.old not in (None, "")


def company_changes(
    project: Project, industry: str, revenue_million_yen: dict[int, Decimal]
) -> list[CompanyChange]:
    """What importing a bill file's industry and revenue into ``project`` would change.

    The CLI's ``ecocheck import`` makes a new project and takes both as they are; into an
    existing project the same values go, a value equal to the project's is no change, and a
    different one (:attr:`CompanyChange.overwrites`) is the user's choice to make."""
    changes: list[CompanyChange] = []
    if industry and industry != project.company.industry:
        changes.append(CompanyChange("industry", None, project.company.industry, industry))
    for year, revenue in sorted(revenue_million_yen.items()):
        data = project.fiscal_years.get(year)
        old = data.revenue_million_yen if data is not None else None
        if old is None or old != revenue:
            changes.append(CompanyChange("revenue_million_yen", year, old, revenue))
    return changes


def apply_company_changes(
    project: Project, changes: list[CompanyChange]
) -> tuple[Company | None, list[FiscalYearData]]:
    """The company (None when unchanged) and the fiscal years that hold ``changes``."""
    company = None
    years: list[FiscalYearData] = []
    for change in changes:
        if change.field == "industry":
            company = replace(project.company, industry=str(change.new))
        else:
            assert change.fiscal_year is not None
            data = project.fiscal_years.get(change.fiscal_year)
            base = data if data is not None else FiscalYearData(year=change.fiscal_year)
            years.append(replace(base, revenue_million_yen=Decimal(change.new)))
    return company, years
