"""The journal design: the main file alone is whole between edits; killed sessions never make
a healthy file refused; opening never changes a refused file; the file changing under the app
is noticed before the next commit; migration backups and new files appear whole or not at all.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Company, EnergyRecord
from ecocheck_desktop.exchange.loading import load_input
from ecocheck_desktop.exchange.portfolio import scan_file
from ecocheck_desktop.store import atomic, migrations
from ecocheck_desktop.store.opening import inspect_header
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from ecocheck_desktop.store.schema import SCHEMA_VERSION
from tests.store.conftest import FIXTURES, file_state, leave_hot_journal, small_project

ROOT = Path(__file__).resolve().parents[2]


def _code(error: pytest.ExceptionInfo[EcoCheckError]) -> str:
    return error.value.messages[0].code


def _record(n: int) -> EnergyRecord:
    return EnergyRecord("2025-06", "electricity", Decimal(n), "kWh", note=f"edit {n}")


def _quantities(path: Path) -> list[Decimal]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT quantity FROM records WHERE note LIKE 'edit %' ORDER BY id")
        return [Decimal(row[0]) for row in rows]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.cli", "--lang", "en", *args],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip


def test_a_copy_of_the_main_file_alone_holds_every_saved_edit(tmp_path: Path) -> None:
    path = tmp_path / "open.ecocheck"
    pf = ProjectFile.create(path, small_project(), user="t")
    try:
        for n in range(1, 11):
            pf.add_record(_record(n))
            # What Explorer, a USB stick, an e-mail or OneDrive takes: the main file only.
            copy = tmp_path / f"copy{n}.ecocheck"
            shutil.copyfile(path, copy)
            assert _quantities(copy) == [Decimal(i) for i in range(1, n + 1)]
        with closing(sqlite3.connect(copy)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert len(load_project(copy).records) == len(small_project().records) + 10
        with ProjectFile.open(copy) as reopened:
            assert len(reopened.records()) == len(small_project().records) + 10
        assert not (tmp_path / "open.ecocheck-wal").exists()
    finally:
        pf.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("open")) == [
        "open.ecocheck"
    ]


def test_a_hot_journal_is_tolerated_by_every_path_and_read_paths_change_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "killed.ecocheck"
    ProjectFile.create(path, small_project()).close()
    leave_hot_journal(path)
    # The header runs ahead of the file or the file is longer than it: SQLite repairs that.
    assert inspect_header(path) == SCHEMA_VERSION
    with pytest.raises(sqlite3.OperationalError):  # what a plain read-only reader meets
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("SELECT count(*) FROM records").fetchall()
    journal = tmp_path / "killed.ecocheck-journal"
    out = tmp_path / "out"
    out.mkdir()
    before = (file_state(path), journal.read_bytes())
    assert load_project(path) == small_project()
    assert load_input(path).project == small_project()  # calc, report, measures
    assert scan_file(path).ok  # portfolio
    export = _cli("export", str(path), "-o", str(out / "out.json"))
    assert export.returncode == 0, export.stderr
    calc = _cli("calc", str(path), "--json")
    assert calc.returncode == 0, calc.stderr
    # Every read path read a recovered private copy: the file and its journal are as left.
    assert (file_state(path), journal.read_bytes()) == before
    with ProjectFile.open(path) as pf:  # the app rolls the unfinished commit back in place
        assert pf.load() == small_project()
        assert all(entry.user != "killed" for entry in pf.change_log())
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("killed")) == [
        "killed.ecocheck"
    ]
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


_LEGACY_WAL = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE").fetchall()
conn.execute("PRAGMA journal_mode = WAL").fetchall()
conn.execute("UPDATE company SET name = 'WALだけ'")
os._exit(0)  # an earlier EcoCheck killed with its last edit only in the WAL
"""


def test_a_file_left_in_wal_mode_by_an_earlier_version_reads_everywhere(tmp_path: Path) -> None:
    path = tmp_path / "old.ecocheck"
    ProjectFile.create(path, small_project()).close()
    subprocess.run([sys.executable, "-c", _LEGACY_WAL, str(path)], check=True, timeout=60)
    assert (tmp_path / "old.ecocheck-wal").stat().st_size > 0
    before = file_state(path)
    assert load_project(path).company.name == "WALだけ"
    assert scan_file(path).ok
    assert file_state(path) == before
    with ProjectFile.open(path) as pf:
        assert pf.load().company.name == "WALだけ"
    assert path.read_bytes()[18:20] == b"\x01\x01"  # back to the rollback journal
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.ecocheck"]


