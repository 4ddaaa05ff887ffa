"""The figures and sentences of one customer's reply pack, shared by the PDF, the .xlsx and the
JSON so that the three cannot disagree (issue 21)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ecocheck_desktop.core.allocation import Allocation, CustomerAllocation, ProductIntensity
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.measures import evaluate_latest
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.core.results import YearResult
from ecocheck_desktop.text.answer import words
from ecocheck_desktop.text.numbers import fmt, fmt_t
from ecocheck_desktop.text.report import fiscal_year_label, text

PLACES_SHARE = 2  # percent
PLACES_KG = 2  # kg-CO2 per unit


@dataclass(frozen=True)
class Plan:
    t_co2_per_year: Decimal
    reduction_pct: Decimal | None


@dataclass(frozen=True)
class AnswerFacts:
    """Everything one reply says, in one language."""

    lang: str
    company: str
    customer: CustomerAllocation
    allocation: Allocation
    period_start: date
    period_end: date  # the last day of the fiscal year
    rows: list[tuple[str, str, str]]  # (section, item, answer) in questionnaire order
    products: list[ProductIntensity]  # the products this customer takes (all when unknown)
    plan: Plan | None
    targets: list[str]
    representative: str
    title: str


def reply_period(project: Project, fiscal_year: int) -> tuple[date, date]:
    months = months_of_fiscal_year(fiscal_year, project.company.fy_start_month)
    first_year, first_month = map(int, months[0].split("-"))
    last_year, last_month = map(int, months[-1].split("-"))
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(first_year, first_month, 1), date(last_year, last_month, last_day)


def _plan(project: Project, year: YearResult) -> Plan | None:
    try:
        latest = evaluate_latest(project, [year])
    except EcoCheckError:
        return None
    if latest is None or not project.measure_plan:
        return None
    totals = latest.plan.totals
    return Plan(totals.t_co2_per_year, totals.reduction_pct)


def build_facts(
    project: Project, year: YearResult, allocation: Allocation, customer: str, lang: str
) -> AnswerFacts:
    row = allocation.customer(customer)
    start, end = reply_period(project, allocation.fiscal_year)
    fy = fiscal_year_label(allocation.fiscal_year, lang)
    t_unit = " " + words("t_unit", lang)

    def t(value: Decimal | None) -> str:
        return fmt_t(value) + t_unit if value is not None else "-"

    company_total = allocation.t_co2_scope1 + allocation.t_co2_scope2_adjusted
    taken = set(row.quantities)
    products = [p for p in allocation.products if p.product in taken] or allocation.products
    flags = allocation.flags or ("none",)
    verification = project.company.verification
    targets = [
        words(
            "target_yearly" if target.kind == "sbt_linear" else "target_value",
            lang,
            name=text(f"target.{target.kind}", lang),
            base=target.base_year,
            target=target.target_year,
            pct=fmt(target.reduction_pct, 1),
        )
        for target in project.targets
    ]
    plan = _plan(project, year)
    sep = "、" if lang == "ja" else "; "
    h_company, h_yours, h_method, h_targets = (
        words(k, lang) for k in ("h_company", "h_yours", "h_method", "h_targets")
    )
    rows = [
        (h_company, words("respondent", lang), project.company.name),
        (h_company, words("period", lang), words(
            "period_value", lang, start=start.isoformat(), end=end.isoformat(), year=fy
        )),
        (h_company, words("scope1", lang), t(allocation.t_co2_scope1)),
        (h_company, words("scope2_market", lang), t(allocation.t_co2_scope2_adjusted)),
        (h_company, words("scope2_location", lang), t(allocation.t_co2_scope2_location)),
        (h_company, words("total_market", lang), t(company_total)),
        (h_yours, words("supplier_code", lang), row.supplier_code or "-"),
        (h_yours, words("share", lang), fmt(row.share * 100, PLACES_SHARE) + " %"),
        (h_yours, words("yours_scope1", lang), t(row.t_co2_scope1)),
        (h_yours, words("yours_scope2_market", lang), t(row.t_co2_scope2_adjusted)),
        (h_yours, words("yours_scope2_location", lang), t(row.t_co2_scope2_location)),
        (h_yours, words("yours_total", lang), t(row.t_co2_total_adjusted)),
        (h_yours, words("sales", lang), fmt(row.sales_yen, 0) + " " + words("yen", lang)),
        (h_method, words("method", lang), words("method_value", lang)),
        (h_method, words("allocation", lang), words(f"allocation.{allocation.method}", lang)),
        (h_method, words("factors", lang), words(
            "factors_value", lang, editions=", ".join(allocation.factor_editions) or "-"
        )),
        (h_method, words("quality", lang), sep.join(words(f"quality.{f}", lang) for f in flags)),
        (h_method, words("verification", lang), words(
            f"verification.{verification}", lang, verifier=project.company.verifier or "-"
        )),
        (h_method, words("scope3_note", lang), words("scope3_value", lang)),
        (h_targets, words("targets", lang), sep.join(targets) or words("no_targets", lang)),
        (h_targets, words("plan", lang), words(
            "plan_value", lang, t=fmt_t(plan.t_co2_per_year),
            pct=fmt(plan.reduction_pct, 1) + " %" if plan.reduction_pct is not None else "-",
        ) if plan is not None else words("no_plan", lang)),
    ]  # fmt: skip
    if row.quantities:
        delivered = sep.join(
            f"{name} {fmt(q, 0)} {_unit(allocation, name)}" for name, q in row.quantities.items()
        )
        rows.insert(13, (h_yours, words("delivered", lang), delivered))
    return AnswerFacts(
        lang=lang,
        company=project.company.name,
        customer=row,
        allocation=allocation,
        period_start=start,
        period_end=end,
        rows=rows,
        products=products,
        plan=plan,
        targets=targets,
        representative=project.company.representative_name,
        title=project.company.representative_title,
    )


def _unit(allocation: Allocation, product: str) -> str:
    for item in allocation.products:
        if item.product == product:
            return item.unit
    return ""


def customer_label(row: CustomerAllocation, lang: str) -> str:
    """The customer's name as printed: the remainder row in the edition's language."""
    return words("other_customers", lang) if row.other else row.customer
