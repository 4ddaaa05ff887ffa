"""Every core/store/exchange message code as a sentence in Japanese (and names, not ids).

``core.messages.render`` prints the English templates with the raw parameters (the CLI and the
logs). The GUI and the report go through :func:`render_message`, which

* picks the Japanese template of ``MESSAGES_JA`` (every code the source can produce has one;
  ``tests/report/test_messages_ja.py`` scans the source for new codes) or the English one,
* replaces internal ids in the parameters by the names the user knows: energy codes, units as
  printed on Japanese bills (m³), measure ids, end-use codes, checklist keys, target kinds,
  sectors, the columns of the bill import format and the fields of the project data,
* turns the known English ``{reason}`` texts of Python checks into Japanese, keeping any
  unknown technical detail as it is (the templates show it in parentheses), and
* says where the problem is (file, row, column, field, site, month, energy) unless the template
  names it already.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import PurePath
from typing import Any

from ecocheck_desktop.core.messages import TEMPLATES, Message, render

# Placeholders: the message's params and where (as in core.messages.render).
MESSAGES_JA: dict[str, str] = {
    # --- bill import (exchange/bills.py) -----------------------------------------------------
    "file.not_found": "ファイル {file} が見つかりません。",
    "file.unreadable": "ファイル {file} を読み込めません（{reason}）。",
    "file.unsupported_type": "ファイル {file} は読み込めない形式（{suffix}）です。"
    ".ecocheck、.csv、.xlsx、.json のいずれかを選んでください。",
    "bills.encoding_unknown": "ファイル {file} の文字コードが UTF-8 でも Shift_JIS でもありません。"
    "Excel で「CSV UTF-8」形式で保存し直してから、もう一度読み込んでください。",
    "bills.encoding_mixed": "この行は、ほかの行と文字コードが違います（ほかの行は {encoding}）。"
    "このまま読むと文字化けするため読み込みません。Excel でファイル全体を「CSV UTF-8」形式で"
    "保存し直してください。",
    "bills.encoding_bad_row": "この行の文字コードは UTF-8 でも Shift_JIS でもありません"
    "（ISO-2022-JP やバイナリなど）。Excel で「CSV UTF-8」形式で保存し直してから、もう一度"
    "読み込んでください。",
    "bills.quote_unclosed": '{first} 行目で始まる引用符（"）がセルの終わりで閉じていないため、'
    "{first}～{last} 行目が1つのセルにつながってしまいます。引用符を直してください。",
    "table.unpacked_too_large": "ファイル {file} のシートのデータは展開すると {size_mb} MB あります"
    "（上限 {limit_mb} MB）。ブックには請求書の表だけを入れてください。",
    "table.too_many_rows": "ファイル {file} は {limit} 行を超えています。年度ごとなど、小さな"
    "ファイルに分けてください。",
    "table.too_many_cells": "ファイル {file} の入力済みのセルが {limit} 個を超えています。最初の"
    "シートには請求書の表だけを入れてください。",
    "table.too_much_text": "ファイル {file} の文字は合計 {limit} 文字を超えています。請求書の表と"
    "しては大きすぎるため、長い文章を削除してください。",
    "file.not_regular": "{file} は普通のファイルではありません"
    "（フォルダー、デバイス、パイプなど）。保存されたファイルを選んでください。",
    "file.too_large": "ファイル {file} は {size_mb} MB です。この種類のファイルの上限は"
    " {limit_mb} MB です。",
    "text.too_long": "文字数が {length} 文字あります。ここに入力できるのは {limit} 文字までです。",
    "text.bad_characters": "文字として正しくない文字（対になっていないサロゲート）が"
    "含まれています。",
    "quantity.implausible": "{energy}の使用量 {value} {unit} は、請求書の1行としてありえない"
    "大きさです（上限 {limit} {table_unit}）。単位と桁を確かめてください。",
    "file.environment": "{file} を扱えません（{reason}）。ファイルとフォルダーがあるか、読み書きの"
    "権限があるか、ほかのプログラムが開いていないか、ディスクに空きがあるかを確かめてください。",
    "bills.no_header": "ファイル {file} は空です（見出しの行が見つかりません）。",
    "bills.no_rows": "ファイル {file} には見出しの行だけがあり、請求書の行がありません。",
    "bills.title_rows_skipped": "表の見出しは {header_row} 行目にあります。それより上の行は"
    "読み飛ばしました。",
    "bills.column_missing": "必須の列「{alias}」（{name}）がありません。",
    "bills.column_duplicate": "列「{name}」が2回以上あります。",
    "bills.column_unknown": "列「{name}」は請求書の取り込み形式にない列のため、無視しました。",
    "bills.value_required": "値が入力されていません。",
    "bills.duplicate_row": "{rows} 行目は事業所・年月（{month}）・エネルギー（{energy}）・"
    "供給事業者・メニューがすべて同じです。すべて取り込みました（メーターが2つある場合など）が、"
    "二重に計上していないか確認してください。",
    "cost.not_a_number": "「{value}」は金額（円）として読めません。",
    "cost.negative": "金額「{value}」がマイナスです。",
    "cost.too_large": "金額「{value}」が大きすぎます。桁を確認してください。",
    "estimated.invalid": "「{value}」は「推計」の値として読めません（1/0、true/false、"
    "はい/いいえ のいずれかを入力してください）。",
    "factor.not_a_number": "「{value}」は排出係数として読めません。",
    "factor.negative": "排出係数「{value}」がマイナスです。",
    "factor.kg_not_t": "電気の排出係数 {value} は t-CO2/kWh としてはありえない値です。"
    "kg-CO2/kWh の値と思われます。{suggested}（t-CO2/kWh）と入力してください。",
    # --- energy, units, quantities, months (core) --------------------------------------------
    "energy.unknown": "「{value}」はエネルギーの種類として分かりません。",
    "unit.unknown": "「{value}」は単位として分かりません。",
    "unit.mismatch": "単位「{unit}」は{energy}には使えません（使える単位: {allowed}）。",
    "quantity.empty": "使用量を入力してください。",
    "quantity.not_a_number": "「{value}」は数値ではありません。",
    "quantity.negative": "使用量「{value}」がマイナスです。0 以上を入力してください。",
    "quantity.too_large": "使用量「{value}」が大きすぎます（1兆を超えています）。",
    "quantity.too_precise": "使用量「{value}」は小数点以下が {max_decimals} 桁を超えています。",
    "quantity.unit_missing": "「{value}」に単位がありません。",
    "month.invalid": "「{value}」は年月として読めません（例: 2025-04、2025年4月、R7.4）。",
    "fiscal.start_month_invalid": "年度の開始月は 1〜12 で入力してください（「{value}」は"
    "使えません）。",
    # --- factors (core/factors.py, core/footprint.py) ----------------------------------------
    "factor.table_invalid": "排出係数表 {file} の {line} 行目が壊れています（{reason}）。"
    "EcoCheck を入れ直してください。",
    "factor.manifest_invalid": "排出係数ライブラリが壊れています（{file}、{reason}）。"
    "EcoCheck を入れ直してください。",
    "factor.unknown_edition": "排出係数の版「{edition}」が見つかりません。",
    "factor.no_fuel_table": "{fiscal_year}年度に使える燃料の排出係数表がありません。",
    "factor.electricity_missing": "{fiscal_year}年度の電気事業者別排出係数の一覧がありません。"
    "請求書または電気事業者のサイトに載っている係数と、その出典を入力してください。",
    "factor.electricity_menu_unknown": "電気事業者 {supplier} には、{fiscal_year}年度の一覧に"
    "メニュー「{menu}」がありません。この事業者のメニュー: {menus}",
    "factor.electricity_menu_required": "電気事業者 {supplier} は{fiscal_year}年度にメニュー別の"
    "係数だけを公表しています。次のいずれかを選んでください: {menus}",
    "factor.supplier_did_you_mean": "「{supplier}」は{fiscal_year}年度の一覧の名称と一致しません。"
    "近い名称: {candidates}。このいずれかであれば、その登録番号を入力するとその事業者の係数を"
    "使います。",
    "factor.electricity_substitute": "電気事業者「{supplier}」は{fiscal_year}年度の一覧にないため、"
    "代替値 {value} t-CO2/kWh を使用しました。",
    "factor.electricity_row_substitute": "{supplier} {menu} の係数は代替値です（公表一覧の※印）。",
    "factor.supplier_menu_unknown": "供給事業者 {supplier} には、"
    "{fiscal_year}年度の{kind}の一覧にメニュー「{menu}」がありません。"
    "この事業者のメニュー: {menus}",
    "factor.supplier_menu_required": "供給事業者 {supplier} には"
    "{fiscal_year}年度の{kind}のメニューが複数あります。次のいずれかを選んでください: {menus}",
    "factor.fuel_missing": "{fiscal_year}年度の{energy}の公表排出係数がありません。",
    "factor.heat_missing": "{fiscal_year}年度の熱の排出係数がありません。供給事業者の係数と"
    "その出典を入力してください。",
    "factor.chain_unavailable": "{fiscal_year}年度: {energy}は単位発熱量・炭素排出係数がないため、"
    "丸められた係数 {factor} を使用しました。",
    "factor.edition_changed": "{fiscal_year}年度は係数の版 {locked} で確定していますが、"
    "現在の係数ライブラリの版は {current} です。新しい版を使うには再計算してください。",
    "factor.location_missing": "{fiscal_year}年度の全国平均係数がないため、ロケーション基準の"
    "結果は空欄です。",
    "factor.user_without_source": "{site}の{energy}に入力した排出係数に出典がありません。"
    "どこから取った値か（電気事業者の「電源構成・CO2排出係数」のページ、請求書など）を、アプリでは"
    "係数の入力欄に、請求データのファイルでは「係数の出典」（factor_source）列に記録してください。",
    "factor.no_conversion": "{fiscal_year}年度のエネルギー換算係数「{key}」がありません。",
    "factor.unknown_refrigerant": "冷媒「{refrigerant}」が分かりません。",
    "factor.unknown_scope3": "スコープ3の係数「{factor_key}」が分かりません。",
    # Factor library (past-year rows, supplier matching, packages): engineer `factors`.
    "factor.electricity_not_listed": "電気事業者「{supplier}」は、{fiscal_year}年度用に収録して"
    "いる過去の係数（{edition}）にありません。電気事業者の「電源構成・CO2排出係数」のページか"
    "請求書に載っている係数を、出典とともに入力してください。",
    "factor.supplier_ambiguous": "「{supplier}」に同じくらい当てはまる事業者が複数あります"
    "（{candidates}）。登録番号で指定してください。",
    "factor.gas_supplier_unknown": "ガス事業者「{supplier}」は{fiscal_year}年度のガス事業者別"
    "排出係数の一覧にないため、都市ガスの既定の係数を使っています。",
    "factor.gas_no_list": "{fiscal_year}年度のガス事業者別排出係数の一覧がないため、"
    "「{supplier}」には都市ガスの既定の係数を使っています。事業者が係数を公表していれば"
    "入力してください。",
    "factor_package.unreadable": "係数パッケージ {file} を読めません（{reason}）。",
    "factor_package.oversize": "係数パッケージ {file} が大きすぎます（{size}、上限 {limit}）。",
    "factor_package.bad_member": "係数パッケージ {file} に使えないパスがあります: {member}",
    "factor_package.format": "係数パッケージ {file} の形式 {found} は読めません"
    "（このアプリは {expected} の版 {version}）。",
    "factor_package.checksum": "係数パッケージ {file} の表 {member} がチェックサムと一致しません"
    "（壊れているか、書き換えられています）。",
    "factor_package.unlisted": "係数パッケージ {file} に、package.json に載っていない {member} が"
    "あります。",
    "factor_package.missing_member": "係数パッケージ {file} に {member} がありません。",
    "factor_package.edition_conflict": "係数パッケージ {file} の版「{edition}」は、内容の違う"
    "同じ版がすでに入っています。",
    "factor_package.already_installed": "係数パッケージ {file} はすでに入っています"
    "（版 {editions}）。",
    "factor_package.installed": "係数パッケージ {package} を入れました（版 {editions}）。",
    "factor_package.invalid": "係数パッケージ {file} は正しくありません（{reason}）。",
    "footprint.no_data": "{fiscal_year}年度のデータがありません。",
    # --- factors needed, estimates and completeness (core/footprint.py, core/completeness.py)
    "factor.needed": "{site}の{energy}（供給事業者: {supplier}）: {fiscal_year}年度（4月〜3月）は、"
    "この事業者の排出係数が同梱の一覧にありません（その年度の一覧がないか、出典を確認できた一部の"
    "事業者の行だけです）。電気事業者のサイトの「電源構成・CO2排出係数」の"
    "ページか請求書に載っている基礎排出係数・調整後排出係数を、その出典とともに入力してください。"
    "または、推計（直近の一覧の値）を選ぶこともできます。",
    "factor.estimate_substitute": "{site}の{energy}（{fiscal_year}年度）は推計です: "
    "{source_fiscal_year}年度の一覧の代替値 {value} t-CO2/kWh を使っています。",
    "factor.estimate_retailer": "{site}の{energy}（{fiscal_year}年度）は推計です: "
    "{source_fiscal_year}年度の一覧にある同じ事業者の値 {value} t-CO2/kWh を使っています。",
    "lpg.kg_per_m3_missing": "{site}のLPガス: m³ から t への換算が「kg/m³ を指定」に"
    "なっていますが、kg/m³ の値がありません（販売店の納品書をご確認ください）。",
    "completeness.part_year": "{fiscal_year}年度はエネルギーの記録が12か月のうち"
    "{months_present}か月分しかありません（ない月: {missing}）。1年分の合計ではありません。",
    "completeness.no_energy_data": "{fiscal_year}年度にはエネルギー使用量の記録がありません。",
    "completeness.blank_months": "{site}の{energy}は、{fiscal_year}年度の{months}の記録が"
    "ありません（ほかの月にはあります）。",
    "refrigerant.unknown": "冷媒「{refrigerant}」が分かりません（{fiscal_year}年度）。",
    "refrigerant.recovered_exceeds_charged": "{refrigerant}: {fiscal_year}年度の回収量"
    "（{recovered} kg）が充塡量（{charged} kg）を超えています。漏えい量は 0 として計上しました。",
    "scope3.unknown_factor": "スコープ3の係数「{factor_key}」が分かりません（{fiscal_year}年度）。",
    "scope3.unsourced": "スコープ3の係数「{factor_key}」に出典がないため、使用していません。",
    # --- plausibility (core/plausibility.py) -------------------------------------------------
    "plausibility.month_missing": "{site}の{month}の{energy}のデータがありません。",
    "plausibility.month_outlier": "{site}の{month}の{energy}が、年度の月の中央値の {ratio} 倍です"
    "（{value} {unit}、中央値 {median} {unit}）。",
    "plausibility.month_vs_last_year": "{site}の{month}の{energy}が前年同月の {ratio} 倍です"
    "（{value} {unit}、前年同月 {last_year} {unit}）。",
    "plausibility.unit_1000x": "{site}の{month}の{energy}: {value} {unit} は桁が約1000倍"
    "ずれているようです。単位を確認してください（{hint}）。",
    "plausibility.factor_in_kg": "{site}の{energy}（{month}）に入力した係数 {factor} {unit} は、"
    "t-CO2 ではなく kg-CO2 単位の値ではありませんか。",
    # --- measures and checklist (core/measures.py, core/profiles.py) -------------------------
    "measures.catalogue_invalid": "対策カタログ {file} が壊れています（{reason}）。",
    "checklist.unknown_key": "チェックリストの回答「{key}」は現在のチェックリストにない項目のため、"
    "無視しました。",
    "checklist.invalid_value": "チェックリストの「{key}」の回答「{value}」は使えません"
    "（{reason}）。未回答として扱います。",
    "measures.needs_answer": "チェックリストの「{key}」への回答が必要です。",
    "measures.condition_failed": "チェックリスト: 「{key}」の回答は {answer} です"
    "（この対策は {value} {op}の場合が対象）。",
    "measures.no_energy": "{end_use}に使っているエネルギーがありません。",
    "measures.alternative_to": "計画に入っている「{measure}」の代わりになる対策です。",
    "measures.not_selected": "会社が選んだ計画に入っていません。",
    "measures.nothing_left": "上の対策を実施すると、この対策で削減できる分が残りません。",
    "measures.not_quantified": "現場ごとの調査が必要なため、数値は出していません。",
    "measures.default_price": "請求書に{energy}の金額がないため、既定の単価 {price} 円/{unit} を"
    "使用しました（出典: {source}）。",
    "measures.no_price": "請求書に{energy}の金額がなく、既定の単価もないため、金額効果は 0 と"
    "しています。",
    "measures.pv_surplus": "太陽光の発電量は年 {generation} kWh ですが、事業所内で使えるのは"
    " {self_consumed} kWh（稼働日の昼間の需要）です。余剰分は計上していません。",
    "measures.no_refrigerant_data": "この年度の冷媒の充塡記録がないため、漏えい削減量を"
    "見積もれません。",
    "measures.no_electricity_factor": "{fiscal_year}年度の電気の排出係数がないため、電化の対策は"
    "計算していません。",
    "measures.capped_by_end_use": "設備の使用量（年約 {equipment_kwh} kWh）が、用途別の内訳で"
    "{end_use}に割り当てた {pool} kWh を超えるため、削減量を上限で抑えました（用途別の内訳を"
    "見直してください）。",
    "measures.market_basis_only": "削減されるのはマーケット基準（調整後）のスコープ2だけです。"
    "ロケーション基準の結果は変わりません。",
    "measures.no_complete_year": "1年度分がそろっている年度がないため、計算できません。",
    "profiles.invalid": "用途別プロファイルのファイル {file} が壊れています（{reason}）。",
    "profiles.override_invalid": "用途別の内訳（{carrier}）の入力が正しくありません（{reason}）。",
    "profiles.unknown_sector": "業種プロファイル「{sector}」が分かりません"
    "（選べるもの: {known}）。",
    # --- targets (core/targets.py) ----------------------------------------------------------
    "targets.unknown_kind": "目標の種類「{kind}」が分かりません（選べるもの: {known}）。",
    "targets.bad_years": "目標「{kind}」: 目標年度（{target_year}年度）は基準年度"
    "（{base_year}年度）より後にしてください。",
    "targets.bad_pct": "目標「{kind}」: 削減率 {reduction_pct}% は 0〜100 の範囲で"
    "入力してください。",
    "targets.base_missing": "目標「{kind}」: 基準年度（{base_year}年度）の排出量がありません。",
    "targets.national_rebased": "国の目標は2013年度比ですが、2013年度のデータがないため、"
    "{base_year}年度を基準に同じ削減割合で経路を引いています。",
    "targets.sbt_42_caveat": "「2030年までに42%削減」は二次情報による中小企業版SBTの短期目標です"
    "（未確認）。最新の SBTi の中小企業向け基準を確認してください。",
    # --- commands (CLI and their GUI counterparts) -------------------------------------------
    "calc.fiscal_year_absent": "データに{fiscal_year}年度がありません（ある年度: {present}）。",
    "calc.factor_where_bills": "{file} のその事業所の電気の行に、factor_basic・factor_adjusted"
    "（基礎排出係数・調整後排出係数、t-CO2/kWh）と factor_source（係数の出典: 電気事業者の"
    "「電源構成・CO2排出係数」のページまたは請求書）の列を入力してください。",
    "calc.factor_where_project": "{file} を EcoCheck Desktop で開き、会社情報 > 事業所と供給契約 > "
    "契約の編集 で基礎・調整後排出係数と出典を入力するか、推計を選んでください。",
    "calc.factor_where_json": "{file} のその事業所の電気の契約（contracts[]）に、factor_choice "
    '"user"、factor_basic・factor_adjusted（t-CO2/kWh）と factor_source を入力するか、'
    'factor_choice "estimate" と estimate_basis "substitute" または "retailer" を'
    "指定してください。",
    "report.fiscal_year_absent": "データに{fiscal_year}年度がありません。",
    "report.no_data": "このプロジェクトには報告できるエネルギーのデータがありません。",
    "report.bad_language": "レポートの言語「{lang}」は使えません（ja または en）。",
    "report.output_type": "「{suffix}」形式では書き出せません。ファイル名の末尾を .pdf、.csv、"
    ".json のいずれかにしてください。",
    "report.cannot_write": "{path} に書き込めません（{reason}）。ほかのプログラム（PDF ビューアー、"
    "Excel など）で開いている場合は閉じるか、別のフォルダーを選んでください。",
    "export.unsupported": "{file}: 書き出せるのは .json または .csv です。",
    "export.write_failed": "{file} に書き込めませんでした（{reason}）。",
    "import.output_suffix": "{file}: プロジェクトファイル名の末尾は .ecocheck にしてください。",
    "import.unsupported": "{file}: 読み込めるのは .csv、.xlsx、または EcoCheck の .json です。",
    # --- JSON exchange (exchange/json_io.py, store/codec.py) ---------------------------------
    "json.newer_format": "ファイル {file} は新しいバージョンの EcoCheck で作られています"
    "（形式バージョン {file_version}、このアプリが読めるのは {app_version} まで）。"
    "EcoCheck を更新してから開いてください。",
    "json.not_json": "ファイル {file} は正しい JSON ファイルではありません（{reason}）。",
    "json.too_large": "ファイル {file} は {limit_mb} MB を超えているため読み込めません。",
    "json.write_failed": "ファイル {file} に書き込めませんでした（{reason}）。",
    "json.wrong_format": "ファイル {file} は EcoCheck のプロジェクトの書き出しファイルでは"
    "ありません（{reason}）。",
    "data.invalid": "「{field}」の値が正しくありません（{reason}）。",
    # --- project file (store/project_file.py) ------------------------------------------------
    "project.not_found": "プロジェクトファイル {file} が見つかりません。",
    "store.not_found": "プロジェクトファイル {file} が見つかりません。",
    "store.backup_failed": "プロジェクトファイル {file} をこのバージョンのファイル形式に更新する"
    "前に取るバックアップのコピーを書けませんでした（{reason}）。ファイルは変更していません。",
    "store.changed_on_disk": "プロジェクトファイル {file} は、開いている間にほかのプログラム"
    "（同期フォルダーや上書きコピーなど）によって変更または置き換えられました。これ以降は"
    "このファイルに保存しません。変更内容はこのウィンドウに残っていますので、コピーとして"
    "保存してください。",
    "store.closed": "プロジェクトファイル {file} はすでに閉じています。",
    "store.corrupt": "プロジェクトファイル {file} が壊れています（{reason}）。バックアップの"
    "コピーを開いてください。",
    "store.disk_full": "ディスクがいっぱいのため、{file} への最後の変更は保存されませんでした。"
    "それまでの変更は保存されています。空き容量を作ってからもう一度お試しください。",
    "store.exists": "{file} はすでにあります。別の名前を付けてください。",
    "store.failed": "プロジェクトファイル {file} を使用できませんでした（{reason}）。",
    "store.in_use": "プロジェクトファイル {file} はほかの EcoCheck のウィンドウまたはプログラムで"
    "開かれています。先にそちらで閉じてください。",
    "store.io_error": "プロジェクトファイル {file} を読み書きできませんでした（{reason}）。",
    "store.needs_recovery": "プロジェクトファイル {file} は正しく閉じられておらず、最後の編集を"
    "復元する必要がありますが、ファイルまたはフォルダーが読み取り専用です。{file}-wal と一緒に"
    "書き込めるフォルダーへコピーし、そこで開いてください。",
    "store.newer_version": "プロジェクトファイル {file} は新しいバージョンの EcoCheck で"
    "作られています（ファイル形式 {file_version}、このアプリが読めるのは {app_version} まで）。"
    "EcoCheck を更新してから開いてください。ファイルは変更していません。",
    "store.not_a_project": "{file} は EcoCheck のプロジェクトファイルではありません（{reason}）。",
    "store.not_writable": "プロジェクトファイル {file} は読み取り専用で開いています。",
    "store.read_only": "プロジェクトファイル {file} は読み取り専用です。読み取り専用で開くか、"
    "コピーを保存してください。",
    "store.read_only_folder": "{file} のフォルダーに書き込めません。書き込めるフォルダーへ"
    "ファイルをコピーしてください。",
    "store.record_not_found": "{file} にエネルギーの記録 {record_id} 番がありません。",
    "store.unavailable": "プロジェクトファイルを開けません（保存用のモジュールがありません）。",
    "store.unsaved_changes": "{file} への変更内容はこのウィンドウにしか残っていません（ファイルが"
    "ほかのプログラムによって変更されました）。先に「ファイル」→「コピーとして保存…」で保存するか、"
    "ウィンドウを閉じて変更を破棄してください。",
    # --- bill scans (store/evidence.py, store/project_file.py) -------------------------------
    "evidence.bad_type": "添付ファイル {filename} は PDF・JPEG・PNG・HEIC のいずれでもありません"
    "（中身で確認しました）。",
    "evidence.incomplete": "添付ファイル {filename} は {kind} ファイルの始まり方をしていますが、"
    "最後までそろっていません（途中で切れているか壊れています）。保存またはスキャンし直してください。",
    "evidence.damaged": "{file} の添付ファイル {filename}（{evidence_id} 番）が壊れています"
    "（{reason}）。プロジェクトのほかの部分は影響を受けていません。請求書のスキャンを添付し"
    "直してください。",
    "evidence.export_failed": "添付ファイルを {folder} に書き出せません（{reason}）。",
    "evidence.not_found": "このプロジェクトに {evidence_id} 番の添付ファイルはありません。",
    "evidence.too_large": "添付ファイル {filename} は {size_mb} MB です。1ファイル {limit_mb} MB "
    "までです。解像度を下げてスキャンするか、PDF を分割してください。",
    "evidence.unavailable": "このバージョンのプロジェクトファイルには請求書のスキャンを保存"
    "できません。",
    "evidence.unreadable": "添付ファイル {filename} を読み込めません（{reason}）。",
    # --- GUI grid and paste (gui/service.py, gui/grid_cells.py) ------------------------------
    "grid.cost_without_quantity": "先に{month}の{energy}の使用量を入力してから、金額や推計を"
    "入力してください。",
    "grid.no_cell": "先に表で請求書の月とエネルギーを選んでください。",
    "grid.no_project": "プロジェクトが開かれていません。",
    "grid.several_records": "{month}の{energy}は請求書 {count} 行の合計です。変更するには"
    "請求書を取り込み直してください。",
    "paste.bad_flag": "「{value}」は「推計」の値（はい／いいえ）として読めません。",
    "paste.empty": "クリップボードに貼り付ける内容がありません。",
    "paste.empty_row": "貼り付けた範囲の {row} 行目が空です。",
    "paste.too_many_columns": "貼り付けた範囲は {columns} 列ありますが、選んだセルの右には"
    " {available} 列しかありません。",
    "paste.too_many_rows": "貼り付けた範囲は {rows} 行ありますが、選んだセルの下には"
    " {available} か月分しかありません。",
    "handover.same_file": "引き渡し用コピー {target} はプロジェクトファイルそのものです。"
    "別のファイル名を選んでください。",
    "handover.bad_target": "{target} は引き渡し用コピーに使えません（{reason}）。",
    "handover.read_only_folder": "{target} のフォルダーには書き込めません。書き込めるフォルダーを"
    "選んでください。何も変更していません。",
    "handover.disk_full": "ディスクがいっぱいのため、引き渡し用コピー {target} は作成していません。"
    "プロジェクトと以前の {target} はそのままです。",
    "handover.write_failed": "引き渡し用コピー {target} を書き込めませんでした（{reason}）。"
    "プロジェクトと以前の {target} はそのままです。",
    "handover.not_recorded": "引き渡し用コピー {target} は作成しましたが、{file} に引き渡しの記録を"
    "残せませんでした（{reason}）。",
    "handover.no_action": "ecocheck handover には操作（export または changes）を指定してください。",
    "portfolio.folder_missing": "フォルダー {folder} がありません。"
    "別のフォルダーを選んでください。",
    "portfolio.not_a_folder": "{folder} はフォルダーではありません。",
    "portfolio.folder_unreadable": "フォルダー {folder} を読めません（{reason}）。",
    "portfolio.needs_recovery": "プロジェクトファイル {file} は正しく閉じられていません。"
    "一度 EcoCheck で開いて最後の編集を復旧してください（ポートフォリオは読むだけです）。",
    "portfolio.no_data": "プロジェクトファイル {file} にはまだエネルギーのデータがありません。",
    "portfolio.failed": "プロジェクトファイル {file} を集計できませんでした（{reason}）。",
    "portfolio.summary_type": "{file}: 一覧の出力先は .csv ファイルにしてください。",
    "portfolio.consortium_type": "{file}: 協議会向け集計の出力先は .pdf か .csv にしてください。",
    "portfolio.same_output": "{file}: 一覧と協議会向け集計には別々のファイルを指定してください。",
    "report.unknown_section": "レポートの章 {sections} はありません（指定できる章: {known}）。",
}

# --------------------------------------------------------------------------- names for ids

# A retailer line without a retailer name: the template would show 「」.
_BLANK_SUPPLIER: dict[str, tuple[str, str]] = {
    "factor.electricity_substitute": (
        "電気事業者が入力されていないため、{fiscal_year}年度の代替値 {value} t-CO2/kWh を"
        "使用しました。",
        "No electricity retailer is entered; the substitute value (代替値) {value} t-CO2/kWh"
        " of fiscal year {fiscal_year} is used",
    ),
}

# Amounts as printed on bills and reports: with thousands separators.
_AMOUNT_KEYS = frozenset(
    {"median", "last_year", "generation", "self_consumed", "equipment_kwh", "pool", "price"}
)
_AMOUNT_CODES = ("plausibility.",)

_UNITS_DISPLAY = {"m3": "m³", "千m3": "千m³", "Nm3": "Nm³", "千Nm3": "千Nm³"}

# Field names of the project data (store/codec.py, exchange/json_io.py), last path segment.
_FIELDS: dict[str, tuple[str, str]] = {
    "company": ("会社", "Company"),
    "name": ("名前", "name"),
    "industry": ("業種", "industry"),
    "fy_start_month": ("年度の開始月", "fiscal-year start month"),
    "sites": ("事業所", "sites"),
    "records": ("エネルギーの記録", "energy records"),
    "energy_records": ("エネルギーの記録", "energy records"),
    "contracts": ("電気・ガスの契約", "contracts"),
    "refills": ("冷媒の充塡記録", "refrigerant refills"),
    "refrigerant_refills": ("冷媒の充塡記録", "refrigerant refills"),
    "fiscal_years": ("年度", "fiscal years"),
    "checklist": ("チェックリスト", "checklist"),
    "targets": ("目標", "targets"),
    "target_year": ("目標年度", "target year"),
    "base_year": ("基準年度", "base year"),
    "reduction_pct": ("削減率", "reduction"),
    "end_use_override": ("用途別の内訳", "end-use split"),
    "sector": ("業種プロファイル", "sector profile"),
    "charged_kg": ("充塡量", "charged"),
    "recovered_kg": ("回収量", "recovered"),
    "refrigerant": ("冷媒", "refrigerant"),
    "factor_edition": ("係数の版", "factor edition"),
    "refrigerants": ("冷媒の充塡記録", "refrigerant refills"),
    "scope3": ("スコープ3", "Scope 3"),
    "measure_plan": ("対策計画", "measure plan"),
    "attachments": ("添付ファイル", "attachments"),
    "address": ("住所", "address"),
    "year": ("年度", "fiscal year"),
    "revenue_million_yen": ("売上高（百万円）", "revenue (million yen)"),
    "value_added_million_yen": ("付加価値額（百万円）", "value added (million yen)"),
    "employees": ("従業員数", "employees"),
    "floor_area_m2": ("延床面積（m²）", "floor area (m²)"),
    "production_quantity": ("生産量", "production quantity"),
    "production_unit": ("生産量の単位", "production unit"),
    "format_version": ("形式バージョン", "format version"),
}

_OPS: dict[str, tuple[str, str]] = {
    "gt": ("より大きい", ">"),
    "ge": ("以上", "at least"),
    "lt": ("より小さい", "<"),
    "le": ("以下", "at most"),
    "eq": ("である", "="),
    "ne": ("でない", "≠"),
    "in": ("のいずれか", "one of"),
}

_CARRIERS: dict[str, tuple[str, str]] = {
    "all": ("全体", "all"),
    "electricity": ("電気", "electricity"),
    "fuels": ("燃料", "fuels"),
}

# Fixed English reasons of the Python checks, and patterns with a detail to keep.
_REASONS_JA: dict[str, str] = {
    "cannot open the file": "ファイルを開けません",
    "not a database": "データベースではありません",
    "the database structure is damaged": "データベースの構造が壊れています",
    "not a file": "ファイルではありません",
    "the file is empty": "ファイルが空です",
    "not a SQLite database": "SQLite データベースではありません",
    "the file is truncated": "ファイルが途中で切れています",
    "a database of another program": "ほかのプログラムのデータベースです",
    "the folder does not exist": "フォルダーがありません",
    "the name must end in .ecocheck": "ファイル名は .ecocheck で終わる必要があります",
    "it is a link": "リンクです",
    "it is not a file": "ファイルではありません",
    "no company": "会社の情報がありません",
    "checklist": "チェックリストが読めません",
    "unknown field": "この項目は EcoCheck の形式にありません",
    "missing": "入力がありません",
    "not a finite number": "数値ではありません",
    "not a decimal number": "数値ではありません",
    "number out of range": "数値が大きすぎます",
    "too many digits": "桁数が多すぎます",
    "nested too deeply": "入れ子が深すぎます",
    "too many items": "項目が多すぎます",
    "bad key": "項目名が正しくありません",
    "month must be YYYY-MM": "年月は YYYY-MM の形で入力してください",
    "must be 1-12": "1〜12 で入力してください",
    "must not be empty": "空欄にはできません",
    "must not be negative": "マイナスにはできません",
    "expected a number, got true/false": "数値が必要です",
    "expected yes or no": "はい か いいえ で答えてください",
    "expected an object": "形式が正しくありません",
    "expected a whole number": "整数で入力してください",
    "the top level is not an object": "ファイルの形式が正しくありません",
    "bad 'format_version'": "形式バージョンが正しくありません",
    "empty": "空です",
    "empty value": "値が空です",
}
_REASON_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^below the minimum (?P<x>.+)$"), "最小値 {x} より小さい値です"),
    (re.compile(r"^above the maximum (?P<x>.+)$"), "最大値 {x} より大きい値です"),
    (re.compile(r"^expected one of (?P<x>.+)$"), "次のいずれかを選んでください: {x}"),
    (re.compile(r"^text longer than (?P<x>\d+) characters$"), "{x} 文字を超えています"),
    (re.compile(r"^unknown energy code (?P<x>.+)$"), "エネルギーの種類 {x} が分かりません"),
    (re.compile(r"^unknown file format (?P<x>.+)$"), "不明なファイル形式 {x}"),
    (re.compile(r"^expected (?:a number as )?text, got (?P<x>\w+)$"), "文字が必要です"),
    (re.compile(r"^expected a whole number, got (?P<x>\w+)$"), "整数が必要です"),
    (re.compile(r"^expected true/false, got (?P<x>\w+)$"), "はい/いいえの値が必要です"),
    (re.compile(r"^expected an object, got (?P<x>\w+)$"), "形式が正しくありません"),
)


def reason_text(reason: Any, lang: str) -> str:
    """A check's English reason in Japanese where it is known; unknown detail is kept as is."""
    text = str(reason)
    if lang != "ja":
        return text
    if text in _REASONS_JA:
        return _REASONS_JA[text]
    for pattern, template in _REASON_PATTERNS:
        match = pattern.match(text)
        if match:
            return template.format(**match.groupdict())
    return f"詳細: {text}" if text else "詳細不明"


