"""Open any input the command line accepts (.ecocheck, .csv, .xlsx, .json) as a Project.

Owns the dispatch on the file suffix and the file-level errors (missing, unreadable, unknown
type), each naming the file. The readers are imported lazily so that opening a project file
never loads openpyxl and reading a CSV never loads SQLite code.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.demand import MeterData
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Project

# Registers the file.* message templates used below.
from ecocheck_desktop.exchange import bills as _bills  # noqa: F401
from ecocheck_desktop.exchange.bills import project_from_bills, read_bills

SUFFIXES = (".ecocheck", ".csv", ".xlsx", ".json")


@dataclass
class LoadedInput:
    project: Project
    # Non-blocking notes from reading the file (unknown columns, duplicate rows, ...).
    warnings: list[Message] = field(default_factory=list)
    # The meters with their 30-minute data (project files and JSON exports carry them).
    meters: tuple[MeterData, ...] = ()


def name_from_file(path: Path) -> str:
    """The company name a bill file gives by default: its stem, with bytes that are not text
    (a name from another system's encoding) shown as U+FFFD instead of unpaired surrogates,
    and cut to the company-name cap."""
    stem = os.fsencode(Path(path).stem).decode("utf-8", "replace")
    return stem[: limits.MAX_COMPANY_NAME] or "?"


def load_input(path: Path, *, company_name: str | None = None, meters: bool = False) -> LoadedInput:
    """The project in ``path`` and the warnings raised while reading it.

    ``company_name`` names the company of a bill file (default: the file name without suffix);
    project and JSON files carry their own name. ``meters``: also read a project file's meters
    with their 30-minute data (a JSON file's come with its checking anyway); a command that does
    not use them should not pay for them (10 meter-years: ~0.1 s).
    """
    path = Path(path)
    where = {"file": str(path)}
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise EcoCheckError(
            Message("file.unsupported_type", {"suffix": path.suffix or "(none)"}, where)
        )
    if not path.exists():
        raise EcoCheckError(Message("file.not_found", where=where))
    if not path.is_file():
        raise EcoCheckError(Message("file.not_regular", where=where))
    try:
        if suffix in (".csv", ".xlsx"):
            result = read_bills(path)
            project = project_from_bills(result, company_name or name_from_file(path))
            return LoadedInput(project, list(result.warnings))
        if suffix == ".json":
            # Each format's reader loads only for its own files (tests/exchange/test_loading.py).
            from ecocheck_desktop.exchange.json_io import read_json_with_meters

            project, meter_data = read_json_with_meters(path)
            return LoadedInput(project, meters=meter_data if meters else ())
        # sqlite3 and the store load only for a project file, never for a bill CSV.
        from ecocheck_desktop.store.project_file import load_project_and_meters

        project, meter_data = load_project_and_meters(path, meters=meters)
        # A file written by another tool or an older version may hold a value every import
        # refuses (a unit that does not fit the energy, 9e14 kWh): refused here as well.
        problems = limits.project_problems(project, text=False)
        if problems:
            raise EcoCheckError(
                *(Message(m.code, m.params, {**where, **m.where}) for m in problems)
            )
        return LoadedInput(project, meters=meter_data)
    except OSError as error:
        # Permissions, a file locked by Excel on Windows, a disk error: the user's to fix.
        raise EcoCheckError(
            Message("file.unreadable", {"reason": error.strerror or str(error)}, where)
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError, sqlite3.DatabaseError) as error:
        # A damaged or mislabelled file (e.g. a PDF renamed .json) is bad input, not a crash.
        raise EcoCheckError(
            Message("file.unreadable", {"reason": f"{type(error).__name__}: {error}"}, where)
        ) from None


def load_project_any(path: Path, *, company_name: str | None = None) -> Project:
    """The project in ``path`` (.ecocheck, .csv, .xlsx or .json); see :func:`load_input`."""
    return load_input(path, company_name=company_name).project
