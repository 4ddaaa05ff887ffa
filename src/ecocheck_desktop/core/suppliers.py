"""Supplier lists: folding supplier names, finding the supplier meant and ranking suggestions.

One ``_SupplierList`` per electricity, gas or heat list edition, indexed by registration number
and by folded name (``normalize_name``: width, case, spaces, dashes, kana, company forms and
former-name notes). A name that names two suppliers equally is an error, never a guess; an
unmatched name gets the closest names as a hint (``_suggestions``), never one chosen for it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ecocheck_desktop.core.factor_tables import (
    _DASHES,
    Edition,
    ElectricityResolution,
    SupplierFactor,
)
from ecocheck_desktop.core.messages import EcoCheckError, Message

_REG_NO = re.compile(r"[A-Z]\d{4}")
# Rows that belong to the list as a whole, not to one retailer.
_LIST_LEVEL_KINDS = ("substitute", "national_average")


@dataclass
class _SupplierList:
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
# A trailing or embedded note on a former name: （旧:ENEOS(株)）, (旧：…), (旧 …).
_FORMER_NAME = re.compile(r"\(旧[:]?[^()]*\)")
# Retailers A0269, heat suppliers 006, grid operators 3 (short numbers need a separator).
_NUMBER_FIRST = re.compile(
    r"^\s*([A-Z]\d{4}(?![0-9])|\d{1,3}(?=[\s:：,、.]|$))[\s:：,、.\-]*(.*)$", re.DOTALL
)
_NUMBER_LAST = re.compile(r"^(.*?)[\s(]*([A-Z]\d{4})\)?\s*$", re.DOTALL)
_FUZZY_CUTOFF = 0.6
_SHARED_START_MIN = 4
_SUGGESTIONS = 3  # names offered in the warning on an unmatched supplier


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
    folded = _DASHES.sub("-", folded)
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


def _normalize_menu(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def _suggestions(
    table: _SupplierList, kind: str, fiscal_year: int, supplier: str
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


def _find_menu(rows: list[SupplierFactor], menu: str) -> SupplierFactor | None:
    """Exact (normalised) menu name, else a bare letter/name that one row's menu starts with."""
    wanted = _normalize_menu(menu)
    for row in rows:
        if _normalize_menu(row.menu) == wanted:
            return row
    candidates = [
        row
        for row in rows
        if _normalize_menu(re.sub(r"\((残差|参考値)\).*$", "", row.menu))
        in (wanted, f"メニュー{wanted}".casefold())
    ]
    return candidates[0] if len(candidates) == 1 else None


# Without a menu: the (残差) row, else the retailer's only row, else (参考値) (the list's notes).
_DEFAULT_ROW_ORDER = {
    "residual": "residual",
    "whole": "single",
    "grid": "single",
    "reference": "reference",
}


def _resolution(row: SupplierFactor, how: str, fiscal_year: int) -> ElectricityResolution:
    if row.basic is None or row.adjusted is None:
        raise EcoCheckError(
            Message(
                "factor.table_invalid",
                {"file": row.edition, "line": 0, "reason": f"{row.reg_no} {row.menu} no value"},
            )
        )
    warnings: tuple[Message, ...] = ()
    if row.substitute_applied:
        warnings = (
            Message(
                "factor.electricity_row_substitute",
                {"supplier": f"{row.reg_no} {row.supplier}", "menu": row.menu},
                {"energy": "electricity", "fiscal_year": fiscal_year},
            ),
        )
    return ElectricityResolution(row, row.basic, row.adjusted, how, warnings)
