"""The open project file: the repository the GUI and the commands read and write through.

Owns opening (identity, version and in-use checks that never touch a refused file), the
autosave discipline (every mutating call is one durable transaction plus one change-log row),
closing into a self-contained file, and the mapping of SQLite failures to EcoCheckError codes.

Journal choice: WAL with ``synchronous=FULL`` under ``locking_mode=EXCLUSIVE``. Each commit is
one append + one fsync of the WAL (cheaper than a rollback journal's several syncs, so per-edit
autosave stays fast); a crash leaves a WAL that SQLite replays on the next open. The exclusive
locking mode means no ``-shm`` file is ever made and the OS-level lock is held for the whole
session: a second process is refused with ``store.in_use``, and because the lock belongs to the
process a crash can never leave a stale lock behind. On close the WAL is checkpointed and the
file switched back to ``journal_mode=DELETE`` so it is one self-contained file again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import stat
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

from ecocheck_desktop import __version__
from ecocheck_desktop.core.messages import EcoCheckError, Message, register
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    PlannedMeasure,
    Project,
    RefrigerantRefill,
    Scope3Entry,
    Site,
    SupplyContract,
    Target,
)
from ecocheck_desktop.store import evidence as _evidence
from ecocheck_desktop.store import migrations
from ecocheck_desktop.store.codec import Problems, from_plain, to_plain
from ecocheck_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION

register(
    {
        "store.not_found": "The project file {file} does not exist",
        "store.not_a_project": "{file} is not an EcoCheck project file ({reason})",
        "store.corrupt": "The project file {file} is damaged ({reason}); open a backup copy",
        "store.newer_version": "The project file {file} was written by a newer EcoCheck"
        " (file format {file_version}, this app reads up to {app_version}); update EcoCheck"
        " to open it. The file was not changed.",
        "store.in_use": "The project file {file} is open in another EcoCheck window or program;"
        " close it there first",
        "store.read_only": "The project file {file} is read-only; open it read-only or save a copy",
        "store.read_only_folder": "The folder of {file} cannot be written to; copy the file to"
        " a folder you can write to",
        "store.disk_full": "The disk is full: the last change to {file} was not saved; earlier"
        " changes are safe. Free some space and try again.",
        "store.exists": "{file} already exists; choose another name",
        "store.io_error": "The project file {file} could not be read or written ({reason})",
        "store.failed": "The project file {file} could not be used ({reason})",
        "store.closed": "The project file {file} is already closed",
        "store.needs_recovery": "The project file {file} was not closed properly and its last"
        " edits must be recovered, but the file or its folder is read-only; copy the file"
        " together with {file}-wal to a folder you can write to and open it there",
        "store.not_writable": "The project file {file} was opened read-only",
        "store.record_not_found": "There is no energy record number {record_id} in {file}",
        "evidence.damaged": "The attachment {filename} (number {evidence_id}) in {file} is"
        " damaged ({reason}); the rest of the project is not affected. Attach the bill"
        " scan again.",
    }
)

_SQLITE_MAGIC = b"SQLite format 3\x00"
_REQUIRED_TABLES = {
    "meta",
    "company",
    "sites",
    "contracts",
    "fiscal_years",
    "records",
    "refrigerants",
    "scope3",
    "checklist",
    "targets",
    "measure_plan",
    "evidence",
    "change_log",
}
_LIST_TABLES: dict[str, type[Any]] = {
    "sites": Site,
    "contracts": SupplyContract,
    "records": EnergyRecord,
    "refrigerants": RefrigerantRefill,
    "scope3": Scope3Entry,
    "targets": Target,
    "measure_plan": PlannedMeasure,
}
_JSON_COLUMNS = {"parameters"}

T = TypeVar("T")


@dataclass(frozen=True)
class ChangeEntry:
    """One row of the audit trail: who changed what, when, from what to what."""

    id: int
    at: str  # ISO 8601, UTC
    user: str
    action: str  # e.g. "record.update"
    target: str  # e.g. "records[17]" or "company"
    old: Any
    new: Any


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    filename: str
    media_type: str
    size: int
    month: str | None
    record_id: int | None
    added_at: str
    added_by: str
    sha256: str


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
    """Turn any failure of reading a damaged file into store.* messages, never a traceback."""
    try:
        yield
    except sqlite3.Error as error:
        raise _translate(error, path) from None
    except _DAMAGE as error:
        raise _error("store.corrupt", path, reason=type(error).__name__) from None


def _text_or(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def inspect_header(path: Path) -> int:
    """The schema version in the file header, after checks that only read the file.

    Refuses (store.not_found / not_a_project / corrupt / newer_version) without ever opening
    the file with SQLite, so a refused file is left exactly as it was.
    """
    path = Path(path)
    if not path.exists():
        raise _error("store.not_found", path)
    if not path.is_file():
        raise _error("store.not_a_project", path, reason="not a file")
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            header = stream.read(100)
    except OSError as error:
        raise _error("store.io_error", path, reason=error.strerror or str(error)) from None
    if size == 0:
        raise _error("store.not_a_project", path, reason="the file is empty")
    if not header.startswith(_SQLITE_MAGIC):
        raise _error("store.not_a_project", path, reason="not a SQLite database")
    if len(header) < 100:
        raise _error("store.corrupt", path, reason="the file is truncated")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise _error("store.not_a_project", path, reason="a database of another program")
    version = int.from_bytes(header[60:64], "big")
    if version > SCHEMA_VERSION:
        raise _error("store.newer_version", path, file_version=version, app_version=SCHEMA_VERSION)
    if version < 1:
        raise _error("store.corrupt", path, reason=f"unknown file format {version}")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]
    if page_size < 512 or size % page_size or (header_size_valid and size < pages * page_size):
        raise _error("store.corrupt", path, reason="the file is truncated")
    return version


def _check_writable(path: Path) -> None:
    # Mode bits as well as access(): an administrator passes access() even on a file the user
    # marked read-only, and writing it anyway would surprise them.
    mode = path.stat().st_mode
    if not os.access(path, os.W_OK) or not mode & stat.S_IWUSR:
        raise _error("store.read_only", path)
    folder = path.parent
    folder_mode = folder.stat().st_mode
    if not os.access(folder, os.W_OK) or (os.name == "posix" and not folder_mode & 0o222):
        # The journal lives beside the file: without it no change could be saved safely.
        raise _error("store.read_only_folder", path)


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=0)
    conn.row_factory = sqlite3.Row
    return conn


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


class ProjectFile:
    """An open ``.ecocheck`` file. Use :meth:`create` or :meth:`open`, then :meth:`close`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool, user: str) -> None:
        self.path = path
        self.read_only = read_only
        self.user = user
        self.backup_path: Path | None = None  # set when opening migrated an older file
        self._conn: sqlite3.Connection | None = conn

    # -- opening and closing -------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, project: Project, *, user: str = "", overwrite: bool = False
    ) -> ProjectFile:
        """Write ``project`` as a new file and open it.

        The file is built under a temporary name in the same folder and renamed into place,
        so an interrupted create never leaves a half-written project under the real name.
        """
        path = Path(path)
        if path.exists() and not overwrite:
            raise _error("store.exists", path)
        if path.exists():
            # Replacing a file another process is writing would lose its edits.
            cls.open(path, user=user).close()
        if not path.parent.is_dir():
            raise _error("store.io_error", path, reason="the folder does not exist")
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            conn = sqlite3.connect(temp, isolation_level=None)
            try:
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("BEGIN IMMEDIATE")
                migrations.create_schema(conn)
                now = _now()
                meta = {
                    "app_version": __version__,
                    "created_at": now,
                    "created_by": user,
                    "modified_at": now,
                    # The project's identity across copies (hand-over: store/handover.py).
                    "project_id": str(uuid.uuid4()),
                }
                conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
                _insert_project(conn, project)
                conn.execute(
                    "INSERT INTO change_log (at, user, action, target, old, new)"
                    " VALUES (?, ?, 'project.create', '', NULL, ?)",
                    (now, user, json.dumps({"company": project.company.name}, ensure_ascii=False)),
                )
                conn.execute("COMMIT")
            finally:
                conn.close()
            os.replace(temp, path)
        except sqlite3.Error as error:
            temp.unlink(missing_ok=True)
            raise _translate(error, path) from None
        except OSError as error:
            temp.unlink(missing_ok=True)
            if error.errno == 28:  # ENOSPC
                raise _error("store.disk_full", path) from None
            raise _error("store.io_error", path, reason=error.strerror or str(error)) from None
        return cls.open(path, user=user)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, user: str = "") -> ProjectFile:
        """Open an existing file; refuses damaged, foreign, newer or in-use files unchanged."""
        path = Path(path)
        version = inspect_header(path)
        wal = path.with_name(path.name + "-wal")
        if read_only and wal.exists() and wal.stat().st_size > 0:
            # The last session ended without closing (crash, power cut): its committed edits
            # are in the WAL, which a read-only connection cannot replay. Replaying is what a
            # writable open does; a live writer elsewhere makes this fail with store.in_use.
            try:
                _check_writable(path)
            except EcoCheckError:
                raise _error("store.needs_recovery", path) from None
            cls.open(path, user=user).close()
        if not read_only:
            _check_writable(path)
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(path, read_only=read_only)
            # Set before the first access: no shared-memory index, and the lock is kept.
            _all(conn.execute("PRAGMA locking_mode = EXCLUSIVE"))
            conn.execute("BEGIN" if read_only else "BEGIN EXCLUSIVE")
            _verify(conn, path)
            conn.execute("COMMIT")
            project_file = cls(path, conn, read_only=read_only, user=user)
            if not read_only:
                if version < SCHEMA_VERSION:
                    project_file.backup_path = migrations.backup(conn, path, version)
                    migrations.migrate(conn, version)
                _all(conn.execute("PRAGMA journal_mode = WAL"))
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
            return project_file
        except sqlite3.Error as error:
            if conn is not None:
                conn.close()
            raise _translate(error, path) from None
        except _DAMAGE as error:
            if conn is not None:
                conn.close()
            raise _error("store.corrupt", path, reason=type(error).__name__) from None
        except BaseException:
            if conn is not None:
                conn.close()
            raise

    def close(self) -> None:
        """Checkpoint and leave one self-contained file (no -wal / -shm beside it)."""
        conn = self._conn
        if conn is None:
            return
        self._conn = None
        try:
            if not self.read_only:
                _all(conn.execute("PRAGMA journal_mode = DELETE"))
        except sqlite3.Error as error:
            # Every change is already committed in the WAL; SQLite replays it on the next open.
            raise _translate(error, self.path) from None
        finally:
            conn.close()

    def __enter__(self) -> ProjectFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise _error("store.closed", self.path)
        return self._conn

    # -- reading -------------------------------------------------------------------------------

    def load(self) -> Project:
        """The whole project as the domain model."""
        with _reading(self.path):
            return _read_project(self._db(), self.path)

    def records(self) -> list[tuple[int, EnergyRecord]]:
        """The energy records with the ids that :meth:`update_record` takes."""
        with _reading(self.path):
            return _read_list(self._db(), "records", EnergyRecord, self.path)

    def meta(self) -> dict[str, str]:
        with _reading(self.path):
            rows = _all(self._db().execute("SELECT key, value FROM meta"))
            return {str(row["key"]): str(row["value"]) for row in rows}

    def change_log(
        self, *, after: int = 0, before: int | None = None, action: str | None = None
    ) -> list[ChangeEntry]:
        """The audit trail in the order the edits were made (by id, not by the clock: a
        clock set back between two edits must not reorder them); optionally only the rows
        with ``after < id < before`` and of one ``action``."""
        with _reading(self.path):
            return self._change_log(after, before, action)

    def _change_log(
        self, after: int = 0, before: int | None = None, action: str | None = None
    ) -> list[ChangeEntry]:
        rows = _all(
            self._db().execute(
                "SELECT * FROM change_log WHERE id > ? AND (? IS NULL OR id < ?)"
                " AND (? IS NULL OR action = ?) ORDER BY id",
                (after, before, before, action, action),
            )
        )
        return [
            ChangeEntry(
                id=row["id"],
                at=row["at"],
                user=row["user"],
                action=row["action"],
                target=row["target"],
                old=json.loads(row["old"]) if row["old"] is not None else None,
                new=json.loads(row["new"]) if row["new"] is not None else None,
            )
            for row in rows
        ]

    def evidence(self) -> list[EvidenceInfo]:
        """The attachments' descriptions. Tolerates a damaged row (another program's edit, a
        bad sector) so that the project still opens; reading that attachment then says so."""
        with _reading(self.path):
            columns = {
                row["name"] for row in _all(self._db().execute("PRAGMA table_info(evidence)"))
            }
            digest = "sha256" if "sha256" in columns else "'' AS sha256"  # v1 file, read-only
            columns_sql = (
                f"id, filename, media_type, size, month, record_id, added_at, added_by, {digest}"
            )
            rows = _all(
                self._db().execute(f"SELECT {columns_sql} FROM evidence ORDER BY id")  # noqa: S608
            )
            return [
                EvidenceInfo(
                    id=row["id"],
                    filename=_text_or(row["filename"], f"attachment-{row['id']}"),
                    media_type=_text_or(row["media_type"], ""),
                    size=_int_or_none(row["size"]) or 0,
                    month=row["month"] if isinstance(row["month"], str) else None,
                    record_id=_int_or_none(row["record_id"]),
                    added_at=_text_or(row["added_at"], ""),
                    added_by=_text_or(row["added_by"], ""),
                    sha256=_text_or(row["sha256"], ""),
                )
                for row in rows
            ]

    def evidence_data(self, evidence_id: int) -> tuple[EvidenceInfo, bytes]:
        """An attachment and its bytes, checked against its stored hash and type."""
        info = {item.id: item for item in self.evidence()}.get(evidence_id)
        with _reading(self.path):
            row = _one(self._db().execute("SELECT data FROM evidence WHERE id = ?", (evidence_id,)))
        if info is None or row is None:
            raise EcoCheckError(
                Message("evidence.not_found", {"evidence_id": evidence_id}, _where(self.path))
            )
        data = row["data"]

        def damaged(reason: str) -> EcoCheckError:
            params = {"filename": info.filename, "evidence_id": evidence_id, "reason": reason}
            return EcoCheckError(Message("evidence.damaged", params, _where(self.path)))

        if not isinstance(data, bytes):
            raise damaged("the stored content is not a file")
        if info.sha256 and hashlib.sha256(data).hexdigest() != info.sha256:
            raise damaged("its content no longer matches its checksum")
        try:
            media_type = _evidence.media_type_of(data, info.filename)
        except EcoCheckError:
            raise damaged("not a PDF, JPEG or PNG file any more") from None
        if info.media_type and media_type != info.media_type:
            raise damaged("its type changed")
        return info, data

    # -- writing: one transaction and one change-log row per call ------------------------------

    @contextmanager
    def _change(
        self, action: str, target: str | Callable[[], str], old: Any, new: Any
    ) -> Iterator[sqlite3.Connection]:
        """One transaction with its change-log row; ``target`` may be a callable, asked after
        the write (a new record's id is known only then)."""
        if self.read_only:
            raise _error("store.not_writable", self.path)
        conn = self._db()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                now = _now()
                conn.execute(
                    "INSERT INTO change_log (at, user, action, target, old, new)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        now,
                        self.user,
                        action,
                        target() if callable(target) else target,
                        _json_text(old),
                        _json_text(new),
                    ),
                )
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('modified_at', ?)", (now,))
                conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('app_version', ?)", (__version__,)
                )
                conn.execute("COMMIT")
            except BaseException:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise _translate(error, self.path) from None

    def set_company(self, company: Company) -> None:
        old = self.load_company()
        with self._change("company.set", "company", old, company) as conn:
            _upsert_company(conn, company)

    def load_company(self) -> Company:
        return _read_company(self._db(), self.path)

    def upsert_site(self, site: Site) -> None:
        conn = self._db()
        old = _find(conn, "sites", Site, self.path, "name = ?", (site.name,))
        with self._change("site.set", f"sites[{site.name}]", old, site) as conn:
            if old is None:
                _insert(conn, "sites", site)
            else:
                conn.execute(
                    "UPDATE sites SET address = ? WHERE name = ?", (site.address, site.name)
                )

    def delete_site(self, name: str) -> None:
        old = _find(self._db(), "sites", Site, self.path, "name = ?", (name,))
        with self._change("site.delete", f"sites[{name}]", old, None) as conn:
            conn.execute("DELETE FROM sites WHERE name = ?", (name,))

    def set_contract(self, contract: SupplyContract) -> None:
        key = (contract.site, contract.energy)
        old = _find(
            self._db(), "contracts", SupplyContract, self.path, "site = ? AND energy = ?", key
        )
        target = f"contracts[{contract.site}/{contract.energy}]"
        with self._change("contract.set", target, old, contract) as conn:
            values = _row_values(contract)
            if old is None:
                _insert(conn, "contracts", contract)
            else:
                assignments = ", ".join(f"{column} = :{column}" for column in values)
                conn.execute(
                    f"UPDATE contracts SET {assignments}"  # noqa: S608 - dataclass field names
                    " WHERE site = :site AND energy = :energy",
                    values,
                )

    def delete_contract(self, site: str, energy: str) -> None:
        key = (site, energy)
        old = _find(
            self._db(), "contracts", SupplyContract, self.path, "site = ? AND energy = ?", key
        )
        with self._change("contract.delete", f"contracts[{site}/{energy}]", old, None) as conn:
            conn.execute("DELETE FROM contracts WHERE site = ? AND energy = ?", key)

    def set_fiscal_year(self, data: FiscalYearData) -> None:
        old = _find(self._db(), "fiscal_years", FiscalYearData, self.path, "year = ?", (data.year,))
        with self._change("fiscal_year.set", f"fiscal_years[{data.year}]", old, data) as conn:
            conn.execute("DELETE FROM fiscal_years WHERE year = ?", (data.year,))
            _insert(conn, "fiscal_years", data)

    def delete_fiscal_year(self, year: int) -> None:
        old = _find(self._db(), "fiscal_years", FiscalYearData, self.path, "year = ?", (year,))
        with self._change("fiscal_year.delete", f"fiscal_years[{year}]", old, None) as conn:
            conn.execute("DELETE FROM fiscal_years WHERE year = ?", (year,))

    def add_record(self, record: EnergyRecord) -> int:
        record_id = 0
        # The log row is written after the insert: its target names the new id (an UPDATE of
        # the newest log row here would rename the previous edit's row instead).
        with self._change("record.add", lambda: f"records[{record_id}]", None, record) as conn:
            record_id = _insert(conn, "records", record)
        return record_id

    def _record(self, record_id: int) -> EnergyRecord:
        old = _find(self._db(), "records", EnergyRecord, self.path, "id = ?", (record_id,))
        if old is None:
            raise _error("store.record_not_found", self.path, record_id=record_id)
        return old

    def update_record(self, record_id: int, record: EnergyRecord) -> None:
        old = self._record(record_id)
        with self._change("record.update", f"records[{record_id}]", old, record) as conn:
            values = _row_values(record)
            assignments = ", ".join(f"{column} = :{column}" for column in values)
            conn.execute(
                f"UPDATE records SET {assignments} WHERE id = :id",  # noqa: S608 - field names
                {**values, "id": record_id},
            )

    def delete_record(self, record_id: int) -> None:
        old = self._record(record_id)
        with self._change("record.delete", f"records[{record_id}]", old, None) as conn:
            conn.execute("DELETE FROM records WHERE id = ?", (record_id,))

    def set_checklist(self, checklist: dict[str, Any]) -> None:
        old = _read_checklist(self._db(), self.path)
        with self._change("checklist.set", "checklist", old, checklist) as conn:
            _write_checklist(conn, checklist)

    def _replace_list(self, table: str, cls: type[Any], items: list[Any]) -> None:
        old = [item for _, item in _read_list(self._db(), table, cls, self.path)]
        with self._change(
            f"{table}.set", table, [to_plain(o) for o in old], [to_plain(i) for i in items]
        ) as conn:
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            for item in items:
                _insert(conn, table, item)

    def set_refrigerants(self, refills: list[RefrigerantRefill]) -> None:
        self._replace_list("refrigerants", RefrigerantRefill, refills)

    def set_scope3(self, entries: list[Scope3Entry]) -> None:
        self._replace_list("scope3", Scope3Entry, entries)

    def set_targets(self, targets: list[Target]) -> None:
        self._replace_list("targets", Target, targets)

    def set_measure_plan(self, plan: list[PlannedMeasure]) -> None:
        self._replace_list("measure_plan", PlannedMeasure, plan)

    # -- evidence ------------------------------------------------------------------------------

    def attach_evidence(
        self,
        source: Path | bytes,
        filename: str,
        month: str | None = None,
        record_id: int | None = None,
    ) -> int:
        """Store a bill scan inside the file; returns its id."""
        data, media_type = _evidence.read_attachment(source, filename)
        if record_id is not None:
            self._record(record_id)
        digest = hashlib.sha256(data).hexdigest()
        new = {"filename": filename, "size": len(data), "month": month, "record_id": record_id}
        with self._change("evidence.add", "evidence", None, new) as conn:
            cursor = conn.execute(
                "INSERT INTO evidence (filename, media_type, size, data, month, record_id,"
                " added_at, added_by, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    filename,
                    media_type,
                    len(data),
                    data,
                    month,
                    record_id,
                    _now(),
                    self.user,
                    digest,
                ),
            )
            evidence_id = int(cursor.lastrowid or 0)
        return evidence_id

    def delete_evidence(self, evidence_id: int) -> None:
        # From the listing, not evidence_data(): a damaged scan must be removable too.
        info = {item.id: item for item in self.evidence()}.get(evidence_id)
        if info is None:
            raise EcoCheckError(
                Message("evidence.not_found", {"evidence_id": evidence_id}, _where(self.path))
            )
        old = {"filename": info.filename, "size": info.size, "sha256": info.sha256}
        with self._change("evidence.delete", f"evidence[{evidence_id}]", old, None) as conn:
            conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))

    def export_evidence(self, evidence_id: int, folder: Path) -> Path:
        """Write an attachment into ``folder`` under a safe, new name; returns the path."""
        info, data = self.evidence_data(evidence_id)
        folder = Path(folder)
        name = _evidence.safe_filename(info.filename, info.media_type)
        try:
            target = _evidence.free_path(folder, name)
            # "x" mode: never follow or clobber something that appeared since free_path looked.
            with target.open("xb") as stream:
                stream.write(data)
        except OSError as error:
            raise EcoCheckError(
                Message(
                    "evidence.export_failed",
                    {"folder": str(folder), "reason": error.strerror or str(error)},
                )
            ) from None
        return target


