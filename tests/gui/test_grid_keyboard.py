"""The energy grid by keyboard (issue 19): no Tab trap, Ctrl+Tab between pages, focus after the
wizard so Ctrl+V pastes, F2 edits, Ctrl+Y and Ctrl+Shift+Z redo, Ctrl+S says "saved", Ctrl+0
and the line button say "not used this month", and a later good edit clears old error lines."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from ecocheck_desktop.core.model import Company, Site, SupplyContract
from ecocheck_desktop.gui.wizard import NewCompanyAnswers

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
FY = 2025


@pytest.fixture
def energy(ja_window: Any, tmp_path: Path) -> Any:
    answers = NewCompanyAnswers(
        tmp_path / "k.ecocheck",
        Company("灯油製作所", fy_start_month=4),
        [Site("本社工場")],
        [SupplyContract("本社工場", "electricity", "A0269")],
        FY,
    )
    assert ja_window.create_project(answers)
    return ja_window.current_page()


def _quantities(page: Any, col: int = 0) -> list[str]:
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_after_the_wizard_the_first_cell_has_focus_and_ctrl_v_pastes(
    energy: Any, ja_window: Any, qtbot: Any
) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is energy.view)
    assert energy.view.currentIndex().row() == 0 and energy.view.currentIndex().column() == 0
    QGuiApplication.clipboard().setText("1,200\t¥30,000\n\n1,300\t31,000円\n")
    qtbot.keyClick(energy.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _quantities(energy)[:3] == ["1,200", "", "1,300"]
    assert energy.model.index(2, 1).data() == "31,000"


def test_tab_leaves_the_grid_at_its_ends_and_moves_right_inside(
    energy: Any, ja_window: Any, qtbot: Any
) -> None:
    view, model = energy.view, energy.model
    last_row, last_col = model.rowCount() - 1, model.columnCount() - 1
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == 1 and QApplication.focusWidget() is view
    view.setCurrentIndex(model.index(last_row, last_col))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view  # left the grid, not wrapped to April
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not view
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, 0)
    # Shift+Tab while typing in the first cell commits and leaves too (no reopened editor).
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "700")
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert model.index(0, 0).data() == "700"
    assert QApplication.focusWidget() is not view
    assert not isinstance(QApplication.focusWidget(), QLineEdit)


def test_japanese_input_commits_yen_into_a_cost_cell(energy: Any, qtbot: Any) -> None:
    """Japanese input arrives as committed text (an input method), never as key clicks."""
    view, model = energy.view, energy.model
    assert model.setData(model.index(4, 0), "100")
    view.setFocus()
    view.setCurrentIndex(model.index(4, 1))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    commit = QInputMethodEvent()
    commit.setCommitString("２，５００円")
    QApplication.sendEvent(editor, commit)
    assert editor.text() == "２，５００円"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert model.index(4, 1).data() == "2,500"
    assert view.currentIndex().row() == 5  # Enter moved down, as in Excel


def test_ctrl_tab_switches_pages_from_the_grid(energy: Any, ja_window: Any, qtbot: Any) -> None:
    energy.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is energy.view)
    row = ja_window.navigation.currentRow()
    qtbot.keyClick(energy.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert ja_window.navigation.currentRow() == row + 1
    ja_window.previous_page_action.trigger()
    assert ja_window.navigation.currentRow() == row


def test_f2_edits_the_current_cell(energy: Any, qtbot: Any) -> None:
    view = energy.view
    view.setFocus()
    view.setCurrentIndex(energy.model.index(3, 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState


def test_ctrl_y_and_ctrl_shift_z_both_redo(energy: Any, ja_window: Any) -> None:
    shortcuts = {k.toString() for k in ja_window.redo_action.shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= shortcuts
    assert ja_window.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert energy.model.setData(energy.model.index(0, 0), "500")
    ja_window.undo_action.trigger()
    assert _quantities(energy)[0] == ""
    ja_window.redo_action.trigger()
    assert _quantities(energy)[0] == "500"


def test_ctrl_s_says_saved(energy: Any, ja_window: Any, qtbot: Any) -> None:
    qtbot.keyClick(ja_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "保存しました" in ja_window.statusBar().currentMessage()


def test_not_used_this_month_is_a_zero_not_a_blank(energy: Any, qtbot: Any) -> None:
    service, model, view = energy.service, energy.model, energy.view
    energy.service.add_energy_line("kerosene")
    col = next(c for c in range(model.columnCount()) if model.column(c).line.energy == "kerosene")
    for row in (8, 9, 10):  # December to February
        assert model.setData(model.index(row, col), "200")
    view.setFocus()
    view.setCurrentIndex(model.index(0, col))
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert _quantities(energy, col)[0] == "0"
    depth = service.undo_stack.count()
    assert energy.fill_not_used() == 8  # the other blank months; December-February kept
    assert _quantities(energy, col) == ["0"] * 8 + ["200"] * 3 + ["0"]
    assert service.undo_stack.count() == depth + 1  # one undo step
    record = service.cell_record("2025-05", model.column(col).line)
    assert record is not None and record.quantity == Decimal(0)
    service.undo_stack.undo()
    assert _quantities(energy, col)[1] == ""


def test_an_old_error_line_goes_when_a_later_edit_succeeds(energy: Any) -> None:
    model = energy.model
    assert not model.setData(model.index(0, 0), "abc")
    assert energy.problem.text()
    assert model.setData(model.index(0, 0), "1,000")  # the red cell itself, now good
    assert energy.problem.text() == ""
    assert not model.setData(model.index(1, 0), "-5")
    assert model.paste(2, 0, "1,000 kWh\n") == []  # another cell is still red: its line stays
    assert energy.problem.text()
    assert model.setData(model.index(1, 0), "900")
    assert energy.problem.text() == ""


@pytest.mark.qt_log_ignore("This plugin does not support")  # a menu popup, offscreen
def test_the_cell_menu_keeps_the_selection_and_opens_from_the_keyboard(
    energy: Any, qtbot: Any
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    view, model = energy.view, energy.model
    view.setFocus()
    view.setCurrentIndex(model.index(6, 0))
    view.selectionModel().select(model.index(7, 0), view.selectionModel().SelectionFlag.Select)
    menus: list[QPoint] = []
    view.customContextMenuRequested.connect(menus.append)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), view.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(view, event)
    assert menus and view.indexAt(menus[0]) == model.index(6, 0)  # at the current cell
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    menu.close()
    assert view.selected_cells() == [(6, 0), (7, 0)]  # the selection is kept
    assert energy.mark_not_used() == 2
