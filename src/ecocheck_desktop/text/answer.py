"""The words of the reply pack to a customer's CO2 request (PDF, .xlsx; issue 21), Japanese and
English. The items follow the questions Japanese buyers and the CDP supply-chain questionnaire
for SMEs ask: period, Scope 1, Scope 2 market / location, method, factor sources, targets."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "title": ("温室効果ガス排出量のご回答", "Answer to your greenhouse gas request"),
    "subtitle": (
        "{customer} 御中 — {company} より（{year}）",
        "To {customer} — from {company} ({year})",
    ),
    "item": ("項目", "Item"),
    "value": ("回答", "Answer"),
    "h_company": ("当社の排出量（会社全体）", "Our emissions (whole company)"),
    "h_yours": ("貴社への配分", "Your share"),
    "h_units": ("製品単位あたりの排出量", "Emissions per product unit"),
    "h_method": ("算定方法と出典", "Method and sources"),
    "h_targets": ("削減目標と計画", "Reduction targets and plan"),
    "h_declaration": ("宣言", "Declaration"),
    "respondent": ("回答企業", "Respondent"),
    "supplier_code": ("貴社の仕入先コード", "Your supplier code for us"),
    "period": ("算定期間", "Reporting period"),
    "period_value": ("{start} ～ {end}（{year}）", "{start} to {end} ({year})"),
    "scope1": ("Scope1（直接排出）", "Scope 1 (direct)"),
    "scope2_market": (
        "Scope2 マーケット基準（調整後排出係数）",
        "Scope 2 market-based (SHK adjusted factors)",
    ),
    "scope2_location": (
        "Scope2 ロケーション基準（全国平均係数）",
        "Scope 2 location-based (national average factor)",
    ),
    "total_market": ("Scope1+2 合計（マーケット基準）", "Scope 1+2 total (market-based)"),
    "share": ("貴社の配分比率", "Your share of our emissions"),
    "yours_scope1": ("貴社分 Scope1", "Your part of Scope 1"),
    "yours_scope2_market": ("貴社分 Scope2 マーケット基準", "Your part of Scope 2 market-based"),
    "yours_scope2_location": (
        "貴社分 Scope2 ロケーション基準",
        "Your part of Scope 2 location-based",
    ),
    "yours_total": ("貴社分 合計（マーケット基準）", "Your part, total (market-based)"),
    "sales": ("貴社への売上高", "Our sales to you"),
    "delivered": ("貴社への納入量", "Delivered to you"),
    "product": ("製品・製品群", "Product or family"),
    "unit": ("単位", "Unit"),
    "kg_scope1": ("Scope1 kg-CO2/単位", "Scope 1 kg-CO2/unit"),
    "kg_scope2": ("Scope2 (マーケット) kg-CO2/単位", "Scope 2 (market) kg-CO2/unit"),
    "kg_total": ("合計 kg-CO2/単位", "Total kg-CO2/unit"),
    "method": ("算定方法", "Calculation method"),
    "method_value": (
        "GHGプロトコル（Scope1・2）および温対法の算定・報告・公表制度（SHK制度）の算定方法。"
        "会社全体の排出量を下記の配分方法で貴社と製品に配分しました。",
        "GHG Protocol Corporate Standard (Scope 1 and 2) with the Japanese SHK reporting rules;"
        " the company total is allocated to you and to the products by the key below.",
    ),
    "allocation": ("配分方法", "Allocation method"),
    "allocation.sales": (
        "売上高による配分（貴社への売上高 ÷ 年度の売上高）",
        "By sales (our sales to you ÷ the year's revenue)",
    ),
    "allocation.physical": (
        "物量による配分（貴社への納入量 ÷ 年度の生産量、製品の単位は共通）",
        "By physical output (delivered to you ÷ the year's production, one unit for all)",
    ),
    "allocation.submeter": (
        "エネルギー多消費ラインは子メーターの電力量でScope2を配分し、残りは売上高で配分",
        "The energy-intensive line's Scope 2 by its sub-meter kWh, the rest by sales",
    ),
    "allocation.machine_hours": (
        "機械稼働時間で製品に配分し、製品ごとに貴社への納入量 ÷ 生産量で配分",
        "To the products by machine hours, then by delivered to you ÷ production of each",
    ),
    "factors": ("排出係数の出典", "Emission factor sources"),
    "factors_value": (
        "環境省・経済産業省 算定・報告・公表制度の排出係数（電気事業者別排出係数・"
        "算定省令の燃料の係数）。版: {editions}",
        "Japanese Ministry of the Environment / METI SHK factors (retailer-specific electricity"
        " factors, fuel factors of the ordinance). Editions: {editions}",
    ),
    "quality": ("データ品質", "Data quality"),
    "quality.none": (
        "12か月分の請求書の実績値による",
        "Measured from 12 months of bills",
    ),
    "quality.incomplete": ("年度のデータに不足あり（未確定）", "The year's data are incomplete"),
    "quality.estimated_bills": ("推計した請求書を含む", "Includes estimated bills"),
    "quality.estimated_factors": ("推計した排出係数を含む", "Includes estimated emission factors"),
    "quality.user_factors": (
        "電気事業者の公表値を入力した係数を含む",
        "Includes factors typed in from the supplier",
    ),
    "quality.no_location_basis": (
        "ロケーション基準の係数なし",
        "No location-based factor for the year",
    ),
    "verification": ("第三者検証", "Verification"),
    "verification.none": ("なし（自社算定）", "None (own calculation)"),
    "verification.self": ("自社内で確認", "Checked internally"),
    "verification.third_party": ("第三者検証済み（{verifier}）", "Verified by {verifier}"),
    "targets": ("削減目標", "Reduction targets"),
    "target_value": (
        "{name}：{base}年度比 {target}年度までに {pct}% 削減",
        "{name}: −{pct} % by FY{target} against FY{base}",
    ),
    "target_yearly": (
        "{name}：{base}年度から毎年 {pct}% 削減（{target}年度まで）",
        "{name}: −{pct} % a year from FY{base} to FY{target}",
    ),
    "no_targets": ("設定なし", "None set"),
    "plan": ("削減計画の効果", "Effect of the reduction plan"),
    "plan_value": (
        "年 {t} t-CO2 の削減（{pct}）を計画",
        "{t} t-CO2 a year planned ({pct})",
    ),
    "no_plan": ("計画なし", "No plan"),
    "scope3_note": ("Scope3", "Scope 3"),
    "scope3_value": (
        "本回答は当社のScope1・2のみです（貴社のScope3 カテゴリ1 にご利用いただけます）。",
        "This answer covers our Scope 1 and 2 only (for your Scope 3 category 1).",
    ),
    "limits": (
        "本回答は会社全体の排出量の配分であり、ISO 14067 の製品カーボンフットプリント"
        "（原材料調達から出荷までの算定）ではありません。",
        "This is an allocation of our corporate emissions, not a product carbon footprint in the"
        " sense of ISO 14067 (cradle to gate).",
    ),
    "declaration": (
        "上記の数値は当社の請求書等の実績に基づき、記載の方法で算定したものであることを"
        "宣言します。",
        "We declare that the figures above were calculated from our bills and records by the"
        " method stated.",
    ),
    "signed": ("{date}　{title}　{name}", "{date}  {title}  {name}"),
    "signature": ("署名", "Signature"),
    "footer": (
        "EcoCheck Desktop {version} で作成",
        "Made with EcoCheck Desktop {version}",
    ),
    "t_unit": ("t-CO2", "t-CO2"),
    "yen": ("円", "yen"),
    "other_customers": ("その他の販売先", "Other customers"),
    "sheet": ("回答", "Answer"),
    "sheet_products": ("製品別", "Products"),
}


def words(key: str, lang: str, **params: object) -> str:
    ja, en = WORDS[key]
    template = ja if lang == "ja" else en
    return template.format(**params) if params else template
