"""Forward migrations of the project file, each step run after a backup copy of the file.

Owns building a new file at the current schema, the step functions from one version to the
next, and the backup taken before any step runs. Steps run inside one transaction together
with the ``user_version`` bump, so a failed migration leaves the file at its old version.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from ecocheck_desktop.store.schema import (
    APPLICATION_ID,
    SCHEMA_V1,
    SCHEMA_VERSION,
    V1_TO_V2,
    V2_TO_V3,
)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(V1_TO_V2):
        conn.execute(statement)
    rows = conn.execute("SELECT id, data FROM evidence").fetchall()
    for evidence_id, data in rows:
        digest = hashlib.sha256(bytes(data)).hexdigest()
        conn.execute("UPDATE evidence SET sha256 = ? WHERE id = ?", (digest, evidence_id))


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    for statement in _statements(V2_TO_V3):
        conn.execute(statement)


# MIGRATIONS[n] moves a file from version n to n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


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


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the open database (WAL content included) next to ``path``."""
    target = backup_path(path, version)
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


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
