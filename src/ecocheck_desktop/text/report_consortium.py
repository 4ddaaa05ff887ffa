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
        "Planned reduction, total (plan measures)",
    ),
    "consortium.per_year": ("年", "year"),
    "consortium.target_only": ("目標のみの企業 (目標削減量)", "Companies with a target only"),
    "consortium.target_only_value": ("{n} 社、{t} t-CO2", "{n} companies, {t} t-CO2"),
    "consortium.unreadable": ("集計できなかったファイル", "Files not aggregated"),
    "consortium.unreadable_value": ("{n} ファイル", "{n}"),
    "consortium.h_industry": ("2. 業種別", "2. By industry"),
    "consortium.industry": ("業種", "Industry"),
    "consortium.companies": ("企業数", "Companies"),
    "consortium.total_t": ("排出量 [t-CO2]", "Emissions [t-CO2]"),
    "consortium.share": ("構成比", "Share"),
    "consortium.median_intensity": (
        "原単位 中央値\n[t-CO2/百万円]",
        "Median intensity\n[t-CO2/million yen]",
    ),
    "consortium.not_entered": ("(未入力)", "(not entered)"),
    "consortium.h_energy": ("3. エネルギー種別", "3. By energy"),
    "consortium.energy_type": ("エネルギー", "Energy"),
    "consortium.h_intensity": ("4. 排出原単位の分布", "4. Distribution of emission intensity"),
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
        "5. 排出量の大きい企業 (上位 {n} 社)",
        "5. Largest emitters (top {n})",
    ),
    "consortium.company": ("企業", "Company"),
    "consortium.fy": ("年度", "Fiscal year"),
    "consortium.intensity": ("原単位", "Intensity"),
    "consortium.planned_t": ("計画削減量\n[t-CO2/年]", "Planned reduction\n[t-CO2/yr]"),
    "consortium.planned_note": (
        "* 削減計画がなく、目標 (基準年度から目標年度まで) の削減量を示したもの。",
        "* No plan: the reduction the company's target asks for (base year to target year).",
    ),
    "consortium.h_method": ("6. 集計の方法", "6. Method"),
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
        "計画削減量は、削減計画に選ばれた対策を順に組み合わせた年間削減量 (t-CO2/年) の合計です。"
        "計画のない企業の目標削減量は別に示し、合計には含めていません。",
        "The planned reduction is the annual t-CO2 of the measures chosen in each company's plan,"
        " combined in sequence. For companies without a plan the reduction their target asks for"
        " is shown separately and not added to that total.",
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
