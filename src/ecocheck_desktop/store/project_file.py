"""The open project file: the repository the GUI and the commands read and write through.

Owns opening (identity, version and in-use checks that never touch a refused file), the
autosave discipline (every mutating call, or every :meth:`ProjectFile.transaction`, is one
durable transaction plus its change-log rows), the check that the file on disk is still the one
opened, and the mapping of SQLite failures to EcoCheckError codes.

Journal choice (docs/reliability.md has the reasons and the measurements): a rollback journal
(``journal_mode=DELETE``) with ``synchronous=FULL`` under ``locking_mode=EXCLUSIVE``. A commit
writes the old pages to ``-journal``, syncs it, writes the new pages into the main file, syncs
it and then invalidates the journal, so **after every commit the main file alone holds every
saved edit**: a copy of just the ``.ecocheck`` file (Explorer, a USB stick, an e-mail, OneDrive)
taken between two edits is whole. A kill in the middle of a commit leaves a hot journal that
SQLite rolls back on the next writable open; read-only paths recover such a file in a private
temporary copy and never change it. The exclusive locking mode keeps the lock for the whole
session (a second process is told ``store.in_use``; the lock belongs to the process, so a crash
cannot leave it stale), and makes SQLite keep the journal file between commits with a zeroed
header instead of creating and deleting it each time; it is removed on close.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
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
from ecocheck_desktop.core.messages import EcoCheckError, Message
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
from ecocheck_desktop.store import atomic, migrations
from ecocheck_desktop.store import evidence as _evidence
from ecocheck_desktop.store.codec import Problems, from_plain, to_plain
from ecocheck_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION

_SQLITE_MAGIC = b"SQLite format 3\x00"
# The rollback journal (see the module docstring; docs/reliability.md has the measurements).
JOURNAL_MODE = "DELETE"
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


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _hot_journal(path: Path) -> bool:
    """A rollback journal SQLite would play back: present, and its header not zeroed (the
    journal kept between commits in exclusive mode starts with zero bytes)."""
    try:
        with _sidecar(path, "-journal").open("rb") as stream:
            first = stream.read(1)
    except OSError:
        return False
    return first not in (b"", b"\x00")


def needs_recovery(path: Path, header: bytes | None = None) -> bool:
    """True when SQLite must replay or roll back something before the file can be read: a hot
    rollback journal (a kill in the middle of a commit), or a file left in WAL mode by an
    earlier version of the app (its WAL cannot be read through a read-only connection)."""
    path = Path(path)
    if header is None:
        try:
            header = _head_bytes(path)
        except OSError:
            return False
    wal_mode = len(header) >= 20 and (header[18] == 2 or header[19] == 2)
    wal = _sidecar(path, "-wal")
    return _hot_journal(path) or wal_mode or (wal.is_file() and wal.stat().st_size > 0)


def _check_header(path: Path, header: bytes, size: int, *, recovering: bool) -> int:
    """The schema version in ``header``; store.* errors naming ``path`` for a refused file.

    While ``recovering`` (a hot journal or WAL beside the file) the page count in the header
    may run ahead of the file's size, a commit having been cut off: SQLite repairs that from
    the journal, so only the checks that no commit changes are made then.
    """
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
    if page_size < 512 or page_size & (page_size - 1):
        raise _error("store.corrupt", path, reason="the file is truncated")
    if recovering:
        return version
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]
    if size % page_size or (header_size_valid and size < pages * page_size):
        raise _error("store.corrupt", path, reason="the file is truncated")
    return version


# Files this process has open as a ProjectFile, by (device, inode), with a descriptor held open
# for the session. On POSIX, closing ANY descriptor of a file drops every lock the process holds
# on it, so reading the header of a file we have open (a portfolio scan of its folder, the
# identity check before a commit) must go through this descriptor, never open() + close().
_HELD: dict[tuple[int, int], int] = {}


def _pread(fd: int, size: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, 0)
    os.lseek(fd, 0, os.SEEK_SET)  # pragma: no cover - Windows
    return os.read(fd, size)  # pragma: no cover - Windows


def _head_bytes(path: Path, size: int = 100) -> bytes:
    st = path.stat()
    held = _HELD.get((st.st_dev, st.st_ino))
    if held is not None:
        return _pread(held, size)
    with path.open("rb") as stream:
        return stream.read(size)


def _read_head(path: Path, report_as: Path) -> tuple[bytes, int]:
    if not path.exists():
        raise _error("store.not_found", report_as)
    if not path.is_file():
        raise _error("store.not_a_project", report_as, reason="not a file")
    try:
        size = path.stat().st_size
        header = _head_bytes(path)
    except OSError as error:
        raise _error("store.io_error", report_as, reason=error.strerror or str(error)) from None
    return header, size


def inspect_header(path: Path) -> int:
    """The schema version in the file header, after checks that only read the file.

    Refuses (store.not_found / not_a_project / corrupt / newer_version) without ever opening
    the file with SQLite, so a refused file is left exactly as it was. A file with a hot
    journal or WAL beside it (a killed session) is not refused for a size the journal repairs.
    """
    path = Path(path)
    header, size = _read_head(path, path)
    return _check_header(path, header, size, recovering=needs_recovery(path, header))


def _probe_in_use(path: Path) -> None:
    """store.in_use if another process holds the file's lock (a live EcoCheck session)."""
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    except sqlite3.Error:
        return
    try:
        # Exclusive locking mode: the probe never makes a -shm beside a file in WAL mode.
        _all(probe.execute("PRAGMA locking_mode = EXCLUSIVE"))
        _all(probe.execute("SELECT count(*) FROM sqlite_master"))
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise _error("store.in_use", path) from None
    finally:
        probe.close()


