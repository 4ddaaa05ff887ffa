"""Hostile-input limits in one place: text lengths, quantities, file sizes, table sizes.

Owns every cap that protects the app from input that is absurd rather than wrong: how long a
company name, site or note may be (the same numbers for the GUI's ``setMaxLength``, the imports
and the PDF, so anything that can be entered can be printed), which quantities are physically
plausible for one bill line of a small manufacturer, how large an import file, a workbook or a
JSON document may be, and reading a file only when it is a regular file (a FIFO or a device
named ``bills.csv`` must never hang or flood the app). Each check returns or raises
:class:`~ecocheck_desktop.core.messages.Message` codes; docs/reliability.md ("Hostile input
limits") lists every value here with its test.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.energy import ENERGY_TYPES, normalize_unit, to_table_unit
from ecocheck_desktop.core.messages import EcoCheckError, Message

# --- text -------------------------------------------------------------------------------------
# Field caps. The GUI sets QLineEdit.setMaxLength to the same numbers, the imports refuse longer
# text and the PDF wraps or shortens (…) anything up to them.
MAX_COMPANY_NAME = 200
MAX_SITE_NAME = 100
MAX_SUPPLIER = 200
MAX_MENU = 200
MAX_SHORT_TEXT = 200  # name kana, industry, address, city, contact, advisor, units, keys
MAX_FACTOR_SOURCE = 500
MAX_NOTE = 2_000

# (dataclass name, field) -> cap; any other text field of the model gets MAX_SHORT_TEXT.
TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("Company", "name"): MAX_COMPANY_NAME,
    ("Company", "address"): MAX_FACTOR_SOURCE,
    ("Site", "name"): MAX_SITE_NAME,
    ("Site", "address"): MAX_FACTOR_SOURCE,
    ("SupplyContract", "site"): MAX_SITE_NAME,
    ("SupplyContract", "supplier"): MAX_SUPPLIER,
    ("SupplyContract", "menu"): MAX_MENU,
    ("SupplyContract", "factor_source"): MAX_FACTOR_SOURCE,
    ("EnergyRecord", "site"): MAX_SITE_NAME,
    ("EnergyRecord", "supplier"): MAX_SUPPLIER,
    ("EnergyRecord", "menu"): MAX_MENU,
    ("EnergyRecord", "factor_source"): MAX_FACTOR_SOURCE,
    ("EnergyRecord", "note"): MAX_NOTE,
    ("RefrigerantRefill", "site"): MAX_SITE_NAME,
    ("RefrigerantRefill", "note"): MAX_NOTE,
    ("Scope3Entry", "note"): MAX_NOTE,
    ("Target", "note"): MAX_NOTE,
    ("PlannedMeasure", "note"): MAX_NOTE,
}

# Unpaired surrogates cannot be encoded (UTF-8, SQLite, the PDF). Control characters are
# kept: the CSV export neutralises them and reads them back.
_BAD_CHARACTERS = re.compile("[\ud800-\udfff]")


def text_limit(owner: str, field: str) -> int:
    return TEXT_LIMITS.get((owner, field), MAX_SHORT_TEXT)


def text_problem(value: str, field: str, limit: int) -> Message | None:
    """Why ``value`` may not be stored in ``field`` (too long, bad characters), or None."""
    if len(value) > limit:
        return Message("text.too_long", {"length": len(value), "limit": limit}, {"field": field})
    if _BAD_CHARACTERS.search(value):
        return Message("text.bad_characters", {}, {"field": field})
    return None


def check_text(value: str, field: str, limit: int) -> str:
    """``value`` unchanged, or EcoCheckError (text.too_long / text.bad_characters)."""
    problem = text_problem(value, field, limit)
    if problem is not None:
        raise EcoCheckError(problem)
    return value


def object_text_problems(obj: Any, where: str) -> list[Message]:
    """Every text field of one model dataclass checked against its cap."""
    problems = []
    owner = type(obj).__name__
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str):
            problem = text_problem(value, f"{where}.{f.name}", text_limit(owner, f.name))
            if problem is not None:
                problems.append(problem)
    return problems


def project_problems(project: Any, *, text: bool = True, max_messages: int = 50) -> list[Message]:
    """Quantity limits and units over a whole Project and, with ``text``, the text caps.

    Every path that takes a project in or passes it on uses this: the JSON import (with the
    text caps), calc/report/export on a project file and the hand-over export (values only: a
    long name in an older file still prints, shortened, and is no reason to refuse it).
    """
    problems: list[Message] = []
    for i, record in enumerate(project.records):
        problem = quantity_problem(record.energy, record.quantity, record.unit)
        if problem is not None:
            key = "quantity" if problem.code.startswith("quantity") else "unit"
            if problem.code == "energy.unknown":
                key = "energy"
            problems.append(Message(problem.code, problem.params, {"field": f"records[{i}].{key}"}))
            if len(problems) >= max_messages:
                return problems
    if text:
        problems += object_text_problems(project.company, "company")
        for key in (
            "sites",
            "contracts",
            "records",
            "refrigerants",
            "scope3",
            "targets",
            "measure_plan",
        ):
            for i, item in enumerate(getattr(project, key, [])):
                problems.extend(object_text_problems(item, f"{key}[{i}]"))
                if len(problems) >= max_messages:
                    return problems[:max_messages]
    return problems[:max_messages]


# --- quantities -------------------------------------------------------------------------------
# The most one bill line (a month, or at most a year) of a 5-300 staff manufacturer can hold,
# with a wide margin, in the unit of the official factor table: 1,000 GWh of electricity is a
# steel works' year; 1 million kL of oil or t of LPG/coal a refinery's month.
MAX_PER_TABLE_UNIT: dict[str, Decimal] = {
    "kWh": Decimal("1e9"),
    "kL": Decimal("1e6"),
    "t": Decimal("1e6"),
    "千m3": Decimal("1e6"),
    "GJ": Decimal("1e7"),
}


def quantity_problem(energy: str, quantity: Decimal, unit: str) -> Message | None:
    """unit.unknown / unit.mismatch / quantity.implausible for one bill line, or None."""
    energy_type = ENERGY_TYPES.get(energy)
    if energy_type is None:
        return Message("energy.unknown", {"value": str(energy)[:40]})
    try:
        canonical = normalize_unit(unit)
    except EcoCheckError:
        return Message("unit.unknown", {"value": str(unit)[:40]})
    if canonical not in energy_type.units:
        return Message(
            "unit.mismatch",
            {"unit": canonical, "energy": energy, "allowed": ", ".join(energy_type.units)},
        )
    limit = MAX_PER_TABLE_UNIT[energy_type.table_unit]
    # LPG in m3 is converted with propane's 502 m3/t, the default of the calculation.
    if to_table_unit(energy, quantity, canonical) > limit:
        return Message(
            "quantity.implausible",
            {
                "value": f"{quantity:f}",
                "unit": canonical,
                "energy": energy,
                "limit": f"{limit:,f}",
                "table_unit": energy_type.table_unit,
            },
        )
    return None


# --- files and tables -------------------------------------------------------------------------
MAX_BILL_FILE_BYTES = 16 * 1024 * 1024  # CSV or XLSX; 20,000 bill lines are ~2 MB
MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024  # all XML parts together, as declared in the zip
# openpyxl builds Python objects for the styles and every shared string of a workbook even in
# read-only mode (1.7 GB for 57 MB of fonts): these parts get their own, smaller caps.
MAX_XLSX_SHARED_STRINGS_BYTES = 8 * 1024 * 1024
MAX_XLSX_PART_BYTES = 4 * 1024 * 1024  # styles, workbook, theme, properties, ...
MAX_BILL_ROWS = 20_000  # 10 sites x 10 energies x 12 months x 10 years = 12,000
MAX_BILL_COLUMNS = 64  # columns beyond are never part of the bill format
MAX_XLSX_CELLS = 400_000
MAX_XLSX_CELLS_PER_ROW = 4_096  # a bill line has 13 columns; openpyxl holds a row in memory
MAX_IMPORT_TEXT_CHARS = 2_000_000  # all text cells of one bill file (100 per row on average)
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # one bill scan (store/evidence.py)
MAX_JSON_BYTES = 64 * 1024 * 1024  # room for attachments (20 MB scans as base64)
MAX_JSON_CONTAINERS = 100_000  # objects + arrays in one JSON document
MAX_JSON_SEPARATORS = 1_500_000  # commas + colons: bounds the number of values


def _size_error(path: Path, size: int, limit: int) -> EcoCheckError:
    return EcoCheckError(
        Message(
            "file.too_large",
            {"size_mb": f"{size / 1024 / 1024:.1f}", "limit_mb": limit // 1024 // 1024},
            {"file": str(path)},
        )
    )


def os_error_message(error: OSError, path: Path | str) -> Message:
    """file.unreadable naming ``path`` with the system's reason."""
    return Message("file.unreadable", {"reason": error.strerror or str(error)}, {"file": str(path)})


