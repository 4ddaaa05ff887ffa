"""The rules for the company's bank-pack fields (issue 18), one place for every entry path.

``Company.verification`` is one of :data:`~ecocheck_desktop.core.model.VERIFICATION_STATES`;
a third-party verification names its verifier; the base-year recalculation threshold is a
percentage above 0 and at most 100; the lender's sector benchmark is 0-100 %/yr. The GUI
(ProjectService.set_company) and the JSON import (exchange.json_io) refuse what breaks them
with these messages, located by the field.
"""

from __future__ import annotations

from decimal import Decimal

from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.core.model import VERIFICATION_STATES, Company

HUNDRED = Decimal(100)


def bank_problems(company: Company) -> list[Message]:
    problems: list[Message] = []
    if company.verification not in VERIFICATION_STATES:
        problems.append(
            Message(
                "company.bad_verification",
                {"value": company.verification[:40], "known": ", ".join(VERIFICATION_STATES)},
                {"field": "verification"},
            )
        )
    elif company.verification == "third_party" and not company.verifier.strip():
        problems.append(Message("company.verifier_missing", {}, {"field": "verifier"}))
    threshold = company.recalc_threshold_pct
    if threshold is not None and not 0 < threshold <= HUNDRED:
        problems.append(
            Message(
                "company.bad_recalc_threshold",
                {"value": threshold},
                {"field": "recalc_threshold_pct"},
            )
        )
    benchmark = company.sector_benchmark_pct_per_year
    if benchmark is not None and not 0 <= benchmark <= HUNDRED:
        problems.append(
            Message(
                "company.bad_sector_benchmark",
                {"value": benchmark},
                {"field": "sector_benchmark_pct_per_year"},
            )
        )
    return problems
