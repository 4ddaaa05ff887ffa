"""The JSON of a reply (``ecocheck-customer-answer`` version 1, docs/customer-answer.schema.json).

A buyer imports it into its Scope 3 category 1. The product entries use the field names of the
PACT Pathfinder data model (v2) where they fit (``declaredUnit``, ``unitaryProductAmount``,
``pCfExcludingBiogenic``, ``referencePeriodStart``/``End``, ``dqi`` …) but they are NOT product
carbon footprints in the ISO 14067 sense: they are the supplier's Scope 1 and 2 allocated to a
unit of output (gate to gate, no purchased materials, no upstream fuel). ``isIso14067`` says so
in every entry; ``pcfScope`` names what is covered.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from ecocheck_desktop import __version__
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.report.answer_facts import AnswerFacts

FORMAT = "ecocheck-customer-answer"
FORMAT_VERSION = 1
# Our units to PACT's declaredUnit and how many declared units one of ours holds.
_DECLARED = {
    "t": ("kilogram", Decimal(1000)),
    "kg": ("kilogram", Decimal(1)),
    "m²": ("square meter", Decimal(1)),
    "m2": ("square meter", Decimal(1)),
    "m³": ("cubic meter", Decimal(1)),
    "m3": ("cubic meter", Decimal(1)),
    "L": ("liter", Decimal(1)),
    "kWh": ("kilowatt hour", Decimal(1)),
}
_NAMESPACE = uuid.UUID("6f1d3c5e-2a4b-4c8d-9e0f-ec0c00000021")


def _text(value: Decimal | None) -> str | None:
    """Decimals as exact strings (PACT's convention), without exponent."""
    return None if value is None else format(value.normalize(), "f")


def _instant(day: date) -> str:
    return datetime.combine(day, time(), UTC).isoformat().replace("+00:00", "Z")


def answer_document(
    project: Project, facts: AnswerFacts, *, today: date | None = None
) -> dict[str, Any]:
    a, c = facts.allocation, facts.customer
    start = _instant(facts.period_start)
    end = _instant(facts.period_end + timedelta(days=1))  # exclusive, as PACT
    made = today or date.today()
    products = []
    for p in facts.products:
        declared, per_ours = _DECLARED.get(p.unit, ("piece" if p.unit == "個" else p.unit, None))
        per_unit = p.kg_per_unit_total_adjusted
        per_declared = None
        if per_unit is not None:
            per_declared = per_unit / per_ours if per_ours else per_unit
        products.append(
            {
                "id": str(
                    uuid.uuid5(_NAMESPACE, f"{project.company.name}/{p.product}/{a.fiscal_year}")
                ),
                "productNameCompany": p.product,
                "declaredUnit": declared,
                "unitaryProductAmount": "1",
                "ecocheckUnit": p.unit,
                "pCfExcludingBiogenic": _text(per_declared),
                "fossilGhgEmissions": _text(per_declared),
                "kgCo2PerEcocheckUnit": {
                    "scope1": _text(p.kg_per_unit_scope1),
                    "scope2MarketBased": _text(p.kg_per_unit_scope2_adjusted),
                    "scope2LocationBased": _text(p.kg_per_unit_scope2_location),
                },
                "referencePeriodStart": start,
                "referencePeriodEnd": end,
                "crossSectoralStandardsUsed": ["GHG Protocol Corporate Standard"],
                "allocationRulesDescription": a.method,
                "boundaryProcessesDescription": (
                    "Supplier's Scope 1 and Scope 2 (market-based, SHK adjusted factors) allocated"
                    " to one unit of output; gate to gate; no purchased materials or transport"
                ),
                "isIso14067": False,
                "pcfScope": "corporate_scope1_2_allocation",
                "dqi": {
                    "coveragePercent": 100,
                    "flags": list(a.flags),
                },
            }
        )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created": _instant(made),
        "companyName": project.company.name,
        "customer": {
            "name": c.customer,
            "supplierCode": c.supplier_code,
            "isRemainder": c.other,
        },
        "fiscalYear": a.fiscal_year,
        "referencePeriodStart": start,
        "referencePeriodEnd": end,
        "allocationMethod": a.method,
        "isIso14067": False,
        "notIso14067Note": (
            "Corporate-level allocation of the supplier's Scope 1 and 2, not a cradle-to-gate"
            " product carbon footprint (ISO 14067)"
        ),
        "company": {
            "tCo2Scope1": _text(a.t_co2_scope1),
            "tCo2Scope2MarketBased": _text(a.t_co2_scope2_adjusted),
            "tCo2Scope2LocationBased": _text(a.t_co2_scope2_location),
        },
        "allocated": {
            "share": _text(c.share),
            "tCo2Scope1": _text(c.t_co2_scope1),
            "tCo2Scope2MarketBased": _text(c.t_co2_scope2_adjusted),
            "tCo2Scope2LocationBased": _text(c.t_co2_scope2_location),
            "salesYen": _text(c.sales_yen),
            "delivered": {name: _text(q) for name, q in c.quantities.items()},
        },
        "productFootprints": products,
        "factorEditions": list(a.factor_editions),
        "dataQualityFlags": list(a.flags),
        "targets": [
            {
                "kind": t.kind,
                "baseYear": t.base_year,
                "targetYear": t.target_year,
                "reductionPercent": _text(t.reduction_pct),
                "perYear": t.kind == "sbt_linear",  # % of the base year every year
                "basis": t.basis,
            }
            for t in project.targets
        ],
        "plannedReductionTCo2PerYear": (
            None if facts.plan is None else _text(facts.plan.t_co2_per_year)
        ),
    }
