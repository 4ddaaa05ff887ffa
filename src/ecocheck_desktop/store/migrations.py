"""Forward migrations of the project file, each step run after a backup copy of the file.

Owns building a new file at the current schema, the step functions from one version to the
next, and the backup taken (and verified) before any step runs.

Adding a step (e.g. v3): put its DDL in schema.py (``V2_TO_V3``), write ``_v2_to_v3(conn)`` here
like ``_v1_to_v2``, register it as ``MIGRATIONS[2] = _v2_to_v3`` and bump
``schema.SCHEMA_VERSION``; backup, verification and the one-transaction run need no change.

Steps run inside one transaction together with the ``user_version`` bump, so a failed (or
killed) migration leaves the file at its old version.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from ecocheck_desktop.store import atomic
from ecocheck_desktop.store.schema import (
    APPLICATION_ID,
    SCHEMA_V1,
    SCHEMA_VERSION,
    V1_TO_V2,
    V2_TO_V3,
    V3_TO_V4,
)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(V1_TO_V2):
        conn.execute(statement)
    import hashlib  # only for a version 1 file (it costs start-up a few ms)

    rows = conn.execute("SELECT id, data FROM evidence").fetchall()
    for evidence_id, data in rows:
        digest = hashlib.sha256(bytes(data)).hexdigest()
        conn.execute("UPDATE evidence SET sha256 = ? WHERE id = ?", (digest, evidence_id))


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    for statement in _statements(V2_TO_V3):
        conn.execute(statement)


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    for statement in _statements(V3_TO_V4):
        conn.execute(statement)


# MIGRATIONS[n] moves a file from version n to n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}


def create_schema(conn: sqlite3.Connection, version: int = SCHEMA_VERSION) -> None:
    """Create the tables of ``version`` in an empty database (inside the caller's transaction).

    Older versions are built for the migration test fixtures: the v1 DDL, then steps.
    """
    for statement in _statements(SCHEMA_V1):
        conn.execute(statement)
    for step in range(1, version):
        MIGRATIONS[step](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {int(version)}")


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{stamp}-{counter}{path.suffix}")
    return candidate


class BackupFailed(Exception):
    """The backup copy could not be written or did not verify; the original is untouched."""


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the open database next to ``path``, verified before it is named.

    Written under a temporary name (store.atomic), then opened on its own and checked
    (``integrity_check``, the file's identity and version), synced, and only then renamed to
    the backup name: a kill at any moment leaves either no backup or a whole, checked one,
    never a file under the backup name that is not a database. Raises :class:`BackupFailed`
    (or sqlite3.Error / OSError) before the original is touched.
    """
    target = backup_path(path, version)
    atomic.clean_leftovers(path.parent, re.compile(re.escape(path.stem) + r"\.v\d+-backup-.*"))
    temp = atomic.temp_path(target)
    temp.unlink(missing_ok=True)
    try:
        copy = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            copy.close()
        _verify_backup(temp, version)
        atomic.sync_file(temp)
        os.replace(temp, target)
        atomic.sync_folder(target.parent)
    except BaseException:
        for suffix in ("", "-journal"):
            with suppress(OSError):
                temp.with_name(temp.name + suffix).unlink()
        raise
    return target


def _verify_backup(copy_path: Path, version: int) -> None:
    check = sqlite3.connect(f"{copy_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchall()
        identity = check.execute("PRAGMA application_id").fetchone()[0]
        found = check.execute("PRAGMA user_version").fetchone()[0]
    finally:
        check.close()
    if result != [("ok",)] or identity != APPLICATION_ID or found != version:
        raise BackupFailed(f"the backup copy did not verify: {result[:1]}, {identity}, {found}")


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Run every step from ``from_version`` to the current one in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(from_version, SCHEMA_VERSION):
            MIGRATIONS[step](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
