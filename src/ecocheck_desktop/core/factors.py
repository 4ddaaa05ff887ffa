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

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Context, Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.messages import EcoCheckError, Message, register

register(
    {
        "factor.manifest_invalid": "The factor library is damaged ({file}): {reason}",
        "factor.table_invalid": "The factor table {file} is damaged at line {line}: {reason}",
        "factor.no_fuel_table": "No fuel factor table covers fiscal year {fiscal_year}",
        "factor.electricity_missing": "No official electricity retailer list for fiscal year"
        " {fiscal_year}; enter the factor from the bill or the retailer's site and its source",
        "factor.electricity_substitute": "Retailer '{supplier}' is not in the list for fiscal"
        " year {fiscal_year}; the substitute value (代替値) {value} t-CO2/kWh is used",
        "factor.electricity_menu_unknown": "Retailer {supplier} has no menu '{menu}' in the list"
        " for fiscal year {fiscal_year}; its menus: {menus}",
        "factor.electricity_menu_required": "Retailer {supplier} publishes only menu factors"
        " for fiscal year {fiscal_year}; choose one of: {menus}",
        "factor.electricity_row_substitute": "The listed factor of {supplier} {menu} is the"
        " substitute value (※ in the official list)",
        "factor.supplier_menu_unknown": "Supplier {supplier} has no menu '{menu}' in the"
        " {kind} list for fiscal year {fiscal_year}; its menus: {menus}",
        "factor.supplier_menu_required": "Supplier {supplier} has several {kind} menus for"
        " fiscal year {fiscal_year}; choose one of: {menus}",
        "factor.unknown_edition": "Unknown factor edition '{edition}'",
        "factor.unknown_refrigerant": "Unknown refrigerant '{refrigerant}'",
        "factor.no_conversion": "No energy conversion factor '{key}' for fiscal year {fiscal_year}",
        "factor.unknown_scope3": "Unknown Scope 3 factor '{factor_key}'",
    }
)

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

    def __post_init__(self) -> None:
        for row in self.rows:
            if row.reg_no:
                self.by_reg_no.setdefault(row.reg_no, []).append(row)
            self.by_name.setdefault(normalize_name(row.supplier), []).append(row)

    def find(self, supplier: str) -> list[SupplierFactor]:
        text = unicodedata.normalize("NFKC", supplier).strip().upper()
        if text in self.by_reg_no:
            return self.by_reg_no[text]
        rows = self.by_name.get(normalize_name(supplier), [])
        entities = list(dict.fromkeys(row.reg_no for row in rows))
        if len(entities) > 1:
            # 沖縄電力(株) is both a retailer and grid operator 10: the retailer is meant (the
            # grid row serves only 最終保障供給 / 離島 and is reached by its number).
            retail = [number for number in entities if _REG_NO.fullmatch(number)]
            chosen = (retail or entities)[0]
            rows = [row for row in rows if row.reg_no == chosen]
        return rows


# --------------------------------------------------------------------------- helpers


def _exact_divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    # A wide context so 44/12 (a repeating decimal) keeps far more digits than any display.
    return _WIDE.divide(numerator, denominator)


_KANA_OFFSET = ord("ァ") - ord("ぁ")
_COMPANY_FORMS = ("株式会社", "(株)", "有限会社", "(有)", "合同会社", "(同)")


def normalize_name(text: str) -> str:
    """Fold width, case, spaces, kana and company forms so that names compare loosely."""
    folded = unicodedata.normalize("NFKC", text)
    for form in _COMPANY_FORMS:
        folded = folded.replace(form, "")
    folded = folded.replace("瓦斯", "ガス")
    folded = "".join(chr(ord(ch) + _KANA_OFFSET) if "ぁ" <= ch <= "ゖ" else ch for ch in folded)
    return re.sub(r"\s+", "", folded).casefold()


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


def _parse_edition(raw: Any, folder: Path) -> Edition:
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
    )


# --------------------------------------------------------------------------- the library


class FactorLibrary:
    """All factor editions of one folder, validated and indexed."""

    def __init__(self, folder: Path, editions: dict[str, Edition]) -> None:
        self.folder = folder
        self.editions = editions
        self._fuel: dict[str, dict[str, FuelFactor]] = {}
        self._lists: dict[str, _SupplierList] = {}
        self._defaults: dict[str, dict[str, Decimal]] = {}
        self._refrigerants: dict[str, RefrigerantGwp] = {}
        self._conversion: list[tuple[str, Decimal, int, int, str]] = []
        self._scope3: dict[str, Scope3Factor] = {}
        for edition in editions.values():
            self._read_edition(edition)

    @classmethod
    def load(cls, folder: Path | None = None) -> FactorLibrary:
        if folder is None:
            from ecocheck_desktop.resources import resource_path

            folder = resource_path("factors")
        manifest_path = folder / "manifest.json"
        try:
            raw = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise _manifest_error(str(manifest_path), str(error)) from None
        if not isinstance(raw, dict) or raw.get("format_version") != MANIFEST_FORMAT:
            raise _manifest_error("manifest.json", f"format_version must be {MANIFEST_FORMAT}")
        editions: dict[str, Edition] = {}
        for item in raw.get("editions", []):
            edition = _parse_edition(item, folder)
            if edition.id in editions:
                raise _manifest_error("manifest.json", f"duplicate edition {edition.id!r}")
            editions[edition.id] = edition
        return cls(folder, editions)

    # Reading ------------------------------------------------------------------------------
    def _read_edition(self, edition: Edition) -> None:
        path = self.folder / edition.file
        rows = read_table(path, edition.layout)
        reader = {
            "fuel_table": self._read_fuel,
            "electricity_list": self._read_electricity,
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
                    substitute_applied=row["substitute_applied"] == "1",
                    edition=edition.id,
                    capture_rate=row["capture_rate"],
                    page=int(row["page"] or 0),
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
        return max(matching, key=lambda e: (e.published, e.id))

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
        return self._edition_for("electricity", "electricity_list", fiscal_year)

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
        rows = [r for r in table.find(supplier) if r.row_kind not in _LIST_LEVEL_KINDS]
        if not supplier.strip() or not rows:
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
        # The list prints the 代替値 once; it serves as both the basic and the adjusted factor.
        return ElectricityResolution(row, row.basic, row.basic, "substitute", (warning,))

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
        """One entry (its first row) per retailer whose number or name contains the query."""
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            return []
        table = self._lists[edition.id]
        needle = normalize_name(query)
        number = unicodedata.normalize("NFKC", query).strip().upper()
        found: list[SupplierFactor] = []
        seen: set[tuple[str, str]] = set()
        for row in table.rows:
            key = (row.reg_no, row.supplier)
            if row.row_kind in _LIST_LEVEL_KINDS or key in seen:
                continue
            if (number and row.reg_no.startswith(number)) or needle in normalize_name(row.supplier):
                seen.add(key)
                found.append(row)
        return found

    def retailer_menus(self, fiscal_year: int, supplier: str) -> list[SupplierFactor]:
        table = self._electricity_list(fiscal_year)
        return [r for r in table.find(supplier) if r.row_kind not in _LIST_LEVEL_KINDS]

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
        return list(self._lists[edition.id].find(supplier))

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


def _refrigerant_key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).upper()
    folded = re.sub(r"[\s\-_]", "", folded)
    # "HFC-32", "R-32" and "R32" name the same gas; HCFC-22 is R-22.
    return re.sub(r"^(HCFC|HFC|R)(?=\d)", "R", folded)


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
