"""The factor tables as files: the manifest, the TSV layouts and the records read from them.

Reads ``resources/factors/`` (``manifest.json`` plus one TSV per edition, written by
``scripts/convert_factors.py``) and validates it: every edition's keys, kind, layout and file,
every table's columns and numbers. Values stay exact ``Decimal`` parsed from the strings in the
files; nothing is rounded here. ``core.factors.FactorLibrary`` indexes what is read here and
answers the look-ups (``core.suppliers`` matches supplier names).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.messages import EcoCheckError, Message

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
_SAFE_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.tsv")
_CO2_PER_C_NUMERATOR = Decimal(44)
_CO2_PER_C_DENOMINATOR = Decimal(12)
_WIDE = Context(prec=50)


# Every dash or long-vowel mark people (or PDFs) use for one another: ー/－/‐/-/−/–/—/― …
_DASHES = re.compile("[\u002d\u2010-\u2015\u2212\u2043\ufe58\ufe63\u30fc\uff70\u02d7]")


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


# --------------------------------------------------------------------------- reading


def _exact_divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    # A wide context so 44/12 (a repeating decimal) keeps far more digits than any display.
    return _WIDE.divide(numerator, denominator)


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


def refrigerant_key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).upper()
    folded = _DASHES.sub("", re.sub(r"[\s\-_]", "", folded))
    # "HFC-32", "R-32" and "R32" name the same gas; HCFC-22 is R-22, CFC-12 is R-12.
    return re.sub(r"^(HCFC|HFC|CFC|R)(?=\d)", "R", folded)


# --------------------------------------------------------------------------- one reader per layout


def fuel_factors(edition: Edition, rows: list[dict[str, str]]) -> dict[str, FuelFactor]:
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
    return table


def electricity_factors(edition: Edition, rows: list[dict[str, str]]) -> list[SupplierFactor]:
    """The rows of an electricity list (``electricity_list`` or ``electricity_sourced``)."""
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
    return factors


def supplier_factors(edition: Edition, rows: list[dict[str, str]]) -> list[SupplierFactor]:
    """The rows of a gas or heat supplier list."""
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
    return factors


def default_values(edition: Edition, rows: list[dict[str, str]]) -> dict[str, Decimal]:
    return {
        row["key"]: _required_decimal(row["value"], {"file": edition.file, "line": row["_line"]})
        for row in rows
    }


def refrigerant_gwps(edition: Edition, rows: list[dict[str, str]]) -> dict[str, RefrigerantGwp]:
    """Each refrigerant under every name it goes by (folded with ``refrigerant_key``)."""
    gwps: dict[str, RefrigerantGwp] = {}
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
                gwps[refrigerant_key(alias)] = gwp
    return gwps


def conversion_rows(
    edition: Edition, rows: list[dict[str, str]]
) -> list[tuple[str, Decimal, int, int, str]]:
    """(key, value, first fiscal year, last fiscal year, edition id) per 省エネ法 factor."""
    return [
        (
            row["key"],
            _required_decimal(row["value"], {"file": edition.file, "line": row["_line"]}),
            int(row["from_year"] or 0),
            int(row["to_year"] or 9999),
            edition.id,
        )
        for row in rows
    ]


def scope3_factors(edition: Edition, rows: list[dict[str, str]]) -> dict[str, Scope3Factor]:
    factors: dict[str, Scope3Factor] = {}
    for row in rows:
        where = {"file": edition.file, "line": row["_line"]}
        factors[row["key"]] = Scope3Factor(
            key=row["key"],
            category=row["category"],
            name=row["name"],
            unit=row["unit"],
            value=_required_decimal(row["value"], where),
            source=row["source"],
            edition=edition.id,
        )
    return factors
