"""The words of the report's デマンド section (report/sections/demand.py), Japanese and English."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ecocheck_desktop.text.numbers import fmt
from ecocheck_desktop.text.tables import load

if TYPE_CHECKING:
    from ecocheck_desktop.core.measure_results import MeasureResult

# {key: (ja, en)} from resources/text/report_demand.json
DEMAND_TEXTS: dict[str, tuple[str, str]] = load("report_demand")


def demand_text(key: str, lang: str, **params: object) -> str:
    ja, en = DEMAND_TEXTS[key]
    return (ja if lang == "ja" else en).format(**params)


def demand_measure_text(result: MeasureResult, lang: str) -> str | None:
    """How DM-01 or DM-02 is computed from the company's own numbers (None for other measures
    and for a measure without numbers)."""
    d, m = result.details, result.measure.id
    if m not in ("DM-01", "DM-02") or not result.quantified or not d:
        return None
    if m == "DM-01":
        price = d.get("base_charge_yen_per_kw_month")
        text = demand_text(
            "dm01",
            lang,
            contract=fmt(d["contract_kw_12m"], 0),
            target=fmt(d["target_kw"], 0),
            cut=fmt(d["kw_cut"], 0),
            price=(
                demand_text("dm01_price", lang, price=fmt(price, 2))
                if price is not None
                else demand_text("dm01_prices", lang)
            ),
            yen=fmt(result.yen_per_year, 0),
        )
    else:
        full = Decimal(d["kw_cut"]) * Decimal(d["hours"])
        overlap = result.saving_kwh < full
        text = demand_text(
            "dm02_overlap" if overlap else "dm02",
            lang,
            base=fmt(d["base_load_kw"], 1),
            kw=fmt(d["kw_cut"], 1),
            full=fmt(full, 0),
            kwh=fmt(result.saving_kwh, 0),
            t=fmt(result.t_co2_per_year, 2),
            yen=fmt(result.yen_per_year, 0),
        )
    payback = "-" if result.payback_years is None else fmt(result.payback_years, 1)
    capex = demand_text(
        "dm_capex",
        lang,
        low=fmt(result.capex_low / 10000, 0),
        high=fmt(result.capex_high / 10000, 0),
        low_yen=fmt(result.capex_low, 0),
        high_yen=fmt(result.capex_high, 0),
        meters=d.get("meters", 1),
        payback=payback,
    )
    return f"{text} {capex}" if lang == "en" else text + capex
