"""One user action = one transaction of the project file, through the real service and file;
and what the service does when the file changes under it (edits kept, save as a copy)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    Project,
    Site,
    SupplyContract,
)
from ecocheck_desktop.gui.service import ProjectService
from ecocheck_desktop.store import opening
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from tests.store.conftest import file_state

FY = 2025
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
TWELVE = "\n".join(f"{1000 + m}\t{20000 + m}" for m in range(12))


@pytest.fixture
def service(qapp: Any, tmp_path: Path) -> Iterator[ProjectService]:
    svc = ProjectService(QUndoStack(), opener=ProjectFile, user="tester")
    svc.new_project(
        tmp_path / "p.ecocheck",
        Company("テスト製作所"),
        [Site("本社工場")],
        [SupplyContract("本社工場", "electricity", "A0269", "")],
        FY,
    )
    yield svc
    svc.close()


def _file(service: ProjectService) -> ProjectFile:
    store = service._file
    assert isinstance(store, ProjectFile)
    return store


def _commits(service: ProjectService) -> list[str]:
    seen: list[str] = []
    conn = _file(service)._conn
    assert conn is not None
    conn.set_trace_callback(lambda sql: seen.append(sql) if sql == "COMMIT" else None)
    return seen


def _on_disk(path: Path) -> list[tuple[str, str, str | None]]:
    """The records in the main file as it is on disk right now (what a copy of it holds).

    Read through the descriptor the open project holds: closing another descriptor of the
    file would drop this process's lock on it (POSIX), see store.opening._HELD.
    """
    st = path.stat()
    held = opening._HELD.get((st.st_dev, st.st_ino))
    data = os.pread(held, st.st_size, 0) if held is not None else path.read_bytes()
    copy = path.with_name(f"disk-copy-{os.getpid()}.sqlite")
    copy.write_bytes(data)
    try:
        with closing(sqlite3.connect(copy)) as conn:
            rows = conn.execute("SELECT month, quantity, cost_yen FROM records ORDER BY month, id")
            return [tuple(row) for row in rows]
    finally:
        copy.unlink()


def _signals(service: ProjectService) -> tuple[list[bool], list[list[Message]]]:
    saved: list[bool] = []
    failed: list[list[Message]] = []
    service.saved.connect(saved.append)
    service.failed.connect(failed.append)
    return saved, failed


def test_a_twelve_month_paste_its_undo_and_redo_are_one_commit_each(
    service: ProjectService,
) -> None:
    commits = _commits(service)
    assert service.paste_block(FY, 0, 0, TWELVE) == []
    assert commits == ["COMMIT"]
    assert len(_on_disk(service.path)) == 12  # type: ignore[arg-type]
    service.undo_stack.undo()
    assert commits == ["COMMIT"] * 2 and _on_disk(service.path) == []  # type: ignore[arg-type]
    service.undo_stack.redo()
    assert commits == ["COMMIT"] * 3 and len(_on_disk(service.path)) == 12  # type: ignore[arg-type]


class _FailOnCall:
    """Make ProjectFile.<name> refuse (a full disk) on its n-th call."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str, n: int) -> None:
        self.calls = 0
        original = getattr(ProjectFile, name)

        def failing(pf: ProjectFile, *args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == n:
                raise EcoCheckError(Message("store.disk_full", where={"file": str(pf.path)}))
            return original(pf, *args, **kwargs)

        monkeypatch.setattr(ProjectFile, name, failing)


def test_a_paste_refused_half_way_leaves_file_memory_and_undo_as_before(
    service: ProjectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = service.path
    assert path is not None
    assert service.set_quantity(FY, "2025-04", "electricity", "5") == []
    before_file, before_records = _on_disk(path), dict(service._records)
    saved, failed = _signals(service)
    _FailOnCall(monkeypatch, "add_record", 7)  # the 7th of 11 new bill lines
    assert service.paste_block(FY, 0, 0, TWELVE) == []  # valid input; the file refused it
    assert _on_disk(path) == before_file  # nothing of the paste reached the file
    assert service._records == before_records and service.undo_stack.count() == 1
    assert saved == [False] and [m.code for m in failed[0]] == ["store.disk_full"]


def test_an_undo_refused_half_way_keeps_the_paste_whole(
    service: ProjectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = service.path
    assert path is not None
    service.paste_block(FY, 0, 0, TWELVE)
    pasted = _on_disk(path)
    _FailOnCall(monkeypatch, "delete_record", 5)
    service.undo_stack.undo()
    assert _on_disk(path) == pasted  # all twelve months still there, in the file and memory
    assert len(service._records) == 12
    assert service.undo_stack.count() == 0  # the step that could not be undone is dropped


def test_an_import_into_the_open_project_is_one_commit_with_its_new_site(
    service: ProjectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = service.path
    assert path is not None
    records = [
        EnergyRecord(f"2025-{m:02d}", "electricity", Decimal(m), "kWh", site="第二工場")
        for m in range(4, 13)
    ]
    _FailOnCall(monkeypatch, "add_record", 9)
    assert service.import_records(records, sites=["第二工場"]) == 0
    assert _on_disk(path) == [] and "第二工場" not in [s.name for s in load_sites(service)]
    assert [s.name for s in service.project.sites] == ["本社工場"]  # type: ignore[union-attr]
    monkeypatch.undo()
    commits = _commits(service)
    assert service.import_records(records, sites=["第二工場"]) == 9
    assert commits == ["COMMIT"]
    assert len(_on_disk(path)) == 9 and "第二工場" in [s.name for s in load_sites(service)]
    service.undo_stack.undo()
    assert _on_disk(path) == []


def load_sites(service: ProjectService) -> list[Site]:
    return _file(service).load().sites


def test_a_service_transaction_is_one_commit_and_one_undo_step(
    service: ProjectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    commits = _commits(service)
    with service.transaction("Recalculate with newer factors"):
        service.set_fiscal_year(FiscalYearData(FY, factor_edition="new"))
        service.set_fiscal_year(FiscalYearData(FY + 1, factor_edition="new"))
    assert commits == ["COMMIT"]
    assert service.undo_stack.count() == 1
    assert service.undo_stack.undoText() == "Recalculate with newer factors"
    service.undo_stack.undo()
    years = _file(service).load().fiscal_years
    assert years[FY].factor_edition == "" and FY + 1 not in years
    # Refused half way: neither year changes, in the file or in memory, and no undo step.
    _FailOnCall(monkeypatch, "set_fiscal_year", 2)
    saved, failed = _signals(service)
    with service.transaction("Recalculate with newer factors"):
        service.set_fiscal_year(FiscalYearData(FY, factor_edition="new"))
        service.set_fiscal_year(FiscalYearData(FY + 1, factor_edition="new"))
    assert saved == [False] and len(failed) == 1
    assert service.project.fiscal_years[FY].factor_edition == ""  # type: ignore[union-attr]
    assert _file(service).load().fiscal_years[FY].factor_edition == ""
    assert service.undo_stack.index() == 0 and not service.undo_stack.canRedo()


def test_a_file_replaced_while_open_keeps_every_edit_and_saves_a_copy(
    service: ProjectService, tmp_path: Path
) -> None:
    path = service.path
    assert path is not None
    scan = tmp_path / "bill.pdf"
    scan.write_bytes(PDF)
    service.set_quantity(FY, "2025-04", "electricity", "100")
    assert service.attach_bill("2025-04", service.energy_lines(FY)[0], scan) == []
    # A sync client (or a copy over it) replaces the file with another version of it.
    stranger = tmp_path / "stranger.ecocheck"
    ProjectFile.create(stranger, Project(company=Company("よその会社"))).close()
    shutil.copyfile(stranger, tmp_path / "incoming")
    os.replace(tmp_path / "incoming", path)
    replaced = file_state(path)[:2]
    saved, failed = _signals(service)
    service.set_quantity(FY, "2025-05", "electricity", "200")
    assert service.detached
    assert [m.code for m in failed[0]] == ["store.changed_on_disk"]  # shown at once
    assert saved == [False]  # never "saved"
    service.set_quantity(FY, "2025-06", "electricity", "300")
    service.paste_block(FY, 6, 0, "700\t7000")
    assert saved == [False, False, False] and len(failed) == 1  # told once, not each edit
    assert file_state(path)[:2] == replaced  # the other program's file is left alone
    messages = service.attach_bill("2025-05", service.energy_lines(FY)[0], scan)
    assert [m.code for m in messages] == ["store.changed_on_disk"]
    # Opening another project now would drop them: refused until they are saved as a copy.
    with pytest.raises(EcoCheckError) as refused:
        service.open(stranger)
    assert [m.code for m in refused.value.messages] == ["store.unsaved_changes"]
    assert service.detached and service.path == path
    # Save as a copy: everything this window holds, the scan too; work goes on in the copy.
    copy = tmp_path / "rescued.ecocheck"
    assert service.save_copy_as(copy) == []
    assert not service.detached and service.path == copy and saved[-1] is True
    service.set_quantity(FY, "2025-07", "electricity", "400")
    assert saved[-1] is True and ("2025-07", "400", None) in _on_disk(copy)
    service.close()
    rescued = load_project(copy)
    assert sorted((r.month, r.quantity) for r in rescued.records) == [
        ("2025-04", Decimal(100)),
        ("2025-05", Decimal(200)),
        ("2025-06", Decimal(300)),
        ("2025-07", Decimal(400)),
        ("2025-10", Decimal(700)),
    ]
    with ProjectFile.open(copy, read_only=True) as pf:
        [info] = pf.evidence()
        assert pf.evidence_data(info.id)[1] == PDF
        linked = dict(pf.records())[info.record_id]  # type: ignore[index]
        assert (linked.month, linked.quantity) == ("2025-04", Decimal(100))
    assert file_state(path)[:2] == replaced


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_window_says_not_saved_and_offers_save_a_copy(
    ja_window: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ecocheck_desktop.gui import main_window

    path = tmp_path / "丸山製作所.ecocheck"
    ProjectFile.create(
        path, Project(company=Company("丸山製作所"), sites=[Site("本社工場")])
    ).close()
    assert ja_window.open_project(str(path))
    shown: list[list[Message]] = []
    ja_window._show_failure = shown.append  # no modal box in the test
    service = ja_window.service
    service.set_quantity(FY, "2025-04", "electricity", "100")
    assert "保存しました" in ja_window.autosave_label.text()
    stranger = tmp_path / "incoming"
    ProjectFile.create(stranger, Project(company=Company("よその会社"))).close()
    os.replace(stranger, path)
    service.set_quantity(FY, "2025-05", "electricity", "200")
    assert [m.code for m in shown[0]] == ["store.changed_on_disk"]  # at once, not at close
    assert "保存されていません" in ja_window.autosave_label.text()
    assert "コピーとして保存" in ja_window.autosave_label.text()
    assert ja_window.save_copy_action.isEnabled()
    assert ja_window.save_copy_action.text() == "コピーとして保存(&C)…"
    # Closing now would lose them: the window asks, and "no" offers the copy instead.
    asked: list[Any] = []
    monkeypatch.setattr(
        main_window, "show_message", lambda *args, **kwargs: asked.append(kwargs["on_answer"])
    )
    ja_window.close()
    assert ja_window.isVisible() and len(asked) == 1
    asked[0](False)
    dialog = ja_window.findChild(QFileDialog)
    assert dialog is not None and dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    target = tmp_path / "丸山製作所-copy.ecocheck"
    dialog.fileSelected.emit(str(target))
    dialog.close()
    assert service.path == target and not service.detached
    assert "保存しました" in ja_window.autosave_label.text()
    ja_window.grab().save(str(tmp_path / "after-save-copy.png"))
    ja_window.close()  # nothing only in memory any more: no question
    assert not ja_window.isVisible() and len(asked) == 1
    assert sorted(str(r.quantity) for r in load_project(target).records) == ["100", "200"]


def test_a_scan_attached_after_the_file_changed_is_refused_and_the_edits_kept(
    service: ProjectService, tmp_path: Path
) -> None:
    path = service.path
    assert path is not None
    service.set_quantity(FY, "2025-04", "electricity", "100")
    scan = tmp_path / "bill.pdf"
    scan.write_bytes(PDF)
    with path.open("r+b") as stream:  # another program writes into the open file
        stream.seek(100)
        stream.write(b"\x00" * 16)
    saved, failed = _signals(service)
    messages = service.attach_bill("2025-04", service.energy_lines(FY)[0], scan)
    assert [m.code for m in messages] == ["store.changed_on_disk"]
    assert service.detached and len(failed) == 1
    service.set_quantity(FY, "2025-05", "electricity", "200")
    assert saved == [False]
    assert sorted(str(r.quantity) for r in service.project.records) == ["100", "200"]  # type: ignore[union-attr]


def test_a_file_that_refuses_to_begin_refuses_the_action_cleanly(
    service: ProjectService, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = service.path
    assert path is not None

    def busy(pf: ProjectFile) -> Any:
        raise EcoCheckError(Message("store.in_use", where={"file": str(pf.path)}))

    monkeypatch.setattr(ProjectFile, "transaction", busy)
    saved, failed = _signals(service)
    assert service.paste_block(FY, 0, 0, TWELVE) == []
    assert saved == [False] and [m.code for m in failed[0]] == ["store.in_use"]
    assert service._records == {} and service.undo_stack.count() == 0
    with pytest.raises(EcoCheckError), service.transaction("Recalculate"):
        raise AssertionError("the body must not run")
    monkeypatch.undo()
    assert _on_disk(path) == []


def test_relocking_years_to_newer_factors_is_one_commit_and_one_undo_step(
    service: ProjectService,
) -> None:
    """「新しい係数で再計算」 re-locks every year it moves in one commit; its undo is one too."""
    service.set_fiscal_year(FiscalYearData(FY + 1))
    commits = _commits(service)
    service.relock_factor_editions({FY: "electricity_r08", FY + 1: "electricity_r08"})
    assert commits == ["COMMIT"]
    years = _file(service).load().fiscal_years
    assert years[FY].factor_edition == years[FY + 1].factor_edition == "electricity_r08"
    commits.clear()
    service.undo_stack.undo()
    assert commits == ["COMMIT"]
    years = _file(service).load().fiscal_years
    assert years[FY].factor_edition == "" and years[FY + 1].factor_edition == ""


def test_save_a_copy_keeps_the_meters_and_their_demand_data(
    service: ProjectService, tmp_path: Path
) -> None:
    """The copy is built from the Project, which does not hold the interval data: it is carried
    over from the file, so 「コピーとして保存」 never loses an imported meter-year."""
    from datetime import date

    from ecocheck_desktop.core.demand import Meter, MeterDay

    days = [
        MeterDay(date(2025, 4, 1), tuple([1000] * 48)),
        MeterDay(date(2025, 4, 2), tuple([2000] * 47 + [None])),
    ]
    meter = Meter("受電", contract_kw=Decimal(120))
    service.demand_store().import_meter_days(meter, days)
    copy = tmp_path / "copy.ecocheck"
    assert service.save_copy_as(copy) == []
    assert service.path == copy  # the window carries on in the copy
    service.close()
    with ProjectFile.open(copy, read_only=True) as pf:
        assert [m.name for m in pf.meters()] == ["受電"]
        assert pf.meters()[0].contract_kw == Decimal(120)
        assert pf.meter_days("受電") == days
