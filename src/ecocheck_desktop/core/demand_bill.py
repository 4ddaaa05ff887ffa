"""The interval data against the bills, and the default unit prices of the demand analysis.

:func:`bill_check` compares each month's kWh from the interval data with the electricity kWh
the project's bills record for that month (the meter's site only when the meter names one) and
says the difference. :func:`tariff_defaults` reads ``resources/demand/tariff_defaults.json``
(the base charge and energy unit prices with their source), used when the meter has none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from ecocheck_desktop.core.energy import to_table_unit
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import EnergyRecord
from ecocheck_desktop.resources import resource_path


@dataclass(frozen=True)
class TariffDefaults:
    base_charge_yen_per_kw_month: Decimal
    energy_yen_per_kwh: Decimal
    source_ja: str
    source_en: str


@cache
def tariff_defaults() -> TariffDefaults:
    data = json.loads(resource_path("demand", "tariff_defaults.json").read_text("utf-8"))
    return TariffDefaults(
        Decimal(data["base_charge_yen_per_kw_month"]),
        Decimal(data["energy_yen_per_kwh"]),
        data["source_ja"],
        data["source_en"],
    )


@dataclass(frozen=True)
class BillComparison:
    month: str
    interval_kwh: Decimal
    bill_kwh: Decimal
    diff_pct: Decimal  # (interval - bill) / bill x 100, to 0.1


def bill_kwh_by_month(records: list[EnergyRecord], site: str = "") -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for record in records:
        if record.energy != "electricity" or (site and record.site != site):
            continue
        try:
            kwh = to_table_unit("electricity", record.quantity, record.unit)
        except EcoCheckError:
            continue
        totals[record.month] = totals.get(record.month, Decimal(0)) + kwh
    return totals


def bill_check(
    monthly_kwh: dict[str, Decimal], records: list[EnergyRecord], site: str = ""
) -> list[BillComparison]:
    """The months that both the interval data and the bills cover, with their difference."""
    bills = bill_kwh_by_month(records, site)
    out = []
    for month in sorted(set(monthly_kwh) & set(bills)):
        bill = bills[month]
        if not bill:
            continue
        diff = ((monthly_kwh[month] - bill) * 100 / bill).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        out.append(BillComparison(month, monthly_kwh[month], bill, diff))
    return out


def bill_messages(comparisons: list[BillComparison]) -> list[Message]:
    return [
        Message(
            "demand.bill_check",
            {
                "month": c.month,
                "interval_kwh": str(c.interval_kwh.quantize(Decimal(1), rounding=ROUND_HALF_UP)),
                "bill_kwh": str(c.bill_kwh.quantize(Decimal(1), rounding=ROUND_HALF_UP)),
                "diff_pct": f"{c.diff_pct:+}",
            },
        )
        for c in comparisons
    ]
