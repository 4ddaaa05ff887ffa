"""The lender's fields of the companion file (schema version 2, docs/lender-file.md).

``ecocheck report X -o lender.json`` (or ``.csv``) is the companion (report/companion.py) with,
per fiscal year, what a bank needs to take the figures into a sustainability-linked loan or
its PCAF financed-emissions book: the reporting period, data quality and the PCAF score
(core.data_quality), the verification status, the factor editions' sources, and the two
reductions under their own names (``target_reduction_t``: what the first target asks for;
``plan_reduction_t``: what the reduction plan's measures cut per year).
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.data_quality import assess_year
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.exchange.cells import json_number

if TYPE_CHECKING:
    from ecocheck_desktop.core.model import Project
    from ecocheck_desktop.core.results import YearResult

# Appended to the companion's FIELDS in this order (schema version 2).
LENDER_FIELDS: tuple[str, ...] = (
    "period_start",
    "period_end",
    "months_with_data",
    "months_expected",
    "part_year",
    "sites",
    "sites_with_data",
    "energies_with_data",
    "share_estimated_pct",
    "share_default_factor_pct",
    "share_user_factor_pct",
    "pcaf_score",
    "pcaf_option",
    "verification",
    "verifier",
    "factor_sources",
    "target_reduction_t",
    "plan_reduction_t",
)


def period(fiscal_year: int, start_month: int) -> tuple[str, str]:
    """(first day, last day) of the business year as ISO dates (April-March: the SHK 年度)."""
    months = months_of_fiscal_year(fiscal_year, start_month)
    first_year, first_month = int(months[0][:4]), int(months[0][5:])
    last_year, last_month = int(months[-1][:4]), int(months[-1][5:])
    last_day = calendar.monthrange(last_year, last_month)[1]
    return (
        date(first_year, first_month, 1).isoformat(),
        date(last_year, last_month, last_day).isoformat(),
    )


def factor_sources(year: YearResult) -> list[dict[str, str]]:
    """One entry per factor edition the year used: its id, title and source address."""
    found: dict[str, dict[str, str]] = {}
    for use in year.factors_used:
        if use.edition_id and use.edition_id not in found:
            found[use.edition_id] = {
                "edition_id": use.edition_id,
                "title": use.edition_title,
                "url": use.source_url,
            }
    missing = [edition for edition in year.factor_editions if edition not in found]
    if missing:
        library = default_library()
        for edition_id in missing:
            title = url = ""
            try:
                edition = library.edition(edition_id)
                title, url = edition.title, edition.source_url
            except EcoCheckError:
                pass  # an edition the installed library no longer has: the id alone
            found[edition_id] = {"edition_id": edition_id, "title": title, "url": url}
    return list(found.values())


def lender_fields(
    project: Project,
    year: YearResult,
    target_reduction: Decimal | None,
    plan_reduction: Decimal | None,
) -> dict[str, Any]:
    """The lender's fields of one year, keys in :data:`LENDER_FIELDS` order."""
    quality = assess_year(project, year)
    start, end = period(year.fiscal_year, project.company.fy_start_month)
    return {
        "period_start": start,
        "period_end": end,
        "months_with_data": quality.months_with_data,
        "months_expected": quality.months_expected,
        "part_year": quality.part_year,
        "sites": list(quality.sites),
        "sites_with_data": list(quality.sites_with_data),
        "energies_with_data": list(quality.energies_with_data),
        "share_estimated_pct": json_number(quality.share_estimated_pct),
        "share_default_factor_pct": json_number(quality.share_default_factor_pct),
        "share_user_factor_pct": json_number(quality.share_user_factor_pct),
        "pcaf_score": quality.pcaf_score,
        "pcaf_option": quality.pcaf_option,
        "verification": quality.verification,
        "verifier": quality.verifier,
        "factor_sources": factor_sources(year),
        "target_reduction_t": json_number(target_reduction),
        "plan_reduction_t": json_number(plan_reduction),
    }


def company_info(project: Project) -> dict[str, Any]:
    """The top-level ``company_info`` object of the JSON (``company`` is the name)."""
    company = project.company
    return {
        "name": company.name,
        "name_kana": company.name_kana,
        "industry": company.industry,
        "city": company.city,
        "fy_start_month": company.fy_start_month,
        "representative_name": company.representative_name,
        "representative_title": company.representative_title,
        "verification": company.verification,
        "verifier": company.verifier,
        "lender_name": company.lender_name,
    }