_OPEN_AND_DIE = """
import os, sys
from ecocheck_desktop.store.project_file import ProjectFile
ProjectFile.open(sys.argv[1])
os._exit(0)  # killed after opening, before any edit
"""

_EDIT_AND_DIE = """
import os, sys
from decimal import Decimal
from ecocheck_desktop.core.model import EnergyRecord
from ecocheck_desktop.store.project_file import ProjectFile
pf = ProjectFile.open(sys.argv[1])
pf.add_record(EnergyRecord("2025-06", "electricity", Decimal(7), "kWh", note="edit 7"))
os._exit(0)  # killed between two edits
"""


@pytest.mark.parametrize("script", [_OPEN_AND_DIE, _EDIT_AND_DIE], ids=["opened", "edited"])
def test_a_session_killed_between_edits_leaves_a_file_every_path_reads(
    tmp_path: Path, script: str
) -> None:
    path = tmp_path / "a.ecocheck"
    ProjectFile.create(path, small_project()).close()
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
    for args in (
        ("calc", str(path), "--json"),
        ("export", str(path), "-o", str(tmp_path / "a.json")),
        ("report", str(path), "-o", str(tmp_path / "a.csv")),
    ):
        result = _cli(*args)
        assert result.returncode == 0, result.stderr
        assert "disk I/O" not in result.stderr and "read-only" not in result.stderr
    assert scan_file(path).ok
    expected = [Decimal(7)] if script is _EDIT_AND_DIE else []
    assert _quantities(path) == expected  # plain sqlite3 sees it too
    with ProjectFile.open(path) as pf:
        assert len(pf.records()) == len(small_project().records) + len(expected)


def _one_bad_value(path: Path) -> None:
    ProjectFile.create(path, small_project()).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE records SET quantity = 'not a number' WHERE id = 1")
        conn.commit()


def test_opening_a_file_with_one_bad_value_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bad.ecocheck"
    _one_bad_value(path)
    before = file_state(path)
    for read_only in (False, True, False):
        with pytest.raises(EcoCheckError) as error:
            ProjectFile.open(path, read_only=read_only)
        assert _code(error) == "store.corrupt"  # never in_use: nothing was left locked
        assert file_state(path) == before  # byte for byte, no journal or WAL beside it
    assert path.read_bytes()[18:20] == b"\x01\x01"
    # Another process sees the same: damaged, not "disk I/O error", not "in use".
    result = _cli("calc", str(path))
    assert result.returncode == 2 and "damaged" in result.stderr, result.stderr


