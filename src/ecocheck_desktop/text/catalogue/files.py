"""Message codes of the files: the project file (``store/``), bill import, JSON exchange and
the portfolio folder (``exchange/``).

Each entry is ``code: (Japanese, English)``; see :mod:`ecocheck_desktop.text.catalogue`.
"""

FILES: dict[str, tuple[str, str]] = {
    # --- raised in store/project_file.py ---------------------------------------------------------
    "store.not_found": (
        "プロジェクトファイル {file} が見つかりません。",
        "The project file {file} does not exist",
    ),
    "store.not_a_project": (
        "{file} は EcoCheck のプロジェクトファイルではありません（{reason}）。",
        "{file} is not an EcoCheck project file ({reason})",
    ),
    "store.corrupt": (
        "プロジェクトファイル {file} が壊れています（{reason}）。"
        "バックアップのコピーを開いてください。",
        "The project file {file} is damaged ({reason}); open a backup copy",
    ),
    "store.newer_version": (
        "プロジェクトファイル {file} は新しいバージョンの EcoCheck "
        "で作られています（ファイル形式 {file_version}、このアプリが読めるのは {app_version} "
        "まで）。EcoCheck を更新してから開いてください。ファイルは変更していません。",
        "The project file {file} was written by a newer EcoCheck (file format {file_version}, "
        "this app reads up to {app_version}); update EcoCheck to open it. The file was not "
        "changed.",
    ),
    "store.in_use": (
        "プロジェクトファイル {file} はほかの EcoCheck "
        "のウィンドウまたはプログラムで開かれています。先にそちらで閉じてください。",
        "The project file {file} is open in another EcoCheck window or program; close it there "
        "first",
    ),
    "store.read_only": (
        "プロジェクトファイル {file} は読み取り専用です。読み取り専用で開くか、"
        "コピーを保存してください。",
        "The project file {file} is read-only; open it read-only or save a copy",
    ),
    "store.read_only_folder": (
        "{file} のフォルダーに書き込めません。書き込めるフォルダーへファイルをコピーしてください。",
        "The folder of {file} cannot be written to; copy the file to a folder you can write to",
    ),
    "store.disk_full": (
        "ディスクがいっぱいのため、{file} への最後の変更は保存されませんでした。"
        "それまでの変更は保存されています。空き容量を作ってからもう一度お試しください。",
        "The disk is full: the last change to {file} was not saved; earlier changes are safe. "
        "Free some space and try again.",
    ),
    "store.exists": (
        "{file} はすでにあります。別の名前を付けてください。",
        "{file} already exists; choose another name",
    ),
    "store.io_error": (
        "プロジェクトファイル {file} を読み書きできませんでした（{reason}）。",
        "The project file {file} could not be read or written ({reason})",
    ),
    "store.failed": (
        "プロジェクトファイル {file} を使用できませんでした（{reason}）。",
        "The project file {file} could not be used ({reason})",
    ),
    "store.closed": (
        "プロジェクトファイル {file} はすでに閉じています。",
        "The project file {file} is already closed",
    ),
    "store.needs_recovery": (
        "プロジェクトファイル {file} は正しく閉じられておらず、"
        "最後の編集を復元する必要がありますが、ファイルまたはフォルダーが読み取り専用です。"
        "{file}-wal と一緒に書き込めるフォルダーへコピーし、そこで開いてください。",
        "The project file {file} was not closed properly and its last edits must be recovered, "
        "but the file or its folder is read-only; copy the file together with {file}-wal to a "
        "folder you can write to and open it there",
    ),
    "store.not_writable": (
        "プロジェクトファイル {file} は読み取り専用で開いています。",
        "The project file {file} was opened read-only",
    ),
    "store.backup_failed": (
        "プロジェクトファイル {file} をこのバージョンのファイル形式に更新する前に取るバックアッ"
        "プのコピーを書けませんでした（{reason}）。ファイルは変更していません。",
        "The project file {file} must be updated to this version's file format, but the backup "
        "copy taken first could not be written ({reason}). The file was not changed.",
    ),
    "store.changed_on_disk": (
        "プロジェクトファイル {file} は、開いている間にほかのプログラム（同期フォルダーや上書き"
        "コピーなど）によって変更または置き換えられました。これ以降はこのファイルに保存しません"
        "。変更内容はこのウィンドウに残っていますので、コピーとして保存してください。",
        "The project file {file} was changed or replaced by another program (for example a sync "
        "folder or a copy over it) while it was open. Nothing more is saved to it; your changes "
        "are kept in this window. Save them as a copy.",
    ),
    "store.record_not_found": (
        "{file} にエネルギーの記録 {record_id} 番がありません。",
        "There is no energy record number {record_id} in {file}",
    ),
    "evidence.damaged": (
        "{file} の添付ファイル {filename}（{evidence_id} 番）が壊れています（{reason}）。"
        "プロジェクトのほかの部分は影響を受けていません。請求書のスキャンを添付し直してください"
        "。",
        "The attachment {filename} (number {evidence_id}) in {file} is damaged ({reason}); the "
        "rest of the project is not affected. Attach the bill scan again.",
    ),
    # --- raised in store/evidence.py -------------------------------------------------------------
    "evidence.too_large": (
        "添付ファイル {filename} は {size_mb} MB です。1ファイル {limit_mb} MB までです。"
        "解像度を下げてスキャンするか、PDF を分割してください。",
        "The attachment {filename} is {size_mb} MB; the limit is {limit_mb} MB per file. Scan at"
        " a lower resolution or split the PDF.",
    ),
    "evidence.bad_type": (
        "添付ファイル {filename} は PDF・JPEG・PNG・HEIC "
        "のいずれでもありません（中身で確認しました）。",
        "The attachment {filename} is not a PDF, JPEG, PNG or HEIC file (checked from its content)",
    ),
    "evidence.not_found": (
        "このプロジェクトに {evidence_id} 番の添付ファイルはありません。",
        "There is no attachment number {evidence_id} in this project",
    ),
    "evidence.unreadable": (
        "添付ファイル {filename} を読み込めません（{reason}）。",
        "The attachment {filename} cannot be read: {reason}",
    ),
    "evidence.export_failed": (
        "添付ファイルを {folder} に書き出せません（{reason}）。",
        "The attachment cannot be written to {folder}: {reason}",
    ),
    "evidence.incomplete": (
        "添付ファイル {filename} は {kind} ファイルの始まり方をしていますが、"
        "最後までそろっていません（途中で切れているか壊れています）。"
        "保存またはスキャンし直してください。",
        "The attachment {filename} starts like a {kind} file but is not a complete one (cut off "
        "or damaged); save or scan it again",
    ),
    # --- raised in store/codec.py ----------------------------------------------------------------
    "data.invalid": (
        "「{field}」の値が正しくありません（{reason}）。",
        "{field}: {reason}",
    ),
    # --- raised in store/handover.py -------------------------------------------------------------
    "handover.same_file": (
        "コピー先 {target} は元のプロジェクトファイルそのものです。"
        "別のファイル名を選んでください。",
        "The hand-over copy {target} is the project file itself; choose another file name",
    ),
    "handover.bad_target": (
        "{target} は引き継ぎ用のコピーに使えません: {reason}",
        "{target} cannot be used for a hand-over copy: {reason}",
    ),
    "handover.read_only_folder": (
        "{target} のフォルダーには書き込めません。書き込めるフォルダーを選んでください。"
        "何も変更していません。",
        "The folder of {target} cannot be written to; choose a folder you can write to. Nothing "
        "was changed.",
    ),
    "handover.disk_full": (
        "ディスクがいっぱいのため、コピー {target} を保存できませんでした。プロジェクトと、"
        "以前からある {target} はそのままです。",
        "The disk is full: the hand-over copy {target} was not written. The project and any "
        "earlier file {target} are as they were.",
    ),
    "handover.write_failed": (
        "コピー {target} を保存できませんでした（{reason}）。プロジェクトと、以前からある "
        "{target} はそのままです。",
        "The hand-over copy {target} could not be written ({reason}). The project and any "
        "earlier file {target} are as they were.",
    ),
    "handover.not_recorded": (
        "コピー {target} は保存しましたが、{file} に引き継ぎを記録できませんでした（{reason}）。",
        "The hand-over copy {target} was written, but the hand-over could not be noted in {file}"
        " ({reason})",
    ),
    # These templates name {file} themselves: render() leaves out a location key whose name
    # appears in the template, so "the file ..." would otherwise hide the path.
    # --- raised in exchange/bills.py -------------------------------------------------------------
    "file.not_found": (
        "ファイル {file} が見つかりません。",
        "{file} does not exist",
    ),
    "file.unreadable": (
        "ファイル {file} を読み込めません（{reason}）。",
        "{file} cannot be read ({reason})",
    ),
    "file.unsupported_type": (
        "ファイル {file} は読み込めない形式（{suffix}）です。.ecocheck、.csv、.xlsx、.json "
        "のいずれかを選んでください。",
        "{file}: unsupported file type '{suffix}' (expected .ecocheck, .csv, .xlsx or .json)",
    ),
    "bills.encoding_unknown": (
        "ファイル {file} の文字コードが UTF-8 でも Shift_JIS でもありません。Excel で「CSV "
        "UTF-8」形式で保存し直してから、もう一度読み込んでください。",
        "{file} is neither UTF-8 nor Shift_JIS text; save it from Excel as 'CSV UTF-8' and try "
        "again",
    ),
    "bills.no_header": (
        "ファイル {file} は空です（見出しの行が見つかりません）。",
        "{file} is empty: no header row was found",
    ),
    "bills.no_rows": (
        "ファイル {file} には見出しの行だけがあり、請求書の行がありません。",
        "{file} has a header row but no bill lines",
    ),
    "bills.title_rows_skipped": (
        "表の見出しは {header_row} 行目にあります。それより上の行は読み飛ばしました。",
        "The table header is on row {header_row}; the rows above it are ignored",
    ),
    "bills.column_missing": (
        "必須の列「{alias}」（{name}）がありません。",
        "The required column '{name}' ({alias}) is missing",
    ),
    "bills.column_duplicate": (
        "列「{name}」が2回以上あります。",
        "The column '{name}' appears more than once",
    ),
    "bills.column_unknown": (
        "列「{name}」は請求書の取り込み形式にない列のため、無視しました。",
        "The column '{name}' is not part of the bill format; it is ignored",
    ),
    "bills.value_required": (
        "値が入力されていません。",
        "A value is required here",
    ),
    "bills.duplicate_row": (
        "{rows} 行目は事業所・年月（{month}）・エネルギー（{energy}）"
        "・供給事業者・メニューがすべて同じです。すべて取り込みました（メーターが2つある場合など"
        "）が、二重に計上していないか確認してください。",
        "Rows {rows} ({month}, {energy}) have the same site, month, energy, supplier and menu; "
        "all are kept (e.g. two meters) - check that none is counted twice",
    ),
    "bills.industry_conflict": (
        "業種「{value}」が {first_row} 行目の「{first}」と異なります。業種は1社に1つです。",
        "The industry '{value}' differs from '{first}' on row {first_row}; a company has one"
        " industry",
    ),
    "bills.revenue_invalid": (
        "「{value}」は売上高（百万円）として読めません（0以上の数値を入力してください）。",
        "'{value}' is not a revenue in million yen (a number of 0 or more)",
    ),
    "bills.revenue_conflict": (
        "{fiscal_year}年度の売上高「{value}」が {first_row} 行目の「{first}」と異なります。"
        "売上高は年度に1つです。",
        "The FY{fiscal_year} revenue '{value}' differs from '{first}' on row {first_row}; a"
        " fiscal year has one revenue",
    ),
    "cost.not_a_number": (
        "「{value}」は金額（円）として読めません。",
        "'{value}' is not an amount in yen",
    ),
    "cost.negative": (
        "金額「{value}」がマイナスです。",
        "The amount '{value}' is negative",
    ),
    "cost.too_large": (
        "金額「{value}」が大きすぎます。桁を確認してください。",
        "The amount '{value}' is implausibly large",
    ),
    "estimated.invalid": (
        "「{value}」は「推計」の値として読めません（1/0、true/false、はい/いいえ "
        "のいずれかを入力してください）。",
        "'{value}' is not a yes/no value (use 1/0, true/false, はい/いいえ)",
    ),
    "factor.not_a_number": (
        "「{value}」は排出係数として読めません。",
        "'{value}' is not an emission factor",
    ),
    "factor.negative": (
        "排出係数「{value}」がマイナスです。",
        "The emission factor '{value}' is negative",
    ),
    "factor.kg_not_t": (
        "電気の排出係数 {value} は t-CO2/kWh としてはありえない値です。kg-CO2/kWh "
        "の値と思われます。{suggested}（t-CO2/kWh）と入力してください。",
        "The electricity factor {value} is impossible in t-CO2/kWh; it looks like kg-CO2/kWh - "
        "enter {suggested} (t-CO2/kWh) instead",
    ),
    "bills.encoding_bad_row": (
        "この行の文字コードは UTF-8 でも Shift_JIS でもありません（ISO-2022-JP やバイナリなど）"
        "。Excel で「CSV UTF-8」形式で保存し直してから、もう一度読み込んでください。",
        "This row is neither UTF-8 nor Shift_JIS text (for example ISO-2022-JP or binary data); "
        "save the file from Excel as 'CSV UTF-8' and try again",
    ),
    "bills.encoding_mixed": (
        "この行は、ほかの行と文字コードが違います（ほかの行は {encoding}）。"
        "このまま読むと文字化けするため読み込みません。Excel でファイル全体を「CSV UTF-8」"
        "形式で保存し直してください。",
        "This row is not in the text encoding of the rest of the file ({encoding}); the file "
        "mixes encodings, so some rows would be garbled. Save the whole file again from Excel as"
        " 'CSV UTF-8'",
    ),
    "bills.quote_unclosed": (
        '{first} 行目で始まる引用符（"）がセルの終わりで閉じていないため、{first}～{last} '
        "行目が1つのセルにつながってしまいます。引用符を直してください。",
        'A quote (") opened on line {first} is not closed where the cell ends, so lines '
        "{first}-{last} would run together; fix the quote",
    ),
    "table.unpacked_too_large": (
        "ファイル {file} のシートのデータは展開すると {size_mb} MB あります（上限 {limit_mb} "
        "MB）。ブックには請求書の表だけを入れてください。",
        "{file} unpacks to {size_mb} MB of sheet data (at most {limit_mb} MB); only the bill "
        "table may be in the workbook",
    ),
    # --- raised in exchange/json_io.py -----------------------------------------------------------
    "json.not_json": (
        "ファイル {file} は正しい JSON ファイルではありません（{reason}）。",
        "{file} is not a valid JSON file ({reason})",
    ),
    "json.too_large": (
        "ファイル {file} は {limit_mb} MB を超えているため読み込めません。",
        "{file} is larger than {limit_mb} MB",
    ),
    "json.wrong_format": (
        "ファイル {file} は EcoCheck のプロジェクトの書き出しファイルではありません（{reason}）。",
        "{file} is not an EcoCheck project export ({reason})",
    ),
    "json.newer_format": (
        "ファイル {file} は新しいバージョンの EcoCheck で作られています（形式バージョン "
        "{file_version}、このアプリが読めるのは {app_version} まで）。EcoCheck "
        "を更新してから開いてください。",
        "{file} was written by a newer EcoCheck (format version {file_version}; this app reads "
        "up to {app_version})",
    ),
    "json.write_failed": (
        "ファイル {file} に書き込めませんでした（{reason}）。",
        "{file} could not be written ({reason})",
    ),
    # --- raised in exchange/portfolio.py ---------------------------------------------------------
    "portfolio.folder_missing": (
        "フォルダー {folder} がありません。別のフォルダーを選んでください。",
        "The folder {folder} does not exist",
    ),
    "portfolio.not_a_folder": (
        "{folder} はフォルダーではありません。",
        "{folder} is not a folder",
    ),
    "portfolio.folder_unreadable": (
        "フォルダー {folder} を読めません（{reason}）。",
        "The folder {folder} cannot be read ({reason})",
    ),
    "portfolio.needs_recovery": (
        "プロジェクトファイル {file} は正しく閉じられていません。一度 EcoCheck "
        "で開いて最後の編集を復旧してください（ポートフォリオは読むだけです）。",
        "The project file {file} was not closed properly; open it once in EcoCheck to recover "
        "its last edits (the portfolio only reads files)",
    ),
    "portfolio.no_data": (
        "プロジェクトファイル {file} にはまだエネルギーのデータがありません。",
        "The project file {file} has no energy data yet",
    ),
    "portfolio.failed": (
        "プロジェクトファイル {file} を集計できませんでした（{reason}）。",
        "The project file {file} could not be summarised ({reason})",
    ),
    # --- raised in exchange/demand_parse.py and commands/demand.py (issue 22) -----------------
    "demand.bad_date": ("日付「{text}」を読めません。", "The date '{text}' cannot be read"),
    "demand.bad_time": ("時刻「{text}」を読めません。", "The time '{text}' cannot be read"),
    "demand.not_a_number": (
        "「{text}」は数値ではありません（kWh または kW の値が必要です）。",
        "'{text}' is not a number (a kWh or kW value is needed)",
    ),
    "demand.negative": ("値 {text} が負です。", "The value {text} is negative"),
    "demand.duplicate": (
        "{at} の区間が重複しています（最初は {first_row} 行目）。",
        "The interval {at} is duplicated (first in row {first_row})",
    ),
    "demand.dst": (
        "{day} に同じ時間帯が2回あります。夏時間の時刻のようです。日本の計量は夏時間のない"
        "日本標準時です。日本時間で出力し直してください。",
        "The same hour appears twice on {day}: the times seem to follow daylight saving time."
        " Japanese meters use JST without daylight saving; export the data in JST",
    ),
    "demand.interval_wrong": (
        "データの間隔は {found} 分ですが、{expected} 分として読み込もうとしています"
        "（15・30・60 分に対応）。",
        "The data's interval is {found} minutes but it is being read as {expected} minutes"
        " (15, 30 and 60 minutes are supported)",
    ),
    "demand.misaligned": (
        "{at} は {interval} 分の区間の区切りではありません。",
        "{at} is not the start of a {interval}-minute interval",
    ),
    "demand.columns": (
        "値の列が {found} 列あります（1日 {expected} 列が必要です）。",
        "The row has {found} value columns ({expected} per day are needed)",
    ),
    "demand.unit_mismatch": (
        "見出しの単位は {header_unit} ですが、{unit} として読み込もうとしています。"
        "単位の指定を直してください。",
        "The header says {header_unit} but the values are being read as {unit}; correct the unit",
    ),
    "demand.unit_kw": (
        "値は kW（区間の平均電力）として読み込み、{hours} 時間を掛けて kWh にしました。",
        "The values were read as kW (the interval's mean demand) and multiplied by {hours} h"
        " into kWh",
    ),
    "demand.totals_row": ("合計の行を読み飛ばしました。", "A row of totals was skipped"),
    "demand.gaps": (
        "欠測の30分区間が {count} 個あります（最初は {first}）。分析はある値だけで行います。",
        "{count} half-hours have no reading (the first at {first}); the analysis uses the"
        " readings there are",
    ),
    "demand.missing_days": (
        "データのない日が {count} 日あります（最初は {first}）。",
        "{count} days have no data (the first is {first})",
    ),
    "demand.time_zone": (
        "時刻は UTC{offset} 時間で書かれていたため、日本標準時に直しました。",
        "The times were written at UTC{offset} h and were converted to JST",
    ),
    "demand.more_errors": ("ほかに {count} 件の誤りがあります。", "{count} more errors"),
    "demand.no_data": ("読み込めるデータがありません。", "There is no data to import"),
    "demand.bill_check": (
        "{month}：30分データの合計 {interval_kwh} kWh、請求書 {bill_kwh} kWh（差 {diff_pct}%）。",
        "{month}: the interval data add up to {interval_kwh} kWh, the bill says {bill_kwh} kWh"
        " (a difference of {diff_pct}%)",
    ),
    "demand.imported": (
        "メーター「{meter}」に {days} 日分（{first}〜{last}）を読み込みました。",
        "Imported {days} days ({first} to {last}) into the meter '{meter}'",
    ),
    "demand.no_meter": (
        "メーター「{meter}」はこのプロジェクトにありません（あるもの：{names}）。",
        "The project has no meter '{meter}' (it has: {names})",
    ),
    "demand.no_meters": (
        "{file} にはまだ30分値がありません。ecocheck demand import で読み込んでください。",
        "{file} has no 30-minute data yet; import it with ecocheck demand import",
    ),
    "demand.choose_meter": (
        "メーターが複数あります。--meter で選んでください（{names}）。",
        "The project has several meters; choose one with --meter ({names})",
    ),
}
