"""Fault tests: killed writers, damaged or foreign files, read-only places, a full disk."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import subprocess
import sys
import time
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Company, EnergyRecord
from ecocheck_desktop.store.migrations import create_schema
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from ecocheck_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.store.conftest import file_state, small_project

_WRITER = """
import sys
from decimal import Decimal
from ecocheck_desktop.core.model import EnergyRecord
from ecocheck_desktop.store.project_file import ProjectFile
pf = ProjectFile.open(sys.argv[1], user="writer")
n = 0
while True:
    n += 1
    record = EnergyRecord("2025-04", "electricity", Decimal(n), "kWh", note="x" * 300)
    record_id = pf.add_record(record)
    print(record_id, flush=True)  # printed only after the commit returned
"""


def test_killed_writer_loses_no_committed_edit(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    ProjectFile.create(path, small_project()).close()
    committed: set[int] = set()
    rng = random.Random(20261128)
    for _ in range(3):
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        # Wait until it writes, then kill it at a random moment while it keeps writing.
        committed.add(int(writer.stdout.readline()))
        time.sleep(rng.uniform(0.05, 0.4))
        writer.kill()
        committed.update(int(line) for line in writer.stdout.read().split())
        writer.wait()
    assert len(committed) > 3
    # A reader (e.g. `ecocheck calc`) of the crashed file replays the last session first.
    assert len(load_project(path).records) >= len(committed)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with ProjectFile.open(path) as pf:
        ids = {record_id for record_id, _ in pf.records()}
        log_count = sum(1 for entry in pf.change_log() if entry.action == "record.add")
    assert committed <= ids
    assert log_count == len(ids) - len(small_project().records)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ecocheck"]


def _foreign_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()


def _ours_wrong_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE company (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    create_schema(conn)
    conn.execute("INSERT INTO company (id, name) VALUES (1, 'x')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("COMMIT")
    conn.close()


def _truncated(path: Path) -> None:
    ProjectFile.create(path, small_project()).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _header_only(path: Path) -> None:
    ProjectFile.create(path, small_project()).close()
    path.write_bytes(path.read_bytes()[:60])


def _damaged_page(path: Path) -> None:
    ProjectFile.create(path, small_project()).close()
    data = bytearray(path.read_bytes())
    data[4096 + 8 : 4096 + 200] = os.urandom(192)  # the second page: a table's b-tree
    path.write_bytes(bytes(data))


def _with_sql(sql: str) -> Any:
    def make(path: Path) -> None:
        ProjectFile.create(path, small_project()).close()
        with closing(sqlite3.connect(path)) as conn:
            conn.execute(sql)
            conn.commit()

    return make


# SQL of another program that would run on EcoCheck's next write (and travel into copies).
TRIGGER = (
    "CREATE TRIGGER planted AFTER INSERT ON change_log"
    " BEGIN INSERT OR REPLACE INTO meta VALUES ('planted', 'ran'); END"
)


CASES = {
    "zero-byte": (lambda p: p.write_bytes(b""), "store.not_a_project"),
    "random-bytes": (
        lambda p: p.write_bytes(random.Random(1).randbytes(8192)),
        "store.not_a_project",
    ),
    "text": (lambda p: p.write_text("month,energy\n2025-04,electricity\n"), "store.not_a_project"),
    "pdf": (lambda p: p.write_bytes(b"%PDF-1.7\n" + b"0" * 5000), "store.not_a_project"),
    "foreign-sqlite": (_foreign_sqlite, "store.not_a_project"),
    "wrong-schema": (_ours_wrong_schema, "store.corrupt"),
    "newer-version": (_newer, "store.newer_version"),
    "truncated": (_truncated, "store.corrupt"),
    "header-only": (_header_only, "store.corrupt"),
    "damaged-page": (_damaged_page, "store.corrupt"),
    "trigger": (_with_sql(TRIGGER), "store.not_a_project"),
    "view": (_with_sql("CREATE VIEW planted AS SELECT * FROM meta"), "store.not_a_project"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("read_only", [False, True])
def test_bad_files_are_refused_and_left_untouched(
    tmp_path: Path, case: str, read_only: bool
) -> None:
    path = tmp_path / "bad.ecocheck"
    make, code = CASES[case]
    make(path)
    before = file_state(path)
    with pytest.raises(EcoCheckError) as error:
        ProjectFile.open(path, read_only=read_only).close()
    assert [m.code for m in error.value.messages] == [code]
    assert str(path) in error.value.messages[0].text()
    assert file_state(path) == before


def test_a_planted_trigger_never_runs_in_any_path(tmp_path: Path) -> None:
    """Hand-over, export, report and the GUI's open refuse the file; the trigger never ran
    (it used to run on the hand-over's mark and was copied into the hand-over)."""
    path = tmp_path / "planted.ecocheck"
    _with_sql(TRIGGER)(path)
    before = file_state(path)
    for args in (
        ["handover", "export", str(path), "-o", str(tmp_path / "copy.ecocheck")],
        ["export", str(path), "-o", str(tmp_path / "out.json")],
        ["calc", str(path), "--json"],
    ):
        run = subprocess.run(
            [sys.executable, "-m", "ecocheck_desktop.cli", *args],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert run.returncode == 2, (args, run.stderr)
        assert str(path) in run.stderr and "Traceback" not in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["planted.ecocheck"]
    with pytest.raises(EcoCheckError):
        ProjectFile.open(path, user="gui").close()
    assert file_state(path) == before
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'planted'").fetchone() == (0,)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EcoCheckError) as error:
        load_project(tmp_path / "none.ecocheck")
    assert error.value.messages[0].code == "store.not_found"


def test_read_only_file_is_refused_for_writing_but_readable(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    ProjectFile.create(path, small_project()).close()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = file_state(path)
        with pytest.raises(EcoCheckError) as error:
            ProjectFile.open(path)
        assert error.value.messages[0].code == "store.read_only"
        assert load_project(path) == small_project()
        assert file_state(path) == before
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_folder_is_refused_for_writing_but_readable(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "a.ecocheck"
    ProjectFile.create(path, small_project()).close()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        before = file_state(path)
        with pytest.raises(EcoCheckError) as error:
            ProjectFile.open(path)
        assert error.value.messages[0].code == "store.read_only_folder"
        assert load_project(path) == small_project()
        assert file_state(path) == before
    finally:
        folder.chmod(stat.S_IRWXU)


def test_full_disk_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    pf = ProjectFile.create(path, small_project(), user="u")
    kept = pf.add_record(EnergyRecord("2025-06", "electricity", Decimal(1), "kWh"))
    # The honest simulation available without a tiny file system: cap the database size at
    # what it is now, so the next page SQLite needs is refused exactly like on a full disk.
    pages = pf._db().execute("PRAGMA page_count").fetchall()[0][0]
    pf._db().execute(f"PRAGMA max_page_count = {pages}").fetchall()
    with pytest.raises(EcoCheckError) as error:
        for _ in range(50):
            pf.add_record(
                EnergyRecord("2025-07", "electricity", Decimal(2), "kWh", note="x" * 5000)
            )
    assert error.value.messages[0].code == "store.disk_full"
    assert "full" in error.value.messages[0].text()
    # The session goes on after space is freed; nothing committed before was lost.
    pf._db().execute("PRAGMA max_page_count = 1000000").fetchall()
    pf.set_company(Company("after"))
    pf.close()
    loaded = load_project(path)
    assert loaded.company.name == "after"
    with ProjectFile.open(path, read_only=True) as reader:
        ids = [record_id for record_id, _ in reader.records()]
    assert kept in ids
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