@cache
def _catalogue() -> Any:
    """The measure catalogue for names (None when it cannot be loaded)."""
    try:
        from ecocheck_desktop.core.catalogue import load_catalogue

        return load_catalogue()
    except Exception:  # a message must render even with a broken catalogue
        return None


@cache
def _profiles() -> Any:
    try:
        from ecocheck_desktop.core.profiles import load_profiles

        return load_profiles()
    except Exception:  # a message must render even with broken profiles
        return None


def energy_name(code: Any, lang: str) -> str:
    from ecocheck_desktop.core.energy import ENERGY_TYPES

    energy = ENERGY_TYPES.get(str(code))
    if energy is None:
        if str(code) == "heat":
            return "熱" if lang == "ja" else "Heat"
        return str(code)
    return energy.name_ja if lang == "ja" else energy.name_en


def unit_name(unit: Any) -> str:
    return _UNITS_DISPLAY.get(str(unit), str(unit))


def measure_name(measure_id: Any, lang: str) -> str:
    catalogue = _catalogue()
    if catalogue is not None:
        for measure in catalogue.measures:
            if measure.id == measure_id:
                return str(measure.name_ja if lang == "ja" else measure.name_en)
    return str(measure_id)


def end_use_name(code: Any, lang: str) -> str:
    profiles = _profiles()
    names = getattr(profiles, "end_use_names", None) or {}
    name = names.get(str(code))
    if name is None:
        return str(code)
    if isinstance(name, dict):
        return str(name.get(lang) or name.get("en") or code)
    if isinstance(name, tuple | list):
        return str(name[0] if lang == "ja" else name[-1])
    return str(name)