def _state_of(paths: list[Path]) -> list[tuple[int, int] | None]:
    states: list[tuple[int, int] | None] = []
    for item in paths:
        try:
            st = item.stat()
            states.append((st.st_size, st.st_mtime_ns))
        except OSError:
            states.append(None)
    return states


def _recovered_copy(path: Path) -> tuple[tempfile.TemporaryDirectory[str], Path]:
    """A private copy of ``path`` with SQLite's recovery done in it; ``path`` is not changed.

    The file and its journal/WAL are copied together into a temporary folder (a second try if
    either changed while being copied) and opened there read-write, which makes SQLite roll the
    hot journal back or replay the WAL, as a writable open of the original would.
    """
    _probe_in_use(path)
    folder = tempfile.TemporaryDirectory(prefix="ecocheck-recover-")
    copy = Path(folder.name) / "project.ecocheck"
    sources = [path, _sidecar(path, "-journal"), _sidecar(path, "-wal")]
    try:
        for _attempt in range(3):
            before = _state_of(sources)
            for source, suffix in zip(sources, ("", "-journal", "-wal"), strict=True):
                target = _sidecar(copy, suffix)
                target.unlink(missing_ok=True)
                if source.is_file():
                    shutil.copyfile(source, target)
            if _state_of(sources) == before:
                break
        else:
            raise _error("store.in_use", path)
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            _all(conn.execute("PRAGMA journal_mode = DELETE"))
            _all(conn.execute("SELECT count(*) FROM sqlite_master"))
        finally:
            conn.close()
    except sqlite3.Error as error:
        folder.cleanup()
        raise _translate(error, path) from None
    except OSError as error:
        folder.cleanup()
        if error.errno == errno.ENOSPC:
            raise _error("store.disk_full", path) from None
        raise _error("store.io_error", path, reason=error.strerror or str(error)) from None
    except BaseException:
        folder.cleanup()
        raise
    return folder, copy


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
        self._depth = 0  # > 0 inside transaction()
        self._fd: int | None = None  # held open for the identity check (see _HELD)
        self._identity: tuple[Any, ...] | None = None
        self._changed_on_disk = False
        self._recovery: tempfile.TemporaryDirectory[str] | None = None  # read-only, recovered
        self._validated: Project | None = None  # the project decoded while validating

    # -- opening and closing -------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        project: Project,
        *,
        user: str = "",
        overwrite: bool = False,
        fill: Callable[[ProjectFile], None] | None = None,
    ) -> ProjectFile:
        """Write ``project`` as a new file and open it.

        The file is built under a temporary name in the same folder (``fill``, if given, adds
        more to it there, e.g. the attachments of an import) and renamed into place only when
        complete, so an interrupted create never leaves a half-written project under the real
        name; leftovers of killed runs are removed first.
        """
        path = Path(path)
        if path.exists() and not overwrite:
            raise _error("store.exists", path)
        if path.exists():
            # Replacing a file another process is writing would lose its edits.
            cls.open(path, user=user).close()
        if not path.parent.is_dir():
            raise _error("store.io_error", path, reason="the folder does not exist")
        # Leftovers of killed creations in this folder, of any project name (the wizard's next
        # project rarely has the killed one's name); only `.<name>.ecocheck.<dead pid>.tmp`.
        atomic.clean_leftovers(path.parent, re.compile(r".+\.ecocheck"))
        temp = atomic.temp_path(path)
        try:
            _remove_with_journal(temp)
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
            if fill is not None:
                with cls.open(temp, user=user) as building:
                    fill(building)
            atomic.sync_file(temp)
            os.replace(temp, path)
            atomic.sync_folder(path.parent)
        except sqlite3.Error as error:
            _remove_with_journal(temp)
            raise _translate(error, path) from None
        except OSError as error:
            _remove_with_journal(temp)
            if error.errno == errno.ENOSPC:
                raise _error("store.disk_full", path) from None
            raise _error("store.io_error", path, reason=error.strerror or str(error)) from None
        except BaseException:
            _remove_with_journal(temp)
            raise
        return cls.open(path, user=user)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, user: str = "") -> ProjectFile:
        """Open an existing file; refuses damaged, foreign, newer or in-use files unchanged.

        The file is validated read-only first (header, ``quick_check``, every row decoded):
        on the file itself, or, when a killed session left a journal to roll back or a WAL to
        replay, on a recovered private copy. Only a file known good is then opened for writing
        (the exclusive lock, SQLite's own recovery, the journal mode, a migration).
        """
        path = Path(path)
        inspect_header(path)
        if not read_only:
            _check_writable(path)
        before = _state_of([path, _sidecar(path, "-journal"), _sidecar(path, "-wal")])
        reader = cls._open_read_only(path, user)
        try:
            project = reader.load()
            reader.evidence()
        except BaseException:
            reader.close()
            raise
        if read_only:
            reader._validated = project
            return reader
        reader.close()
        return cls._open_for_writing(path, user, project, before)

    @classmethod
    def _open_read_only(cls, path: Path, user: str) -> ProjectFile:
        recovery: tempfile.TemporaryDirectory[str] | None = None
        source = path
        if needs_recovery(path):
            recovery, source = _recovered_copy(path)
        conn: sqlite3.Connection | None = None
        try:
            header, size = _read_head(source, path)
            _check_header(path, header, size, recovering=False)
            conn = _connect(source, read_only=True)
            # Held until close: a writer cannot change the file under a reader.
            _all(conn.execute("PRAGMA locking_mode = EXCLUSIVE"))
            conn.execute("BEGIN")
            _verify(conn, path)
            conn.execute("COMMIT")
        except BaseException as error:
            if conn is not None:
                conn.close()
            if recovery is not None:
                recovery.cleanup()
            if isinstance(error, sqlite3.Error):
                raise _translate(error, path) from None
            if isinstance(error, _DAMAGE):
                raise _error("store.corrupt", path, reason=type(error).__name__) from None
            raise
        reader = cls(path, conn, read_only=True, user=user)
        reader._recovery = recovery
        return reader

    @classmethod
    def _open_for_writing(
        cls, path: Path, user: str, validated: Project, before: list[tuple[int, int] | None]
    ) -> ProjectFile:
        """``validated``: the project decoded read-only while the file and its journal/WAL had
        the sizes and mtimes ``before``."""
        conn: sqlite3.Connection | None = None
        project_file: ProjectFile | None = None
        try:
            conn = _connect(path, read_only=False)
            # Set before the first access: the lock is taken now and kept for the session.
            _all(conn.execute("PRAGMA locking_mode = EXCLUSIVE"))
            conn.execute("BEGIN EXCLUSIVE")  # SQLite rolls a hot journal back / replays a WAL
            project_file = cls(path, conn, read_only=False, user=user)
            # From here on the header is read through the held descriptor (see _HELD).
            project_file._hold()
            header, size = _read_head(path, path)
            version = _check_header(path, header, size, recovering=False)
            if _state_of([path, _sidecar(path, "-journal"), _sidecar(path, "-wal")]) != before:
                # Changed between the validation and the lock (or recovered just now): check
                # and decode it again, under the lock, before anything is written.
                _verify(conn, path)
                validated = _read_project(conn, path, snapshot=False)
            conn.execute("COMMIT")
            project_file._validated = validated
            journal = _sidecar(path, "-journal")
            if journal.exists() and not _hot_journal(path):
                # A killed session's idle journal (zeroed header): meaningless once SQLite has
                # checked it, and safe to remove under our exclusive lock.
                with suppress(OSError):
                    journal.unlink()
            # Only now, with a good file: the journal mode (a file left in WAL mode by an
            # earlier version is checkpointed and converted here) and the migration.
            _all(conn.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}"))
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                project_file.backup_path = _backup(conn, path, version)
                migrations.migrate(conn, version)
                project_file._validated = None
            project_file._identity = project_file._snapshot()
            return project_file
        except BaseException as error:
            if project_file is not None:
                project_file._validated = None
                with suppress(EcoCheckError):
                    project_file.close()
            elif conn is not None:
                conn.close()
            if isinstance(error, sqlite3.Error):
                raise _translate(error, path) from None
            if isinstance(error, _DAMAGE):
                raise _error("store.corrupt", path, reason=type(error).__name__) from None
            raise

    def _hold(self) -> None:
        """Keep a descriptor of the file for the identity check (see _HELD), after the lock."""
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        st = os.fstat(fd)
        self._fd = fd
        _HELD[(st.st_dev, st.st_ino)] = fd
        self._identity = self._snapshot()

    def _release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        for key, held in list(_HELD.items()):
            if held == fd:
                del _HELD[key]
        with suppress(OSError):
            os.close(fd)

    def _snapshot(self) -> tuple[Any, ...]:
        """What identifies the file on disk between two of our commits: the path still names
        the inode we opened (a sync client or a copy replaced it otherwise), its size and mtime
        (a program wrote into it), and its header as read through our own descriptor."""
        assert self._fd is not None
        st = os.stat(self.path)
        own = os.fstat(self._fd)
        return (
            st.st_dev,
            st.st_ino,
            own.st_dev,
            own.st_ino,
            st.st_size,
            st.st_mtime_ns,
            _pread(self._fd, 100),
        )

    def _check_identity(self, *, inode_only: bool = False) -> None:
        """Raise ``store.changed_on_disk`` when the file is no longer the one we wrote.

        ``inode_only`` (just before COMMIT): inside our own transaction SQLite may already
        have spilled pages of a large change into the file (a scan bigger than the page cache),
        so its size, mtime and header are ours to change then; the path must still name our
        inode. Outside our transactions everything must be as we left it.
        """
        if self._changed_on_disk:
            raise _error("store.changed_on_disk", self.path)
        if self._fd is None:
            return
        try:
            now, known = self._snapshot(), self._identity or ()
            same = now[:4] == known[:4] if inode_only else now == known
        except OSError:
            same = False  # the path is gone (moved away, deleted)
        if not same:
            self._changed_on_disk = True
            raise _error("store.changed_on_disk", self.path)

    @property
    def changed_on_disk(self) -> bool:
        """True once the file was found changed under us: nothing more is written to it."""
        return self._changed_on_disk

    def close(self) -> None:
        """Close the file; every edit is already committed in the main file.

        SQLite removes the journal it kept between commits, so the closed project is one
        self-contained file. Nothing is written here.
        """
        conn = self._conn
        if conn is None:
            return
        self._conn = None
        try:
            conn.close()
        except sqlite3.Error as error:
            raise _translate(error, self.path) from None
        finally:
            # Only after SQLite has let go of its locks (see _HELD).
            self._release()
            if self._recovery is not None:
                self._recovery.cleanup()
                self._recovery = None

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
        validated, self._validated = self._validated, None
        if validated is not None:  # decoded while opening, and nothing written since
            return validated
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
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One durable transaction around several changes: one user action (a paste, an import,
        the undo of either, a recalculation) is committed whole or not at all.

        Every mutating method called inside joins it; nested ``transaction()`` blocks join the
        outermost one. The file's identity is checked before it begins and again just before
        the commit (store.changed_on_disk: nothing is written then, nor ever after).
        """
        if self.read_only:
            raise _error("store.not_writable", self.path)
        conn = self._db()
        if self._depth:
            self._depth += 1
            try:
                yield conn
            finally:
                self._depth -= 1
            return
        self._check_identity()
        self._validated = None
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise _translate(error, self.path) from None
        self._depth = 1
        try:
            yield conn
            self._check_identity(inode_only=True)
            conn.execute("COMMIT")
        except BaseException as error:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise _translate(error, self.path) from None
            raise
        finally:
            self._depth = 0
        if self._fd is not None:
            with suppress(OSError):
                self._identity = self._snapshot()

    @contextmanager
    def _change(
        self, action: str, target: str | Callable[[], str], old: Any, new: Any
    ) -> Iterator[sqlite3.Connection]:
        """One change with its change-log row, in its own transaction or the caller's
        :meth:`transaction`; ``target`` may be a callable, asked after the write (a new
        record's id is known only then)."""
        with self.transaction() as conn:
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
    # EcoCheck never writes a trigger or a view: one in the file is SQL of another program that
    # would run on our writes (and travel into every copy). Refused before anything is written.
    foreign = _all(
        conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')")
    )
    if foreign:
        kind, name = foreign[0]
        raise _error("store.not_a_project", path, reason=f"it contains a {kind} '{name[:60]}'")
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


def _read_project(conn: sqlite3.Connection, path: Path, *, snapshot: bool = True) -> Project:
    if snapshot:
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
        if snapshot:
            conn.execute("COMMIT")


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """migrations.backup with its failures as store.* messages (the original is untouched)."""
    try:
        return migrations.backup(conn, path, version)
    except migrations.BackupFailed as error:
        raise _error("store.backup_failed", path, reason=str(error)) from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise _error("store.disk_full", path) from None
        raise _error("store.backup_failed", path, reason=error.strerror or str(error)) from None


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with suppress(OSError):
            _sidecar(path, suffix).unlink()


def load_project(path: Path) -> Project:
    """The project in ``path``, read-only (the CLI and the loaders use this)."""
    project_file = ProjectFile.open(Path(path), read_only=True)
    try:
        return project_file.load()
    finally:
        project_file.close()
