"""The 取引先 page (issue 21): the demo's shares, grid edits with undo, a bad cell refused with
its row and column, and the replies to all customers written off the UI thread."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ecocheck_desktop.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _page(window: MainWindow) -> Any:
    assert window.open_demo()
    window.show_page("customers")
    page: Any = window.current_page()
    page.refresh()
    return page


def test_the_demo_shows_each_customer_and_the_remainder(ja_window: MainWindow) -> None:
    page = _page(ja_window)
    assert page.table.rowCount() == 4
    assert page.table.item(0, 1).text() == "39.06 %"
    assert page.table.item(3, 0).text() == "その他の販売先"
    assert page.method_box.currentData() == "physical"
    assert page.chart is not None
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        ja_window.resize(1280, 800)
        for lang in ("ja", "en"):
            ja_window.set_language(lang)
            QApplication.processEvents()
            ja_window.grab().save(str(SHOTS / f"customers-{lang}.png"))
        ja_window.set_language("ja")


def test_a_negative_sale_is_refused_naming_the_cell(ja_window: MainWindow) -> None:
    page = _page(ja_window)
    before = list(page.service.project.customer_sales)
    grid = page.grids["customer_sales"]
    grid.item(7, 2).setText("-5")
    assert page.service.project.customer_sales == before  # nothing changed
    assert "8" in page.message.text()
    assert "売上高" in page.message.text()


def test_paste_adds_customers_in_one_undo_step(ja_window: MainWindow) -> None:
    page = _page(ja_window)
    grid = page.grids["customers"]
    grid.setCurrentCell(3, 0)
    grid.paste_text("丸一商事\tM-1\n東和工業\tT-9\n")
    names = [c.name for c in page.service.project.customers]
    assert names[-2:] == ["丸一商事", "東和工業"]
    assert page.service.project.customers[-1].supplier_code == "T-9"
    page.service.undo_stack.undo()
    assert len(page.service.project.customers) == 3
    # Edit > Paste (Ctrl+V) of the window reaches the focused grid.
    page.tabs.setCurrentWidget(grid)
    grid.setFocus()
    grid.setCurrentCell(3, 0)
    QApplication.clipboard().setText("三和製作所\tW-3")
    ja_window.paste_action.trigger()
    assert page.service.project.customers[-1].name == "三和製作所"


def test_switching_the_method_recalculates(ja_window: MainWindow) -> None:
    page = _page(ja_window)
    page.method_box.setCurrentIndex(page.method_box.findData("sales"))
    page.method_box.activated.emit(page.method_box.currentIndex())
    assert page.service.project.company.allocation_method == "sales"
    page.refresh()
    assert page.table.item(0, 1).text() == "40.00 %"
    page.service.undo_stack.undo()
    assert page.service.project.company.allocation_method == "physical"


def test_replies_to_all_customers(ja_window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    page = _page(ja_window)
    with qtbot.waitSignal(page.worker.finished, timeout=120_000):
        page.answer_all(tmp_path)
    assert len(page.written) == 9  # PDF, .xlsx and JSON for each of three customers
    assert sorted(tmp_path.iterdir()) == sorted(page.written)
    assert not page.progress.isVisible()


def test_cancel_stops_the_batch(ja_window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    page = _page(ja_window)
    with qtbot.waitSignal(page.worker.cancelled, timeout=120_000):
        page.answer_all(tmp_path)
        page.worker.cancel()
    assert len(list(tmp_path.iterdir())) < 9
