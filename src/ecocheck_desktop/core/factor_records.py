"""The records of the factor library and the matching of supplier names.

Owns the frozen records one factor file row becomes (an edition, a fuel row, a supplier row,
a GWP, a conversion, a Scope 3 factor) and :class:`SupplierList`, which finds the supplier a
user means by number, name or both: names match as people type them (NFKC, dashes and
long-vowel marks folded, 株式会社/(株)/㈱ and （旧:…） folded, spaces ignored).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Context, Decimal
from difflib import SequenceMatcher

from ecocheck_desktop.core.messages import EcoCheckError, Message

_REG_NO = re.compile(r"[A-Z]\d{4}")
_CO2_PER_C_NUMERATOR = Decimal(44)
_CO2_PER_C_DENOMINATOR = Decimal(12)
_WIDE = Context(prec=50)
# Rows that belong to the list as a whole, not to one retailer.
_LIST_LEVEL_KINDS = ("substitute", "national_average")


@dataclass(frozen=True)
class Edition:
    id: str
    kind: str
    title: str
    publisher: str
    published: str
    source_url: str
    emissions_years: tuple[int, ...]
    notes: str
    confidence: str
    file: str = ""
    layout: str = ""
    # A list that holds only some retailers (sourced past-year rows): a retailer not in it
    # gets no 代替値 but "enter the factor".
    partial: bool = False
    list_label: str = ""  # e.g. "平成25年度実績" (the results year the list is built on)
    origin: str = "bundled"  # "bundled" or "installed" (from a factor package)

    def applies_to(self, fiscal_year: int) -> bool:
        return fiscal_year in self.emissions_years


@dataclass(frozen=True)
class FuelFactor:
    key: str
    name_ja: str
    name_en: str
    unit: str
    gj_per_unit: Decimal | None
    tc_per_gj: Decimal | None
    tco2_per_unit_rounded: Decimal
    edition: str
    source: str

    @property
    def chain_tco2_per_unit(self) -> Decimal | None:
        """単位発熱量 × 炭素排出係数 × 44/12, divided last so the product stays exact."""
        if self.gj_per_unit is None or self.tc_per_gj is None:
            return None
        return _exact_divide(
            self.gj_per_unit * self.tc_per_gj * _CO2_PER_C_NUMERATOR, _CO2_PER_C_DENOMINATOR
        )


@dataclass(frozen=True)
class SupplierFactor:
    reg_no: str
    supplier: str
    menu: str
    row_kind: str
    basic: Decimal | None
    adjusted: Decimal | None
    substitute_applied: bool
    edition: str
    capture_rate: str = ""
    page: int = 0
    source: str = ""  # the row's own source URL (past-year rows), else the edition's
    note: str = ""

    @property
    def supplier_name(self) -> str:
        return self.supplier


@dataclass(frozen=True)
class ElectricityResolution:
    factor: SupplierFactor
    basic: Decimal
    adjusted: Decimal
    how: str  # "menu" | "residual" | "single" | "reference" | "substitute"
    warnings: tuple[Message, ...] = ()


@dataclass(frozen=True)
class RefrigerantGwp:
    key: str
    name: str
    kind: str  # "HFC" (Scope 1 under SHK) or "HCFC" (フロン法 only)
    gwp_shk: Decimal | None
    gwp_furon: Decimal
    source: str
    edition: str


@dataclass(frozen=True)
class EnergyConversion:
    """省エネ法 factors for one fiscal year of energy use."""

    fiscal_year: int
    crude_oil_kl_per_gj: Decimal
    electricity_gj_per_thousand_kwh: Decimal  # GJ per 千kWh (= per MWh)
    city_gas_gj_per_km3: Decimal
    lpg_m3_per_t: Decimal  # propane
    lpg_butane_m3_per_t: Decimal
    edition: str

    @property
    def electricity_gj_per_mwh(self) -> Decimal:
        return self.electricity_gj_per_thousand_kwh


@dataclass(frozen=True)
class Scope3Factor:
    key: str
    category: str
    name: str
    unit: str
    value: Decimal
    source: str
    edition: str


@dataclass
class SupplierList:
    """One supplier list (electricity, gas or heat) with name and number indexes."""

    edition: Edition
    rows: list[SupplierFactor]
    by_reg_no: dict[str, list[SupplierFactor]] = field(default_factory=dict)
    by_name: dict[str, list[SupplierFactor]] = field(default_factory=dict)
    _folded: list[tuple[SupplierFactor, str]] | None = None

    def __post_init__(self) -> None:
        for row in self.rows:
            if row.row_kind in _LIST_LEVEL_KINDS:
                continue
            if row.reg_no:
                self.by_reg_no.setdefault(row.reg_no, []).append(row)
            self.by_name.setdefault(normalize_name(row.supplier), []).append(row)

    def find(self, supplier: str) -> list[SupplierFactor]:
        """The rows of the one supplier meant by ``supplier`` (number, name or both).

        Raises ``factor.supplier_ambiguous`` when the name names two suppliers equally.
        """
        whole = unicodedata.normalize("NFKC", supplier).strip().upper()
        if whole in self.by_reg_no:
            return self.by_reg_no[whole]
        number, name = split_supplier(supplier)
        if number and number in self.by_reg_no:
            return self.by_reg_no[number]
        rows = self.by_name.get(normalize_name(name), []) if name else []
        entities = list(dict.fromkeys(row.reg_no for row in rows))
        if len(entities) > 1:
            # 沖縄電力(株) is both a retailer and grid operator 10: the retailer is meant (the
            # grid row serves only 最終保障供給 / 離島 and is reached by its number).
            retail = [number for number in entities if _REG_NO.fullmatch(number)]
            if len(retail) != 1:
                raise EcoCheckError(
                    Message(
                        "factor.supplier_ambiguous",
                        {
                            "supplier": supplier,
                            "candidates": ", ".join(
                                f"{n} {self.by_reg_no[n][0].supplier}" for n in entities
                            ),
                        },
                    )
                )
            rows = [row for row in rows if row.reg_no == retail[0]]
        return rows

    def suppliers(self) -> list[SupplierFactor]:
        """The first row of every supplier, in list order."""
        seen: set[tuple[str, str]] = set()
        found: list[SupplierFactor] = []
        for row in self.rows:
            key = (row.reg_no, row.supplier)
            if row.row_kind in _LIST_LEVEL_KINDS or key in seen:
                continue
            seen.add(key)
            found.append(row)
        return found

    def search(self, query: str) -> list[SupplierFactor]:
        """Ranked suggestions: number > exact name > prefix > substring > fuzzy."""
        if self._folded is None:
            self._folded = [(row, normalize_name(row.supplier)) for row in self.suppliers()]
        number, name = split_supplier(query)
        if not number and not name:
            return [row for row, _ in self._folded]
        needle = normalize_name(name)
        raw_number = unicodedata.normalize("NFKC", query).strip().upper()
        ranked: list[tuple[float, int, SupplierFactor]] = []
        matcher = SequenceMatcher(None, "", needle)  # seq2 is cached: the needle stays
        for index, (row, folded) in enumerate(self._folded):
            if number and row.reg_no == number:
                score = 0.0
            elif needle and folded == needle:
                score = 1.0
            elif needle and folded.startswith(needle):
                score = 2.0
            elif needle and needle in folded:
                score = 3.0
            elif raw_number and row.reg_no.startswith(raw_number):
                score = 3.5  # a number being typed: "A02" lists A0200 … A0299
            elif needle:
                matcher.set_seq1(folded)
                # The cheap upper bounds first, as difflib.get_close_matches does.
                ratio = 0.0
                if (
                    matcher.real_quick_ratio() >= _FUZZY_CUTOFF
                    and matcher.quick_ratio() >= _FUZZY_CUTOFF
                ):
                    ratio = matcher.ratio()
                shared = _shared_start(needle, folded)
                if ratio >= _FUZZY_CUTOFF:
                    score = 5.0 - ratio  # 4.0 … 4.4: better ratios first
                elif shared >= _SHARED_START_MIN:
                    # "東京電力EP" for 東京電力エナジーパートナー: the typed name's start (at
                    # least 4 characters and half of what was typed) begins the list name.
                    score = 5.5 - shared / (10 * len(needle))
                else:
                    continue
            else:
                continue
            ranked.append((score, index, row))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [row for _, _, row in ranked]


def _exact_divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    # A wide context so 44/12 (a repeating decimal) keeps far more digits than any display.
    return _WIDE.divide(numerator, denominator)


_KANA_OFFSET = ord("ァ") - ord("ぁ")
# After NFKC (which already turns （株）/㈱ into (株) and full-width letters into ASCII).
_COMPANY_FORMS = (
    "株式会社",
    "(株)",
    "有限会社",
    "(有)",
    "合同会社",
    "(同)",
    "合資会社",
    "(資)",
    "合名会社",
    "(名)",
)
# Every dash or long-vowel mark people (or PDFs) use for one another: ー/－/‐/-/−/–/—/― …
DASHES = re.compile("[\u002d\u2010-\u2015\u2212\u2043\ufe58\ufe63\u30fc\uff70\u02d7]")
# A trailing or embedded note on a former name: （旧:ENEOS(株)）, (旧：…), (旧 …).
_FORMER_NAME = re.compile(r"\(旧[:]?[^()]*\)")
# Retailers A0269, heat suppliers 006, grid operators 3 (short numbers need a separator).
_NUMBER_FIRST = re.compile(
    r"^\s*([A-Z]\d{4}(?![0-9])|\d{1,3}(?=[\s:：,、.]|$))[\s:：,、.\-]*(.*)$", re.DOTALL
)
_NUMBER_LAST = re.compile(r"^(.*?)[\s(]*([A-Z]\d{4})\)?\s*$", re.DOTALL)
_FUZZY_CUTOFF = 0.6
_SHARED_START_MIN = 4


def _shared_start(needle: str, folded: str) -> int:
    """Characters the two names share from their start; 0 unless half the needle or more."""
    shared = 0
    for a, b in zip(needle, folded, strict=False):
        if a != b:
            break
        shared += 1
    return shared if shared * 2 >= len(needle) else 0


def normalize_name(text: str) -> str:
    """Fold width, case, spaces, dashes, kana, company forms and former-name notes."""
    # Spaces go first so that "(株 )" or "瓦 斯" fold like the rest.
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    for form in _COMPANY_FORMS:
        folded = folded.replace(form, "")
    folded = _FORMER_NAME.sub("", folded)
    folded = folded.replace("瓦斯", "ガス")
    folded = DASHES.sub("-", folded)
    folded = "".join(chr(ord(ch) + _KANA_OFFSET) if "ぁ" <= ch <= "ゖ" else ch for ch in folded)
    return re.sub(r"\s+", "", folded).casefold()


def split_supplier(text: str) -> tuple[str, str]:
    """(registration number or "", name or "") of what was typed: "A0269 東京電力…", "A0269"."""
    folded = unicodedata.normalize("NFKC", text).strip()
    upper = folded.upper()
    if match := _NUMBER_FIRST.match(upper):
        rest = folded[match.start(2) :].strip() if match.group(2) else ""
        return match.group(1), rest
    if match := _NUMBER_LAST.match(upper):
        return match.group(2), folded[: len(match.group(1))].strip()
    return "", folded


def normalize_menu(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def refrigerant_key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).upper()
    folded = DASHES.sub("", re.sub(r"[\s\-_]", "", folded))
    # "HFC-32", "R-32" and "R32" name the same gas; HCFC-22 is R-22, CFC-12 is R-12.
    return re.sub(r"^(HCFC|HFC|CFC|R)(?=\d)", "R", folded)


_SUGGESTIONS = 3  # names offered in the warning on an unmatched supplier


def supplier_suggestions(
    table: SupplierList, kind: str, fiscal_year: int, supplier: str
) -> Message | None:
    if not normalize_name(split_supplier(supplier)[1]):
        return None  # blank or a bare number: nothing to be close to
    rows = [row for row in table.search(supplier) if row.row_kind != "grid"][:_SUGGESTIONS]
    if not rows:
        return None
    candidates = ", ".join(f"{row.reg_no} {row.supplier}".strip() for row in rows)
    return Message(
        "factor.supplier_did_you_mean",
        {"supplier": supplier, "fiscal_year": fiscal_year, "candidates": candidates},
        {"energy": "city_gas" if kind == "gas" else kind, "fiscal_year": fiscal_year},
    )


def find_menu(rows: list[SupplierFactor], menu: str) -> SupplierFactor | None:
    """Exact (normalised) menu name, else a bare letter/name that one row's menu starts with."""
    wanted = normalize_menu(menu)
    for row in rows:
        if normalize_menu(row.menu) == wanted:
            return row
    candidates = [
        row
        for row in rows
        if normalize_menu(re.sub(r"\((残差|参考値)\).*$", "", row.menu))
        in (wanted, f"メニュー{wanted}".casefold())
    ]
    return candidates[0] if len(candidates) == 1 else None
