"""The cells of the energy grid: its lines, columns and keys, and text pasted into it.

Shared by the application service (which validates and stores) and the table model (which
shows): both must agree on the layout for an Excel block to land where the user sees it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import NamedTuple

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import EnergyRecord
from ecocheck_desktop.core.quantity import YEN, parse_cell, parse_quantity_with_unit

# The unit a new grid line starts with: what the bill of that energy usually prints.
BILL_UNITS: dict[str, str] = {
    "electricity": "kWh",
    "city_gas": "m3",
    "lpg": "m3",
    "kerosene": "L",
    "diesel": "L",
    "gasoline": "L",
    "heavy_oil_a": "L",
    "heavy_oil_bc": "kL",
    "heat": "GJ",
}

QUANTITY = "quantity"
COST = "cost"
ESTIMATED = "estimated"
# Columns shown per energy line; the estimated flag is a column too so that it can be pasted.
COLUMN_KINDS = (QUANTITY, COST, ESTIMATED)

_TRUE = {"1", "true", "yes", "y", "x", "○", "〇", "推計", "はい", "✓"}
_FALSE = {"", "0", "false", "no", "n", "いいえ", "-"}


def bill_unit(energy: str) -> str:
    return BILL_UNITS.get(energy) or ENERGY_TYPES[energy].table_unit


@dataclass(frozen=True)
class EnergyLine:
    """One column group of the grid: an energy in one unit at one site."""

    site: str
    energy: str
    unit: str


@dataclass(frozen=True)
class GridColumn:
    line: EnergyLine
    kind: str  # QUANTITY, COST or ESTIMATED


class CellKey(NamedTuple):
    """One grid cell of the project. A named tuple, not a frozen dataclass: opening a big project
    indexes every bill line by its key (20 years x 10 sites: 19,200), and a tuple is built and
    hashed in C, several times faster."""

    site: str
    month: str
    energy: str
    unit: str


# The bill lines of one grid cell (usually one; several when imported that way).
CellState = tuple[EnergyRecord, ...]


def parse_flag(text: str) -> bool:
    folded = text.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise EcoCheckError(Message("paste.bad_flag", {"value": text}))


def _one_value(line: str) -> bool:
    """Whether a line without tabs is one number, perhaps with 円/¥ or a unit (24,000 kWh)."""
    try:
        parse_cell(line, YEN)
        return True
    except EcoCheckError:
        pass
    try:
        _number, unit = parse_quantity_with_unit(line)
    except EcoCheckError:
        return False
    return bool(unit)


def split_block(text: str) -> list[list[str]]:
    """Rows and cells of a block copied from Excel (tabs) or a CSV line (commas).

    Excel copies tab-separated text, so a block with a tab is read as such and a comma in it is
    always part of a number (``¥24,000``). Only without any tab is a comma a separator, and only
    where the line does not read as one number (``1,234``, ``24,000円``, ``24,000 kWh``).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():  # Excel ends a copied block with a newline
        lines.pop()
    if any("\t" in line for line in lines):
        return [line.split("\t") for line in lines]
    rows: list[list[str]] = []
    for line in lines:
        if not line.strip() or _one_value(line):
            rows.append([line])  # "1,234" is one grouped number, not two cells
        else:
            rows.append(next(csv.reader([line])))
    return rows
