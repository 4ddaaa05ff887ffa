"""The official factor library: editions, tables and the lookups the calculation needs.

Owns reading ``resources/factors/`` (``manifest.json`` plus one TSV per edition, written by
``scripts/convert_factors.py``), validating it, and answering "which factor applies to this
emissions fiscal year": the fuel table (new from FY2023, old up to FY2022), the electricity
retailer list, gas and heat supplier lists with their defaults, refrigerant GWPs, 省エネ法
conversion factors and the Scope 3 extract. Values stay exact ``Decimal`` parsed from the
strings in the files; nothing is rounded here.

Decisions (also in resources/factors/NOTICE.md and the manifest notes):

- An edition applies to the emissions years listed in the manifest; open-ended tables list
  every year up to 2050. When two editions of one kind cover a year, the latest published wins.
- Electricity: menu given -> that row (an unknown menu is an error naming the retailer's menus);
  no menu -> the (残差) row, else the retailer's single row, else its (参考値) row; unknown or
  empty supplier -> the 代替値 with a warning; no list for the year -> an error, never another
  year's list.
- Gas and heat: unknown supplier -> ``None`` so the caller uses the default; a known supplier
  whose menu is unknown or ambiguous -> an error naming its menus.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Context, Decimal, InvalidOperation
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.resources import installed_factors_dir, resource_path

MANIFEST_FORMAT = 1
KINDS = (
    "fuel",
    "electricity",
    "gas",
    "heat",
    "refrigerant",
    "energy_conversion",
    "scope3",
)
# How an edition's file is laid out (one reader per layout).
LAYOUTS = (
    "fuel_table",
    "electricity_list",
    "electricity_sourced",
    "supplier_list",
    "default_factor",
    "refrigerant_gwp",
    "energy_conversion",
    "scope3",
)
CONFIDENCES = ("confirmed", "medium", "unconfirmed")
ROW_KINDS = ("whole", "menu", "residual", "reference", "grid", "substitute", "national_average")

COLUMNS: dict[str, tuple[str, ...]] = {
    "fuel_table": (
        "key",
        "name_ja",
        "name_en",
        "unit",
        "gj_per_unit",
        "tc_per_gj",
        "tco2_per_unit_rounded",
        "source",
    ),
    "electricity_list": (
        "reg_no",
        "retailer",
        "menu",
        "row_kind",
        "basic",
        "adjusted",
        "substitute_applied",
        "capture_rate",
        "page",
        "line",
    ),
    # Past-year rows bundled one by one from a cited publication (resources/factors/NOTICE.md).
    "electricity_sourced": (
        "reg_no",
        "retailer",
        "menu",
        "row_kind",
        "basic",
        "adjusted",
        "source_url",
        "source_kind",
        "note",
    ),
    "supplier_list": ("reg_no", "supplier", "menu", "basic", "adjusted"),
    "default_factor": ("key", "name", "value", "unit", "source"),
    "refrigerant_gwp": ("key", "name", "kind", "gwp_shk", "gwp_furon", "aliases", "source"),
    "energy_conversion": ("key", "value", "unit", "from_year", "to_year", "source"),
    "scope3": ("key", "category", "name", "unit", "value", "source"),
}

_REQUIRED_EDITION_KEYS = (
    "id",
    "kind",
    "layout",
    "file",
    "title",
    "publisher",
    "published",
    "source_url",
    "emissions_years",
    "notes",
    "confidence",
)
_REG_NO = re.compile(r"[A-Z]\d{4}")
_SAFE_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.tsv")
_CO2_PER_C_NUMERATOR = Decimal(44)
_CO2_PER_C_DENOMINATOR = Decimal(12)
_WIDE = Context(prec=50)


# --------------------------------------------------------------------------- records


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


# --------------------------------------------------------------------------- helpers


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
_DASHES = re.compile("[\u002d\u2010-\u2015\u2212\u2043\ufe58\ufe63\u30fc\uff70\u02d7]")
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


def _decimal(text: str, where: dict[str, Any]) -> Decimal | None:
    if text == "":
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise EcoCheckError(
            Message("factor.table_invalid", {**where, "reason": f"not a number: {text!r}"})
        ) from None
    if not value.is_finite():
        raise EcoCheckError(
            Message("factor.table_invalid", {**where, "reason": f"not a number: {text!r}"})
        )
    return value


def _required_decimal(text: str, where: dict[str, Any]) -> Decimal:
    value = _decimal(text, where)
    if value is None:
        raise EcoCheckError(Message("factor.table_invalid", {**where, "reason": "empty value"}))
    return value


def read_table(path: Path, layout: str) -> list[dict[str, str]]:
    """Rows of a factor TSV: ``#`` comment lines, a header line, then tab-separated rows."""
    columns = COLUMNS[layout]
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = {"file": path.name, "line": number}
        if header is None:
            header = cells
            if tuple(cells) != columns:
                raise EcoCheckError(
                    Message(
                        "factor.table_invalid",
                        {**where, "reason": f"columns {cells} != {list(columns)}"},
                    )
                )
            continue
        if len(cells) != len(columns):
            raise EcoCheckError(
                Message(
                    "factor.table_invalid",
                    {**where, "reason": f"{len(cells)} cells, expected {len(columns)}"},
                )
            )
        rows.append({"_line": str(number), **dict(zip(columns, cells, strict=True))})
    if header is None:
        raise EcoCheckError(
            Message("factor.table_invalid", {"file": path.name, "line": 0, "reason": "empty"})
        )
    return rows


