"""The report's wording in Japanese and English: every sentence printed in the PDF.

The report is not a Qt module, so its words do not go through ``tr()``: they are the ``TEXTS``
table here (``{key: (ja, en)}``), looked up with :func:`text`. Messages (codes raised by core,
store and exchange) are rendered by :mod:`ecocheck_desktop.text.messages`; number formats are
in :mod:`ecocheck_desktop.text.numbers`.
"""

from __future__ import annotations

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.fiscal import fiscal_year_label_en, fiscal_year_label_ja
from ecocheck_desktop.text.report_bank import BANK
from ecocheck_desktop.text.report_consortium import CONSORTIUM
from ecocheck_desktop.text.report_quality import QUALITY

LANGS = ("ja", "en")

# {key: (ja, en)}; ``{name}`` placeholders are filled with str.format.
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("CO2排出量 算定・削減計画報告書", "CO2 Emissions and Reduction Plan Report"),
    "subtitle": (
        "温対法(算定・報告・公表制度)及びGHGプロトコルに基づく自己算定",
        "Self-assessment under the Japanese SHK rules (温対法) and the GHG Protocol",
    ),
    "page": ("{n} / {total}", "{n} / {total}"),
    "footer_left": ("{company} ― {fy}", "{company} — {fy}"),
    "not_entered": ("未入力", "not entered"),
    "none": ("なし", "none"),
    "yes": ("はい", "yes"),
    "no": ("いいえ", "no"),
    # 1 cover
    "cover.company": ("会社名", "Company"),
    "cover.sites": ("対象事業所", "Sites"),
    "cover.fiscal_year": ("報告対象年度", "Reporting fiscal year"),
    "cover.prepared_by": ("作成者", "Prepared by"),
    "cover.date": ("作成日", "Date"),
    "cover.app": ("作成ソフト", "Prepared with"),
    "cover.editions": ("使用した係数の版", "Factor editions used"),
    # 2 summary
    "s.summary": ("1. 要約", "1. Summary"),
    "summary.total": ("CO2排出量 (Scope 1+2, 調整後)", "CO2 emissions (Scope 1+2, adjusted)"),
    "summary.total_basic": ("同 基礎排出係数ベース", "same, basic factors"),
    "summary.total_location": ("同 ロケーション基準 (全国平均)", "same, location-based"),
    "summary.bases": ("Scope 1+2 の3つの基準", "Scope 1+2 on three bases"),
    "summary.base_basic": ("基礎排出係数", "Basic factors"),
    "summary.base_adjusted": ("調整後排出係数", "Adjusted factors"),
    "summary.base_location": ("ロケーション基準 (全国平均)", "Location-based"),
    "summary.crude_oil": ("原油換算", "Crude oil equivalent"),
    "summary.vs_previous": ("前年度比", "Change vs previous year"),
    "summary.vs_base": ("基準年度比 ({base})", "Change vs base year ({base})"),
    "summary.intensity": ("原単位", "Intensity"),
    "summary.energy": ("エネルギー使用量", "Energy use"),
    "summary.top_measures": ("効果の大きい削減対策 (上位3件)", "Most effective measures (top 3)"),
    "summary.measure_line": (
        "{name}: {t} t-CO2/年、{yen} 円/年",
        "{name}: {t} t-CO2/yr, {yen} yen/yr",
    ),
    "summary.no_measures": (
        "削減対策はまだ選ばれていません。",
        "No measures selected yet.",
    ),
    "summary.next": ("次にすること", "What to do next"),
    "next.no_measures": (
        "「削減対策」で設備チェックリストを入力し、投資回収の早い対策から計画に加えてください。",
        "Fill in the equipment checklist under Measures and add the measures with the"
        " shortest payback to the plan.",
    ),
    "next.with_measures": (
        "計画した対策の見積りを取り、省エネ診断を受けたうえで補助金・融資を申請してください。",
        "Obtain quotes for the planned measures, have an energy diagnosis made, then apply"
        " for subsidies or loans.",
    ),
    "summary.yoy_unavailable": ("前年度データなし", "no previous year"),
    "banner.incomplete": (
        "未確定: {fy}の数値はまだ確定していません。理由は次のとおりです。",
        "Incomplete: the figures for {fy} are not final, for these reasons.",
    ),
    "banner.more": (
        "ほか {count} 件（「データの品質」をご覧ください）",
        "{count} more (see Data quality)",
    ),
    # 3 profile
    "s.profile": ("2. 会社概要", "2. Company profile"),
    "profile.industry": ("業種 (日本標準産業分類)", "Industry (JSIC)"),
    "profile.address": ("所在地", "Address"),
    "profile.employees": ("従業員数 [人]", "Employees [persons]"),
    "profile.revenue": ("売上高 [百万円]", "Revenue [million yen]"),
    "profile.value_added": ("付加価値額 [百万円]", "Value added [million yen]"),
    "profile.products": ("主な製品", "Main products"),
    "profile.production": ("生産量", "Production volume"),
    "profile.floor_area": ("延床面積 [m²]", "Floor area [m²]"),
    "profile.operating": ("操業日数・時間", "Operating days / hours"),
    "profile.vehicles": ("車両台数", "Vehicles"),
    "profile.days": ("年間 {n} 日", "{n} days a year"),
    "profile.hours": ("1日 {n} 時間", "{n} hours a day"),
    "profile.gasoline_cars": ("ガソリン車 {n} 台", "{n} petrol cars"),
    "profile.diesel_vehicles": (
        "ディーゼル車・フォークリフト {n} 台",
        "{n} diesel vehicles / forklifts",
    ),
    "profile.contact": ("担当者", "Contact"),
    "profile.advisor": ("支援機関・アドバイザー", "Advisor"),
    "profile.fy": ("年度", "Fiscal year"),
    # 4 boundary
    "s.boundary": ("3. 算定範囲と方法", "3. Boundary and method"),
    "boundary.sites": ("対象事業所", "Sites included"),
    "boundary.contracts": ("契約・計量単位", "Supply contracts and meters"),
    "boundary.site": ("事業所", "Site"),
    "boundary.energy": ("エネルギー", "Energy"),
    "boundary.supplier": ("供給事業者", "Supplier"),
    "boundary.menu": ("メニュー・係数とその出典", "Menu / factor and its source"),
    # where each contract's factor came from (report/provenance.py)
    "prov.library": ("係数ライブラリ: {edition}", "Factor library: {edition}"),
    "prov.library_default": (
        "係数ライブラリ: {edition}（既定値）",
        "Factor library: {edition} (default value)",
    ),
    "prov.no_list": (
        "係数未設定（{year}年度の一覧がありません）",
        "No factor yet (no list for FY{year})",
    ),
    "prov.not_listed": (
        "係数未設定（{year}年度の一覧（出典を確認できた行のみ）にこの事業者はありません）",
        "No factor yet (the FY{year} list of sourced rows does not include this retailer)",
    ),
    "prov.user": (
        "利用者入力（出典: {source}）基礎 {basic} / 調整後 {adjusted} {unit}",
        "Entered by the user (source: {source}) basic {basic} / adjusted {adjusted} {unit}",
    ),
    "prov.estimate_substitute": (
        "推計（{year}年度の代替値）",
        "Estimate (the substitute value of FY{year})",
    ),
    "prov.estimate_retailer": (
        "推計（{year}年度一覧の同じ事業者の値）",
        "Estimate (the same supplier's value in the FY{year} list)",
    ),
    "prov.estimate_no_list": ("推計（参照する一覧がありません）", "Estimate (no list to refer to)"),
    "prov.heat_value": (
        "単位発熱量 {value} GJ/千m3（出典: {source}）",
        "Heat value {value} GJ/thousand m3 (source: {source})",
    ),
    "prov.heat_default": (
        "単位発熱量 既定値 {value} GJ/千m3",
        "Heat value default {value} GJ/thousand m3",
    ),
    "prov.lpg_propane": ("m3→t 換算: プロパン 1/502 t/m3", "m3 -> t: propane 1/502 t per m3"),
    "prov.lpg_butane": ("m3→t 換算: ブタン {value} m3/t", "m3 -> t: butane {value} m3 per t"),
    "prov.lpg_kg": (
        "m3→t 換算: {value} kg/m3（出典: {source}）",
        "m3 -> t: {value} kg per m3 (source: {source})",
    ),
    "boundary.no_contracts": (
        "供給契約は登録されていません (請求書の記載から係数を決定)。",
        "No supply contracts registered (factors follow the bill lines).",
    ),
    "boundary.basis": (
        "算定基準: 温対法 算定・報告・公表制度 (SHK) の算定方法により、燃料の燃焼 (Scope 1) と"
        "購入した電気・熱 (Scope 2) を算定しています。Scope 2 は基礎排出係数 (マーケット基準)、"
        "調整後排出係数 (マーケット基準)、全国平均係数 (ロケーション基準、GHGプロトコル) の"
        "3通りで示します。",
        "Basis: fuel combustion (Scope 1) and purchased electricity and heat (Scope 2) are"
        " calculated with the methods of the Japanese SHK system (温対法). Scope 2 is shown on"
        " three bases: basic factors (market-based), adjusted factors (market-based) and the"
        " national average (location-based, GHG Protocol).",
    ),
    "boundary.source": (
        "活動量の出典: 請求書・検針票の使用量 ({n} 件)。推計値を含む月: {months}",
        "Activity data: quantities from bills and meter slips ({n} lines)."
        " Months with estimated values: {months}",
    ),
    # 5 factors
    "s.factors": ("4. 使用した排出係数", "4. Emission factors used"),
    "factor.label": ("係数", "Factor"),
    "factor.value": ("値", "Value"),
    "factor.unit": ("単位", "Unit"),
    "factor.edition": ("版・公表元・公表日", "Edition, publisher, date"),
    "factor.source": ("出典URL", "Source URL"),
    "factor.how": ("種別", "Kind"),
    "factor.gwp": (
        "冷媒の地球温暖化係数 (GWP): 温対法施行令の値 (HFCのみ Scope 1 に計上)。",
        "Refrigerant GWPs: the values of the SHK ordinance (only HFCs count in Scope 1).",
    ),
    "factor.none": ("使用した係数はありません。", "No factors were used."),
    # 6 results
    "s.results": ("5. 算定結果", "5. Results"),
    "results.by_year": ("年度別 Scope 1・2 [t-CO2]", "Scope 1 and 2 by fiscal year [t-CO2]"),
    "col.fy": ("年度", "FY"),
    "col.scope1": ("Scope 1\n[t-CO2]", "Scope 1\n[t-CO2]"),
    "col.s2_basic": ("Scope 2\n基礎\n[t-CO2]", "Scope 2\nbasic\n[t-CO2]"),
    "col.s2_adjusted": ("Scope 2\n調整後\n[t-CO2]", "Scope 2\nadjusted\n[t-CO2]"),
    "col.s2_location": ("Scope 2\nロケーション\n[t-CO2]", "Scope 2\nlocation\n[t-CO2]"),
    "col.total_basic": ("合計 基礎\n[t-CO2]", "Total\nbasic\n[t-CO2]"),
    "col.total_adjusted": ("合計 調整後\n[t-CO2]", "Total\nadjusted\n[t-CO2]"),
    "col.total_location": ("合計\nロケーション\n[t-CO2]", "Total\nlocation\n[t-CO2]"),
    "col.energy_gj": ("エネルギー\n[GJ]", "Energy\n[GJ]"),
    "col.crude_kl": ("原油換算\n[kL]", "Crude oil eq.\n[kL]"),
    "col.yoy": ("前年度比\n[%]", "vs previous\n[%]"),
    "col.vs_base": ("基準年度比\n[%]", "vs base year\n[%]"),
    "results.by_energy": ("エネルギー別 ({fy})", "By energy ({fy})"),
    "col.energy": ("エネルギー", "Energy"),
    "col.scope": ("Scope", "Scope"),
    "col.quantity": ("使用量", "Quantity"),
    "col.unit": ("単位", "Unit"),
    "col.t_basic": ("基礎\n[t-CO2]", "Basic\n[t-CO2]"),
    "col.t_adjusted": ("調整後\n[t-CO2]", "Adjusted\n[t-CO2]"),
    "col.t_location": ("ロケーション\n[t-CO2]", "Location\n[t-CO2]"),
    "col.gj": ("熱量\n[GJ]", "Energy\n[GJ]"),
    "results.by_site": ("事業所別 ({fy})", "By site ({fy})"),
    "col.site": ("事業所", "Site"),
    "results.by_month": ("月別 ({fy})", "By month ({fy})"),
    "col.month": ("年月", "Month"),
    "col.cost": ("金額\n[円]", "Cost\n[yen]"),
    "results.refrigerant": (
        "うち冷媒 (HFC) の漏えい: {t} t-CO2 (Scope 1 に計上)",
        "of which refrigerant (HFC) leakage: {t} t-CO2 (in Scope 1)",
    ),
    "results.scope3": (
        "Scope 3 (参考、簡易算定): {t} t-CO2 (上記合計には含みません)",
        "Scope 3 (screening, for reference): {t} t-CO2 (not in the totals above)",
    ),
    "results.rounded": (
        "参考: 1行係数 (2.62 等) で計算した Scope 1 は {t} t-CO2 です (表計算との照合用)。",
        "For reference: Scope 1 with the rounded one-line factors (2.62 …) is {t} t-CO2"
        " (for reconciliation with spreadsheets).",
    ),
    # 7 intensities
    "s.intensity": ("6. 原単位と炭素生産性", "6. Intensities and carbon productivity"),
    "col.indicator": ("指標 (分母)", "Indicator (denominator)"),
    "col.value": ("値", "Value"),
    "intensity.carbon_productivity": (
        "炭素生産性 (付加価値額 ÷ CO2)",
        "Carbon productivity (value added ÷ CO2)",
    ),
    "intensity.basis": (
        "原単位は調整後排出量 (Scope 1+2) を分母で割った値です。",
        "Intensities divide the adjusted Scope 1+2 emissions by the named denominator.",
    ),
    "intensity.none": (
        "分母となる売上高・生産量・従業員数・延床面積が入力されていません。",
        "No revenue, production, employee or floor-area figures have been entered.",
    ),
    # 8 cost
    "s.cost": ("7. エネルギーコスト", "7. Energy cost"),
    "col.share": ("構成比\n[%]", "Share\n[%]"),
    "cost.total": ("合計", "Total"),
    "cost.revenue_share": (
        "エネルギーコストの売上高に対する比率: {pct}",
        "Energy cost as a share of revenue: {pct}",
    ),
    "cost.none": ("請求金額が入力されていません。", "No billed amounts have been entered."),
    # 9 end use
    "s.enduse": ("8. 用途別内訳 (推計)", "8. Estimated end-use split"),
    "enduse.intro": (
        "業種「{sector}」の標準的な用途別構成比 (推計) を、{fy}のエネルギー種別ごとの"
        "使用量と排出量 (調整後) に当てはめた推計です。実測値ではありません。",
        "An estimate: the typical end-use shares of the sector \u201c{sector}\u201d applied to"
        " the {fy} energy use and emissions (adjusted basis) of each carrier. Not a measurement.",
    ),
    "enduse.overridden": (
        "次のエネルギーは会社が入力した構成比を使用: {carriers}。",
        "The company's own split is used for: {carriers}.",
    ),
    "enduse.assumed": (
        "設備チェックリストのボイラの回答を反映しています。",
        "The boilers declared in the equipment checklist are taken into account.",
    ),
    "enduse.source": (
        "構成比の出典 (信頼度: {confidence}): {sources}",
        "Sources of the shares (confidence: {confidence}): {sources}",
    ),
    "enduse.none": (
        "完全な年度のデータがないため、用途別内訳は推計できません。",
        "No complete fiscal year, so no end-use split can be estimated.",
    ),
    "col.end_use": ("用途", "End use"),
    "col.elec_share": ("電力の構成比\n[%]", "Share of\nelectricity [%]"),
    "col.t_co2_adjusted": ("CO2 調整後\n[t-CO2/年]", "CO2 adjusted\n[t-CO2/yr]"),
    "col.co2_share": ("CO2 構成比\n[%]", "Share of\nCO2 [%]"),
    # 10 targets
    "s.trend": ("9. 推移と目標", "9. Trend and targets"),
    "trend.targets": ("設定された目標", "Targets set"),
    "col.target": ("目標", "Target"),
    "col.base_year": ("基準年度", "Base year"),
    "col.target_year": ("目標年度", "Target year"),
    "col.reduction": ("削減率\n[%]", "Reduction\n[%]"),
    "col.target_t": ("目標排出量\n[t-CO2]", "Target emissions\n[t-CO2]"),
    "trend.no_targets": (
        "目標はまだ設定されていません。中小企業版SBTでは基準年度から毎年4.2%以上の削減"
        "(Scope 1 + ロケーション基準 Scope 2)が目安です。",
        "No targets set yet. SBT for SMEs asks for at least 4.2 % a year from the base year"
        " (Scope 1 + location-based Scope 2).",
    ),
    "trend.netzero": (
        "長期目標: 2050年カーボンニュートラル (実質排出ゼロ) が国の目標です。",
        "Long term: Japan aims at net zero (carbon neutrality) by 2050.",
    ),
    "trend.base_missing": (
        "基準年度 {base} のデータがないため、目標経路は描けません。",
        "No data for the base year {base}, so the target path cannot be drawn.",
    ),
    # 11 measures
    "s.measures": ("10. 削減対策", "10. Reduction measures"),
    "measures.intro_plan": (
        "会社が計画に選んだ対策 {n} 件です ({fy}の実績に対する推計、上の対策から順に適用"
        "するため重複計上はありません)。",
        "The {n} measures the company put in its plan (estimated against {fy}; each counted"
        " after the ones above it, so nothing is counted twice).",
    ),
    "measures.intro_ranked": (
        "まだ計画は選ばれていないため、適用できる対策 {n} 件をCO2 1トン当たりの費用の"
        "安い順に示します ({fy}の実績に対する推計、上の対策から順に適用するため重複計上"
        "はありません)。",
        "No plan has been chosen yet, so the {n} applicable measures are listed, cheapest per"
        " t-CO2 first (estimated against {fy}; each counted after the ones above it, so"
        " nothing is counted twice).",
    ),
    "measures.none": (
        "完全な年度のデータがないため、削減対策は評価できません。",
        "No complete fiscal year, so no measures can be evaluated.",
    ),
    "measures.empty": (
        "適用できる削減対策がありません。「削減対策」で設備チェックリストを入力してください。",
        "No applicable measures. Fill in the equipment checklist under Measures.",
    ),
    "measures.total_row": ("合計 (重複なし)", "Total (no double counting)"),
    "measures.total": (
        "合計: {t} t-CO2/年 ({fy}の排出量の {pct} %)、{yen} 万円/年の削減、"
        "投資額 {low}–{high} 万円。",
        "Combined: {t} t-CO2/yr less ({pct} % of {fy}), {yen} (10k yen)/yr saved,"
        " investment {low}–{high} (10k yen).",
    ),
    "measures.legend": (
        "回収年数: 投資額 (中央値) ÷ 年間削減額。「≦耐用」は法定耐用年数以内に回収、"
        "「>耐用」は法定耐用年数を超えます。費用/t-CO2: 年換算の投資額から削減額を"
        "引いた額 (負の値は利益)。信頼度: 出典=出典の数値、算出=出典の数値から計算、"
        "未確認=業者に確認すべき推計。",
        "Payback: investment (mid-point) ÷ yearly saving; \u201c≦ life\u201d = paid back"
        " within the statutory useful life (法定耐用年数), \u201c> life\u201d = beyond it."
        " Cost per t-CO2: yearly capital cost less the saving (negative = a gain)."
        " Confidence: sourced = a cited figure, derived = calculated from cited figures,"
        " unconfirmed = an estimate to check with a supplier.",
    ),
    "measures.subsidies": (
        "検討できる補助金・融資制度 (金額は保証されません)",
        "Subsidy and loan programmes to look at (no amount promised)",
    ),
    "measures.subsidy_none": (
        "対象となる制度は見つかりませんでした。",
        "No programme found for these measures.",
    ),
    "measures.subsidy_line": ("[{ref}] {name} — 対象: {ids}", "[{ref}] {name} — for: {ids}"),
    "measures.error": (
        "削減対策を評価できませんでした: {problem}",
        "The measures could not be evaluated: {problem}",
    ),
    "col.rank": ("順位", "#"),
    "col.measure": ("対策", "Measure"),
    "col.m_t_co2": ("削減量\n[t-CO2/年]", "CO2 saved\n[t-CO2/yr]"),
    "col.m_yen": ("削減額\n[万円/年]", "Saving\n[10k yen/yr]"),
    "col.m_capex": ("投資額\n[万円]", "Capex\n[10k yen]"),
    "col.m_payback": ("回収\n[年]", "Payback\n[years]"),
    "col.m_cost_t": ("費用\n[万円/t-CO2]", "Cost\n[10k yen/t-CO2]"),
    "col.m_confidence": ("信頼度", "Confid."),
    "col.m_subsidy": ("補助金", "Subsidy"),
    "conf.sourced": ("出典", "sourced"),
    "conf.derived": ("算出", "derived"),
    "conf.unconfirmed": ("未確認", "unconf."),
    "payback.none": ("不要", "none"),
    "payback.immediate": ("即時", "immediate"),
    "payback.within": ("≦耐用", "≦ life"),
    "payback.beyond": (">耐用", "> life"),
    # 12 roadmap
    "s.roadmap": ("11. 2030年・2050年へのロードマップ", "11. Roadmap to 2030 and 2050"),
    "roadmap.intro": (
        "{fy}の排出量 {t} t-CO2 から、計画の対策が実施年度から効果を出した場合の排出量"
        "(実線) と目標経路 (破線) です。その他の変化 (生産量、電力の排出係数) は見込んで"
        "いません。",
        "From {t} t-CO2 in {fy}: the emissions as the plan's measures take effect from their"
        " year (solid line) against the target paths (dashed). Nothing else is assumed to"
        " change (production, the grid's emission factor).",
    ),
    "roadmap.none": (
        "完全な年度のデータがないため、ロードマップは描けません。",
        "No complete fiscal year, so no roadmap can be drawn.",
    ),
    "roadmap.steps": (
        "対策の実施時期と累積削減量",
        "When the measures start, and the cumulative reduction",
    ),
    "col.year": ("年度", "FY"),
    "col.steps": ("この年度に始める対策", "Measures starting this year"),
    "col.cum_reduction": ("累積削減量\n[t-CO2/年]", "Cumulative cut\n[t-CO2/yr]"),
    "col.plan_t": ("計画の排出量\n[t-CO2]", "Plan emissions\n[t-CO2]"),
    "roadmap.targets": ("目標との比較", "Against the targets"),
    "col.t_2030": ("2030年度\n[t-CO2]", "FY2030\n[t-CO2]"),
    "col.t_2050": ("2050年度\n[t-CO2]", "FY2050\n[t-CO2]"),
    "col.gap_2030": ("2030年度の差\n[t-CO2]", "Gap FY2030\n[t-CO2]"),
    "roadmap.plan_row": ("削減計画", "Reduction plan"),
    "roadmap.gap_note": (
        "目標排出量 = 基準値 × (1 − 削減率 ÷ 100)。差 = 目標年度の計画の排出量 − 目標排出量"
        " (負の値は目標を達成)。",
        "Target = base value × (1 − reduction ÷ 100). Gap = the plan's emissions in the target"
        " year − the target (negative: the target is met).",
    ),
    "roadmap.base_missing": (
        "{name}: 基準年度 {base} の完全なデータがないため描けません。",
        "{name}: no complete data for the base year {base}, so it is not drawn.",
    ),
    "appendix.measure_sources": ("D. 削減対策の出典", "D. Sources of the measures"),
    "appendix.measure_source_line": ("{ids}: {title}", "{ids}: {title}"),
    # 13 data quality
    "s.quality": ("13. データの品質", "13. Data quality"),
    # 14 compliance
    "s.compliance": ("15. 法令上の確認事項", "15. Compliance notes"),
    "compliance.furon": (
        "フロン排出抑制法: 算定漏えい量 {t} t-CO2 (報告義務の基準 1,000 t-CO2 に対し {state})。"
        "業務用冷凍空調機器の簡易点検 (3か月ごと) と定期点検を実施・記録してください。",
        "Fluorocarbons Act (フロン法): calculated leakage {t} t-CO2 ({state} the 1,000 t-CO2"
        " reporting line). Keep the quarterly simple inspections and the periodic inspections"
        " of commercial refrigeration and air-conditioning equipment.",
    ),
    "compliance.furon_over": ("超過: 報告が必要", "at or above"),
    "compliance.furon_under": ("未満", "below"),
    "compliance.energy": (
        "省エネ法: エネルギー使用量 原油換算 {kl} kL (特定事業者の基準 1,500 kL に対し {state})。",
        "Energy Conservation Act (省エネ法): {kl} kL crude oil equivalent ({state} the"
        " 1,500 kL line for designated business operators).",
    ),
    "compliance.energy_over": ("以上: 届出が必要", "at or above"),
    "compliance.energy_under": ("未満", "below"),
    "compliance.shk": (
        "温対法の特定排出者 (原油換算 1,500 kL 以上、または非エネ起源等 3,000 t-CO2 以上) に"
        "該当するかも併せて確認してください。",
        "Also check whether the company is a specified emitter under the SHK system"
        " (1,500 kL crude oil equivalent, or 3,000 t-CO2 of other gases).",
    ),
    # 15 disclaimer
    "s.disclaimer": ("16. 免責事項", "16. Disclaimer"),
    "disclaimer.text": (
        "本報告書は、入力された請求書等のデータと公表された排出係数による自己算定の結果であり、"
        "第三者による検証を受けた排出量ではありません。補助金の申請や設備投資の判断の前に、"
        "省エネルギーセンター (ECCJ) の省エネ最適化診断や省エネお助け隊などの専門家による"
        "診断を受けることをお勧めします。",
        "This report is a self-assessment from the bills entered and the published emission"
        " factors; it is not a verified inventory. Before applying for subsidies or deciding"
        " on investments, a professional diagnosis (e.g. the ECCJ 省エネ最適化診断 or"
        " 省エネお助け隊) is recommended.",
    ),
    # 16 appendix
    "s.appendix": ("付録", "Appendix"),
    "appendix.monthly": ("A. 月別入力データ ({fy})", "A. Monthly input data ({fy})"),
    "appendix.factors": ("B. 係数表", "B. Factor table"),
    "appendix.formulas": ("C. 計算式", "C. Formulas"),
    "appendix.glossary": ("E. 用語集", "E. Glossary"),
    "col.estimated": ("推計", "Est."),
    "col.factor_basic": ("基礎係数", "Basic factor"),
    "col.factor_adjusted": ("調整後係数", "Adjusted factor"),
    "col.factor_name": ("適用した係数", "Factor applied"),
    "appendix.truncated": (
        "(先頭 {shown} 行を表示。全 {total} 行はCSV出力をご利用ください)",
        "(first {shown} rows shown; export the CSV for all {total})",
    ),
    # charts
    "chart.monthly": ("月別CO2排出量 (エネルギー別、調整後)", "Monthly CO2 by energy (adjusted)"),
    "chart.scopes": ("Scope別排出量", "Emissions by scope"),
    "chart.trend": ("年度別排出量 (Scope 1+2)", "Emissions by fiscal year (Scope 1+2)"),
    "chart.t_co2": ("t-CO2", "t-CO2"),
    "chart.plan": ("削減計画", "Reduction plan"),
    "chart.roadmap": (
        "削減計画と目標経路 (Scope 1+2)",
        "Reduction plan and target paths (Scope 1+2)",
    ),
    "chart.basic": ("基礎", "Basic"),
    "chart.adjusted": ("調整後", "Adjusted"),
    "chart.location": ("ロケーション", "Location"),
    "chart.scope1": ("Scope 1", "Scope 1"),
    "chart.scope2": ("Scope 2", "Scope 2"),
    "chart.actual": ("実績 (調整後)", "Actual (adjusted)"),
    "chart.target_path": ("目標経路: {name}", "Target path: {name}"),
    "chart.netzero": ("2050年 実質ゼロ", "Net zero 2050"),
    "chart.no_data": ("データがありません", "No data"),
    # how a factor was chosen
    "how.library": ("公表値", "published"),
    "how.residual": ("公表値 (残差)", "published (residual)"),
    "how.menu": ("公表値 (メニュー)", "published (menu)"),
    "how.whole": ("公表値 (事業者全体)", "published (retailer)"),
    "how.reference": ("参考値", "reference value"),
    "how.substitute": ("代替値", "substitute value"),
    "how.national_average": ("全国平均係数", "national average"),
    "how.default": ("既定値", "default"),
    "how.conversion": ("換算 (Nm3→表の基準)", "conversion (Nm3 to the table's basis)"),
    "how.user_record": ("利用者入力 (請求書)", "user-entered (bill)"),
    "how.user_contract": ("利用者入力 (契約)", "user-entered (contract)"),
    "how.table": ("算定省令の係数表", "SHK ordinance table"),
    "how.supplier": ("公表値 (供給事業者)", "published (supplier)"),
    "how.gwp_shk": ("GWP (温対法)", "GWP (SHK)"),
    "how.gwp_furon": ("GWP (フロン法)", "GWP (Fluorocarbons Act)"),
    "how.estimate_substitute": (
        "推計 (直近の一覧の代替値)",
        "estimate (the nearest list's substitute value)",
    ),
    "how.estimate_retailer": (
        "推計 (直近の一覧の同じ事業者の値)",
        "estimate (the same retailer in the nearest list)",
    ),
    "how.chain": ("算定省令 (発熱量×炭素排出係数)", "SHK ordinance (heat value × carbon)"),
    **CONSORTIUM,
    **QUALITY,
    **BANK,
}


