"""Hand-over copies between advisor and owner (store/handover.py)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Company, EnergyRecord, Site
from ecocheck_desktop.store import handover
from ecocheck_desktop.store.handover import (
    MARK_ACTION,
    changes_since_handover,
    export_handover,
    hand_over,
    import_handover,
)
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from ecocheck_desktop.store.schema import SCHEMA_VERSION
from tests.store.conftest import FIXTURES, file_state, small_project
from tests.store.test_faults import _newer

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 3000


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return [tuple(row) for row in conn.execute(sql)]


def _code(error: pytest.ExceptionInfo[EcoCheckError]) -> str:
    return error.value.messages[0].code


@pytest.fixture
def advisor_file(tmp_path: Path) -> ProjectFile:
    pf = ProjectFile.create(tmp_path / "advisor.ecocheck", small_project(), user="advisor")
    pf.attach_evidence(PDF, "請求書 4月.pdf", month="2025-04")
    record_id = pf.records()[0][0]
    pf.attach_evidence(PNG, "meter.png", record_id=record_id)
    pf.set_company(Company("日立精機", city="日立市"))
    return pf


def test_copy_holds_attachments_and_change_log_byte_for_byte(
    tmp_path: Path, advisor_file: ProjectFile
) -> None:
    # The file is open (under an exclusive lock, its journal kept beside it between commits):
    # the copy is taken through the open connection and still holds everything.
    assert (tmp_path / "advisor.ecocheck-journal").exists()
    target = tmp_path / "for-owner.ecocheck"
    mark = hand_over(advisor_file, target, "佐藤 (advisor)")
    advisor_file.close()
    source = tmp_path / "advisor.ecocheck"

    evidence = "SELECT * FROM evidence ORDER BY id"
    assert _rows(target, evidence) == _rows(source, evidence)
    assert [bytes(row[4]) for row in _rows(target, evidence)] == [PDF, PNG]  # type: ignore[arg-type]
    log = "SELECT * FROM change_log ORDER BY id"
    assert _rows(target, log) == _rows(source, log)
    assert _rows(target, log)[-1][0] == mark.change_id
    assert load_project(target) == load_project(source)
    assert load_project(target).company.name == "日立精機"
    # Self-contained: one file in rollback-journal mode, nothing beside it.
    assert target.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["advisor.ecocheck", "for-owner.ecocheck"]
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_mark_is_recorded_in_the_copy_and_in_the_source(
    tmp_path: Path, advisor_file: ProjectFile
) -> None:
    project_id = advisor_file.meta()["project_id"]
    mark = hand_over(advisor_file, tmp_path / "copy.ecocheck", "佐藤")
    assert (mark.by, mark.to, mark.project_id) == ("佐藤", "copy.ecocheck", project_id)
    source_meta = advisor_file.meta()
    advisor_file.close()
    with ProjectFile.open(tmp_path / "copy.ecocheck", read_only=True) as copy:
        copy_meta = copy.meta()
        (copy_mark,) = [e for e in copy.change_log() if e.action == MARK_ACTION]
    for meta in (source_meta, copy_meta):
        assert meta["project_id"] == project_id
        assert meta["handover_last_id"] == str(mark.change_id)
        assert meta["handover_last_at"] == mark.at
        assert meta["handover_last_by"] == "佐藤"
    # Only the copy is "the file as received".
    assert copy_meta["handover_received_id"] == str(mark.change_id)
    assert "handover_received_id" not in source_meta
    assert copy_mark.id == mark.change_id
    assert copy_mark.new == {
        "by": "佐藤",
        "to": "copy.ecocheck",
        "from": "advisor.ecocheck",
        "project_id": project_id,
    }
    # Both sides know the hand-over; neither has changed since.
    for path in (tmp_path / "advisor.ecocheck", tmp_path / "copy.ecocheck"):
        changes = changes_since_handover(path)
        assert changes.mark == mark
        assert changes.entries == []


def test_a_new_file_was_never_handed_over(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    ProjectFile.create(path, small_project()).close()
    before = file_state(path)
    changes = changes_since_handover(path)
    assert changes.never_handed_over and changes.mark is None and changes.entries == []
    assert file_state(path) == before  # asking does not touch the file


def test_edits_after_the_mark_are_listed_and_nothing_else(
    tmp_path: Path, advisor_file: ProjectFile
) -> None:
    copy_path = tmp_path / "copy.ecocheck"
    mark = hand_over(advisor_file, copy_path, "advisor")
    advisor_file.upsert_site(Site("advisor only"))  # the source's edit is not in the copy
    advisor_file.close()

    with ProjectFile.open(copy_path, user="owner") as owner:
        record_id, record = owner.records()[0]
        changed = EnergyRecord(
            record.month, record.energy, Decimal("31000"), record.unit, site=record.site
        )
        owner.update_record(record_id, changed)
        owner.upsert_site(Site("倉庫", "日立市"))
    changes = changes_since_handover(copy_path)
    assert changes.mark == mark and not changes.returned
    assert [(e.user, e.action, e.target) for e in changes.entries] == [
        ("owner", "record.update", f"records[{record_id}]"),
        ("owner", "site.set", "sites[倉庫]"),
    ]
    assert changes.entries[0].old["quantity"] == "30123.45"
    assert changes.entries[0].new["quantity"] == "31000"
    assert changes.entries[1].old is None
    assert all(e.id > mark.change_id for e in changes.entries)
    source_changes = changes_since_handover(tmp_path / "advisor.ecocheck")
    assert [e.target for e in source_changes.entries] == ["sites[advisor only]"]


def test_a_copy_handed_back_lists_the_senders_changes(
    tmp_path: Path, advisor_file: ProjectFile
) -> None:
    first = hand_over(advisor_file, tmp_path / "to-owner.ecocheck", "advisor")
    advisor_file.close()
    with ProjectFile.open(tmp_path / "to-owner.ecocheck", user="owner") as owner:
        owner.upsert_site(Site("倉庫"))
        hand_over(owner, tmp_path / "back.ecocheck", "owner")
        # The owner's own file: nothing changed since the owner handed it back.
        assert handover.changes_in(owner).entries == []
    returned = import_handover(tmp_path / "back.ecocheck")
    assert returned.returned and returned.mark == first
    assert [(e.user, e.target) for e in returned.entries] == [("owner", "sites[倉庫]")]


def test_import_keeps_a_copy_and_never_replaces_a_file(
    tmp_path: Path, advisor_file: ProjectFile
) -> None:
    hand_over(advisor_file, tmp_path / "copy.ecocheck", "advisor")
    advisor_file.close()
    received = tmp_path / "copy.ecocheck"
    before = file_state(received)
    kept = tmp_path / "kept.ecocheck"
    import_handover(received, kept)
    assert load_project(kept) == load_project(received)
    with pytest.raises(EcoCheckError) as error:
        import_handover(received, tmp_path / "advisor.ecocheck")
    assert _code(error) == "store.exists"
    assert file_state(received)[:2] == before[:2]


def test_a_file_open_in_another_process_is_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    pf = ProjectFile.create(path, small_project(), user="advisor")
    pf.upsert_site(Site("WALにだけある"))
    target = tmp_path / "copy.ecocheck"
    result = subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.cli", "--lang", "en",
         "handover", "export", str(path), "-o", str(target)],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert result.returncode == 2
    assert "open in another EcoCheck" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()
    # The app holding the file hands it over through its own connection, WAL content included.
    hand_over(pf, target, "advisor")
    pf.close()
    assert "WALにだけある" in [site.name for site in load_project(target).sites]


def test_full_disk_leaves_the_previous_copy_and_the_source(
    tmp_path: Path, advisor_file: ProjectFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "copy.ecocheck"
    hand_over(advisor_file, target, "advisor")
    advisor_file.upsert_site(Site("later"))
    previous = target.read_bytes()
    log_before = advisor_file.change_log()
    real_open = handover._open_copy

    def full_disk(path: Path) -> sqlite3.Connection:
        # As in test_faults: cap the copy's size so the next page is refused like on a full disk.
        conn = real_open(path)
        conn.execute("PRAGMA max_page_count = 3").fetchall()
        return conn

    monkeypatch.setattr(handover, "_open_copy", full_disk)
    with pytest.raises(EcoCheckError) as error:
        hand_over(advisor_file, target, "advisor")
    assert _code(error) == "handover.disk_full"
    assert "full" in error.value.messages[0].text()
    assert target.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "advisor.ecocheck",
        "advisor.ecocheck-journal",
        "copy.ecocheck",
    ]
    assert advisor_file.change_log() == log_before  # no hand-over noted that did not happen
    monkeypatch.undo()
    hand_over(advisor_file, target, "advisor")
    advisor_file.close()
    assert "later" in [site.name for site in load_project(target).sites]


def test_read_only_folder_is_a_clear_error(tmp_path: Path, advisor_file: ProjectFile) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(EcoCheckError) as error:
            hand_over(advisor_file, folder / "copy.ecocheck", "advisor")
        assert _code(error) == "handover.read_only_folder"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)
    assert [e for e in advisor_file.change_log() if e.action == MARK_ACTION] == []
    advisor_file.close()


def test_path_tricks_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "a.ecocheck"
    ProjectFile.create(source, small_project()).close()
    (tmp_path / "sub").mkdir()
    (tmp_path / "folder.ecocheck").mkdir()
    (tmp_path / "link.ecocheck").symlink_to(source)
    (tmp_path / "other-link.ecocheck").symlink_to(tmp_path / "elsewhere.ecocheck")
    os.link(source, tmp_path / "hard.ecocheck")
    (tmp_path / "note.ecocheck").write_bytes(b"not a project")
    before = file_state(source)
    cases = {
        source: "handover.same_file",
        tmp_path / "sub" / ".." / "a.ecocheck": "handover.same_file",
        tmp_path / "hard.ecocheck": "handover.same_file",
        tmp_path / "link.ecocheck": "handover.same_file",
        tmp_path / "other-link.ecocheck": "handover.bad_target",
        tmp_path / "folder.ecocheck": "handover.bad_target",
        tmp_path / "copy.pdf": "handover.bad_target",
        tmp_path / "missing" / "copy.ecocheck": "handover.bad_target",
        tmp_path / "note.ecocheck": "store.not_a_project",
    }
    for target, code in cases.items():
        with pytest.raises(EcoCheckError) as error:
            export_handover(source, target, "x")
        assert _code(error) == code, target
    assert file_state(source)[1] == before[1]
    assert (tmp_path / "note.ecocheck").read_bytes() == b"not a project"
    assert not (tmp_path / "copy.pdf").exists()
    assert not (tmp_path / "elsewhere.ecocheck").exists()


def test_a_copy_open_elsewhere_is_not_replaced(tmp_path: Path, advisor_file: ProjectFile) -> None:
    target = tmp_path / "copy.ecocheck"
    hand_over(advisor_file, target, "advisor")
    holder = ProjectFile.open(target, user="owner")  # the owner has the copy open
    try:
        holder.upsert_site(Site("owner's edit"))
        with pytest.raises(EcoCheckError) as error:
            hand_over(advisor_file, target, "advisor")
        assert _code(error) == "store.in_use"
    finally:
        holder.close()
    advisor_file.close()
    assert "owner's edit" in [site.name for site in load_project(target).sites]


def test_newer_schema_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.ecocheck"
    _newer(path)
    before = file_state(path)
    for attempt in (
        lambda: export_handover(path, tmp_path / "copy.ecocheck", "x"),
        lambda: changes_since_handover(path),
    ):
        with pytest.raises(EcoCheckError) as error:
            attempt()
        assert _code(error) == "store.newer_version"
    assert file_state(path) == before


def test_an_old_file_gets_a_project_id_on_its_first_hand_over(tmp_path: Path) -> None:
    path = tmp_path / "old.ecocheck"
    shutil.copy(FIXTURES / "schema_v1.ecocheck", path)
    with ProjectFile.open(path, read_only=True) as old:
        assert "project_id" not in old.meta()
    mark = export_handover(path, tmp_path / "copy.ecocheck", "advisor")
    assert len(mark.project_id) == 36
    for copy in (path, tmp_path / "copy.ecocheck"):
        with ProjectFile.open(copy, read_only=True) as pf:
            assert pf.meta()["project_id"] == mark.project_id
    # A second hand-over keeps the identity.
    again = export_handover(path, tmp_path / "copy2.ecocheck", "advisor")
    assert again.project_id == mark.project_id
    assert again.change_id > mark.change_id


def test_a_new_record_is_logged_under_its_own_id_and_the_previous_entry_kept(
    tmp_path: Path,
) -> None:
    # The change list names each entry's item: adding a record once renamed the previous row.
    with ProjectFile.create(tmp_path / "a.ecocheck", small_project(), user="u") as pf:
        pf.upsert_site(Site("倉庫"))
        first = pf.add_record(EnergyRecord("2025-06", "electricity", Decimal(1), "kWh"))
        second = pf.add_record(EnergyRecord("2025-07", "electricity", Decimal(2), "kWh"))
        log = pf.change_log()
    assert [(e.action, e.target) for e in log] == [
        ("project.create", ""),
        ("site.set", "sites[倉庫]"),
        ("record.add", f"records[{first}]"),
        ("record.add", f"records[{second}]"),
    ]


def test_a_killed_hand_over_leaves_no_temporary_copy_after_the_next_one(
    tmp_path: Path, advisor_file: ProjectFile
) -> None:
    target = tmp_path / "for-owner.ecocheck"
    # What a hand-over killed before its rename leaves: a hidden half copy of a dead process.
    leftover = tmp_path / ".for-owner.ecocheck.999999999.tmp"
    leftover.write_bytes(b"SQLite format 3\x00 half a copy")
    (tmp_path / ".for-owner.ecocheck.999999999.tmp-journal").write_bytes(b"\x01")
    hand_over(advisor_file, target, "advisor")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    advisor_file.close()
    assert load_project(target).company.name == "日立精機"
