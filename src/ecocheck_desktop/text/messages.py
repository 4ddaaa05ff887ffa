"""A message (code + parameters) as one sentence in Japanese or English, with names, not ids.

The sentences are those of :mod:`ecocheck_desktop.text.catalogue`. :func:`render`

* picks the code's template in ``lang`` ("ja" or "en"),
* replaces internal ids in the parameters by the names the user knows: energy codes, units as
  printed on Japanese bills (m³), measure ids, end-use codes, checklist keys, target kinds,
  sectors, the columns of the bill import format and the fields of the project data,
* turns the known English ``{reason}`` texts of Python checks into Japanese, keeping any
  unknown technical detail as it is (the templates show it in parentheses), and
* says where the problem is (file, row, column, field, site, month, energy) unless the template
  names it already.

How core gets its words without importing this layer: ``core.messages`` keeps a registry of
English templates that this module fills with the catalogue's English column when it is
imported (the command line, the GUI and the report import it). That registry only serves
``Message.text()`` and the text of an ``EcoCheckError`` (logs, tracebacks); everything a user
reads goes through :func:`render`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import PurePath
from typing import Any

from ecocheck_desktop.core import messages as core_messages
from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.text import catalogue

core_messages.register({code: texts[1] for code, texts in catalogue.CATALOGUE.items()})

# A retailer line without a retailer name: the template would show 「」.
_BLANK_SUPPLIER = {"factor.electricity_substitute": "factor.electricity_substitute.no_supplier"}

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
    "meters": ("メーター（30分データ）", "meters (30-minute data)"),
    "days": ("日", "days"),
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


# The names below come from core and exchange, imported where a name is looked up: the command
# line and the start window import this module and render at most a message or two, without
# the catalogue, the profiles or the bill reader.


@cache
def _catalogue() -> Any:
    """The measure catalogue for names (None when it cannot be loaded)."""
    try:
        from ecocheck_desktop.core.measures import load_catalogue

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


def render(message: Message, lang: str, *, say_where: bool = True) -> str:
    """One sentence for the user in ``lang`` ("ja" or "en"), with names instead of ids.

    ``say_where=False`` leaves out the location prefix (a screen that shows the problem at its
    place, such as the cell being typed in); the template's own placeholders are still filled.
    """
    code = message.code
    blank = _BLANK_SUPPLIER.get(code)
    if blank is not None and not str(message.params.get("supplier", "")).strip():
        code = blank
    sentence = catalogue.template(code, lang)
    if sentence is None:
        return core_messages.render(message)
    values = display_values(message, lang)
    try:
        body = sentence.format(**values)
    except (KeyError, IndexError, ValueError):
        return core_messages.render(message)
    location = location_text(message, sentence, lang, values) if say_where else ""
    if not location:
        return body
    return f"{location}：{body}" if lang == "ja" else f"{location}: {body}"


def render_all(messages: list[Message] | tuple[Message, ...], lang: str) -> str:
    """Several messages, one per line."""
    return "\n".join(render(m, lang) for m in messages)


# A position in a pasted block (column number) or a bill file (column heading), said before the
# sentence: "3 行目・「年月」列：".
_POSITION: dict[str, tuple[str, str]] = {
    "row_column_number": ("{row} 行目・{column} 列目：", "Row {row}, column number {column}: "),
    "row_column": ("{row} 行目・「{column}」列：", "Row {row}, column {column}: "),
    "row": ("{row} 行目：", "Row {row}: "),
}


def position_text(message: Message, lang: str) -> str:
    """Where a pasted/imported problem is, e.g. "Row 3, column 2: " ("" without a row)."""
    row, column = message.where.get("row"), message.where.get("column")
    if row is None:
        return ""
    if isinstance(column, int):
        key = "row_column_number"
    elif column is not None:
        key, column = "row_column", column_name(column, lang)
    else:
        key = "row"
    ja, en = _POSITION[key]
    return (ja if lang == "ja" else en).format(row=row, column=column)


def located(message: Message, lang: str) -> str:
    """The sentence after its row/column, said once: the sentence then leaves them out (and
    the file, which the dialog or the import that shows a row problem names already)."""
    prefix = position_text(message, lang)
    if prefix:
        where = {k: v for k, v in message.where.items() if k not in ("row", "column", "file")}
        message = Message(message.code, message.params, where)
    return prefix + render(message, lang)
