"""The mapping of SQLite and OS failures to the store.* EcoCheckError codes, for every part of
the project file (opening, reading, writing).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.messages import EcoCheckError, Message


def _where(path: Path) -> dict[str, Any]:
    return {"file": str(path)}


def _error(code: str, path: Path, **params: Any) -> EcoCheckError:
    return EcoCheckError(Message(code, params, _where(path)))


def _translate(error: sqlite3.Error, path: Path) -> EcoCheckError:
    """The user-facing error for a SQLite failure (never a bare sqlite3 exception)."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL:
        return _error("store.disk_full", path)
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return _error("store.in_use", path)
    if primary == sqlite3.SQLITE_READONLY:
        return _error("store.read_only", path)
    if primary == sqlite3.SQLITE_CANTOPEN:
        return _error("store.io_error", path, reason="cannot open the file")
    if primary == sqlite3.SQLITE_NOTADB:
        return _error("store.not_a_project", path, reason="not a database")
    if primary == sqlite3.SQLITE_CORRUPT:
        return _error("store.corrupt", path, reason="the database structure is damaged")
    if primary == sqlite3.SQLITE_IOERR:
        return _error("store.io_error", path, reason=str(error))
    return _error("store.failed", path, reason=str(error))


# What sqlite3 and json raise on a file that is damaged below the SQL level: text that is not
# UTF-8 (UnicodeDecodeError), a column a flipped byte renamed (IndexError from the row), JSON
# that no longer parses (ValueError), a value of the wrong storage class (TypeError).
_DAMAGE = (ValueError, IndexError, KeyError, TypeError)


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turn any failure of opening or reading a damaged file into store.* messages, never a
    traceback."""
    try:
        yield
    except sqlite3.Error as error:
        raise _translate(error, path) from None
    except _DAMAGE as error:
        raise _error("store.corrupt", path, reason=type(error).__name__) from None
