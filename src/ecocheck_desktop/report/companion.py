"""The machine-readable companion of the report: key figures as CSV and JSON.

Owns the companion schema (docs/companion-schema.md, ``SCHEMA_VERSION``): one record per fiscal
year with the company, industry, Scope 1 and 2 on every basis, energy, intensities and the
planned reduction, for a city or a consortium to aggregate. Numbers are rounded to 6 decimals
(like ``ecocheck calc --json``) and stay numbers; CSV text cells that a spreadsheet would run as
a formula are neutralised with a leading apostrophe. Files are written atomically.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecocheck_desktop import __version__
from ecocheck_desktop.core.results import SCOPE_TOTALS
from ecocheck_desktop.exchange.cells import json_number
from ecocheck_desktop.exchange.csv_safety import neutralise  # the one CSV cell guard
from ecocheck_desktop.exchange.portfolio import plan_reduction_t, target_reduction_t
from ecocheck_desktop.report.lender import LENDER_FIELDS, company_info, lender_fields
from ecocheck_desktop.report.output import write_atomically
from ecocheck_desktop.text.messages import render

if TYPE_CHECKING:
    from ecocheck_desktop.core.messages import Message
    from ecocheck_desktop.core.model import Project
    from ecocheck_desktop.core.results import Footprint, YearResult

SCHEMA_NAME = "ecocheck-companion"
SCHEMA_VERSION = 2  # 2: the lender fields (report/lender.py, docs/lender-file.md)
_INTENSITY_KEYS = ("revenue", "production", "employee", "floor_area")

# Column order of the CSV = key order of each JSON record.
FIELDS: tuple[str, ...] = (
    "schema_version",
    "company",
    "industry",
    "city",
    "fiscal_year",
    "complete",
    *SCOPE_TOTALS,
    "energy_gj",
    "crude_oil_kl",
    "revenue_million_yen",
    "employees",
    "intensity_revenue_t_per_million_yen",
    "intensity_production_t_per_unit",
    "production_unit",
    "intensity_employee_t_per_person",
    "intensity_floor_area_t_per_m2",
    "carbon_productivity_million_yen_per_t",
    "yoy_change_pct",
    "target_kind",
    "target_base_year",
    "target_year",
    "target_reduction_pct",
    "planned_reduction_t",
    "planned_measures",
    "factor_editions",
    "app_version",
    # Extensions (issue 15): why a year is incomplete (the core's one rule) and where each
    # energy's factors came from (library / user / estimate_substitute / estimate_retailer).
    "incomplete_reasons",
    "factor_provenance",
    # Schema version 2 (issue 18): the lender's fields (report/lender.py).
    *LENDER_FIELDS,
)


def key_figures(project: Project, footprint: Footprint) -> list[dict[str, Any]]:
    """One record per fiscal year of ``footprint``, keys in :data:`FIELDS` order."""
    company = project.company
    target = project.targets[0] if project.targets else None
    planned = [m for m in project.measure_plan if m.status != "rejected"]
    reduction_t = target_reduction_t(project, footprint)
    plan_t = plan_reduction_t(project, footprint.years)
    records = []
    for year in footprint.years:
        data = project.fiscal_years.get(year.fiscal_year)
        intensity = _intensities(year)
        record: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "company": company.name,
            "industry": company.industry,
            "city": company.city,
            "fiscal_year": year.fiscal_year,
            "complete": year.complete,
            **{key: json_number(getattr(year, key)) for key in SCOPE_TOTALS},
            "energy_gj": json_number(year.energy_gj),
            "crude_oil_kl": json_number(year.crude_oil_kl),
            "revenue_million_yen": json_number(data.revenue_million_yen if data else None),
            "employees": json_number(data.employees if data else None),
            "intensity_revenue_t_per_million_yen": intensity.get("revenue"),
            "intensity_production_t_per_unit": intensity.get("production"),
            "production_unit": (data.production_unit if data else "") or "",
            "intensity_employee_t_per_person": intensity.get("employee"),
            "intensity_floor_area_t_per_m2": intensity.get("floor_area"),
            "carbon_productivity_million_yen_per_t": json_number(year.carbon_productivity),
            "yoy_change_pct": json_number(year.yoy_change_pct),
            "target_kind": target.kind if target else "",
            "target_base_year": target.base_year if target else None,
            "target_year": target.target_year if target else None,
            "target_reduction_pct": json_number(target.reduction_pct) if target else None,
            # Kept from schema version 1 with its one meaning: = target_reduction_t.
            "planned_reduction_t": json_number(reduction_t),
            "planned_measures": len(planned),
            "factor_editions": ";".join(year.factor_editions),
            "app_version": __version__,
            "incomplete_reasons": [_reason(message) for message in year.incomplete_reasons],
            "factor_provenance": {
                code: list(total.provenances) for code, total in year.by_energy.items()
            },
            **lender_fields(project, year, reduction_t, plan_t),
        }
        records.append(record)
    return records


def _reason(message: Message) -> dict[str, str]:
    return {
        "code": message.code,
        "message": render(message, "en"),
        "message_ja": render(message, "ja"),
    }


def _csv_item(item: object) -> str:
    if not isinstance(item, dict):
        return str(item)
    if "message_ja" in item:
        return str(item["message_ja"])
    return " ".join(str(part) for part in item.values() if part)  # a factor source


def _csv_cell(value: object) -> object:
    """Lists and mappings of the extension fields as one readable cell."""
    if isinstance(value, list):
        return " | ".join(_csv_item(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}:{'/'.join(map(str, items))}" for key, items in value.items())
    return value


def _intensities(year: YearResult) -> dict[str, float | int | None]:
    return {i.key: json_number(i.value) for i in year.intensities if i.key in _INTENSITY_KEYS}


def companion_csv(records: list[dict[str, Any]]) -> bytes:
    """UTF-8 with a BOM (Excel opens Japanese correctly), a header row of :data:`FIELDS`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for record in records:
        row = []
        for name in FIELDS:
            value = record.get(name)
            if value is None:
                row.append("")
            elif isinstance(value, bool):
                row.append("true" if value else "false")
            else:
                row.append(neutralise(_csv_cell(value)))
        writer.writerow(row)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def companion_json(records: list[dict[str, Any]], project: Project | None = None) -> bytes:
    """The JSON document: ``years`` (one object per fiscal year) and, for readers of schema
    version 1, the same objects as ``records``; ``company`` is the company's name."""
    document: dict[str, Any] = {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "generator": f"EcoCheck Desktop {__version__}",
        "company": project.company.name if project else (records[0]["company"] if records else ""),
        "company_info": company_info(project) if project else None,
        "years": records,
        "records": records,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_companion_csv(project: Project, footprint: Footprint, path: Path) -> None:
    write_atomically(Path(path), companion_csv(key_figures(project, footprint)))


def write_companion_json(project: Project, footprint: Footprint, path: Path) -> None:
    write_atomically(Path(path), companion_json(key_figures(project, footprint), project))
