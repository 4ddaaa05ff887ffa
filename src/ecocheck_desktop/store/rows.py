"""The row codecs of the project file: domain dataclasses to table rows and back (validated
into frozen dataclasses with Decimals), the whole project read in one pass, and the small
query helpers every part uses.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ecocheck_desktop.core.model import (
    LIST_FIELDS,
    Company,
    FiscalYearData,
    Project,
)
from ecocheck_desktop.store.codec import Problems, from_plain, to_plain
from ecocheck_desktop.store.failures import _error

_JSON_COLUMNS = {"parameters"}


T = TypeVar("T")


def _all(cursor: sqlite3.Cursor) -> list[Any]:
    """All rows, with the cursor closed: a statement left open (even after its last row, in
    Python 3.11's sqlite3) keeps a read lock that makes the checkpoint on close fail."""
    try:
        return cursor.fetchall()
    finally:
        cursor.close()


def _one(cursor: sqlite3.Cursor) -> Any:
    rows = _all(cursor)
    return rows[0] if rows else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _text_or(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _column_value(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return int(value)
    return value


def _row_values(obj: Any) -> dict[str, Any]:
    return {key: _column_value(value) for key, value in to_plain(obj).items()}


def _json_text(obj: Any) -> str | None:
    if obj is None:
        return None
    plain = to_plain(obj) if dataclasses.is_dataclass(obj) else obj
    return json.dumps(plain, ensure_ascii=False, sort_keys=True)


def _insert(conn: sqlite3.Connection, table: str, obj: Any) -> int:
    values = _row_values(obj)
    columns = ", ".join(values)
    marks = ", ".join(f":{column}" for column in values)
    cursor = conn.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608 - dataclass field names
        values,
    )
    return int(cursor.lastrowid or 0)


def _upsert_company(conn: sqlite3.Connection, company: Company) -> None:
    conn.execute("DELETE FROM company")
    values = {"id": 1, **_row_values(company)}
    columns = ", ".join(values)
    marks = ", ".join(f":{column}" for column in values)
    conn.execute(f"INSERT INTO company ({columns}) VALUES ({marks})", values)  # noqa: S608


def _write_checklist(conn: sqlite3.Connection, checklist: dict[str, Any]) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO checklist (id, data) VALUES (1, ?)",
        (json.dumps(checklist, ensure_ascii=False, sort_keys=True),),
    )


def _insert_project(conn: sqlite3.Connection, project: Project) -> None:
    _upsert_company(conn, project.company)
    for table, cls in LIST_FIELDS.items():
        for item in getattr(project, table):
            if not isinstance(item, cls):
                raise TypeError(f"{table} holds a {type(item).__name__}")
            _insert(conn, table, item)
    for year in sorted(project.fiscal_years):
        _insert(conn, "fiscal_years", project.fiscal_years[year])
    _write_checklist(conn, project.checklist)


@cache
def _columns_of(cls: Any) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, str(f.type)) for f in dataclasses.fields(cls))


def _fast_value(kind: str, value: Any) -> Any:
    """A column value as the model wants it; raises on anything unexpected."""
    if kind == "str":
        if type(value) is not str:
            raise TypeError
        return value
    if kind == "Decimal | None" and value is None:
        return None
    if kind in ("Decimal", "Decimal | None"):
        if type(value) is not str:
            raise TypeError
        number = Decimal(value)
        if not number.is_finite():
            raise ValueError
        return number
    if kind == "int":
        if type(value) is not int:
            raise TypeError
        return value
    if kind == "bool":
        if value not in (0, 1):
            raise ValueError
        return bool(value)
    if kind == "dict[str, Any]":
        parsed = json.loads(value)
        if type(parsed) is not dict:
            raise TypeError
        return parsed
    raise TypeError


def _decode(cls: type[T], row: sqlite3.Row, where: str, path: Path) -> T:
    # Rows are written by this module, so the common case is decoded without the full
    # validation of codec.from_plain (5x faster on a 5-year project); anything unexpected
    # falls back to it for a precise store.corrupt message.
    columns = _columns_of(cast(Any, cls))
    try:
        values = {name: _fast_value(kind, row[name]) for name, kind in columns}
        return cls(**values)
    except (TypeError, ValueError, IndexError, ArithmeticError):
        pass
    names = {name for name, _ in columns}
    data: dict[str, Any] = {}
    for key in row.keys():
        if key not in names:
            continue
        value = row[key]
        if key in _JSON_COLUMNS and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise _error("store.corrupt", path, reason=f"{where}.{key}") from None
        data[key] = value
    problems = Problems()
    obj = from_plain(cls, data, where, problems)
    if obj is None:
        raise _error("store.corrupt", path, reason=problems.messages[0].text())
    return obj


def _read_list(
    conn: sqlite3.Connection, table: str, cls: type[T], path: Path
) -> list[tuple[int, T]]:
    rows = _all(conn.execute(f"SELECT * FROM {table} ORDER BY id"))  # noqa: S608
    return [(row["id"], _decode(cls, row, f"{table}[{i}]", path)) for i, row in enumerate(rows)]


def _find(
    conn: sqlite3.Connection, table: str, cls: type[T], path: Path, condition: str, args: Any
) -> T | None:
    row = _one(
        conn.execute(
            f"SELECT * FROM {table} WHERE {condition}",  # noqa: S608 - fixed conditions only
            args,
        )
    )
    return None if row is None else _decode(cls, row, table, path)


def _read_company(conn: sqlite3.Connection, path: Path) -> Company:
    row = _one(conn.execute("SELECT * FROM company WHERE id = 1"))
    if row is None:
        raise _error("store.corrupt", path, reason="no company")
    return _decode(Company, row, "company", path)


def _read_checklist(conn: sqlite3.Connection, path: Path) -> dict[str, Any]:
    row = _one(conn.execute("SELECT data FROM checklist WHERE id = 1"))
    if row is None:
        return {}
    try:
        value = json.loads(row["data"])
    except ValueError:
        raise _error("store.corrupt", path, reason="checklist") from None
    if not isinstance(value, dict):
        raise _error("store.corrupt", path, reason="checklist")
    return value


def _read_project(conn: sqlite3.Connection, path: Path, *, snapshot: bool = True) -> Project:
    if snapshot:
        conn.execute("BEGIN")  # one consistent snapshot
    try:
        lists = {
            table: [item for _, item in _read_list(conn, table, cls, path)]
            for table, cls in LIST_FIELDS.items()
        }
        years = {
            row["year"]: _decode(FiscalYearData, row, f"fiscal_years[{row['year']}]", path)
            for row in _all(conn.execute("SELECT * FROM fiscal_years ORDER BY year"))
        }
        return Project(
            company=_read_company(conn, path),
            fiscal_years=years,
            checklist=_read_checklist(conn, path),
            **lists,
        )
    finally:
        if snapshot:
            conn.execute("COMMIT")


class FilePart:
    """Base of the parts of :class:`~ecocheck_desktop.store.project_file.ProjectFile` that are
    written in their own modules (its edits, its bill scans): what they use of the whole."""

    path: Path
    user: str

    if TYPE_CHECKING:  # provided by ProjectFile

        def _db(self) -> sqlite3.Connection: ...

        def _change(
            self, action: str, target: str | Callable[[], str], old: Any, new: Any
        ) -> AbstractContextManager[sqlite3.Connection]: ...
