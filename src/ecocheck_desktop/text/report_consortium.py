"""The wording of the consortium summary (several companies in one PDF/CSV), ``{key: (ja, en)}``.

Part of the report's ``TEXTS`` (:mod:`ecocheck_desktop.text.report`), kept apart because it is
a report of its own (``report/consortium.py``, ``report/consortium_pdf.py``).
"""

from __future__ import annotations

CONSORTIUM: dict[str, tuple[str, str]] = {
    "consortium.title": (
        "CO2排出量 集計報告 (複数企業)",
        "CO2 Emissions Summary (several companies)",
    ),
    "consortium.subtitle": (
        "EcoCheck のプロジェクトファイルから各社の最新年度を集計したものです",
        "Aggregated from EcoCheck project files, each company's latest fiscal year",
    ),
    "consortium.item": ("項目", "Item"),
    "consortium.value": ("値", "Value"),
    "consortium.source": ("対象", "Source"),
    "consortium.date": ("作成日", "Date"),
    "consortium.files": ("ファイル数", "Files"),
    "consortium.files_value": (
        "{files} ファイル (集計できた企業 {companies} 社)",
        "{files} files ({companies} companies aggregated)",
    ),
    "consortium.years": ("対象年度", "Fiscal years"),
    "consortium.h_overview": ("1. 全体", "1. Overview"),
    "consortium.scope1": ("Scope 1 合計", "Scope 1 total"),
    "consortium.scope2": ("Scope 2 合計 (調整後)", "Scope 2 total (adjusted)"),
    "consortium.total": ("Scope 1+2 合計 (調整後)", "Scope 1+2 total (adjusted)"),
    "consortium.energy": ("エネルギー使用量 合計", "Energy use, total"),
    "consortium.with_plan": ("削減計画のある企業", "Companies with a reduction plan"),
    "consortium.with_plan_value": ("{n} 社 ({share} %)", "{n} companies ({share} %)"),
    "consortium.planned": (
        "計画削減量 合計 (計画の対策)",
        "Plan cut, total (plan measures)",
    ),
    "consortium.per_year": ("年", "year"),
    "consortium.unreadable": ("集計できなかったファイル", "Files not aggregated"),
    "consortium.unreadable_value": ("{n} ファイル", "{n}"),
    "consortium.h_industry": ("3. 業種別", "3. By industry"),
    "consortium.industry": ("業種", "Industry"),
    "consortium.companies": ("企業数", "Companies"),
    "consortium.total_t": ("排出量 [t-CO2]", "Emissions [t-CO2]"),
    "consortium.share": ("構成比", "Share"),
    "consortium.median_intensity": (
        "原単位 中央値\n[t-CO2/百万円]",
        "Median intensity\n[t-CO2/million yen]",
    ),
    "consortium.not_entered": ("(未入力)", "(not entered)"),
    "consortium.h_energy": ("4. エネルギー種別", "4. By energy"),
    "consortium.energy_type": ("エネルギー", "Energy"),
    "consortium.h_intensity": ("5. 排出原単位の分布", "5. Distribution of emission intensity"),
    "consortium.intensity_note": (
        "売上高あたりの排出量 (調整後 Scope 1+2 ÷ 売上高 [百万円])。売上高が入力された {n} 社。",
        "Emissions per revenue (adjusted Scope 1+2 ÷ revenue [million yen]), {n} companies"
        " that entered their revenue.",
    ),
    "consortium.q_min": ("最小", "Minimum"),
    "consortium.q_p25": ("第1四分位", "25th percentile"),
    "consortium.q_median": ("中央値", "Median"),
    "consortium.q_p75": ("第3四分位", "75th percentile"),
    "consortium.q_max": ("最大", "Maximum"),
    "consortium.q_mean": ("平均", "Mean"),
    "consortium.chart_x": ("排出原単位 [t-CO2/百万円]", "Intensity [t-CO2/million yen]"),
    "consortium.chart_y": ("企業数", "Companies"),
    "consortium.h_largest": (
        "6. 各社の状況 (排出量の大きい順、上位 {n} 社)",
        "6. Companies (largest first, top {n})",
    ),
    "consortium.company": ("企業", "Company"),
    "consortium.fy": ("年度", "Fiscal year"),
    "consortium.intensity": ("原単位", "Intensity"),
    "consortium.plan_t": ("計画削減量\n[t-CO2/年]", "Plan cut\n[t-CO2/yr]"),
    "consortium.target_t": ("目標削減量\n[t-CO2]", "Target ask\n[t-CO2]"),
    "consortium.quality": ("データ品質\n(PCAF)", "Data quality\n(PCAF)"),
    "consortium.estimated_share": ("推計 {pct} %", "est. {pct} %"),
    "consortium.planned_note": (
        "計画削減量: 削減計画の対策を順に組み合わせた年間削減量 (t-CO2/年)。"
        "目標削減量: 最初の目標が基準年度から目標年度までに求める削減量 (t-CO2)。"
        "両者は別の量で、合計もしません。",
        "Plan cut: the annual t-CO2 of the plan's measures combined in sequence. Target ask: the"
        " t-CO2 the first target asks for from its base year to its target year. They are"
        " different quantities and are never added together.",
    ),
    "consortium.part_year_note": (
        "† 部分年度 (データのある月が12か月未満)。通年の合計・業種別・エネルギー別・原単位・"
        "進捗の合計には含めていません。",
        "† Part year (fewer than 12 months with data): not in the full-year totals, the industry,"
        " energy and intensity figures or the progress total.",
    ),
    "consortium.quality_note": (
        "データ品質: PCAF データ品質スコア (1 が最良) と選択肢。1a 第三者検証済みの報告値、"
        "1b 未検証の報告値、2a エネルギー使用量 × 係数 (不完全な年度)。推計: 推計月・推計係数に"
        "よる排出量の割合。",
        "Data quality: the PCAF data-quality score (1 is best) and option: 1a verified reported"
        " emissions, 1b unverified reported emissions, 2a energy use × factors (incomplete"
        " year). est.: share of t-CO2 on estimated months or factors.",
    ),
    "consortium.suppressed_cell": ("—", "—"),
    "consortium.suppressed_note": (
        "— 匿名化のため、3社未満を集計した値は表示していません (業種・エネルギーの区分が"
        "1〜2社の場合、各社の排出量など)。合計からの引き算で分かってしまわないよう、"
        "もう1つの値も表示していない場合があります。",
        "— Anonymised: a figure that aggregates fewer than 3 companies is not shown (e.g. an"
        " industry or energy with 1–2 companies, each company's own t-CO2). So that it cannot"
        " be worked out by subtracting from a total, a second figure may be hidden too.",
    ),
    "consortium.full_year": ("通年の企業 (合計の対象)", "Full-year companies (in the totals)"),
    "consortium.part_year_companies": (
        "部分年度の企業 (合計の対象外)",
        "Part-year companies (not in the totals)",
    ),
    "consortium.companies_value": ("{n} 社", "{n} companies"),
    "consortium.with_target": (
        "目標のある企業 / 目標削減量 合計",
        "Companies with a target / target ask, total",
    ),
    "consortium.full_year_note": (
        "合計は通年の企業のみです。計画削減量と目標削減量は別の量で、合計していません。",
        "Totals are of full-year companies only. The plan cut and the target ask are different"
        " quantities and are not added together.",
    ),
    "consortium.h_progress": (
        "2. 市の目標 (2013年度比46%削減) の経路に対する進捗",
        "2. Progress against the city's path (-46 % by FY2030 vs FY2013)",
    ),
    "consortium.progress_note": (
        "各社の基準年度 (最初の目標の基準年度、なければ計算が完了した最初の年度) と最新年度の"
        "排出量 (調整後 Scope 1+2) を比べます。経路の値は国・市の目標 (2030年度に2013年度比46%"
        "削減、その間は直線) を各社の基準年度から当てはめたものです。部分年度は含めません。",
        "Each company's base year (its first target's base year, else its first complete year)"
        " against its latest year (adjusted Scope 1+2). The path value is the national and city"
        " target (-46 % by FY2030 vs FY2013, linear in between) re-based to the company's base"
        " year. Part years are left out.",
    ),
    "consortium.progress_none": (
        "基準年度と最新年度の両方に通年のデータがある企業はありません。",
        "No company has full-year data in both a base year and a later year.",
    ),
    "consortium.progress_total": ("合計 ({n} 社)", "Total ({n} companies)"),
    "consortium.base_fy": ("基準年度", "Base year"),
    "consortium.base_t": ("基準年度\n[t-CO2]", "Base year\n[t-CO2]"),
    "consortium.latest_t": ("最新年度\n[t-CO2]", "Latest\n[t-CO2]"),
    "consortium.change": ("増減", "Change"),
    "consortium.path_t": ("経路の値\n[t-CO2]", "Path value\n[t-CO2]"),
    "consortium.on_path": ("経路以下", "On path"),
    "consortium.on_path_value": ("{n} / {total} 社", "{n} of {total}"),
    "consortium.yes": ("はい", "yes"),
    "consortium.no": ("いいえ", "no"),
    "consortium.h_method": ("7. 集計の方法", "7. Method"),
    "consortium.method_year": (
        "各社の年度は、計算が完了している最新の年度です (完了した年度がなければデータのある"
        "最新の年度)。年度は企業によって異なることがあります。",
        "Each company counts with its latest fiscal year whose calculation is complete (else its"
        " latest year with data); the year may differ between companies.",
    ),
    "consortium.method_basis": (
        "排出量は温対法の調整後排出係数による Scope 1+2 です。数値は各社のレポート・"
        "コンパニオン CSV と同じ計算によるものです。",
        "Emissions are Scope 1+2 on the adjusted (market) basis of the SHK rules, calculated as in"
        " each company's report and companion CSV.",
    ),
    "consortium.method_plan": (
        "計画削減量は、削減計画に選ばれた対策を順に組み合わせた年間削減量 (t-CO2/年) の合計です"
        "(計算が完了した年度のある企業)。目標削減量は各社の最初の目標が求める削減量の合計で、"
        "別の欄に示し、計画削減量とは合計しません。",
        "The plan cut is the annual t-CO2 of the measures chosen in each company's plan, combined"
        " in sequence (companies with a complete year). The target ask is the total of what each"
        " company's first target asks for; it is shown in its own column and never added to the"
        " plan cut.",
    ),
    "consortium.method_anonymous": (
        "企業名は匿名化しています (企業 A、企業 B …)。ファイル名も載せていません。",
        "Company names are anonymised (Company A, Company B …); file names are left out.",
    ),
    "consortium.method_named": (
        "企業名はプロジェクトファイルに入力されたとおりです。",
        "Company names are as entered in the project files.",
    ),
    "consortium.unreadable_files": (
        "集計できなかったファイル: {files}",
        "Files not aggregated: {files}",
    ),
}
