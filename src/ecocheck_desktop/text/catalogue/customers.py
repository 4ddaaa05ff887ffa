"""The message codes of the answers to customers' CO2 requests (core/allocation.py)."""

from __future__ import annotations

CUSTOMERS: dict[str, tuple[str, str]] = {
    "allocation.unknown_customer": (
        "販売実績の {row} 行目の取引先「{customer}」は取引先の一覧にありません。"
        "先に取引先を登録してください。",
        "Sales row {row}: the customer '{customer}' is not in the list of customers; add it first",
    ),
    "allocation.negative": (
        "販売実績の {row} 行目（取引先「{customer}」）の列 {column} が負の値 {value} です。"
        "0 以上の値を入力してください。",
        "Sales row {row} (customer '{customer}'), column {column}: {value} is negative; enter 0"
        " or more",
    ),
    "allocation.unknown_product": (
        "{row} 行目の製品「{product}」は製品の一覧にありません（取引先 {customer}）。",
        "Row {row}: the product '{product}' is not in the list of products (customer {customer})",
    ),
    "allocation.negative_output": (
        "生産量の {row} 行目（製品「{product}」）の列 {column} が負の値 {value} です。",
        "Production row {row} (product '{product}'), column {column}: {value} is negative",
    ),
    "allocation.production_month_missing": (
        "製品「{product}」の {fiscal_year} 年度の生産量は月別に入力されていますが、{month} が"
        "ありません。12 か月すべてを入力するか、年度の合計 1 行にしてください。",
        "The production of '{product}' in FY{fiscal_year} is entered by month but {month} is"
        " missing; enter all 12 months or one row for the whole year",
    ),
    "allocation.unknown_method": (
        "配分方法「{method}」は使えません（sales、physical、submeter、machine_hours のいずれか）。",
        "The allocation method '{method}' is unknown (sales, physical, submeter or machine_hours)",
    ),
    "allocation.sales_above_revenue": (
        "{fiscal_year} 年度の取引先別売上の合計 {sales} 円が、年度の売上高 {revenue} 円を"
        "超えています。売上高か販売実績を確かめてください。",
        "The sales to the listed customers in FY{fiscal_year} ({sales} yen) exceed the year's"
        " revenue ({revenue} yen); check the revenue or the sales",
    ),
    "allocation.key_zero": (
        "{fiscal_year} 年度の配分キー {key} の合計が 0 です（配分方法 {method}）。"
        "配分できないため、販売実績・生産量・子メーターの値を入力してください。",
        "The allocation key {key} sums to zero in FY{fiscal_year} (method {method}); enter the"
        " sales, production or sub-meter figures it needs",
    ),
    "allocation.units_differ": (
        "{fiscal_year} 年度の製品の単位が揃っていません（{units}）。物量で配分するには同じ単位"
        "が必要です。売上による配分を選んでください。",
        "The products of FY{fiscal_year} are counted in different units ({units}); allocation by"
        " physical output needs one unit - choose allocation by sales",
    ),
    "allocation.submeter_above_plant": (
        "{fiscal_year} 年度の子メーターの合計 {kwh} kWh が、会社全体の電気使用量 {plant_kwh}"
        " kWh を超えています。",
        "The sub-meters' {kwh} kWh in FY{fiscal_year} exceed the company's electricity use"
        " ({plant_kwh} kWh)",
    ),
    "allocation.delivered_above_output": (
        "{fiscal_year} 年度の製品「{product}」の納入量の合計 {delivered} が生産量 {produced}"
        " を超えています。",
        "The deliveries of '{product}' in FY{fiscal_year} ({delivered}) exceed its production"
        " ({produced})",
    ),
}
