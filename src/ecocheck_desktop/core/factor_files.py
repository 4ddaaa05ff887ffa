"""The factor files: the manifest, the TSV tables and how each layout becomes records.

Owns the format of ``resources/factors/`` (``manifest.json`` plus one TSV per edition, written
by ``scripts/convert_factors.py``): the kinds, layouts and columns, the validation of every
edition and row (a damaged file raises ``factor.manifest_invalid`` / ``factor.table_invalid``
naming it), and :class:`EditionReaders`, the part of the library that reads one edition into
its indexes. The look-ups are :mod:`ecocheck_desktop.core.factors`.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.factor_records import (
    Edition,
    FuelFactor,
    RefrigerantGwp,
    Scope3Factor,
    SupplierFactor,
    SupplierList,
    refrigerant_key,
)
from ecocheck_desktop.core.messages import EcoCheckError, Message

MANIFEST_FORMAT = 1
_SAFE_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.tsv")
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

# The columns an electricity retailer's row starts with, in the official list and in the rows
# bundled from a cited publication alike.
_RETAILER_ROW = ("reg_no", "retailer", "menu", "row_kind", "basic", "adjusted")
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
        *_RETAILER_ROW,
        "substitute_applied",
        "capture_rate",
        "page",
        "line",
    ),
    # Past-year rows bundled one by one from a cited publication (resources/factors/NOTICE.md).
    "electricity_sourced": (
        *_RETAILER_ROW,
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


def manifest_error(file: str, reason: str) -> EcoCheckError:
    return EcoCheckError(Message("factor.manifest_invalid", {"file": file, "reason": reason}))


def _parse_edition(raw: Any, folder: Path, origin: str = "bundled") -> Edition:
    if not isinstance(raw, dict):
        raise manifest_error("manifest.json", "an edition is not an object")
    missing = [key for key in _REQUIRED_EDITION_KEYS if key not in raw]
    if missing:
        raise manifest_error("manifest.json", f"edition {raw.get('id')!r} lacks {missing}")
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
            raise manifest_error("manifest.json", f"edition {edition_id!r}: {reason}")
    try:
        date.fromisoformat(str(raw["published"]))
    except ValueError:
        raise manifest_error(
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


def read_manifest(folder: Path, origin: str) -> dict[str, Edition]:
    manifest_path = folder / "manifest.json"
    try:
        raw = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise manifest_error(str(manifest_path), str(error)) from None
    if not isinstance(raw, dict) or raw.get("format_version") != MANIFEST_FORMAT:
        raise manifest_error("manifest.json", f"format_version must be {MANIFEST_FORMAT}")
    editions: dict[str, Edition] = {}
    for item in raw.get("editions", []):
        edition = _parse_edition(item, folder, origin)
        if edition.id in editions:
            raise manifest_error("manifest.json", f"duplicate edition {edition.id!r}")
        editions[edition.id] = edition
    return editions


class EditionReaders:
    """How the library reads one edition's table into its indexes (one reader per layout)."""

    folder: Path
    _folders: dict[str, Path]
    _fuel: dict[str, dict[str, FuelFactor]]
    _lists: dict[str, SupplierList]
    _defaults: dict[str, dict[str, Decimal]]
    _refrigerants: dict[str, RefrigerantGwp]
    _conversion: list[tuple[str, Decimal, int, int, str]]
    _scope3: dict[str, Scope3Factor]

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
        self._lists[edition.id] = SupplierList(edition, factors)

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
        self._lists[edition.id] = SupplierList(edition, factors)

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
                    self._refrigerants[refrigerant_key(alias)] = gwp

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
