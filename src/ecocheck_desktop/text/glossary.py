"""The plain-words glossary: each term an owner may not know, in one line with an example.

The GUI shows an entry as the tooltip of the label, tile or column that uses the term and lists
them all under F1 (用語集 / Glossary); the words are here, Qt-free, so the report could use them
too. ``shown`` are the spellings a screen prints (Japanese and English), which the tests look
for on every page to check that each use of a term is explained.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    key: str
    ja: str  # the term as the Japanese screens print it
    en: str  # the term as the English screens print it
    ja_text: str  # one line, with an example
    en_text: str
    shown: tuple[str, ...] = ()  # further spellings on screen (either language)


TERMS: tuple[Term, ...] = (
    Term(
        "scope1",
        "Scope 1",
        "Scope 1",
        "自社で燃やした燃料(都市ガス・LPG・灯油など)から直接出る CO2。例: ボイラーの都市ガス。",
        "CO2 from fuel burnt on your own site (city gas, LPG, kerosene). Example: the boiler's "
        "city gas.",
        ("スコープ1",),
    ),
    Term(
        "scope2",
        "Scope 2",
        "Scope 2",
        "買った電気や熱をつくるときに発電所などで出た CO2。例: 工場で使った電気の分。",
        "CO2 emitted at the power plant for the electricity (or heat) you bought. Example: the "
        "factory's electricity.",
        ("スコープ2",),
    ),
    Term(
        "adjusted_factor",
        "調整後排出係数",
        "adjusted emission factor",
        "電力会社が非化石証書などを差し引いた後の、電気1kWhあたりのCO2。温対法の報告(SHK)で使う値。"
        "例: 0.000421 t-CO2/kWh。",
        "CO2 per kWh of your retailer after its certificates and offsets; the value the SHK "
        "report uses. Example: 0.000421 t-CO2/kWh.",
        ("調整後", "adjusted"),
    ),
    Term(
        "basic_factor",
        "基礎排出係数",
        "basic emission factor",
        "電力会社が実際に発電で出した、電気1kWhあたりのCO2(証書を差し引く前)。"
        "例: 0.000437 t-CO2/kWh。",
        "CO2 per kWh your retailer actually emitted, before certificates. Example: 0.000437 "
        "t-CO2/kWh.",
        ("基礎", "Basic"),
    ),
    Term(
        "location_basis",
        "ロケーション基準",
        "location basis",
        "電力会社によらず全国平均の排出係数で計算した Scope 2(GHGプロトコル)。例: 同じ 10,000 kWh "
        "ならどの会社でも同じ値。",
        "Scope 2 with the national average factor, whoever the retailer is (GHG Protocol). "
        "Example: 10,000 kWh gives the same figure with any retailer.",
        ("location",),
    ),
    Term(
        "sbt",
        "SBT",
        "SBT",
        "SBT(科学的根拠に基づく目標): パリ協定に合う削減目標の国際的な基準。例: 中小企業版は"
        "「毎年4.2%ずつ削減」。",
        "SBT (science-based target): the international standard for a reduction target in line "
        "with the Paris Agreement. Example: for SMEs, 4.2 % less every year.",
    ),
    Term(
        "spt",
        "SPT",
        "SPT",
        "SPT(サステナビリティ・パフォーマンス・ターゲット): "
        "金融機関との融資契約で約束する削減目標。達成すると金利が下がることがあります。"
        "例: 「2029年度までに15%削減」。",
        "SPT (sustainability performance target): the reduction you promise in a loan contract "
        "with your bank; meeting it can lower the interest. Example: 15 % less by FY2029.",
    ),
    Term(
        "confidence",
        "確度",
        "Confidence",
        "対策の数字がどこまで確かか。出典あり=公表資料の数字、算定=それから計算、未確認=見積もりで"
        "業者に確認が必要。例: LED化の削減量は「出典あり」。",
        "How sure a measure's figures are. Sourced: from a cited source; derived: calculated "
        "from those; unconfirmed: an estimate to check with a supplier. Example: the LED "
        "retrofit's saving is sourced.",
    ),
    Term(
        "legal_life",
        "≤法定",
        "≤ life",
        "投資を法定耐用年数(税法で決まった設備の使用年数)のうちに回収できる印"
        "(>法定 は回収できない)。"
        "例: 回収4年・法定耐用年数15年なら「≤法定」。",
        "The investment pays back within the statutory useful life of the equipment, set by tax "
        "law (> life: it does not). Example: paid back in 4 years, useful life 15 years: ≤ life.",
        ("法定", "> life"),
    ),
    Term(
        "cost_per_t",
        "円/t-CO2",
        "Yen/t-CO2",
        "CO2を1トン減らすのにかかる正味の費用。マイナスは減らすほどお金が浮く対策です。"
        "例: -20,000 円/t-CO2 = 1トン減らすごとに2万円の得。",
        "The net cost of one tonne of CO2 less. Negative means the measure saves money. "
        "Example: -20,000 yen/t-CO2 = 20,000 yen saved per tonne.",
        ("yen/t-CO2",),
    ),
    Term(
        "payback",
        "投資回収年数",
        "Payback",
        "投資額を毎年の節約額で取り戻すまでの年数。例: 100万円の投資で年25万円浮けば4年。",
        "Years until the yearly savings repay the investment. Example: 1,000,000 yen invested, "
        "250,000 yen saved a year: 4 years.",
        ("回収",),
    ),
    Term(
        "t_co2",
        "t-CO2",
        "t-CO2",
        "二酸化炭素の重さ(トン)。例: 12.5 t-CO2 = CO2 12.5トン。",
        "Tonnes of carbon dioxide. Example: 12.5 t-CO2 = 12.5 tonnes of CO2.",
    ),
    Term(
        "fiscal_year",
        "年度",
        "fiscal year",
        "4月から翌年3月までの1年。例: 2024年度 = 2024年4月〜2025年3月。",
        "April to the next March. Example: FY2024 = April 2024 to March 2025.",
        ("FY",),
    ),
    Term(
        "intensity",
        "原単位",
        "intensity",
        "売上や生産量あたりの排出量。例: 売上100万円あたり 0.45 t-CO2。",
        "Emissions per unit of revenue or output. Example: 0.45 t-CO2 per million yen of revenue.",
    ),
)

_BY_KEY = {term.key: term for term in TERMS}


def term(key: str) -> Term:
    return _BY_KEY[key]


def name(key: str, lang: str) -> str:
    entry = _BY_KEY[key]
    return entry.ja if lang == "ja" else entry.en


def explanation(key: str, lang: str) -> str:
    """The one line with its example, in ``lang``."""
    entry = _BY_KEY[key]
    return entry.ja_text if lang == "ja" else entry.en_text


def tooltip(keys: str | tuple[str, ...], lang: str) -> str:
    """The tooltip of a widget using one or more terms: each as 「term: line」."""
    keys = (keys,) if isinstance(keys, str) else keys
    separator = ":" if lang == "ja" else ": "
    return "\n".join(f"{name(key, lang)}{separator}{explanation(key, lang)}" for key in keys)


def markdown(lang: str) -> str:
    """The glossary as the F1 section (a heading and one bullet per term)."""
    heading = "## 用語集" if lang == "ja" else "## Glossary"
    lines = [heading, ""]
    separator = ":" if lang == "ja" else ": "
    lines += [f"- **{name(t.key, lang)}**{separator}{explanation(t.key, lang)}" for t in TERMS]
    return "\n".join(lines) + "\n"
