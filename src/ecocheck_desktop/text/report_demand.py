"""The words of the report's デマンド section (report/sections/demand.py), Japanese and English."""

from __future__ import annotations

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
}


def demand_text(key: str, lang: str, **params: object) -> str:
    ja, en = DEMAND_TEXTS[key]
    return (ja if lang == "ja" else en).format(**params)