def _manifest_error(file: str, reason: str) -> EcoCheckError:
    return EcoCheckError(Message("factor.manifest_invalid", {"file": file, "reason": reason}))


def _parse_edition(raw: Any, folder: Path, origin: str = "bundled") -> Edition:
    if not isinstance(raw, dict):
        raise _manifest_error("manifest.json", "an edition is not an object")
    missing = [key for key in _REQUIRED_EDITION_KEYS if key not in raw]
    if missing:
        raise _manifest_error("manifest.json", f"edition {raw.get('id')!r} lacks {missing}")
    edition_id = str(raw["id"])
    checks = (
        (raw["kind"] in KINDS, f"kind {raw['kind']!r}"),
        (raw["layout"] in LAYOUTS, f"layout {raw['layout']!r}"),
        (raw["confidence"] in CONFIDENCES, f"confidence {raw['confidence']!r}"),
        (
            _SAFE_FILE.fullmatch(str(raw["file"])) is not None,
            f"file {raw['file']!r} must be a plain file name",
        ),
        (
            isinstance(raw["emissions_years"], list)
            and all(type(year) is int for year in raw["emissions_years"]),
            "emissions_years must be a list of integers",
        ),
        ((folder / str(raw["file"])).is_file(), f"missing file {raw['file']!r}"),
    )
    for ok, reason in checks:
        if not ok:
            raise _manifest_error("manifest.json", f"edition {edition_id!r}: {reason}")
    try:
        date.fromisoformat(str(raw["published"]))
    except ValueError:
        raise _manifest_error(
            "manifest.json", f"edition {edition_id!r}: published {raw['published']!r}"
        ) from None
    return Edition(
        id=edition_id,
        kind=str(raw["kind"]),
        title=str(raw["title"]),
        publisher=str(raw["publisher"]),
        published=str(raw["published"]),
        source_url=str(raw["source_url"]),
        emissions_years=tuple(raw["emissions_years"]),
        notes=str(raw["notes"]),
        confidence=str(raw["confidence"]),
        file=str(raw["file"]),
        layout=str(raw["layout"]),
        partial=bool(raw.get("partial", False)),
        list_label=str(raw.get("list_label", "")),
        origin=origin,
    )


def _read_manifest(folder: Path, origin: str) -> dict[str, Edition]:
    manifest_path = folder / "manifest.json"
    try:
        raw = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _manifest_error(str(manifest_path), str(error)) from None
    if not isinstance(raw, dict) or raw.get("format_version") != MANIFEST_FORMAT:
        raise _manifest_error("manifest.json", f"format_version must be {MANIFEST_FORMAT}")
    editions: dict[str, Edition] = {}
    for item in raw.get("editions", []):
        edition = _parse_edition(item, folder, origin)
        if edition.id in editions:
            raise _manifest_error("manifest.json", f"duplicate edition {edition.id!r}")
        editions[edition.id] = edition
    return editions


