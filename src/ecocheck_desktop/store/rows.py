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
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ecocheck_desktop.core.collector import collector_paused
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


def _decode(cls: type[T], row: Any, where: str, path: Path) -> T:
    # Rows are written by this module, so the common case is decoded without the full
    # validation of codec.from_plain (5x faster on a 5-year project); anything unexpected
    # falls back to it for a precise store.corrupt message.
    columns = _columns_of(cast(Any, cls))
    try:
        values = {name: _fast_value(kind, row[name]) for name, kind in columns}
        return cls(**values)
    except (TypeError, ValueError, LookupError, ArithmeticError):  # (a column missing: Key/Index)
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
    cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
    cursor.row_factory = None  # plain tuples: decoded a column at a time
    names = [column[0] for column in cursor.description]
    rows = _all(cursor)
    if not rows:
        return []
    ids = [row[0] for row in rows] if names[0] == "id" else None
    items = _decode_columns(cls, names, rows) if ids is not None else None
    if ids is not None and items is not None:
        return list(zip(ids, items, strict=True))
    # Something unexpected in a row: each row decoded and checked alone, for the message.
    decoded = []
    for i, row in enumerate(rows):
        mapping = dict(zip(names, row, strict=True))
        decoded.append((mapping["id"], _decode(cls, mapping, f"{table}[{i}]", path)))
    return decoded


def _decode_columns(cls: type[T], names: list[str], rows: list[tuple[Any, ...]]) -> list[T] | None:
    """The rows as ``cls`` items, a column at a time (the loops run in C: a 96,000-line
    project is decoded about 10x faster than row by row), with the checks of
    :func:`_fast_value`; None when any value is not what this module writes (then the rows
    are decoded one by one, which says where and what)."""
    position = {name: i for i, name in enumerate(names)}
    columns = _columns_of(cast(Any, cls))
    if any(name not in position for name, _ in columns):
        return None
    if not rows:
        return []
    data = list(zip(*rows, strict=True))
    numbers: dict[str, Decimal] = {}  # one Decimal per distinct text, shared by the columns
    try:
        values = [_column(kind, data[position[name]], numbers) for name, kind in columns]
    except (TypeError, ValueError, ArithmeticError):
        return None
    field_names = [name for name, _ in columns]
    if not _plain_init(cast(Any, cls)):
        return list(map(cls, *values))
    # The generated __init__ of a frozen dataclass sets each field through
    # object.__setattr__ (one Python call per field); with no __post_init__ and every field
    # given, setting the instance's __dict__ at once makes the same object.
    items = list(map(object.__new__, repeat(cls, len(rows))))
    fields_of = map(dict, map(zip, repeat(field_names), zip(*values, strict=True)))
    for _ in map(object.__setattr__, items, repeat("__dict__"), fields_of):
        pass
    return cast(list[T], items)


@cache
def _plain_init(cls: Any) -> bool:
    """A dataclass whose __init__ only stores its fields (no slots, no __post_init__)."""
    return (
        dataclasses.is_dataclass(cls)
        and not hasattr(cls, "__post_init__")
        and "__slots__" not in vars(cls)
        and all(f.init for f in dataclasses.fields(cls))
    )


_STR, _INT, _NONE = frozenset({str}), frozenset({int}), frozenset({str, type(None)})
_BOOL = frozenset({0, 1})  # what `value not in (0, 1)` lets through (0, 1, 0.0, 1.0, False …)


def _column(kind: str, column: tuple[Any, ...], numbers: dict[str, Decimal]) -> Any:
    """One column's values as the model wants them (what :func:`_fast_value` does to each
    value); raises on anything unexpected."""
    types = set(map(type, column))
    if kind == "str":
        if not types <= _STR:
            raise TypeError
        return column
    if kind in ("Decimal", "Decimal | None"):
        if not types <= (_STR if kind == "Decimal" else _NONE):
            raise TypeError
        texts = set(column)
        texts.discard(None)
        for text in texts.difference(numbers):
            number = Decimal(text)
            if not number.is_finite():
                raise ValueError
            numbers[text] = number
        if type(None) in types:
            return [None if text is None else numbers[text] for text in column]
        return list(map(numbers.__getitem__, column))
    if kind == "int":
        if not types <= _INT:
            raise TypeError
        return column
    if kind == "bool":
        if not set(column) <= _BOOL:
            raise ValueError
        return list(map(bool, column))
    return [_fast_value(kind, value) for value in column]


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
        # An older file read without migrating lacks the newer tables: their lists are empty.
        present = {
            row[0]
            for row in _all(conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))
        }
        # No reference cycles in the records: the collector's passes, which a big project's
        # allocations trigger again and again, would each walk every object made so far.
        with collector_paused():
            lists = {
                table: [item for _, item in _read_list(conn, table, cls, path)]
                if table in present
                else []
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
