"""The bank pack's words: the locked KPI on page 1, the loan page, the data-quality (PCAF) and
declaration page and the reasons for the change. Merged into :data:`text.report.TEXTS`.

Japanese and English each stand alone: no sentence of one language in the other edition
(abbreviations such as SPT, SBTi, PCAF, Scope and t-CO2 are used in both).
"""

from __future__ import annotations

BANK: dict[str, tuple[str, str]] = {
    # the target kinds (core.targets), as the report names them
    "target.sbt_linear": (
        "SBT (中小企業向け) 年4.2%削減・2030年度まで",
        "SBT for SMEs, −4.2 %/yr to FY2030",
    ),
    "target.sbt_42": ("SBT (中小企業向け) 2030年度42%削減", "SBT for SMEs, −42 % by FY2030"),
    "target.national": ("国の目標 2030年度 −46%", "National target, −46 % by FY2030"),
    "target.bank_spt": ("金融機関のSPT", "Bank SPT"),
    # page 1: the KPI, locked
    "kpi.heading": ("KPI (融資の評価指標)", "The KPI (the loan's performance indicator)"),
    "kpi.definition": ("KPI の定義", "KPI definition"),
    "kpi.definition_text": (
        "Scope 1 + Scope 2 の CO2 排出量 [t-CO2]、Scope 2 は{basis}、対象は全事業所",
        "Scope 1 + Scope 2 CO2 emissions [t-CO2], Scope 2 on the {basis}, all sites",
    ),
    "kpi.basis.adjusted": ("調整後排出係数 (マーケット基準)", "adjusted factors (market-based)"),
    "kpi.basis.basic": ("基礎排出係数 (マーケット基準)", "basic factors (market-based)"),
    "kpi.basis.location": ("全国平均係数 (ロケーション基準)", "national average (location-based)"),
    "kpi.base": ("基準年度と基準値", "Base year and value"),
    "kpi.base_text": ("{fy}: {t} t-CO2", "{fy}: {t} t-CO2"),
    "kpi.held_at": ("KPI を固定する係数", "Factor set the KPI is held at"),
    "kpi.held_at_text": (
        "基準年度 ({fy}) の係数: {editions}",
        "the base year's ({fy}) factors: {editions}",
    ),
    "col.change": ("比較", "Change"),
    "col.reported": ("報告値の増減\n[t-CO2]", "As reported\n[t-CO2]"),
    "col.reported_pct": ("報告値\n[%]", "As reported\n[%]"),
    "col.constant": ("係数固定の増減\n[t-CO2]", "At constant factors\n[t-CO2]"),
    "col.constant_pct": ("係数固定\n[%]", "Constant\n[%]"),
    "col.factor_effect": ("係数変更の影響\n[t-CO2]", "Factor effect\n[t-CO2]"),
    "kpi.yoy_row": ("前年度比 ({a}→{b})", "Year on year ({a} to {b})"),
    "kpi.base_row": ("基準年度比 ({a}→{b})", "Against the base year ({a} to {b})"),
    "kpi.no_change": (
        "比較できる年度がまだありません (基準年度のみ)。",
        "No year to compare with yet (the base year only).",
    ),
    "kpi.change_note": (
        "係数固定 = 両年度のエネルギー使用量に基準年度の係数を掛けた値の差 (会社自身の変化)。"
        "係数変更の影響 = 報告値の増減 − 係数固定の増減。",
        "Constant factors: both years' energy at the base year's factors (the company's own"
        " change). Factor effect = the change as reported − the change at constant factors.",
    ),
    "kpi.on_estimate": (
        "注意: 基準年度 ({fy}) の排出量は公表値でない係数を含みます ({what})。KPI の基準値は"
        "この推計・代替値に基づき、公表値が分かれば基準年度の再計算の対象になります。",
        "Caution: the base year ({fy}) rests on factors that are not published values ({what})."
        " The KPI's base value depends on this estimate or placeholder and is to be recalculated"
        " once the published value is known.",
    ),
    "kpi.part_year_change": (
        "注意: {fy} は12か月そろっていないため、この増減は通年どうしの比較ではありません。",
        "Caution: {fy} does not have all 12 months, so this is not a full-year comparison.",
    ),
    "trend.part_year_note": (
        "前年比・基準年比の「-」: 12か月そろわない年度を含むため比べていません。",
        'A change shown as "-": a year without all 12 months is involved, so it is not compared.',
    ),
    "kpi.user_factors": (
        "基準年度の利用者が入力した係数: {factors}",
        "User-entered factors of the base year: {factors}",
    ),
    "kpi.user_factor": ("{label}: {value} {unit}", "{label}: {value} {unit}"),
    "summary.not_full_year": ("通年でない", "not a full year"),
    "kpi.estimated_months": ("推計値の月 {months}", "estimated months {months}"),
    "kpi.part_year": (
        "注意: 基準年度 ({fy}) は12か月そろっていません (通年の値ではありません)。",
        "Caution: the base year ({fy}) does not have all 12 months (not a full-year value).",
    ),
    "kpi.missing_factor": ("係数なし", "no factor"),
    "summary.part_year": (
        "{fy} の {months}か月分 (通年ではありません)",
        "{months} months of {fy} (not a full year)",
    ),
    # the reasons for the change
    "reasons.heading": ("増減の要因 ({a}→{b})", "Reasons for the change ({a} to {b})"),
    "col.effect": ("要因", "Effect"),
    "col.effect_t": ("寄与\n[t-CO2]", "Contribution\n[t-CO2]"),
    "col.effect_basis": ("内容", "What moved"),
    "effect.factor": ("排出係数の変更", "Emission factor change"),
    "effect.production": ("生産量 (活動量)", "Production (activity)"),
    "effect.revenue": ("売上高 (活動量)", "Revenue (activity)"),
    "effect.energy_use": ("エネルギー使用量", "Energy use"),
    "effect.intensity": ("エネルギー原単位", "Energy intensity"),
    "effect.mix": ("エネルギー構成", "Energy mix"),
    "effect.other": ("冷媒の漏えい", "Refrigerant leakage"),
    "effect.total": ("合計 (報告値の増減)", "Total (change as reported)"),
    "effect.driver_text": ("{a} → {b} {unit}", "{a} to {b} {unit}"),
    "effect.gj_text": ("{a} → {b} GJ", "{a} to {b} GJ"),
    "effect.factor_text": ("係数一覧の変更", "the factor lists changed"),
    "effect.mix_text": ("係数固定での GJ あたり排出量", "t-CO2 per GJ at constant factors"),
    "reasons.method": (
        "要因分解: 係数固定の増減を LMDI 法 (対数平均ディビジア指数) で活動量・原単位・構成に"
        "分けています。各要因の合計は報告値の増減に一致します。",
        "Decomposition: the change at constant factors is split into activity, intensity and"
        " mix by the LMDI method (log-mean Divisia index); the effects add up to the change as"
        " reported.",
    ),
    "reasons.user": ("会社の説明: {text}", "The company's explanation: {text}"),
    "reasons.user_none": (
        "会社の説明: 未入力 (会社情報の年度の表で入力できます)",
        "The company's explanation: not entered (enter it in the fiscal-year table)",
    ),
    "reasons.no_split": (
        "要因分解に必要な値 (エネルギー使用量) がないため分解していません。",
        "Not decomposed: a value it needs (energy use) is missing.",
    ),
    # the loan page
    "s.loan": ("12. 融資の目標 (SPT) と実績", "12. Loan targets (SPT) and performance"),
    "loan.lender": ("金融機関: {name}", "Lender: {name}"),
    "loan.no_lender": ("金融機関: 未入力", "Lender: not entered"),
    "loan.spt_heading": ("SPT (年度別の目標値) と実績", "SPT year by year against the actual"),
    "loan.no_spt": (
        "金融機関の SPT が設定されていません (目標ページで設定できます)。",
        "No bank SPT is set (set it on the targets page).",
    ),
    "loan.spt_rule": (
        "SPT: {base_year}年度の {base_t} t-CO2 から {target_year}年度までに {pct}% 削減"
        " (年 {rate}% ずつ直線的に)。",
        "SPT: {pct} % off FY{base_year}'s {base_t} t-CO2 by FY{target_year} ({rate} %/yr, linear).",
    ),
    "col.spt_t": ("SPT\n[t-CO2]", "SPT\n[t-CO2]"),
    "col.actual_t": ("実績 (報告値)\n[t-CO2]", "Actual (reported)\n[t-CO2]"),
    "col.actual_constant_t": ("実績 (係数固定)\n[t-CO2]", "Actual (constant)\n[t-CO2]"),
    "col.achieved": ("達成", "Achieved"),
    "loan.achieved_yes": ("達成", "yes"),
    "loan.achieved_no": ("未達成", "no"),
    "loan.no_data": ("データなし", "no data"),
    "loan.part_year": ("通年でない", "part year"),
    "loan.achieved_note": (
        "達成 = 実績 (報告値) が SPT 以下。12か月そろわない年度は判定しません。",
        "Achieved: actual (as reported) at or below the SPT. A year without all 12 months is"
        " not judged.",
    ),
    "loan.rates_heading": ("年あたり削減率の比較", "Reduction rate per year compared"),
    "col.rate_kind": ("比較対象", "Against"),
    "col.rate": ("削減率\n[%/年]", "Rate\n[%/yr]"),
    "col.rate_source": ("根拠", "Basis"),
    "loan.rate_actual": ("実績 {a}→{b} (報告値)", "Actual FY{a} to FY{b} (as reported)"),
    "loan.rate_constant": ("実績 {a}→{b} (係数固定)", "Actual FY{a} to FY{b} (constant factors)"),
    "loan.rate_actual_basis": ("基準年度比の年平均", "yearly average against the base year"),
    "loan.rate_spt": ("SPT", "SPT"),
    "loan.rate_sbt": ("SBT 中小企業向け (1.5℃)", "SBT for SMEs (1.5 °C)"),
    "loan.rate_sbt_basis": (
        "SBTi 中小企業向けルート: 2030年度までの短期目標、基準年度は2018年度以降",
        "SBTi SME route: a near-term target to 2030, base year 2018 or later",
    ),
    "loan.rate_sector": ("業種の目安 (金融機関の指定)", "Sector benchmark (set by the lender)"),
    "loan.rate_sector_none": ("未入力", "not entered"),
    "loan.targets_heading": (
        "目標の計算 (基準値 × (1 − 削減率) = 目標値)",
        "Each target worked out (base × (1 − reduction) = target)",
    ),
    "col.gap_target": ("目標年度の差\n[t-CO2]", "Gap, target year\n[t-CO2]"),
    "col.base_t": ("基準値\n[t-CO2]", "Base value\n[t-CO2]"),
    "col.sbti": ("SBTi の\n基準年度", "SBTi\nbase year"),
    "loan.sbti_ok": ("認められる", "accepted"),
    "loan.sbti_no": ("認められない", "not accepted"),
    "loan.not_applicable": ("対象外", "n/a"),
    # sources (issue 18: the bank PDF cites official and primary sources only)
    "source.estimate": (
        "{ids}: EcoCheck の推計 (公的機関・一次資料の出典がありません。現地で確認してください)",
        "{ids}: EcoCheck estimate (no official or primary source; confirm on site)",
    ),
    "source.enduse_estimate": (
        "EcoCheck の推計 (公的機関・一次資料の出典がない部分を含みます)",
        "EcoCheck estimate (partly without an official or primary source)",
    ),
    # data quality (PCAF) and the declaration
    "s.declaration": (
        "14. データ品質の評価 (PCAF) と代表者の宣誓",
        "14. Data quality (PCAF) and the declaration",
    ),
    "dq.completeness": ("完全性", "Completeness"),
    "dq.completeness_text": (
        "{months}/{expected} か月、事業所 {sites_with}/{sites}、エネルギー: {energies}",
        "{months} of {expected} months, sites {sites_with} of {sites}, energies: {energies}",
    ),
    "dq.part_year": ("(通年ではありません)", "(not a full year)"),
    "dq.shares": ("排出量の根拠の内訳", "What the t-CO2 rests on"),
    "dq.shares_text": (
        "推計した月 {estimated}%、既定値の係数 {default}%、利用者が入力した係数 {user}%"
        " (Scope 1+2 調整後に占める割合)",
        "estimated months {estimated} %, default factors {default} %, user-entered factors"
        " {user} % (shares of Scope 1+2 adjusted)",
    ),
    "dq.base_shares": ("基準年度 ({fy}) の根拠の内訳", "The base year ({fy}) rests on"),
    "dq.pcaf": ("PCAF データ品質スコア", "PCAF data quality score"),
    "dq.pcaf_text": (
        "スコア {score} (オプション {option}) — PCAF 基準 Part A、事業性融資: {why}",
        "score {score} (option {option}) — PCAF Standard Part A, business loans: {why}",
    ),
    "dq.pcaf_1a": ("第三者検証を受けた報告排出量", "reported emissions, verified by a third party"),
    "dq.pcaf_1b": ("未検証の報告排出量", "reported emissions, not verified"),
    "dq.pcaf_2a": (
        "エネルギー使用量 (一次データ) からの算定 (報告値としては不完全)",
        "calculated from primary energy-use data (not a complete reported inventory)",
    ),
    "dq.pcaf_3a": ("売上高からの推計", "estimated from revenue"),
    "dq.pcaf_other": ("エネルギー使用量からの算定", "calculated from energy use"),
    "dq.verification": ("検証", "Verification"),
    "verification.none": ("なし", "none"),
    "verification.self": ("自社で確認", "self-checked"),
    "verification.third_party": ("第三者検証 ({verifier})", "third-party verified ({verifier})"),
    "dq.boundary": ("組織境界 (対象事業所)", "Organisational boundary (sites included)"),
    "dq.gases": ("対象ガス", "Gases covered"),
    "dq.gases_text": (
        "エネルギー起源 CO2 (Scope 1・2)、冷媒の漏えい (HFC 等、記録がある場合)",
        "energy CO2 (Scope 1 and 2), refrigerant leakage (HFCs and others, where recorded)",
    ),
    "dq.scope3": ("Scope 3", "Scope 3"),
    "dq.scope3_none": ("算定していません (KPI の対象外)", "not calculated (outside the KPI)"),
    "dq.scope3_some": (
        "一部のカテゴリを算定 ({t} t-CO2、KPI の対象外): {categories}",
        "some categories calculated ({t} t-CO2, outside the KPI): {categories}",
    ),
    "dq.recalc": ("基準年度の再計算方針", "Base-year recalculation policy"),
    "dq.recalc_text": (
        "組織境界の変更 (事業所の取得・売却・閉鎖)、算定方法の変更、または誤りの発見により、"
        "基準年度の排出量が {pct}% 以上変わる場合は、基準年度と SPT を再計算し、金融機関に"
        "報告します。{pct}% 未満の変更は再計算しません。排出係数の毎年の改定は再計算の理由に"
        "しません (KPI は基準年度の係数でも示します)。",
        "If a change of the organisational boundary (a site acquired, sold or closed), of the"
        " method, or a discovered error changes the base year's emissions by {pct} % or more,"
        " the base year and the SPT are recalculated and the lender is told. Changes below"
        " {pct} % are not recalculated. The yearly revision of emission factors is not a reason"
        " to recalculate (the KPI is also shown at the base year's factors).",
    ),
    "decl.heading": ("代表者の宣誓 (記名・押印)", "Declaration by the representative"),
    "decl.text": (
        "本報告書の排出量は、当社の請求書・検針票に基づき、上記の方法で算定したものであり、"
        "その内容に相違ないことを宣誓します。",
        "We declare that the emissions in this report were calculated by the method above from"
        " our own bills and meter readings, and that they are correct to the best of our"
        " knowledge.",
    ),
    "decl.company": ("会社名", "Company"),
    "decl.title": ("役職", "Title"),
    "decl.name": ("代表者 氏名", "Representative"),
    "decl.date": ("日付", "Date"),
    "decl.seal": ("署名・押印", "Signature and seal"),
}