def test_the_file_replaced_while_open_stops_saving_at_once(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    other = tmp_path / "other.ecocheck"
    ProjectFile.create(other, small_project()).close()
    pf = ProjectFile.create(path, small_project())
    pf.add_record(_record(1))
    # A sync client puts its version in place (write a new file, rename it over ours).
    shutil.copyfile(other, tmp_path / "incoming")
    os.replace(tmp_path / "incoming", path)
    replaced = file_state(path)
    for _ in range(2):
        with pytest.raises(EcoCheckError) as error:
            pf.add_record(_record(2))
        assert _code(error) == "store.changed_on_disk"
        assert str(path) in error.value.messages[0].text()
    assert pf.changed_on_disk
    pf.close()
    assert file_state(path)[:2] == replaced[:2]
    assert _quantities(path) == []


def test_the_file_overwritten_in_place_while_open_stops_saving(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    other = tmp_path / "other.ecocheck"
    ProjectFile.create(other, small_project()).close()
    pf = ProjectFile.create(path, small_project())
    pf.add_record(_record(1))
    with path.open("r+b") as stream:  # a copy over it: same file, other content
        stream.write(other.read_bytes())
        stream.truncate()
    with pytest.raises(EcoCheckError) as error:
        with pf.transaction():
            pf.add_record(_record(2))
    assert _code(error) == "store.changed_on_disk"
    pf.close()
    assert path.read_bytes() == other.read_bytes()


def test_a_transaction_commits_many_changes_together_or_none(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    pf = ProjectFile.create(path, small_project())
    commits: list[str] = []
    assert pf._conn is not None
    pf._conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    with pf.transaction():
        for n in range(12):
            pf.add_record(_record(n))
        pf.set_company(Company("一括"))
    assert commits == ["COMMIT"]
    with pytest.raises(RuntimeError), pf.transaction():
        pf.add_record(_record(99))
        raise RuntimeError("the action failed half way")
    pf.close()
    assert _quantities(path) == [Decimal(n) for n in range(12)]
    assert load_project(path).company.name == "一括"


def test_migration_backup_is_verified_and_never_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.ecocheck"
    shutil.copyfile(FIXTURES / "schema_v1.ecocheck", path)
    before = path.read_bytes()

    def bad_copy(copy_path: Path, version: int) -> None:
        assert copy_path.name.startswith(".") and copy_path.name.endswith(".tmp")
        raise migrations.BackupFailed("simulated: the copy did not verify")

    monkeypatch.setattr(migrations, "_verify_backup", bad_copy)
    with pytest.raises(EcoCheckError) as error:
        ProjectFile.open(path)
    assert _code(error) == "store.backup_failed"
    assert path.read_bytes() == before  # the original is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.ecocheck"]
    monkeypatch.undo()
    # A killed migration's temporary backup is removed by the next one.
    leftover = tmp_path / ".old.v1-backup-20260101-000000.ecocheck.999999999.tmp"
    leftover.write_bytes(b"half a backup")
    with ProjectFile.open(path) as pf:
        backup = pf.backup_path
    assert backup is not None and not leftover.exists()
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"


def test_create_writes_under_a_temporary_name_and_cleans_killed_leftovers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new.ecocheck"
    dead = tmp_path / ".new.ecocheck.999999999.tmp"
    dead.write_bytes(b"a killed import")
    live = atomic.temp_path(tmp_path / "other.ecocheck")
    live.write_bytes(b"ours, in progress")
    seen: list[list[str]] = []

    def fill(building: ProjectFile) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        building.add_record(_record(5))

    ProjectFile.create(path, small_project(), fill=fill).close()
    assert path.name not in seen[0] and atomic.temp_path(path).name in seen[0]
    assert not dead.exists() and live.exists()
    assert _quantities(path) == [Decimal(5)]

    def failing(building: ProjectFile) -> None:
        raise EcoCheckError()

    with pytest.raises(EcoCheckError):
        ProjectFile.create(tmp_path / "b.ecocheck", small_project(), fill=failing)
    assert not (tmp_path / "b.ecocheck").exists()
    assert not atomic.temp_path(tmp_path / "b.ecocheck").exists()


def test_a_new_project_cleans_what_a_killed_creation_of_another_name_left(
    tmp_path: Path,
) -> None:
    """The new-project wizard killed while writing p1 leaves `.p1.ecocheck.<pid>.tmp`; the
    user's next project is usually named differently, and still tidies it up."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftovers = [
        tmp_path / f".p1.ecocheck.{dead.pid}.tmp",
        tmp_path / f".p1.ecocheck.{dead.pid}.tmp-journal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"a killed creation")
    live = atomic.temp_path(tmp_path / "other.ecocheck")  # a writer that still runs
    live.write_bytes(b"in progress")
    unrelated = tmp_path / f".notes.txt.{dead.pid}.tmp"
    unrelated.write_bytes(b"not ours")
    ProjectFile.create(tmp_path / "p2.ecocheck", small_project()).close()
    assert [p for p in leftovers if p.exists()] == []
    assert live.exists() and unrelated.exists()


def test_a_scan_larger_than_the_page_cache_is_our_own_change_not_a_foreign_one(
    tmp_path: Path,
) -> None:
    """SQLite spills the pages of a big change into the file before COMMIT; the identity
    check must not take that for another program writing (it did: every import of a JSON
    export with a scan of a few MB was refused as 'changed on disk')."""
    path = tmp_path / "a.ecocheck"
    pf = ProjectFile.create(path, small_project())
    scan = b"%PDF-1.4\n" + os.urandom(6 * 1024 * 1024) + b"\n%%EOF\n"
    evidence_id = pf.attach_evidence(scan, "bill.pdf", month="2025-04")
    pf.add_record(_record(1))  # and the file goes on saving afterwards
    assert not pf.changed_on_disk
    pf.close()
    with ProjectFile.open(path, read_only=True) as again:
        assert again.evidence_data(evidence_id)[1] == scan
    assert _quantities(path) == [_record(1).quantity]
