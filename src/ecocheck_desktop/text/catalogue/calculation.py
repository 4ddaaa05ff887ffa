"""Message codes of the calculation core (``core/``): input values, factors, footprint,
completeness, plausibility, measures, profiles and targets.

Each entry is ``code: (Japanese, English)``; ``{name}`` placeholders are the message's params
and where keys. See :mod:`ecocheck_desktop.text.catalogue` for the rules of the table.
"""

CALCULATION: dict[str, tuple[str, str]] = {
    # --- raised in core/quantity.py --------------------------------------------------------------
    "quantity.empty": (
        "使用量を入力してください。",
        "A quantity is required",
    ),
    "quantity.not_a_number": (
        "「{value}」は数値ではありません。",
        "'{value}' is not a number",
    ),
    "quantity.negative": (
        "使用量「{value}」がマイナスです。0 以上を入力してください。",
        "The quantity '{value}' is negative; quantities must be 0 or more",
    ),
    "quantity.too_large": (
        "使用量「{value}」が大きすぎます（1兆を超えています）。",
        "The quantity '{value}' is implausibly large (over 1e12)",
    ),
    "quantity.too_precise": (
        "使用量「{value}」は小数点以下が {max_decimals} 桁を超えています。",
        "The quantity '{value}' has more than {max_decimals} decimals",
    ),
    "quantity.other_unit": (
        "「{value}」はこの列の単位（{unit}）ではありません。{unit} の数値を入力してください。",
        "'{value}' is not in this column's unit ({unit}); enter the figure in {unit}",
    ),
    "quantity.unit_missing": (
        "「{value}」に単位がありません。",
        "'{value}' has no unit",
    ),
    # --- raised in core/energy.py ----------------------------------------------------------------
    "energy.unknown": (
        "「{value}」はエネルギーの種類として分かりません。",
        "Unknown energy type '{value}'",
    ),
    "unit.unknown": (
        "「{value}」は単位として分かりません。",
        "Unknown unit '{value}'",
    ),
    "unit.mismatch": (
        "単位「{unit}」は{energy}には使えません（使える単位: {allowed}）。",
        "The unit '{unit}' does not fit the energy type '{energy}' (allowed: {allowed})",
    ),
    # --- raised in core/fiscal.py ----------------------------------------------------------------
    "month.invalid": (
        "「{value}」は年月として読めません（例: 2025-04、2025年4月、R7.4）。",
        "'{value}' is not a month (expected e.g. 2025-04, 2025年4月 or R7.4)",
    ),
    "fiscal.start_month_invalid": (
        "年度の開始月は 1〜12 で入力してください（「{value}」は使えません）。",
        "The fiscal-year start month must be 1-12, not {value}",
    ),
    # --- raised in core/factors.py ---------------------------------------------------------------
    "factor.manifest_invalid": (
        "排出係数ライブラリが壊れています（{file}、{reason}）。EcoCheck を入れ直してください。",
        "The factor library is damaged ({file}): {reason}",
    ),
    "factor.table_invalid": (
        "排出係数表 {file} の {line} 行目が壊れています（{reason}）。EcoCheck "
        "を入れ直してください。",
        "The factor table {file} is damaged at line {line}: {reason}",
    ),
    "factor.no_fuel_table": (
        "{fiscal_year}年度に使える燃料の排出係数表がありません。",
        "No fuel factor table covers fiscal year {fiscal_year}",
    ),
    "factor.electricity_missing": (
        "{fiscal_year}年度の電気事業者別排出係数の一覧がありません。"
        "請求書または電気事業者のサイトに載っている係数と、その出典を入力してください。",
        "No official electricity retailer list for fiscal year {fiscal_year}; enter the factor "
        "from the bill or the retailer's site and its source",
    ),
    "factor.electricity_substitute": (
        "電気事業者「{supplier}」は{fiscal_year}年度の一覧にないため、代替値 {value} t-CO2/kWh "
        "を使用しました。",
        "Retailer '{supplier}' is not in the list for fiscal year {fiscal_year}; the substitute "
        "value (代替値) {value} t-CO2/kWh is used",
    ),
    # The same warning when the contract names no retailer (the sentence would show 「」).
    "factor.electricity_substitute.no_supplier": (
        "電気事業者が入力されていないため、{fiscal_year}年度の代替値 {value} t-CO2/kWh "
        "を使用しました。",
        "No electricity retailer is entered; the substitute value (代替値) {value} t-CO2/kWh of "
        "fiscal year {fiscal_year} is used",
    ),
    "factor.electricity_menu_unknown": (
        "電気事業者 {supplier} には、{fiscal_year}年度の一覧にメニュー「{menu}」がありません。"
        "この事業者のメニュー: {menus}",
        "Retailer {supplier} has no menu '{menu}' in the list for fiscal year {fiscal_year}; its"
        " menus: {menus}",
    ),
    "factor.electricity_menu_required": (
        "電気事業者 {supplier} は{fiscal_year}年度にメニュー別の係数だけを公表しています。"
        "次のいずれかを選んでください: {menus}",
        "Retailer {supplier} publishes only menu factors for fiscal year {fiscal_year}; choose "
        "one of: {menus}",
    ),
    "factor.electricity_row_substitute": (
        "{supplier} {menu} の係数は代替値です（公表一覧の※印）。",
        "The listed factor of {supplier} {menu} is the substitute value (※ in the official list)",
    ),
    "factor.supplier_menu_unknown": (
        "供給事業者 {supplier} には、{fiscal_year}年度の{kind}の一覧にメニュー「{menu}」"
        "がありません。この事業者のメニュー: {menus}",
        "Supplier {supplier} has no menu '{menu}' in the {kind} list for fiscal year "
        "{fiscal_year}; its menus: {menus}",
    ),
    "factor.supplier_menu_required": (
        "供給事業者 {supplier} には{fiscal_year}年度の{kind}のメニューが複数あります。"
        "次のいずれかを選んでください: {menus}",
        "Supplier {supplier} has several {kind} menus for fiscal year {fiscal_year}; choose one "
        "of: {menus}",
    ),
    "factor.unknown_edition": (
        "排出係数の版「{edition}」が見つかりません。",
        "Unknown factor edition '{edition}'",
    ),
    "factor.unknown_refrigerant": (
        "冷媒「{refrigerant}」が分かりません。",
        "Unknown refrigerant '{refrigerant}'",
    ),
    "factor.no_conversion": (
        "{fiscal_year}年度のエネルギー換算係数「{key}」がありません。",
        "No energy conversion factor '{key}' for fiscal year {fiscal_year}",
    ),
    "factor.unknown_scope3": (
        "スコープ3の係数「{factor_key}」が分かりません。",
        "Unknown Scope 3 factor '{factor_key}'",
    ),
    "factor.electricity_not_listed": (
        "電気事業者「{supplier}」は、{fiscal_year}年度用に収録している過去の係数（{edition}）"
        "にありません。電気事業者の「電源構成・CO2排出係数」のページか請求書に載っている係数を、"
        "出典とともに入力してください。",
        "Retailer '{supplier}' is not among the sourced past-year rows bundled for fiscal year "
        "{fiscal_year} ({edition}); enter its published factor from the retailer's "
        "「電源構成・CO2排出係数」 page or the bill, with its source",
    ),
    "factor.supplier_ambiguous": (
        "「{supplier}」に同じくらい当てはまる事業者が複数あります（{candidates}）。"
        "登録番号で指定してください。",
        "'{supplier}' matches more than one supplier equally: {candidates}; enter the "
        "registration number",
    ),
    "factor.gas_supplier_unknown": (
        "ガス事業者「{supplier}」は{fiscal_year}年度のガス事業者別排出係数の一覧にないため、"
        "都市ガスの既定の係数を使っています。",
        "Gas supplier '{supplier}' is not in the gas list for fiscal year {fiscal_year}; the "
        "default city-gas factor is used",
    ),
    "factor.gas_no_list": (
        "{fiscal_year}年度のガス事業者別排出係数の一覧がないため、「{supplier}」"
        "には都市ガスの既定の係数を使っています。事業者が係数を公表していれば入力してください。",
        "No gas supplier list for fiscal year {fiscal_year}: the default city-gas factor is used"
        " for '{supplier}'; enter the supplier's published factor if it has one",
    ),
    "factor.supplier_did_you_mean": (
        "「{supplier}」は{fiscal_year}年度の一覧の名称と一致しません。近い名称: {candidates}。"
        "このいずれかであれば、その登録番号を入力するとその事業者の係数を使います。",
        "'{supplier}' is not an exact name in the fiscal year {fiscal_year} list; close names: "
        "{candidates}. If one is yours, enter its registration number to use its factor",
    ),
    # --- raised in core/factor_packages.py -------------------------------------------------------
    "factor_package.unreadable": (
        "係数パッケージ {file} を読めません（{reason}）。",
        "The factor package {file} cannot be read: {reason}",
    ),
    "factor_package.oversize": (
        "係数パッケージ {file} が大きすぎます（{size}、上限 {limit}）。",
        "The factor package {file} is too large ({size} bytes; at most {limit})",
    ),
    "factor_package.bad_member": (
        "係数パッケージ {file} に使えないパスがあります: {member}",
        "The factor package {file} holds a path that is not allowed: {member}",
    ),
    "factor_package.format": (
        "係数パッケージ {file} の形式 {found} は読めません（このアプリは {expected} の版 "
        "{version}）。",
        "The factor package {file} has format {found}; this app reads format {expected} version "
        "{version}",
    ),
    "factor_package.checksum": (
        "係数パッケージ {file} の表 {member} がチェックサムと一致しません（壊れているか、"
        "書き換えられています）。",
        "The table {member} in the factor package {file} does not match its checksum (damaged or"
        " altered)",
    ),
    "factor_package.unlisted": (
        "係数パッケージ {file} に、package.json に載っていない {member} があります。",
        "The factor package {file} holds {member}, which its package.json does not list",
    ),
    "factor_package.missing_member": (
        "係数パッケージ {file} に {member} がありません。",
        "The factor package {file} lacks {member}",
    ),
    "factor_package.edition_conflict": (
        "係数パッケージ {file} の版「{edition}」は、内容の違う同じ版がすでに入っています。",
        "The factor package {file} brings edition '{edition}', which is already installed with "
        "different content",
    ),
    "factor_package.already_installed": (
        "係数パッケージ {file} はすでに入っています（版 {editions}）。",
        "The factor package {file} is already installed (editions {editions})",
    ),
    "factor_package.installed": (
        "係数パッケージ {package} を入れました（版 {editions}）。",
        "Installed factor package {package}: editions {editions}",
    ),
    "factor_package.invalid": (
        "係数パッケージ {file} は正しくありません（{reason}）。",
        "The factor package {file} is not valid: {reason}",
    ),
    # --- raised in core/footprint.py -------------------------------------------------------------
    "footprint.no_data": (
        "{fiscal_year}年度のデータがありません。",
        "There is no data for fiscal year {fiscal_year}",
    ),
    "factor.fuel_missing": (
        "{fiscal_year}年度の{energy}の公表排出係数がありません。",
        "No official factor for {energy} in fiscal year {fiscal_year}",
    ),
    "factor.heat_missing": (
        "{fiscal_year}年度の熱の排出係数がありません。供給事業者の係数とその出典を入力してくださ"
        "い。",
        "No heat factor for fiscal year {fiscal_year}; enter the supplier's factor and its source",
    ),
    "factor.location_missing": (
        "{fiscal_year}年度の全国平均係数がないため、ロケーション基準の結果は空欄です。",
        "The national average factor (全国平均係数) for fiscal year {fiscal_year} is not "
        "available; the location-based result is left empty",
    ),
    "factor.user_without_source": (
        "{site}の{energy}に入力した排出係数に出典がありません。"
        "どこから取った値か（電気事業者の「電源構成・CO2排出係数」のページ、請求書など）を、"
        "アプリでは係数の入力欄に、請求データのファイルでは「係数の出典」（factor_source）"
        "列に記録してください。",
        "A user-entered factor for {energy} at {site} has no source; record where it comes from "
        "(the retailer's 「電源構成・CO2排出係数」 page or the bill): in the app with the "
        "factor, in a bill file in the factor_source (係数の出典) column",
    ),
    "factor.chain_unavailable": (
        "{fiscal_year}年度: {energy}は単位発熱量・炭素排出係数がないため、丸められた係数 "
        "{factor} を使用しました。",
        "Fiscal year {fiscal_year}: {energy} has no heat value and carbon factor; the rounded "
        "one-line factor {factor} is used",
    ),
    "factor.edition_changed": (
        "{fiscal_year}年度は係数の版 {locked} で確定していますが、現在の係数ライブラリの版は "
        "{current} です。新しい版を使うには再計算してください。",
        "Fiscal year {fiscal_year} is locked to edition {locked}, but the library now gives "
        "{current}; recalculate explicitly to adopt it",
    ),
    "refrigerant.recovered_exceeds_charged": (
        "{refrigerant}: {fiscal_year}年度の回収量（{recovered} kg）が充塡量（{charged} kg）"
        "を超えています。漏えい量は 0 として計上しました。",
        "{refrigerant}: more recovered ({recovered} kg) than charged ({charged} kg) in fiscal "
        "year {fiscal_year}; counted as 0",
    ),
    "refrigerant.unknown": (
        "冷媒「{refrigerant}」が分かりません（{fiscal_year}年度）。",
        "Unknown refrigerant '{refrigerant}' (fiscal year {fiscal_year})",
    ),
    "scope3.unknown_factor": (
        "スコープ3の係数「{factor_key}」が分かりません（{fiscal_year}年度）。",
        "Unknown Scope 3 factor '{factor_key}' (fiscal year {fiscal_year})",
    ),
    "scope3.unsourced": (
        "スコープ3の係数「{factor_key}」に出典がないため、使用していません。",
        "The Scope 3 factor '{factor_key}' has no source and is not used",
    ),
    "factor.needed": (
        "{site}の{energy}（供給事業者: {supplier}）: {fiscal_year}年度（4月〜3月）は、"
        "この事業者の排出係数が同梱の一覧にありません（その年度の一覧がないか、"
        "出典を確認できた一部の事業者の行だけです）。電気事業者のサイトの「電源構成・CO2排出係数"
        "」のページか請求書に載っている基礎排出係数・調整後排出係数を、"
        "その出典とともに入力してください。または、推計（直近の一覧の値）を選ぶこともできます。",
        "{energy} at {site} (supplier: {supplier}) in fiscal year {fiscal_year} (April-March): "
        "no bundled official list gives this retailer's factor for that year (the year has no "
        "list, or only some retailers' sourced rows). Enter the retailer's published basic and "
        "adjusted factors with their source (the retailer's 「電源構成・CO2排出係数」 page, or "
        "the bill), or choose an estimate (推計) knowingly",
    ),
    "factor.estimate_substitute": (
        "{site}の{energy}（{fiscal_year}年度）は推計です: {source_fiscal_year}年度の一覧の代替値"
        " {value} t-CO2/kWh を使っています。",
        "{energy} at {site} in fiscal year {fiscal_year} is an estimate (推計): the 代替値 of "
        "the fiscal year {source_fiscal_year} list, {value} t-CO2/kWh",
    ),
    "factor.estimate_retailer": (
        "{site}の{energy}（{fiscal_year}年度）は推計です: {source_fiscal_year}年度の一覧にある同"
        "じ事業者の値 {value} t-CO2/kWh を使っています。",
        "{energy} at {site} in fiscal year {fiscal_year} is an estimate (推計): the same "
        "retailer's value in the fiscal year {source_fiscal_year} list, {value} t-CO2/kWh",
    ),
    "lpg.kg_per_m3_missing": (
        "{site}のLPガス: m³ から t への換算が「kg/m³ を指定」になっていますが、kg/m³ "
        "の値がありません（販売店の納品書をご確認ください）。",
        "LPG at {site}: the conversion is set to kg per m3 but no kg/m3 figure is entered (see "
        "the supplier's delivery slip)",
    ),
    # --- raised in core/completeness.py ----------------------------------------------------------
    "completeness.part_year": (
        "{fiscal_year}年度はエネルギーの記録が12か月のうち{months_present}か月分しかありません（"
        "ない月: {missing}）。1年分の合計ではありません。",
        "Fiscal year {fiscal_year} has energy records in only {months_present} of its 12 months "
        "(missing: {missing}); the totals are not a full year",
    ),
    "completeness.no_energy_data": (
        "{fiscal_year}年度にはエネルギー使用量の記録がありません。",
        "Fiscal year {fiscal_year} has no energy records",
    ),
    "completeness.blank_months": (
        "{site}の{energy}は、{fiscal_year}年度の{months}の記録がありません（ほかの月にはあります"
        "）。使っていない月なら 0 を入力してください。",
        "{energy} at {site} has no record for {months} in fiscal year {fiscal_year}, though "
        "other months have one; enter 0 for months it was not used",
    ),
    # --- raised in core/plausibility.py ----------------------------------------------------------
    "plausibility.month_missing": (
        "{site}の{energy}は {count} か月分のデータがありません（{month}）。使っていない月は 0 "
        "を入力してください。",
        "No {energy} data at {site} for {count} month(s) ({month}); enter 0 for months it was "
        "not used",
    ),
    "plausibility.month_outlier": (
        "{site}の{month}の{energy}が、年度の月の中央値の {ratio} 倍です（{value} {unit}、中央値 "
        "{median} {unit}）。",
        "{energy} in {month} at {site} is {ratio}x the median month of the fiscal year ({value} "
        "vs {median} {unit})",
    ),
    "plausibility.month_vs_last_year": (
        "{site}の{month}の{energy}が前年同月の {ratio} 倍です（{value} {unit}、前年同月 "
        "{last_year} {unit}）。",
        "{energy} in {month} at {site} is {ratio}x the same month last year ({value} vs "
        "{last_year} {unit})",
    ),
    "plausibility.unit_1000x": (
        "{site}の{month}の{energy}: {value} {unit} は桁が約1000倍ずれているようです。"
        "単位を確認してください（{hint}）。",
        "{energy} in {month} at {site}: {value} {unit} looks about 1,000 times off; check the "
        "unit ({hint})",
    ),
    "plausibility.factor_in_kg": (
        "{site}の{energy}（{month}）に入力した係数 {factor} {unit} は、t-CO2 ではなく kg-CO2 "
        "単位の値ではありませんか。",
        "The factor {factor} {unit} entered for {energy} at {site} ({month}) looks like kg-CO2 "
        "rather than t-CO2",
    ),
    # --- raised in core/measures.py --------------------------------------------------------------
    "measures.catalogue_invalid": (
        "対策カタログ {file} が壊れています（{reason}）。",
        "Measure catalogue {file}: {reason}",
    ),
    "checklist.unknown_key": (
        "チェックリストの回答「{key}」は現在のチェックリストにない項目のため、無視しました。",
        "Checklist answer '{key}' is not in the checklist schema; it is ignored",
    ),
    "checklist.invalid_value": (
        "チェックリストの「{key}」の回答「{value}」は使えません（{reason}）。"
        "未回答として扱います。",
        "Checklist answer {key} = '{value}' is not valid ({reason}); it is treated as not answered",
    ),
    "measures.needs_answer": (
        "チェックリストの「{key}」への回答が必要です。",
        "Needs the checklist answer '{key}'",
    ),
    "measures.condition_failed": (
        "チェックリスト: 「{key}」の回答は {answer} です（この対策は {value} {op}の場合が対象）。",
        "Checklist: {key} = {answer} (applies when {key} {op} {value})",
    ),
    "measures.no_energy": (
        "{end_use}に使っているエネルギーがありません。",
        "The company uses no energy for {end_use}",
    ),
    "measures.alternative_to": (
        "計画に入っている「{measure}」の代わりになる対策です。",
        "Alternative to {measure}, which is already in the plan",
    ),
    "measures.not_selected": (
        "会社が選んだ計画に入っていません。",
        "Not in the company's chosen plan",
    ),
    "measures.overlap": (
        "重複する対策の効果を差し引いています：計画で上にある対策が同じエネルギーを先に減らすため、"
        "この対策だけを実施した場合（{standalone_t} t-CO2/年）より小さくなります。",
        "Overlap with other measures deducted: the measures above it in the plan cut the same "
        "energy first, so this is less than the measure alone ({standalone_t} t-CO2/yr)",
    ),
    "measures.nothing_left": (
        "上の対策を実施すると、この対策で削減できる分が残りません。",
        "The measures above leave nothing for this one to act on",
    ),
    "measures.not_quantified": (
        "現場ごとの調査が必要なため、数値は出していません。",
        "Site-specific: needs a survey, no number is given",
    ),
    "measures.default_price": (
        "請求書に{energy}の金額がないため、既定の単価 {price} 円/{unit} を使用しました（出典: "
        "{source}）。",
        "No cost on the bills for {energy}: the default price {price} 円/{unit} is used ({source})",
    ),
    "measures.no_price": (
        "請求書に{energy}の金額がなく、既定の単価もないため、金額効果は 0 としています。",
        "No cost on the bills and no default price for {energy}: its money effect counts as 0",
    ),
    "measures.pv_surplus": (
        "太陽光の発電量は年 {generation} kWh ですが、事業所内で使えるのは {self_consumed} "
        "kWh（稼働日の昼間の需要）です。余剰分は計上していません。",
        "PV generates {generation} kWh/yr; only {self_consumed} kWh are used on site (daytime "
        "demand on operating days); the surplus is not counted",
    ),
    "measures.no_refrigerant_data": (
        "この年度の冷媒の充塡記録がないため、漏えい削減量を見積もれません。",
        "No refrigerant refills entered for this year: the avoided leakage cannot be estimated",
    ),
    "measures.no_electricity_factor": (
        "{fiscal_year}年度の電気の排出係数がないため、電化の対策は計算していません。",
        "No electricity factor for fiscal year {fiscal_year}: electrification measures are not "
        "calculated",
    ),
    "measures.capped_by_end_use": (
        "設備の使用量（年約 {equipment_kwh} kWh）が、用途別の内訳で{end_use}に割り当てた {pool} "
        "kWh を超えるため、削減量を上限で抑えました（用途別の内訳を見直してください）。",
        "The equipment uses about {equipment_kwh} kWh/yr, more than the {pool} kWh the end-use "
        "split gives {end_use}; the saving is capped (adjust the end-use split)",
    ),
    "measures.demand_moved": (
        "ピーク時の電力を別の時間に移すだけで、電力量は減りません。下がるのは基本料金（円）だけで、"
        "CO2 は減りません。",
        "Moves energy to other half-hours, saves none: the base charge (yen) falls, CO2 does not",
    ),
    "measures.replaced_by_data": (
        "30分データから計算した「{measure}」に置き換えています。",
        "Replaced by {measure}, computed from the 30-minute data",
    ),
    "measures.market_basis_only": (
        "削減されるのはマーケット基準（調整後）のスコープ2だけです。"
        "ロケーション基準の結果は変わりません。",
        "Reduces market-based (調整後) Scope 2 only; the location-based result is unchanged",
    ),
    # --- raised in core/profiles.py --------------------------------------------------------------
    "profiles.invalid": (
        "用途別プロファイルのファイル {file} が壊れています（{reason}）。",
        "End-use profile file {file}: {reason}",
    ),
    "profiles.override_invalid": (
        "用途別の内訳（{carrier}）の入力が正しくありません（{reason}）。",
        "The end-use override ({carrier}) is not valid: {reason}",
    ),
    "profiles.unknown_sector": (
        "業種プロファイル「{sector}」が分かりません（選べるもの: {known}）。",
        "Unknown sector '{sector}' (known: {known})",
    ),
    # --- raised in core/targets.py ---------------------------------------------------------------
    "targets.unknown_kind": (
        "目標の種類「{kind}」が分かりません（選べるもの: {known}）。",
        "Unknown target kind '{kind}' (known: {known})",
    ),
    "targets.bad_years": (
        "目標「{kind}」: 目標年度（{target_year}年度）は基準年度（{base_year}年度）"
        "より後にしてください。",
        "Target {kind}: the target year {target_year} must come after the base year {base_year}",
    ),
    "targets.bad_pct": (
        "目標「{kind}」: 削減率 {reduction_pct}% は 0〜100 の範囲で入力してください。",
        "Target {kind}: the reduction {reduction_pct} % must be between 0 and 100",
    ),
    "targets.sbt_42_caveat": (
        "「2030年までに42%削減」は二次情報による中小企業版SBTの短期目標です（未確認）。最新の "
        "SBTi の中小企業向け基準を確認してください。",
        "42 % by 2030 is the SBTi SME near-term option as reported by a secondary source "
        "(UNCONFIRMED); check the current SBTi SME criteria",
    ),
    "targets.national_rebased": (
        "国の目標は2013年度比ですが、2013年度のデータがないため、同じ削減率 (2030年度46%・"
        "2035年度60%・2040年度73%・2050年度100%) を{base_year}年度の排出量に当てはめています。",
        "The national target is set against FY2013; the company has no FY2013 data, so the same "
        "cuts (46 % by FY2030, 60 % by FY2035, 73 % by FY2040, 100 % by 2050) are applied to "
        "FY{base_year}'s emissions",
    ),
    "targets.sbt_base_year_not_accepted": (
        "基準年度 {base_year}年度は SBTi の中小企業向けルートで認められません "
        "({first}年度以降が必要): SBTi 認定の目標にはなりません。",
        "The base year FY{base_year} is not accepted by SBTi's SME route (FY{first} or later "
        "is required): this is not an SBTi-accepted target",
    ),
    # --- raised in core/bank_fields.py --------------------------------------------------------
    "company.bad_verification": (
        "検証の状態「{value}」は使えません ({known} のいずれか)。",
        "Verification '{value}' is not known (one of {known})",
    ),
    "company.verifier_missing": (
        "第三者検証には検証機関の名前を入力してください。",
        "A third-party verification needs the verifier's name",
    ),
    "company.bad_recalc_threshold": (
        "基準年度の再計算のしきい値 {value}% は 0 より大きく 100 以下で入力してください。",
        "The base-year recalculation threshold {value} % must be above 0 and at most 100",
    ),
    "company.bad_sector_benchmark": (
        "業種の目安 {value}%/年 は 0〜100 の範囲で入力してください。",
        "The sector benchmark {value} %/yr must be between 0 and 100",
    ),
    "targets.base_missing": (
        "目標「{kind}」: 基準年度（{base_year}年度）の排出量がありません。",
        "Target {kind}: no emissions for the base year {base_year}",
    ),
    # --- raised in core/limits.py ----------------------------------------------------------------
    "file.environment": (
        "{file} を扱えません（{reason}）。ファイルとフォルダーがあるか、読み書きの権限があるか、"
        "ほかのプログラムが開いていないか、ディスクに空きがあるかを確かめてください。",
        "{file}: {reason}. Check that the file and its folder exist, that you may read and write"
        " them, that no other program holds the file, and that the disk has room",
    ),
    "file.not_regular": (
        "{file} は普通のファイルではありません（フォルダー、デバイス、パイプなど）。"
        "保存されたファイルを選んでください。",
        "{file} is not a regular file (a folder, a device or a pipe); choose a saved file",
    ),
    "file.too_large": (
        "ファイル {file} は {size_mb} MB です。この種類のファイルの上限は {limit_mb} MB です。",
        "{file} is {size_mb} MB; the limit for this kind of file is {limit_mb} MB",
    ),
    "quantity.implausible": (
        "{energy}の使用量 {value} {unit} は、請求書の1行としてありえない大きさです（上限 {limit}"
        " {table_unit}）。単位と桁を確かめてください。",
        "The quantity {value} {unit} of {energy} is beyond what one bill line can be (at most "
        "{limit} {table_unit}); check the unit and the digits",
    ),
    "table.too_many_cells": (
        "ファイル {file} の入力済みのセルが {limit} 個を超えています。"
        "最初のシートには請求書の表だけを入れてください。",
        "{file} has more than {limit} filled cells; only the bill table may be in the first sheet",
    ),
    "table.too_many_rows": (
        "ファイル {file} は {limit} 行を超えています。年度ごとなど、"
        "小さなファイルに分けてください。",
        "{file} has more than {limit} rows; split it into smaller files (for example one per "
        "fiscal year)",
    ),
    "table.too_much_text": (
        "ファイル {file} の文字は合計 {limit} 文字を超えています。"
        "請求書の表としては大きすぎるため、長い文章を削除してください。",
        "{file} holds more than {limit} characters of text; a bill table is far smaller - remove"
        " the long texts",
    ),
    "text.bad_characters": (
        "文字として正しくない文字（対になっていないサロゲート）が含まれています。",
        "The text contains characters that are not valid text (an unpaired surrogate)",
    ),
    "text.too_long": (
        "文字数が {length} 文字あります。ここに入力できるのは {limit} 文字までです。",
        "The text is {length} characters long; at most {limit} are allowed here",
    ),
}
