"""The open project file: the repository the GUI and the commands read and write through.

Owns opening (identity, version and in-use checks that never touch a refused file), the
autosave discipline (every mutating call, or every :meth:`ProjectFile.transaction`, is one
durable transaction plus its change-log rows), the check that the file on disk is still the one
opened. Its parts, one module each: :mod:`.opening` (the checks before a file is opened,
recovery, the migration backup), :mod:`.rows` (row codecs), :mod:`.failures` (SQLite failures
as EcoCheckError codes), :mod:`.edits` (one change per domain object) and
:mod:`.evidence_rows` (the bill scans).

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

import errno
import json
import os
import re
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecocheck_desktop import __version__
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import EnergyRecord, Project
from ecocheck_desktop.store import atomic, migrations
from ecocheck_desktop.store.customer_edits import CustomerEdits
from ecocheck_desktop.store.demand_rows import DemandRows
from ecocheck_desktop.store.edits import ProjectEdits
from ecocheck_desktop.store.evidence_rows import EvidenceRows
from ecocheck_desktop.store.failures import _error, _reading, _translate
from ecocheck_desktop.store.opening import (
    _HELD,
    _backup,
    _check_header,
    _check_writable,
    _connect,
    _hot_journal,
    _pread,
    _read_head,
    _recovered_copy,
    _remove_with_journal,
    _sidecar,
    _state_of,
    _verify,
    inspect_header,
    needs_recovery,
)
from ecocheck_desktop.store.rows import (
    _all,
    _insert_project,
    _json_text,
    _now,
    _read_list,
    _read_project,
)
from ecocheck_desktop.store.schema import SCHEMA_VERSION

_RECORD_IDS = "SELECT id FROM records ORDER BY id"

# The rollback journal (see the module docstring; docs/reliability.md has the measurements).
JOURNAL_MODE = "DELETE"


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


class ProjectFile(ProjectEdits, CustomerEdits, EvidenceRows, DemandRows):
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
        # The bills load() returned, until the next write: records() pairs them with their ids
        # instead of decoding every row again (the GUI asks for both when it opens a file).
        self._loaded_records: list[EnergyRecord] | None = None

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
        with _reading(path):
            try:
                header, size = _read_head(source, path)
                _check_header(path, header, size, recovering=False)
                conn = _connect(source, read_only=True)
                # Held until close: a writer cannot change the file under a reader.
                _all(conn.execute("PRAGMA locking_mode = EXCLUSIVE"))
                conn.execute("BEGIN")
                _verify(conn, path)
                conn.execute("COMMIT")
            except BaseException:
                if conn is not None:
                    conn.close()
                if recovery is not None:
                    recovery.cleanup()
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
        with _reading(path):
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
            except BaseException:
                if project_file is not None:
                    project_file._validated = None
                    with suppress(EcoCheckError):
                        project_file.close()
                elif conn is not None:
                    conn.close()
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
        if validated is None:  # else decoded while opening, and nothing written since
            with _reading(self.path):
                validated = _read_project(self._db(), self.path)
        # Held under the session's exclusive lock, the file cannot change but through us.
        self._loaded_records = None if self.read_only else list(validated.records)
        return validated

    def records(self) -> list[tuple[int, EnergyRecord]]:
        """The energy records with the ids that :meth:`update_record` takes."""
        loaded, self._loaded_records = self._loaded_records, None
        with _reading(self.path):
            if loaded is not None:
                ids = [row[0] for row in _all(self._db().execute(_RECORD_IDS))]
                if len(ids) == len(loaded):
                    return list(zip(ids, loaded, strict=True))
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
        self._validated = self._loaded_records = None
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


def load_project(path: Path) -> Project:
    """The project in ``path``, read-only (the CLI and the loaders use this)."""
    return load_project_and_meters(path, meters=False)[0]


def load_project_and_meters(path: Path, *, meters: bool = True) -> tuple[Project, tuple[Any, ...]]:
    """The project in ``path`` and its meters with their 30-minute data (core.demand.MeterData),
    read-only in one session."""
    project_file = ProjectFile.open(Path(path), read_only=True)
    try:
        return project_file.load(), project_file.meter_data() if meters else ()
    finally:
        project_file.close()