def read_regular_file(path: Path, max_bytes: int, *, size_error: Message | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``.

    Opened non-blocking and checked with fstat on the open descriptor (no race with a file
    swapped for a FIFO), then read with a bound, so a pipe, a device, a folder or a file that
    grows while read never hangs the app or fills its memory.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise EcoCheckError(Message("file.not_regular", where={"file": str(path)})) from None
    except OSError as error:
        raise EcoCheckError(os_error_message(error, path)) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise EcoCheckError(Message("file.not_regular", where={"file": str(path)}))
        if info.st_size > max_bytes:
            if size_error is not None:
                raise EcoCheckError(size_error)
            raise _size_error(path, info.st_size, max_bytes)
        chunks = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise EcoCheckError(os_error_message(error, path)) from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # it grew while being read
        if size_error is not None:
            raise EcoCheckError(size_error)
        raise _size_error(path, len(data), max_bytes)
    return data


def environment_message(error: BaseException, fallback_file: Path | str) -> Message | None:
    """file.environment for errors of the machine rather than of the app or the input:
    permissions, a full disk, a locked or replaced file, a too-long path, SQLite's I/O and lock
    errors, running out of memory on a huge input. The file is the one the system names, else
    ``fallback_file``. None for anything else (a programming error: exit 1, logged)."""
    reason: str | None = None
    filename = getattr(error, "filename", None) or fallback_file
    if isinstance(error, OSError):
        reason = error.strerror or str(error) or type(error).__name__
        if error.errno == errno.ENOSPC:
            reason = "the disk is full"
    elif isinstance(error, MemoryError):
        reason = "not enough memory to process this input"
    elif isinstance(error, RecursionError):
        reason = "the input is nested too deeply"
    else:
        sqlite3 = sys.modules.get("sqlite3")
        if sqlite3 is not None and isinstance(error, sqlite3.DatabaseError):
            reason = str(error) or type(error).__name__
    if reason is None:
        return None
    return Message("file.environment", {"reason": reason}, {"file": str(filename)})


def check_regular_file(path: Path) -> os.stat_result:
    """The stat of ``path`` if it is a regular file (follows symlinks; a loop is an error)."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise EcoCheckError(os_error_message(error, path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise EcoCheckError(Message("file.not_regular", where={"file": str(path)}))
    return info
