"""Shared helpers of the issue-15 rule tests: the published figures and small project builders."""

from __future__ import annotations

import decimal
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.model import Company, EnergyRecord, Project, Site, SupplyContract

D = Decimal
FIGURES: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "issue15_rules.json").read_text(encoding="utf-8")
)


def fig(group: str, key: str) -> Decimal:
    return Decimal(FIGURES[group][key])


def chain(gj: Decimal, tc: Decimal) -> Decimal:
    """単位発熱量 × 炭素排出係数 × 44/12 (divided last)."""
    return gj * tc * 44 / Decimal(12)


def nm3_factor() -> Decimal:
    e = FIGURES["standard_environment"]
    with decimal.localcontext(decimal.Context(prec=60)):
        return (D(e["table_temperature_k"]) / D(e["normal_temperature_k"])) * (
            D(e["normal_pressure_kpa"]) / D(e["table_pressure_kpa"])
        )


def year_records(
    fiscal_year: int,
    energy: str,
    quantity: str,
    unit: str,
    *,
    start: int = 4,
    site: str = "",
    skip: tuple[int, ...] = (),
    **extra: Any,
) -> list[EnergyRecord]:
    """One record per month of a fiscal year (months by index in ``skip`` left out)."""
    return [
        EnergyRecord(month, energy, D(quantity), unit, site=site, **extra)
        for index, month in enumerate(months_of_fiscal_year(fiscal_year, start))
        if index not in skip
    ]


def project(
    records: list[EnergyRecord],
    *,
    start: int = 4,
    contracts: tuple[SupplyContract, ...] = (),
    sites: tuple[str, ...] = ("本社工場",),
    **extra: Any,
) -> Project:
    return Project(
        company=Company("規則テスト製作所", fy_start_month=start),
        sites=[Site(name) for name in sites],
        contracts=list(contracts),
        records=list(records),
        **extra,
    )


def close(value: Decimal | None, expected: Decimal, places: int = 20) -> bool:
    """Equal to ``places`` decimals: the app divides 44/12 and Nm3 ratios to 40 digits."""
    assert value is not None
    return abs(value - expected) < Decimal(1).scaleb(-places)
