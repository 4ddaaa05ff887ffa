"""The words of the report's デマンド section (report/sections/demand.py), Japanese and English."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ecocheck_desktop.text.numbers import fmt

if TYPE_CHECKING:
    from ecocheck_desktop.core.measure_results import MeasureResult

DEMAND_TEXTS: dict[str, tuple[str, str]] = {
    "title": ("デマンド（30分データ）", "Demand (30-minute data)"),
    "intro": (
        "メーター「{meter}」の {first}〜{last}（{days} 日分、欠測の30分区間 {missing} 個）の"
        "30分データから求めました。",
        "From the 30-minute data of the meter '{meter}', {first} to {last} ({days} days, {missing}"
        " half-hours without a reading).",
    ),
    "base": (
        "ベースロード（夜間 22:00〜6:00 と土日の30分デマンドの5パーセンタイル）は {kw} kW で、"
        "使用電力量の {pct}% にあたります。",
        "The base load (the 5th percentile of the half-hour demand at night, 22:00-6:00, and at"
        " weekends) is {kw} kW, {pct}% of the kWh.",
    ),
    "contract": (
        "過去12か月の最大デマンドは {kw} kW で、これが高圧契約の契約電力を決めます。",
        "The highest half-hour demand of the last 12 months is {kw} kW: it sets the contract kW"
        " of a high-voltage contract.",
    ),
    "peak_saving": (
        "上位10日のピークを11番目の日の水準 {target} kW に抑えると、契約電力が {cut} kW 下がり、"
        "基本料金（{price} 円/kW・月）が年 {yen} 円下がります。",
        "Holding the 10 highest daily peaks to the 11th day's {target} kW lowers the contract kW by"
        " {cut} kW and the base charge ({price} yen/kW per month) by {yen} yen a year.",
    ),
    "base_saving": (
        "ベースロードの20%（{kw} kW）を止めると、年 {kwh} kWh・{yen} 円の削減になります。",
        "Stopping 20% of the base load ({kw} kW) saves {kwh} kWh and {yen} yen a year.",
    ),
    "chart_profile": ("典型的な1日（平均 kW）", "Typical day (mean kW)"),
    "chart_peaks": ("月別の最大デマンド（kW）", "Peak demand per month (kW)"),
    "weekdays": ("平日", "Weekdays"),
    "weekends": ("土日", "Weekends"),
    "contract_line": ("12か月の最大", "12-month maximum"),
    "col.at": ("日時", "Date and time"),
    "col.kw": ("デマンド（kW）", "Demand (kW)"),
    "col.month": ("月", "Month"),
    "col.peak": ("最大デマンド（kW）", "Peak (kW)"),
    "col.kwh": ("使用電力量（kWh）", "Energy (kWh)"),
    "top": ("上位10ピーク（1日1件）", "The 10 highest peaks (one a day)"),
    "source": ("基本料金単価の出典：{source}", "Base charge unit price: {source}"),
    "source_meter": ("メーターに入力された単価", "the unit price entered for the meter"),
    "meter": ("メーター「{meter}」", "Meter '{meter}'"),
    "yen_only": ("0（円のみ）", "0 (yen only)"),
    "base_saving_co2": (
        "ベースロードの20%（{kw} kW）を止めると、年 {kwh} kWh・{t} t-CO2・{yen} 円の"
        "削減になります。",
        "Stopping 20% of the base load ({kw} kW) saves {kwh} kWh, {t} t-CO2 and {yen} yen a year.",
    ),
    "no_peak": (
        "上位のピークを抑えても契約電力は下がりません（データが11日分に満たないか、ピークが同じ水準）。",
        "Holding the peaks down would not lower the contract kW (fewer than 11 days of data, or"
        " peaks at one level).",
    ),
    # The measures (report 削減対策, the 対策 page, ecocheck measures): from the company's numbers.
    "dm01": (
        "DM-01：12か月の最大 {contract} kW を {target} kW に抑え、{cut} kW × {price} × 12か月 = "
        "年 {yen} 円。電力量は移動するだけで減らないため、削減は円だけで CO2 は減りません。",
        "DM-01: the 12-month maximum {contract} kW held to {target} kW, {cut} kW x {price} x 12"
        " months = {yen} yen a year. The energy is moved, not saved: yen only, no CO2.",
    ),
    "dm01_price": ("{price} 円/kW・月", "{price} yen/kW per month"),
    "dm01_prices": ("各メーターの基本料金単価", "each meter's base charge"),
    "dm02": (
        "DM-02：ベースロード {base} kW の20%（{kw} kW）× 8,760 時間 = 年 {kwh} kWh、{t} t-CO2、"
        "{yen} 円。",
        "DM-02: 20% of the {base} kW base load ({kw} kW) x 8,760 h = {kwh} kWh, {t} t-CO2 and"
        " {yen} yen a year.",
    ),
    "dm02_overlap": (
        "DM-02：ベースロード {base} kW の20%（{kw} kW）× 8,760 時間 = 年 {full} kWh。"
        "計画では上の対策との重複を除いて年 {kwh} kWh、{t} t-CO2、{yen} 円。",
        "DM-02: 20% of the {base} kW base load ({kw} kW) x 8,760 h = {full} kWh a year; in the"
        " plan, after the overlap with the measures above, {kwh} kWh, {t} t-CO2 and {yen} yen.",
    ),
    "dm_capex": (
        "設置費用 {low}〜{high} 万円（メーター {meters} か所）は EcoCheck の推計です"
        "（一次資料なし）。回収 {payback} 年。",
        "Capex {low_yen}-{high_yen} yen (meters: {meters}) is an EcoCheck estimate (no primary"
        " source). Payback {payback} years.",
    ),
}


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