# --------------------------------------------------------------------------- the library


class FactorLibrary:
    """All factor editions of one folder (plus installed packages), validated and indexed."""

    def __init__(
        self,
        folder: Path,
        editions: dict[str, Edition],
        folders: dict[str, Path] | None = None,
    ) -> None:
        self.folder = folder
        self.editions = editions
        self._folders = dict(folders or {})
        self._fuel: dict[str, dict[str, FuelFactor]] = {}
        self._lists: dict[str, _SupplierList] = {}
        self._defaults: dict[str, dict[str, Decimal]] = {}
        self._refrigerants: dict[str, RefrigerantGwp] = {}
        self._conversion: list[tuple[str, Decimal, int, int, str]] = []
        self._scope3: dict[str, Scope3Factor] = {}
        # fiscal year -> edition ids that year is locked to (see with_locks)
        self._locks: dict[int, frozenset[str]] = {}
        # Installed packages that could not be read (shown in the factor library dialog).
        self.problems: list[Message] = []
        for edition in editions.values():
            self._read_edition(edition)

    @classmethod
    def load(
        cls, folder: Path | None = None, installed: Path | bool | None = None
    ) -> FactorLibrary:
        """The editions of ``folder`` (default: the bundled ones) and of installed packages.

        ``installed``: a folder of installed packages; ``None`` = the user's folder when the
        bundled library is loaded, none when an explicit ``folder`` is given; ``False`` = none.
        """
        if folder is None:
            folder = resource_path("factors")
            if installed is None:
                installed = installed_factors_dir()
        editions = _read_manifest(folder, "bundled")
        folders = {edition_id: folder for edition_id in editions}
        library = cls(folder, editions, folders)
        if isinstance(installed, Path) and installed.is_dir():
            for package in sorted(p for p in installed.iterdir() if p.is_dir()):
                library._add_installed(package)
        return library

    def _add_installed(self, package: Path) -> None:
        try:
            editions = _read_manifest(package, "installed")
            clashes = [e for e in editions if e in self.editions]
            if clashes:
                raise _manifest_error(str(package), f"edition ids already loaded: {clashes}")
            # Read into a scratch library first: a damaged package changes nothing.
            FactorLibrary(package, editions, {e: package for e in editions})
        except EcoCheckError as error:
            self.problems.extend(error.messages)
            return
        for edition_id, edition in editions.items():
            self.editions[edition_id] = edition
            self._folders[edition_id] = package
            self._read_edition(edition)

    def with_locks(self, locks: dict[int, str]) -> FactorLibrary:
        """The same tables, with each fiscal year's look-ups held to its locked edition.

        A locked edition that is not (or no longer) in the library is ignored, so the year is
        calculated with the edition in force and the footprint warns that the lock differs.
        """
        view = copy.copy(self)
        view._locks = {
            year: frozenset([edition_id]) for year, edition_id in locks.items() if edition_id
        }
        return view

    def table_bytes(self, edition_id: str) -> bytes:
        """The file of an edition as stored (to compare a package with what is loaded)."""
        edition = self.edition(edition_id)
        return (self._folders.get(edition_id, self.folder) / edition.file).read_bytes()

    def locks(self) -> dict[int, str]:
        return {year: next(iter(ids)) for year, ids in self._locks.items()}

    # Reading ------------------------------------------------------------------------------
    def _read_edition(self, edition: Edition) -> None:
        path = self._folders.get(edition.id, self.folder) / edition.file
        rows = read_table(path, edition.layout)
        reader = {
            "fuel_table": self._read_fuel,
            "electricity_list": self._read_electricity,
            "electricity_sourced": self._read_electricity,
            "supplier_list": self._read_supplier,
            "default_factor": self._read_default,
            "refrigerant_gwp": self._read_refrigerant,
            "energy_conversion": self._read_conversion,
            "scope3": self._read_scope3,
        }[edition.layout]
        reader(edition, rows)

    def _read_fuel(self, edition: Edition, rows: list[dict[str, str]]) -> None:
        table: dict[str, FuelFactor] = {}
        for row in rows:
            where = {"file": edition.file, "line": row["_line"]}
            table[row["key"]] = FuelFactor(
                key=row["key"],
                name_ja=row["name_ja"],
                name_en=row["name_en"],
                unit=row["unit"],
                gj_per_unit=_decimal(row["gj_per_unit"], where),
                tc_per_gj=_decimal(row["tc_per_gj"], where),
                tco2_per_unit_rounded=_required_decimal(row["tco2_per_unit_rounded"], where),
                edition=edition.id,
                source=row["source"],
            )
        self._fuel[edition.id] = table

    def _read_electricity(self, edition: Edition, rows: list[dict[str, str]]) -> None:
        factors: list[SupplierFactor] = []
        for row in rows:
            where = {"file": edition.file, "line": row["_line"]}
            if row["row_kind"] not in ROW_KINDS:
                raise EcoCheckError(
                    Message(
                        "factor.table_invalid",
                        {**where, "reason": f"row_kind {row['row_kind']!r}"},
                    )
                )
            factors.append(
                SupplierFactor(
                    reg_no=row["reg_no"],
                    supplier=row["retailer"],
                    menu=row["menu"],
                    row_kind=row["row_kind"],
                    basic=_decimal(row["basic"], where),
                    adjusted=_decimal(row["adjusted"], where),
                    substitute_applied=row.get("substitute_applied") == "1",
                    edition=edition.id,
                    capture_rate=row.get("capture_rate", ""),
                    page=int(row.get("page") or 0),
                    source=row.get("source_url", ""),
                    note=row.get("note", ""),
                )
            )
        self._lists[edition.id] = _SupplierList(edition, factors)

    def _read_supplier(self, edition: Edition, rows: list[dict[str, str]]) -> None:
        factors = []
        for row in rows:
            where = {"file": edition.file, "line": row["_line"]}
            factors.append(
                SupplierFactor(
                    reg_no=row["reg_no"],
                    supplier=row["supplier"],
                    menu=row["menu"],
                    row_kind="residual" if row["menu"].endswith("残差") else "menu",
                    basic=_required_decimal(row["basic"], where),
                    adjusted=_required_decimal(row["adjusted"], where),
                    substitute_applied=False,
                    edition=edition.id,
                )
            )
        self._lists[edition.id] = _SupplierList(edition, factors)

    def _read_default(self, edition: Edition, rows: list[dict[str, str]]) -> None:
        self._defaults[edition.id] = {
            row["key"]: _required_decimal(
                row["value"], {"file": edition.file, "line": row["_line"]}
            )
            for row in rows
        }

    def _read_refrigerant(self, edition: Edition, rows: list[dict[str, str]]) -> None:
        for row in rows:
            where = {"file": edition.file, "line": row["_line"]}
            gwp = RefrigerantGwp(
                key=row["key"],
                name=row["name"],
                kind=row["kind"],
                gwp_shk=_decimal(row["gwp_shk"], where),
                gwp_furon=_required_decimal(row["gwp_furon"], where),
                source=row["source"],
                edition=edition.id,
            )
            for alias in (row["key"], row["name"], *row["aliases"].split(",")):
                if alias:
                    self._refrigerants[_refrigerant_key(alias)] = gwp

    def _read_conversion(self, edition: Edition, rows: list[dict[str, str]]) -> None:
        for row in rows:
            where = {"file": edition.file, "line": row["_line"]}
            self._conversion.append(
                (
                    row["key"],
                    _required_decimal(row["value"], where),
                    int(row["from_year"] or 0),
                    int(row["to_year"] or 9999),
                    edition.id,
                )
            )

    def _read_scope3(self, edition: Edition, rows: list[dict[str, str]]) -> None:
        for row in rows:
            where = {"file": edition.file, "line": row["_line"]}
            self._scope3[row["key"]] = Scope3Factor(
                key=row["key"],
                category=row["category"],
                name=row["name"],
                unit=row["unit"],
                value=_required_decimal(row["value"], where),
                source=row["source"],
                edition=edition.id,
            )

    # Editions -----------------------------------------------------------------------------
    def edition(self, edition_id: str) -> Edition:
        try:
            return self.editions[edition_id]
        except KeyError:
            raise EcoCheckError(
                Message("factor.unknown_edition", {"edition": edition_id})
            ) from None

    def _edition_for(self, kind: str, layout: str, fiscal_year: int) -> Edition | None:
        matching = [
            e
            for e in self.editions.values()
            if e.kind == kind and e.layout == layout and e.applies_to(fiscal_year)
        ]
        if not matching:
            return None
        locked = [e for e in matching if e.id in self._locks.get(fiscal_year, ())]
        if locked:
            return locked[0]
        return max(matching, key=lambda e: (e.published, e.id))

    def newest_edition(self, kind: str, fiscal_year: int) -> Edition | None:
        """The newest edition of ``kind`` for the year, whatever the year is locked to."""
        matching = [
            e for e in self.editions.values() if e.kind == kind and e.applies_to(fiscal_year)
        ]
        return max(matching, key=lambda e: (e.published, e.id)) if matching else None

    # Fuels --------------------------------------------------------------------------------
    def fuel_table(self, fiscal_year: int) -> tuple[Edition, dict[str, FuelFactor]]:
        edition = self._edition_for("fuel", "fuel_table", fiscal_year)
        if edition is None:
            raise EcoCheckError(
                Message(
                    "factor.no_fuel_table",
                    {"fiscal_year": fiscal_year},
                    {"fiscal_year": fiscal_year},
                )
            )
        return edition, dict(self._fuel[edition.id])

    # Electricity --------------------------------------------------------------------------
    def electricity_edition(self, fiscal_year: int) -> Edition | None:
        full = self._edition_for("electricity", "electricity_list", fiscal_year)
        sourced = self._edition_for("electricity", "electricity_sourced", fiscal_year)
        if full is None or sourced is None:
            return full or sourced
        # A lock names one of them; otherwise the full official list beats sourced rows.
        if sourced.id in self._locks.get(fiscal_year, ()):
            return sourced
        return full

    def electricity_outcome(self, fiscal_year: int, supplier: str) -> str:
        """What resolving ``supplier`` for the year will give, without raising:

        "listed" (its own row), "substitute" (not listed: the list's 代替値 with a warning),
        "not_listed" (a list of sourced past-year rows that lacks it: the factor is needed),
        "no_list" (no list for the year at all: the factor is needed), "ambiguous".
        """
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            return "no_list"
        try:
            found = bool(supplier.strip()) and bool(self._lists[edition.id].find(supplier))
        except EcoCheckError:
            return "ambiguous"
        if found:
            return "listed"
        return "not_listed" if edition.partial else "substitute"

    def _electricity_list(self, fiscal_year: int) -> _SupplierList:
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            raise EcoCheckError(
                Message(
                    "factor.electricity_missing",
                    {"fiscal_year": fiscal_year},
                    {"energy": "electricity", "fiscal_year": fiscal_year},
                )
            )
        return self._lists[edition.id]

    def _special_row(self, table: _SupplierList, row_kind: str) -> SupplierFactor | None:
        return next((row for row in table.rows if row.row_kind == row_kind), None)

    def resolve_electricity(
        self, fiscal_year: int, supplier: str, menu: str = ""
    ) -> ElectricityResolution:
        table = self._electricity_list(fiscal_year)
        rows = table.find(supplier) if supplier.strip() else []
        if not rows and table.edition.partial:
            # The same first message as a year without any list ("the factor is needed"),
            # then why: only some retailers' rows of that year are bundled.
            raise EcoCheckError(
                Message(
                    "factor.electricity_missing",
                    {"fiscal_year": fiscal_year},
                    {"energy": "electricity", "fiscal_year": fiscal_year},
                ),
                Message(
                    "factor.electricity_not_listed",
                    {
                        "supplier": supplier,
                        "fiscal_year": fiscal_year,
                        "edition": table.edition.title,
                    },
                    {"energy": "electricity", "fiscal_year": fiscal_year},
                ),
            )
        if not rows:
            return self._substitute(table, fiscal_year, supplier)
        name = f"{rows[0].reg_no} {rows[0].supplier}".strip()
        menus = [r for r in rows if r.row_kind in ("menu", "residual", "reference")]
        if menu.strip():
            row = _find_menu(menus, menu)
            if row is None:
                raise EcoCheckError(
                    Message(
                        "factor.electricity_menu_unknown",
                        {
                            "supplier": name,
                            "menu": menu,
                            "fiscal_year": fiscal_year,
                            "menus": ", ".join(r.menu for r in menus) or "-",
                        },
                        {"energy": "electricity", "fiscal_year": fiscal_year},
                    )
                )
            how = "reference" if row.row_kind == "reference" else "menu"
        else:
            by_kind = {r.row_kind: r for r in rows}
            chosen = next((k for k in _DEFAULT_ROW_ORDER if k in by_kind), None)
            if chosen is None:
                raise EcoCheckError(
                    Message(
                        "factor.electricity_menu_required",
                        {
                            "supplier": name,
                            "fiscal_year": fiscal_year,
                            "menus": ", ".join(r.menu for r in menus),
                        },
                        {"energy": "electricity", "fiscal_year": fiscal_year},
                    )
                )
            row, how = by_kind[chosen], _DEFAULT_ROW_ORDER[chosen]
        return _resolution(row, how, fiscal_year)

    def _substitute(
        self, table: _SupplierList, fiscal_year: int, supplier: str
    ) -> ElectricityResolution:
        row = self._special_row(table, "substitute")
        if row is None or row.basic is None:
            raise _manifest_error(table.edition.file, "no 代替値 row")
        warning = Message(
            "factor.electricity_substitute",
            {"supplier": supplier, "fiscal_year": fiscal_year, "value": row.basic},
            {"energy": "electricity", "fiscal_year": fiscal_year},
        )
        hint = _suggestions(table, "electricity", fiscal_year, supplier)
        # The list prints the 代替値 once; it serves as both the basic and the adjusted factor.
        return ElectricityResolution(
            row, row.basic, row.basic, "substitute", (warning, *((hint,) if hint else ()))
        )

    def national_average(self, fiscal_year: int) -> tuple[Decimal, Edition] | None:
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            return None
        row = self._special_row(self._lists[edition.id], "national_average")
        if row is None or row.basic is None:
            return None
        return row.basic, edition

    def substitute_value(self, fiscal_year: int) -> tuple[Decimal, Edition] | None:
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            return None
        row = self._special_row(self._lists[edition.id], "substitute")
        if row is None or row.basic is None:
            return None
        return row.basic, edition

    def search_retailers(self, fiscal_year: int, query: str) -> list[SupplierFactor]:
        """Ranked suggestions, one entry (its first row) per retailer; all when empty.

        Order: registration number, exact normalised name, prefix, substring, then fuzzy
        (difflib ratio >= 0.6).
        """
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            return []
        return self._lists[edition.id].search(query)

    def search_gas_suppliers(self, fiscal_year: int, query: str) -> list[SupplierFactor]:
        """As search_retailers, over the gas supplier list of the year (empty: none bundled)."""
        edition = self.gas_edition(fiscal_year)
        return [] if edition is None else self._lists[edition.id].search(query)

    def search_heat_suppliers(self, fiscal_year: int, query: str) -> list[SupplierFactor]:
        edition = self.heat_edition(fiscal_year)
        return [] if edition is None else self._lists[edition.id].search(query)

    def find_supplier(self, kind: str, fiscal_year: int, supplier: str) -> list[SupplierFactor]:
        """The rows of the supplier meant (number, name or both) in the year's list of
        ``kind`` ("electricity", "gas", "heat"); empty when not listed or no list. Raises
        ``factor.supplier_ambiguous``."""
        edition = {
            "electricity": self.electricity_edition,
            "gas": self.gas_edition,
            "heat": self.heat_edition,
        }[kind](fiscal_year)
        if edition is None or not supplier.strip():
            return []
        return list(self._lists[edition.id].find(supplier))

    def retailer_menus(self, fiscal_year: int, supplier: str) -> list[SupplierFactor]:
        table = self._electricity_list(fiscal_year)
        try:
            return list(table.find(supplier))
        except EcoCheckError:  # ambiguous: the GUI lists nothing, resolving says why
            return []

    # Gas and heat -------------------------------------------------------------------------
    def gas_edition(self, fiscal_year: int) -> Edition | None:
        return self._edition_for("gas", "supplier_list", fiscal_year)

    def heat_edition(self, fiscal_year: int) -> Edition | None:
        return self._edition_for("heat", "supplier_list", fiscal_year)

    def resolve_gas(
        self, fiscal_year: int, supplier: str, menu: str = ""
    ) -> tuple[Decimal, Decimal, str, str] | None:
        """(basic, adjusted, edition id, label) in t-CO2/千m3, or None: use the default."""
        return self._resolve_supplier(
            "gas", self.gas_edition(fiscal_year), fiscal_year, supplier, menu
        )

    def resolve_heat(
        self, fiscal_year: int, supplier: str, menu: str = ""
    ) -> tuple[Decimal, Decimal, str, str] | None:
        """(basic, adjusted, edition id, label) in t-CO2/GJ, or None: use heat_default()."""
        return self._resolve_supplier(
            "heat", self.heat_edition(fiscal_year), fiscal_year, supplier, menu
        )

    def supplier_menus(self, kind: str, fiscal_year: int, supplier: str) -> list[SupplierFactor]:
        """The rows of a gas or heat supplier (for the GUI); empty when not listed."""
        edition = self.gas_edition(fiscal_year) if kind == "gas" else self.heat_edition(fiscal_year)
        if edition is None:
            return []
        try:
            return list(self._lists[edition.id].find(supplier))
        except EcoCheckError:  # ambiguous: the GUI lists nothing, resolving says why
            return []

    def _resolve_supplier(
        self, kind: str, edition: Edition | None, fiscal_year: int, supplier: str, menu: str
    ) -> tuple[Decimal, Decimal, str, str] | None:
        if edition is None or not supplier.strip():
            return None
        rows = self._lists[edition.id].find(supplier)
        if not rows:
            return None
        name = f"{rows[0].reg_no} {rows[0].supplier}"
        params = {
            "supplier": name,
            "kind": kind,
            "fiscal_year": fiscal_year,
            "menus": " / ".join(r.menu or "-" for r in rows),
        }
        where = {"energy": "city_gas" if kind == "gas" else "heat", "fiscal_year": fiscal_year}
        if menu.strip():
            row = _find_menu(rows, menu)
            if row is None:
                raise EcoCheckError(
                    Message("factor.supplier_menu_unknown", {**params, "menu": menu}, where)
                )
        elif len(rows) == 1:
            row = rows[0]
        else:
            residuals = [r for r in rows if r.row_kind == "residual"]
            if len(residuals) != 1:
                raise EcoCheckError(Message("factor.supplier_menu_required", params, where))
            row = residuals[0]
        assert row.basic is not None and row.adjusted is not None  # supplier lists require both
        label = " ".join(part for part in (row.supplier, row.menu) if part)
        return row.basic, row.adjusted, edition.id, label

    def supplier_suggestions(self, kind: str, fiscal_year: int, supplier: str) -> Message | None:
        """``factor.supplier_did_you_mean`` for a supplier name the year's list lacks, naming
        the closest names (never choosing one); None when there is no list or nothing close."""
        edition = {"electricity": self.electricity_edition, "gas": self.gas_edition}[kind](
            fiscal_year
        )
        if edition is None or not supplier.strip():
            return None
        return _suggestions(self._lists[edition.id], kind, fiscal_year, supplier)

    def gas_supplier_warning(self, fiscal_year: int, supplier: str) -> Message | None:
        """The warning for a named gas supplier that gets the default factor (None if listed)."""
        if not supplier.strip():
            return None
        where = {"energy": "city_gas", "fiscal_year": fiscal_year}
        params = {"supplier": supplier, "fiscal_year": fiscal_year}
        edition = self.gas_edition(fiscal_year)
        if edition is None:
            return Message("factor.gas_no_list", params, where)
        try:
            if self._lists[edition.id].find(supplier):
                return None
        except EcoCheckError:
            return None  # resolve_gas raises the ambiguity itself
        return Message("factor.gas_supplier_unknown", params, where)

    def heat_default(self, fiscal_year: int) -> tuple[Decimal, Edition] | None:
        """The heat factor when the supplier publishes none (t-CO2/GJ); None before FY2005."""
        edition = self._edition_for("heat", "default_factor", fiscal_year)
        if edition is None:
            return None
        return self._defaults[edition.id]["heat_default"], edition

    # Other tables -------------------------------------------------------------------------
    def refrigerant(self, key: str) -> RefrigerantGwp:
        try:
            return self._refrigerants[_refrigerant_key(key)]
        except KeyError:
            raise EcoCheckError(
                Message("factor.unknown_refrigerant", {"refrigerant": key})
            ) from None

    def has_refrigerant(self, key: str) -> bool:
        return _refrigerant_key(str(key)) in self._refrigerants

    def refrigerants(self) -> list[RefrigerantGwp]:
        unique = {gwp.key: gwp for gwp in self._refrigerants.values()}
        return [unique[key] for key in sorted(unique)]

    def energy_conversion(self, fiscal_year: int) -> EnergyConversion:
        values: dict[str, tuple[Decimal, str]] = {}
        for key, value, first, last, edition_id in self._conversion:
            if first <= fiscal_year <= last:
                values[key] = (value, edition_id)
        needed = (
            "crude_oil_kl_per_gj",
            "electricity_gj_per_thousand_kwh",
            "city_gas_gj_per_km3",
            "lpg_propane_m3_per_t",
            "lpg_butane_m3_per_t",
        )
        for key in needed:
            if key not in values:
                raise EcoCheckError(
                    Message("factor.no_conversion", {"key": key, "fiscal_year": fiscal_year})
                )
        return EnergyConversion(
            fiscal_year=fiscal_year,
            crude_oil_kl_per_gj=values["crude_oil_kl_per_gj"][0],
            electricity_gj_per_thousand_kwh=values["electricity_gj_per_thousand_kwh"][0],
            city_gas_gj_per_km3=values["city_gas_gj_per_km3"][0],
            lpg_m3_per_t=values["lpg_propane_m3_per_t"][0],
            lpg_butane_m3_per_t=values["lpg_butane_m3_per_t"][0],
            edition=values["crude_oil_kl_per_gj"][1],
        )

    def scope3_factor(self, key: str) -> Scope3Factor:
        try:
            return self._scope3[key]
        except KeyError:
            raise EcoCheckError(Message("factor.unknown_scope3", {"factor_key": key})) from None

    def scope3_factors(self) -> list[Scope3Factor]:
        return list(self._scope3.values())

    def nearest_electricity_year(self, fiscal_year: int) -> int | None:
        """The fiscal year closest to ``fiscal_year`` that has an electricity list (the later
        one on a tie), or None when no list is bundled. For an estimate (推計) chosen knowingly
        by the user; never used silently (core.footprint)."""
        years = {
            year
            for edition in self.editions.values()
            if edition.kind == "electricity" and edition.layout == "electricity_list"
            for year in edition.emissions_years
        }
        if not years:
            return None
        return min(years, key=lambda year: (abs(year - fiscal_year), -year))


# Without a menu: the (残差) row, else the retailer's only row, else (参考値) (the list's notes).
_DEFAULT_ROW_ORDER = {
    "residual": "residual",
    "whole": "single",
    "grid": "single",
    "reference": "reference",
}
# Rows that belong to the list as a whole, not to one retailer.
_LIST_LEVEL_KINDS = ("substitute", "national_average")


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


def _refrigerant_key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).upper()
    folded = _DASHES.sub("", re.sub(r"[\s\-_]", "", folded))
    # "HFC-32", "R-32" and "R32" name the same gas; HCFC-22 is R-22, CFC-12 is R-12.
    return re.sub(r"^(HCFC|HFC|CFC|R)(?=\d)", "R", folded)


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


@cache
def default_library() -> FactorLibrary:
    """The bundled library, loaded once per process."""
    return FactorLibrary.load()