def checklist_label(key: Any, lang: str) -> str:
    catalogue = _catalogue()
    item = catalogue.checklist.get(str(key)) if catalogue is not None else None
    if item is None:
        return str(key)
    return str(item.label_ja if lang == "ja" else item.label_en)


def sector_name(code: Any, lang: str) -> str:
    profiles = _profiles()
    profile = (getattr(profiles, "profiles", None) or {}).get(str(code))
    if profile is None:
        return str(code)
    return str(getattr(profile, "name_ja" if lang == "ja" else "name_en", code))


def target_name(kind: Any, lang: str) -> str:
    from ecocheck_desktop.core.targets import LABELS

    labels = LABELS.get(str(kind))
    if labels is None:
        return str(kind)
    return labels[0] if lang == "ja" else labels[1]


def column_name(column: Any, lang: str) -> str:
    """The bill-format column: a key (when the file lacks it) becomes the Japanese heading."""
    from ecocheck_desktop.exchange.bills import COLUMNS

    for known in COLUMNS:
        if known.key == column:
            return known.alias_ja if lang == "ja" else known.key
    return str(column)


def field_name(field: Any, lang: str) -> str:
    """``energy_records[3].quantity`` -> ``エネルギーの記録 4件目 > 使用量``."""
    parts = []
    for segment in str(field).split("."):
        match = re.fullmatch(r"(\w+)\[(\d+)\]", segment)
        name, index = (match.group(1), int(match.group(2))) if match else (segment, None)
        label = _segment_name(name, lang)
        if index is not None:
            label += f" {index + 1}件目" if lang == "ja" else f" #{index + 1}"
        parts.append(label)
    return " > ".join(parts)


