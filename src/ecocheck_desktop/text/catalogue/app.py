"""Message codes of the front ends: report output, the GUI's grid and paste, the command line.

Each entry is ``code: (Japanese, English)``; see :mod:`ecocheck_desktop.text.catalogue`.
"""

APP: dict[str, tuple[str, str]] = {
    # --- raised in report/output.py --------------------------------------------------------------
    "report.cannot_write": (
        "{path} に書き込めません（{reason}）。ほかのプログラム（PDF ビューアー、Excel など）"
        "で開いている場合は閉じるか、別のフォルダーを選んでください。",
        "Cannot write {path}: {reason}. Close the file if another program (a PDF viewer, Excel) "
        "has it open, or choose another folder",
    ),
    "report.no_data": (
        "このプロジェクトには報告できるエネルギーのデータがありません。",
        "The project has no energy data to report",
    ),
    "report.fiscal_year_absent": (
        "データに{fiscal_year}年度がありません。",
        "The data has no fiscal year {fiscal_year}",
    ),
    "report.bad_language": (
        "レポートの言語「{lang}」は使えません（ja または en）。",
        "Unknown report language '{lang}' (use ja or en)",
    ),
    "report.unknown_section": (
        "レポートの章 {sections} はありません（指定できる章: {known}）。",
        "Unknown report section(s) {sections} (known: {known})",
    ),
    # --- raised in gui/service.py ----------------------------------------------------------------
    "grid.several_records": (
        "{month}の{energy}は請求書 {count} 行の合計です。"
        "変更するには請求書を取り込み直してください。",
        "{month} {energy} is made of {count} bill lines; edit them through an import instead",
    ),
    "grid.cost_without_quantity": (
        "先に{month}の{energy}の使用量を入力してから、金額や推計を入力してください。",
        "Enter the quantity of {month} {energy} before its cost",
    ),
    "grid.no_project": (
        "プロジェクトが開かれていません。",
        "No project is open",
    ),
    "grid.no_cell": (
        "先に表で請求書の月とエネルギーを選んでください。",
        "Select the month and energy of the bill first",
    ),
    "project.not_found": (
        "プロジェクトファイル {file} が見つかりません。",
        "The project file {file} does not exist",
    ),
    "store.unsaved_changes": (
        "{file} への変更内容はこのウィンドウにしか残っていません（ファイルがほかのプログラムによ"
        "って変更されました）。先に「ファイル」→「コピーとして保存…」で保存するか、"
        "ウィンドウを閉じて変更を破棄してください。",
        "Your changes to {file} are only in this window (the file was changed by another "
        "program). Save them with File > Save a copy as… first, or close the window to discard "
        "them.",
    ),
    # --- raised in gui/grid_cells.py -------------------------------------------------------------
    "paste.empty": (
        "クリップボードに貼り付ける内容がありません。",
        "The clipboard holds nothing to paste",
    ),
    "paste.empty_row": (
        "貼り付けた範囲の {row} 行目が空です。",
        "Row {row} of the pasted block is empty",
    ),
    "paste.too_many_rows": (
        "貼り付けた範囲は {rows} 行ありますが、選んだセルの下には {available} "
        "か月分しかありません。",
        "The pasted block has {rows} rows but only {available} months are left below the "
        "selected cell",
    ),
    "paste.too_many_columns": (
        "貼り付けた範囲は {columns} 列ありますが、選んだセルの右には {available} "
        "列しかありません。",
        "The pasted block has {columns} columns but only {available} are left right of the "
        "selected cell",
    ),
    "paste.bad_flag": (
        "「{value}」は「推計」の値（はい／いいえ）として読めません。",
        "'{value}' is not a yes/no value for 'estimated'",
    ),
    # --- raised in commands/calc.py --------------------------------------------------------------
    "calc.fiscal_year_absent": (
        "データに{fiscal_year}年度がありません（ある年度: {present}）。",
        "The data has no fiscal year {fiscal_year} (fiscal years present: {present})",
    ),
    "calc.factor_where_bills": (
        "{file} のその事業所の電気の行に、factor_basic・factor_adjusted（基礎排出係数・調整後排"
        "出係数、t-CO2/kWh）と factor_source（係数の出典: 電気事業者の「電源構成・CO2排出係数」"
        "のページまたは請求書）の列を入力してください。",
        "In {file}, fill in on that site's electricity rows the columns factor_basic and "
        "factor_adjusted (基礎排出係数, 調整後排出係数, in t-CO2/kWh) and factor_source "
        "(係数の出典: the retailer's 「電源構成・CO2排出係数」 page or the bill)",
    ),
    "calc.factor_where_json": (
        '{file} のその事業所の電気の契約（contracts[]）に、factor_choice "user"、'
        "factor_basic・factor_adjusted（t-CO2/kWh）と factor_source を入力するか、factor_choice "
        '"estimate" と estimate_basis "substitute" または "retailer" を指定してください。',
        'In {file}, on that site\'s electricity contract (contracts[]): factor_choice "user", '
        "factor_basic, factor_adjusted (t-CO2/kWh) and factor_source; or factor_choice "
        '"estimate" with estimate_basis "substitute" or "retailer"',
    ),
    "calc.factor_where_project": (
        "{file} を EcoCheck Desktop で開き、会社情報 > 事業所と供給契約 > 契約の編集 "
        "で基礎・調整後排出係数と出典を入力するか、推計を選んでください。",
        "Open {file} in EcoCheck Desktop: 会社情報 (Company) > 事業所と供給契約 > 契約の編集 "
        "(Edit contract), enter the basic and adjusted factors with their source, or choose 推計"
        " (estimate)",
    ),
    # --- raised in commands/report.py ------------------------------------------------------------
    "report.output_type": (
        "「{suffix}」形式では書き出せません。ファイル名の末尾を .pdf、.csv、.json "
        "のいずれかにしてください。",
        "Cannot write '{suffix}' files; the output must end in .pdf, .csv or .json",
    ),
    # --- raised in commands/export.py ------------------------------------------------------------
    "export.unsupported": (
        "{file}: 書き出せるのは .json または .csv です。",
        "{file}: export writes .json or .csv",
    ),
    "export.write_failed": (
        "{file} に書き込めませんでした（{reason}）。",
        "{file} could not be written ({reason})",
    ),
    # --- raised in commands/import_bills.py ------------------------------------------------------
    "import.unsupported": (
        "{file}: 読み込めるのは .csv、.xlsx、または EcoCheck の .json です。",
        "{file}: import reads .csv, .xlsx or an EcoCheck .json export",
    ),
    "import.output_suffix": (
        "{file}: プロジェクトファイル名の末尾は .ecocheck にしてください。",
        "{file}: the project file name must end in .ecocheck",
    ),
    # --- raised in commands/measures.py ----------------------------------------------------------
    "measures.no_complete_year": (
        "1年度分がそろっている年度がないため、計算できません。",
        "No fiscal year can be calculated completely",
    ),
    # --- raised in commands/handover.py ----------------------------------------------------------
    "handover.no_action": (
        "ecocheck handover には操作（export または changes）を指定してください。",
        "ecocheck handover needs an action: export or changes",
    ),
    # --- raised in commands/portfolio.py ---------------------------------------------------------
    "portfolio.summary_type": (
        "{file}: 一覧の出力先は .csv ファイルにしてください。",
        "{file}: the summary must be a .csv file",
    ),
    "portfolio.consortium_type": (
        "{file}: 協議会向け集計の出力先は .pdf か .csv にしてください。",
        "{file}: the consortium summary must end in .pdf or .csv",
    ),
    "portfolio.same_output": (
        "{file}: 一覧と協議会向け集計には別々のファイルを指定してください。",
        "{file}: the summary and the consortium summary need two different files",
    ),
}
