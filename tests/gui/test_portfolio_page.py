"""The ポートフォリオ page: list, sort, filter, open, refresh, batch reports, consortium export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ecocheck_desktop.gui.models.portfolio_table import COLUMNS, SORT_ROLE
from ecocheck_desktop.store.project_file import ProjectFile
from tests.exchange.portfolio_folder import GOLDEN_NAME, make_folder

SCAN_TIMEOUT_MS = 60_000


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    make_folder(tmp_path / "clients")
    return tmp_path / "clients"


@pytest.fixture
def page(qtbot: Any, qapp: Any) -> Any:
    from ecocheck_desktop.gui.pages.portfolio import PortfolioPage

    widget = PortfolioPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    widget.worker.wait(60)


def column(name: str) -> int:
    return COLUMNS.index(name)


def shown(page: Any, name: str) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, column(name)).data() for r in range(proxy.rowCount())]


def scan(qtbot: Any, page: Any, folder: Path) -> None:
    with qtbot.waitSignal(page.scan_finished, timeout=SCAN_TIMEOUT_MS):
        page.set_folder(folder)


def test_empty_state_until_a_folder_is_chosen(page: Any) -> None:
    assert page.empty_state.isVisible() and not page.content.isVisible()


def test_lists_every_file_with_reasons(qtbot: Any, page: Any, folder: Path) -> None:
    locked = ProjectFile.open(folder / "f_locked.ecocheck")  # open in another window
    try:
        scan(qtbot, page, folder)
    finally:
        locked.close()
    assert page.model.rowCount() == 7 and page.content.isVisible()
    status = dict(zip(shown(page, "file"), shown(page, "status"), strict=True))
    assert status["d_broken.ecocheck"] == "Not a project file"
    assert status["e_newer.ecocheck"] == "Newer version"
    assert status["f_locked.ecocheck"] == "In use"
    assert status["g_empty.ecocheck"] == "No energy data yet"
    assert status["a_golden.ecocheck"] == "OK"
    # The full message is the tooltip of an unreadable row.
    row = shown(page, "file").index("e_newer.ecocheck")
    tooltip = page.proxy.index(row, column("status")).data(Qt.ItemDataRole.ToolTipRole)
    assert "newer" in tooltip and "e_newer.ecocheck" in tooltip
    assert "4 without figures" in page.counts_label.text()
    page.grab().save(str(folder.parent / "portfolio-page.png"))


def test_sort_by_numbers_and_filter(qtbot: Any, page: Any, folder: Path) -> None:
    scan(qtbot, page, folder)
    page.table.sortByColumn(column("total"), Qt.SortOrder.DescendingOrder)
    totals = [
        page.proxy.index(r, column("total")).data(SORT_ROLE) for r in range(page.proxy.rowCount())
    ]
    numbers = [t for t in totals if t is not None]
    assert numbers == sorted(numbers, reverse=True) and len(numbers) == 4
    assert shown(page, "file")[0] == "b_demo.ecocheck"  # 223 t, the largest

    page.filter_edit.setText("ゴールデン")
    assert shown(page, "company") == [GOLDEN_NAME]
    page.filter_edit.setText("e24")  # industry, any case
    assert len(shown(page, "company")) == 3
    page.filter_edit.setText("")
    page.show_unreadable.setChecked(False)
    assert len(shown(page, "company")) == 4


def test_refresh_sees_new_and_removed_files(qtbot: Any, page: Any, folder: Path) -> None:
    scan(qtbot, page, folder)
    (folder / "d_broken.ecocheck").unlink()
    (folder / "c_target.ecocheck").rename(folder / "z_target.ecocheck")
    with qtbot.waitSignal(page.scan_finished, timeout=SCAN_TIMEOUT_MS):
        page.refresh()
    files = sorted(shown(page, "file"))
    assert "d_broken.ecocheck" not in files and "z_target.ecocheck" in files
    assert len(files) == 6


def test_open_asks_the_window(qtbot: Any, page: Any, folder: Path) -> None:
    scan(qtbot, page, folder)
    row = shown(page, "file").index("a_golden.ecocheck")
    page.table.selectRow(row)
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.project_requested) as opened:
        page.open_button.click()
    assert opened.args == [str(folder / "a_golden.ecocheck")]


def test_batch_reports_with_a_failure(
    qtbot: Any, page: Any, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan(qtbot, page, folder)
    out = tmp_path / "reports"
    monkeypatch.setattr(type(page), "ask_folder", classmethod(lambda *a: str(out)))
    said: list[str] = []
    monkeypatch.setattr(
        "ecocheck_desktop.gui.pages.portfolio.show_message",
        lambda _p, _k, _t, text, **kw: said.append(text + kw.get("details", "")),
    )
    # The target company's file is damaged after the scan: its report fails, the others go on.
    (folder / "c_target.ecocheck").write_bytes(b"not a database any more")
    with qtbot.waitSignal(page.batch_finished, timeout=SCAN_TIMEOUT_MS) as finished:
        page.write_reports()
        assert page.progress_dialog is not None and page.busy()
    assert finished.args == [3, 1]
    assert sorted(p.name for p in out.iterdir()) == ["a_golden.pdf", "b_demo.pdf", "f_locked.pdf"]
    assert said and "c_target.ecocheck" in said[0]
    assert page.progress_dialog is None and not page.busy()


def test_batch_reports_cancel(
    qtbot: Any, page: Any, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan(qtbot, page, folder)
    out = tmp_path / "reports"
    monkeypatch.setattr(type(page), "ask_folder", classmethod(lambda *a: str(out)))
    with qtbot.waitSignal(page.batch_finished, timeout=SCAN_TIMEOUT_MS) as finished:
        page.write_reports()
        page.progress_dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    written, failed = finished.args
    assert written + failed < 4
    assert "Stopped before the end" in page.output.status.text()
    assert not [p for p in out.iterdir() if p.suffix != ".pdf"]  # no temporary file left


def test_consortium_export_anonymised(
    qtbot: Any, page: Any, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan(qtbot, page, folder)
    target = tmp_path / "out" / "consortium"
    target.parent.mkdir()
    monkeypatch.setattr(type(page), "ask_path", classmethod(lambda *a: str(target)))
    page.anonymise_box.setChecked(True)
    with qtbot.waitSignal(page.export_finished, timeout=SCAN_TIMEOUT_MS) as done:
        page.consortium_pdf_button.click()
    assert done.args == [True, str(target.with_name("consortium.pdf"))]
    text = "".join(p.extract_text() or "" for p in PdfReader(done.args[1]).pages)
    assert "Company A" in text and GOLDEN_NAME not in text

    with qtbot.waitSignal(page.export_finished, timeout=SCAN_TIMEOUT_MS) as done:
        page.list_csv_button.click()
    listed = Path(done.args[1]).read_text(encoding="utf-8-sig")
    assert "Company A" in listed and GOLDEN_NAME not in listed and "a_golden" not in listed


def test_main_window_remembers_the_folder_and_opens_a_company(
    qtbot: Any, ja_window: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecocheck_desktop.gui.pages.portfolio import PortfolioPage

    monkeypatch.setattr(PortfolioPage, "ask_folder", classmethod(lambda *a: str(folder)))
    ja_window.show_page("portfolio")
    page = ja_window.page("portfolio")
    assert page.empty_state.isVisible()
    with qtbot.waitSignal(page.scan_finished, timeout=SCAN_TIMEOUT_MS):
        page.folder_button.click()
    assert ja_window.settings.portfolio_folder == str(folder)
    status = dict(zip(shown(page, "file"), shown(page, "status"), strict=True))
    assert status["e_newer.ecocheck"] == "新しい版"
    assert page.model.headerData(column("total"), Qt.Orientation.Horizontal).startswith("Scope")
    page.grab().save(str(folder.parent / "portfolio-page-ja.png"))

    row = shown(page, "file").index("a_golden.ecocheck")
    page._open_index(page.proxy.index(row, 0))
    assert ja_window.current_page().page_id == "results"
    assert ja_window.service.project.company.name == GOLDEN_NAME


def test_a_folder_that_is_gone_is_said_on_the_page(
    qtbot: Any, page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(
        "ecocheck_desktop.gui.pages.portfolio.show_message", lambda *a, **k: boxes.append(a[3])
    )
    gone = tmp_path / "moved-away"
    with qtbot.waitSignal(page.scan_finished, timeout=SCAN_TIMEOUT_MS) as done:
        page.set_folder(gone)
    assert done.args == [0] and not boxes
    assert str(gone) in page.output.status.text() and page.model.rowCount() == 0
    assert not page.reports_button.isEnabled() and page.change_button.isEnabled()


def test_closing_the_window_stops_a_batch_cleanly(
    qtbot: Any, ja_window: Any, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecocheck_desktop.gui.pages.portfolio import PortfolioPage

    out = tmp_path / "reports"
    monkeypatch.setattr(PortfolioPage, "ask_folder", classmethod(lambda *a: str(out)))
    ja_window.settings.portfolio_folder = str(folder)
    ja_window.show_page("portfolio")
    page = ja_window.page("portfolio")
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=SCAN_TIMEOUT_MS)
    page.write_reports()
    ja_window.close()
    assert not page.worker.running
    # Stopped after the file being written: fewer than all four, and no temporary file left.
    written = sorted(p.name for p in out.iterdir())
    assert len(written) < 4 and all(name.endswith(".pdf") for name in written)