def text(key: str, lang: str, **params: object) -> str:
    ja, en = TEXTS[key]
    template = ja if lang == "ja" else en
    return template.format(**params) if params else template


def energy_name(code: str, lang: str) -> str:
    energy = ENERGY_TYPES.get(code)
    if energy is None:
        return code
    return energy.name_ja if lang == "ja" else energy.name_en


def how_text(how: str, lang: str) -> str:
    key = f"how.{how}"
    return text(key, lang) if key in TEXTS else how


def fiscal_year_label(fiscal_year: int, lang: str) -> str:
    return fiscal_year_label_ja(fiscal_year) if lang == "ja" else fiscal_year_label_en(fiscal_year)


def formulas(lang: str) -> list[str]:
    """The methodology appendix: one paragraph per formula."""
    if lang == "ja":
        return [
            "燃料のCO2 [t-CO2] = 使用量 (表の単位) × 単位発熱量 [GJ/単位] × 炭素排出係数"
            " [t-C/GJ] × 44/12。途中で丸めずに計算し、表示時にのみ四捨五入します。"
            "係数表は各月が属する4月〜翌3月の年度で選び (会社の事業年度によりません)、"
            "2023年度以降の月は新しい係数表、2022年度以前の月は旧係数表を使います。",
            "電気のCO2 [t-CO2] = 使用量 [kWh] × 排出係数 [t-CO2/kWh]。係数は当該年度用に公表された"
            "電気事業者別排出係数 (前年度実績) の契約メニュー (既定は残差) を用い、基礎・調整後・"
            "全国平均 (ロケーション基準) の3通りで計算します。一覧にない事業者は代替値です。"
            "一覧のない年度は、電気事業者が公表した係数を出典とともに入力した値 (利用者入力)、"
            "または利用者が選んだ推計 (直近の一覧の値) を使い、その旨を係数の表に示します。",
            "都市ガス: 供給事業者の公表係数があればそれを、なければ既定値 2.05 t-CO2/千m³"
            " (25 °C・1 bar) を用います。Nm³ (0 °C) の請求は × 298.15/273.15 × 101.325/100 で"
            "表の基準に換算します (旧係数表は千Nm³ 基準のため換算しません)。熱量 (GJ) は契約に"
            "入力した供給事業者の発熱量、入力がなければ 45 GJ/千m³ です。LPG の m³ は契約の"
            "指定 (プロパン 1/502 t、ブタン 1/355 t、または納品書の kg/m³) で t に換算し、"
            "指定がなければプロパンとします。",
            "冷媒 (HFC) の漏えい [t-CO2] = (充塡量 − 回収量) [kg] × GWP ÷ 1000。",
            "エネルギー [GJ] = 燃料の熱量 + 電気 × 8.64 GJ/千kWh (2022年度以前の月は 9.76)。"
            "原油換算 [kL] = GJ × 0.0258。",
            "原単位 = 調整後排出量 (Scope 1+2) ÷ 分母 (売上高・生産量・従業員数・延床面積)。"
            "炭素生産性 = 付加価値額 [百万円] ÷ 調整後排出量 [t-CO2]。",
            "目標経路: 中小企業版SBT は基準年度 (2018年度以降) から毎年 4.2% ずつ 2030年度まで、"
            "国の目標は 2030年度に 46% 削減 (2013年度比、他の年度を基準にすると同じ率)。",
        ]
    return [
        "Fuel CO2 [t-CO2] = quantity (table unit) × heat value [GJ/unit] × carbon factor"
        " [t-C/GJ] × 44/12, with no intermediate rounding; figures are rounded for display only."
        " The table is chosen by each month's April–March year (whatever the company's business"
        " year): months from FY2023 use the new table, months up to FY2022 the old one.",
        "Electricity CO2 [t-CO2] = kWh × factor [t-CO2/kWh], using the retailer list published"
        " for that fiscal year (previous year's results) and the contracted menu (residual by"
        " default), on the basic, adjusted and national-average (location) bases. A retailer"
        " not in the list gets the substitute value. For a year without a list, the retailer's"
        " published factor typed in with its source (user-entered), or an estimate chosen by"
        " the user (the nearest list), is used and labelled so in the factor table.",
        "City gas: the supplier's published factor where there is one, else the default"
        " 2.05 t-CO2/thousand m³ (25 °C, 1 bar). A bill in Nm³ (0 °C) is converted to that"
        " basis by × 298.15/273.15 × 101.325/100 (the old table is per thousand Nm³: no"
        " conversion). Energy (GJ) uses the supplier's heat value entered on the contract, else"
        " 45 GJ/thousand m³. LPG in m³ is converted to t as the contract states (propane 1/502,"
        " butane 1/355, or the delivery slip's kg/m³), propane when nothing is stated.",
        "Refrigerant (HFC) leakage [t-CO2] = (charged − recovered) [kg] × GWP ÷ 1000.",
        "Energy [GJ] = fuel heat + electricity × 8.64 GJ/MWh (9.76 for months up to FY2022)."
        " Crude oil equivalent [kL] = GJ × 0.0258.",
        "Intensity = adjusted Scope 1+2 emissions ÷ denominator (revenue, production, employees,"
        " floor area). Carbon productivity = value added [million yen] ÷ adjusted emissions.",
        "Target paths: SBT for SMEs cuts 4.2 % of the base year (2018 or later) each year to"
        " FY2030; the national target is −46 % by FY2030 (vs FY2013, else the same % of the base).",
    ]
