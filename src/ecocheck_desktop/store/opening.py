"""Before a project file is opened: the header, identity and version checks that never touch
a refused file, the in-use probe, the recovery of a hot journal in a private copy for
read-only paths, the writability check, the connection settings, the structure check and
the verified backup taken before a migration.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import tempfile
from contextlib import suppress
from pathlib import Path

from ecocheck_desktop.store import migrations
from ecocheck_desktop.store.failures import _error, _translate
from ecocheck_desktop.store.rows import _all, _one
from ecocheck_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION

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