# -- rows <-> dataclasses -------------------------------------------------------------------------


def _verify(conn: sqlite3.Connection, path: Path) -> None:
    result = _one(conn.execute("PRAGMA quick_check"))[0]
    if result != "ok":
        raise _error("store.corrupt", path, reason=str(result)[:200])
    tables = {
        row[0] for row in _all(conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))
    }
    missing = _REQUIRED_TABLES - tables
    if missing:
        raise _error("store.corrupt", path, reason=f"missing tables {', '.join(sorted(missing))}")
    if _one(conn.execute("SELECT count(*) FROM company"))[0] != 1:
        raise _error("store.corrupt", path, reason="no company")


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
    for table, cls in _LIST_TABLES.items():
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


def _read_project(conn: sqlite3.Connection, path: Path) -> Project:
    conn.execute("BEGIN")  # one consistent snapshot
    try:
        lists = {
            table: [item for _, item in _read_list(conn, table, cls, path)]
            for table, cls in _LIST_TABLES.items()
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
        conn.execute("COMMIT")


def load_project(path: Path) -> Project:
    """The project in ``path``, read-only (the CLI and the loaders use this)."""
    project_file = ProjectFile.open(Path(path), read_only=True)
    try:
        return project_file.load()
    finally:
        project_file.close()