def _segment_name(name: str, lang: str) -> str:
    if name in _FIELDS:
        return _FIELDS[name][0 if lang == "ja" else 1]
    from ecocheck_desktop.exchange.bills import COLUMNS

    for known in COLUMNS:
        if known.key == name:
            return known.alias_ja if lang == "ja" else name
    label = checklist_label(name, lang)
    return label if label != name else name


def month_name(month: Any, lang: str) -> str:
    match = re.fullmatch(r"(\d{4})-(\d{2})", str(month))
    if match is None:
        return str(month)
    year, number = int(match.group(1)), int(match.group(2))
    return f"{year}年{number}月" if lang == "ja" else str(month)


def _names(values: Any, lang: str, one: Any) -> str:
    separator = "、" if lang == "ja" else ", "
    return separator.join(one(v.strip(), lang) for v in str(values).split(",") if v.strip())


def _answer_text(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        if lang == "ja":
            return "はい" if value else "いいえ"
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ("、" if lang == "ja" else ", ").join(_answer_text(v, lang) for v in value)
    return sector_name(value, lang) if isinstance(value, str) else str(value)


def amount_text(value: Any) -> str:
    """``98000`` -> ``98,000`` (any other text unchanged)."""
    text = str(value)
    if isinstance(value, bool) or not re.fullmatch(r"-?\d+(\.\d+)?", text):
        return text
    return f"{Decimal(text):,}"


def display_values(message: Message, lang: str) -> dict[str, Any]:
    """The message's where and params with ids replaced by the names the user knows."""
    values: dict[str, Any] = {**message.where, **message.params}
    code = message.code
    for key, value in list(values.items()):
        if value is None:
            continue
        if key in _AMOUNT_KEYS or (key == "value" and code.startswith(_AMOUNT_CODES)):
            values[key] = amount_text(value)
        elif key == "energy":
            values[key] = energy_name(value, lang)
        elif key == "unit":
            values[key] = unit_name(value)
        elif key == "allowed":
            values[key] = _names(value, lang, lambda u, _lang: unit_name(u))
        elif key == "measure":
            values[key] = measure_name(value, lang)
        elif key == "end_use":
            values[key] = end_use_name(value, lang)
        elif key == "column":
            values[key] = column_name(value, lang)
        elif key == "field":
            values[key] = field_name(value, lang)
        elif key == "month":
            values[key] = month_name(value, lang)
        elif key == "reason":
            values[key] = reason_text(value, lang)
        elif key == "key" and code.startswith(("checklist.", "measures.")):
            values[key] = checklist_label(value, lang)
        elif key in ("answer", "value") and code == "measures.condition_failed":
            values[key] = _answer_text(value, lang)
        elif key == "op":
            values[key] = _OPS.get(str(value), (str(value), str(value)))[0 if lang == "ja" else 1]
        elif key == "kind" and code.startswith("targets."):
            values[key] = target_name(value, lang)
        elif key == "known" and code == "targets.unknown_kind":
            values[key] = _names(value, lang, target_name)
        elif key == "known" and code == "profiles.unknown_sector":
            values[key] = _names(value, lang, sector_name)
        elif key == "sector":
            values[key] = sector_name(value, lang)
        elif key == "carrier":
            carrier = _CARRIERS.get(str(value))
            values[key] = carrier[0 if lang == "ja" else 1] if carrier else energy_name(value, lang)
        elif key == "kind" and code.startswith("factor.supplier_menu"):
            values[key] = energy_name("city_gas" if value == "gas" else value, lang)
    return values


_LOCATION_KEYS = ("file", "row", "column", "field", "site", "month", "energy")
# Codes whose sentence already says what a location key would (the checklist question, the
# target, the retailer of the electricity list): the prefix would only repeat it.
_SAID_BY_THE_SENTENCE: dict[str, tuple[str, ...]] = {
    "field": ("checklist.", "targets.", "profiles."),
    "energy": ("factor.",),
}


def location_text(message: Message, template: str, lang: str, values: dict[str, Any]) -> str:
    """Where the problem is, for the where keys the template does not name itself."""
    parts = []
    for key in _LOCATION_KEYS:
        if key not in message.where or "{" + key + "}" in template:
            continue
        if key == "file" and "{filename}" in template:
            continue  # the attachment's own name says it
        if message.code.startswith(_SAID_BY_THE_SENTENCE.get(key, ())):
            continue
        value = values[key]
        if lang != "ja":
            parts.append(f"{key} {value}")
        elif key == "file":
            parts.append(f"ファイル {PurePath(str(message.where['file'])).name}")
        elif key == "row":
            parts.append(f"{value}行目")
        elif key == "column" and isinstance(message.where["column"], int):
            parts.append(f"{value}列目")  # a position in a pasted block
        elif key == "column":
            parts.append(f"「{value}」列")
        elif key == "field":
            parts.append(f"項目「{value}」")
        elif key == "site":
            parts.append(f"事業所「{value}」")
        else:
            parts.append(str(value))
    return ("、" if lang == "ja" else ", ").join(parts)


def render_message(message: Message, lang: str) -> str:
    """One sentence for the user in ``lang`` ("ja" or "en"), with names instead of ids."""
    template = MESSAGES_JA.get(message.code) if lang == "ja" else TEMPLATES.get(message.code)
    blank = _BLANK_SUPPLIER.get(message.code)
    if blank is not None and not str(message.params.get("supplier", "")).strip():
        template = blank[0] if lang == "ja" else blank[1]
    if template is None:
        return render(message)
    values = display_values(message, lang)
    try:
        body = template.format(**values)
    except (KeyError, IndexError, ValueError):
        return render(message)
    location = location_text(message, template, lang, values)
    if not location:
        return body
    return f"{location}：{body}" if lang == "ja" else f"{location}: {body}"
