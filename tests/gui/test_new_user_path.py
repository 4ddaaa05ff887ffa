"""The path of a new user, driven through the real window.

Creates a company with the wizard, pastes 12 months of electricity from the clipboard, types a
city-gas value with full-width digits, watches the tiles change, undoes and redoes, closes,
reopens the file and finds everything. Every page is grabbed to a PNG under the test's tmp dir;
with ECOCHECK_SCREENSHOTS=1 the pages are also written to docs/screenshots/ in ja and en.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.gui.pages import PAGES

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FY = 2025
# Twelve monthly kWh of a small plant, as Excel copies them (thousands separators, CRLF).
ELECTRICITY_KWH = [
    28450,
    27310,
    31980,
    36420,
    38110,
    33050,
    29870,
    28640,
    31200,
    33780,
    32450,
    30120,
]
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _type_japanese(widget: Any, text: str) -> None:
    """Commit text the way a Japanese input method does (keyClicks would abort on non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _grab_pages(window: MainWindow, folder: Path, suffix: str) -> list[Path]:
    saved = []
    for entry in PAGES[:4]:  # home, company, energy, results: the pages this path touches
        window.show_page(entry.page_id)
        QApplication.processEvents()
        page: Any = window.current_page()
        if hasattr(page, "update_charts"):
            page.update_charts()
            QApplication.processEvents()
        path = folder / f"{entry.page_id}-{suffix}.png"
        assert window.grab().save(str(path))
        saved.append(path)
    return saved


def _total(window: MainWindow) -> str:
    page: Any = window.page("results")
    return page.tiles["total"].value.text()


def test_new_user_path(ja_window: MainWindow, qtbot, tmp_path: Path) -> None:
    window = ja_window
    project_path = tmp_path / "ひたち精工.ecocheck"

    # 1. The wizard: company, site, fiscal year, retailer by number, city gas, file.
    wizard = window.new_project()
    qtbot.waitExposed(wizard)
    company = wizard.company_page
    _type_japanese(company.name, "ひたち精工株式会社")
    assert company.name.text() == "ひたち精工株式会社"
    company.first_fy.setValue(FY)
    wizard.next()
    electricity = wizard.electricity_page
    qtbot.keyClicks(electricity.search, "A0269")
    assert electricity.results.count() == 1
    assert "東京電力エナジーパートナー" in electricity.results.item(0).text()
    assert "残差" in electricity.menu.currentText()
    wizard.next()
    gas = wizard.gas_page
    assert gas.kind.currentIndex() == -1 and not gas.isComplete()  # the user chooses the gas
    gas.kind.setCurrentIndex(gas.kind.findData("city_gas"))
    gas.supplier.setCurrentIndex(gas.supplier.findText("東部瓦斯株式会社"))
    gas.menu.setCurrentIndex(gas.menu.findText("福島地区、茨城地区"))
    wizard.next()
    wizard.file_page.path.setText(str(project_path))
    wizard.grab().save(str(tmp_path / "wizard.png"))
    wizard.accept()
    assert window.service.is_open
    assert window.current_page().page_id == "energy"
    assert project_path.exists()
    contracts = window.service.project.contracts
    assert [(c.energy, c.supplier) for c in contracts] == [
        ("electricity", "A0269"),
        ("city_gas", "A0026"),
    ]
    assert window.autosave_label.text().startswith("すべての変更を保存しました")

    # 2. Paste twelve months of electricity (kWh) at April.
    energy: Any = window.current_page()
    view = energy.view
    assert view.model().headerData(0, Qt.Orientation.Horizontal) == "電気\n(kWh)"
    assert view.model().headerData(0, Qt.Orientation.Vertical) == "2025年4月"
    assert energy.year_combo.currentText() == "2025年度 (令和7年度)"
    QGuiApplication.clipboard().setText("\r\n".join(f"{v:,}" for v in ELECTRICITY_KWH) + "\r\n")
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    grid = view.model()
    assert [grid.index(r, 0).data() for r in range(12)] == [f"{v:,}" for v in ELECTRICITY_KWH]
    total_after_electricity = _total(window)
    assert total_after_electricity != "-"

    # 3. Type a city-gas quantity with full-width digits, then Enter (moves down).
    gas_col = next(
        c
        for c in range(grid.columnCount())
        if "都市ガス\n(m3)" == grid.headerData(c, Qt.Orientation.Horizontal)
    )
    view.setCurrentIndex(grid.index(0, gas_col))
    view.setFocus()
    QApplication.sendEvent(
        view,
        QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "１，８２０"),
    )
    editor = QApplication.focusWidget()
    assert editor is not view
    assert editor.text() == "１，８２０", editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Enter through a queued call.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert grid.index(0, gas_col).data() == "1,820"
    assert view.currentIndex().row() == 1  # Enter moved down, as in Excel
    total_with_gas = _total(window)
    assert Decimal(total_with_gas.replace(",", "")) > Decimal(
        total_after_electricity.replace(",", "")
    )

    # 4. A bad value is refused with the reason; nothing changes.
    assert not grid.setData(grid.index(1, gas_col), "abc")
    assert (
        grid.index(1, gas_col).data(Qt.ItemDataRole.ToolTipRole) == "「abc」は数値ではありません。"
    )
    assert _total(window) == total_with_gas
    energy.grab().save(str(tmp_path / "energy-refused.png"))
    grid.clear([(1, gas_col)])

    # 5. Undo and redo move the tiles with the data.
    window.undo_action.trigger()
    assert grid.index(0, gas_col).data() == ""
    assert _total(window) == total_after_electricity
    window.redo_action.trigger()
    assert grid.index(0, gas_col).data() == "1,820"
    assert _total(window) == total_with_gas

    shots = _grab_pages(window, tmp_path, "ja")
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        _grab_pages(window, SHOTS, "ja")
        window.set_language("en")
        _grab_pages(window, SHOTS, "en")
        window.set_language("ja")
    assert all(p.stat().st_size > 10_000 for p in shots)

    # 6. Close, reopen: everything is there.
    window.close()
    assert not window.service.is_open
    reopened = MainWindow(window.settings, window.languages, remember_settings=False)
    reopened.store_opener = window.store_opener
    qtbot.addWidget(reopened)
    reopened.show()
    assert str(project_path) == reopened.settings.recent_files[0]
    assert reopened.open_project(str(project_path))
    service = reopened.service
    assert service.project.company.name == "ひたち精工株式会社"
    lines = service.energy_lines(FY)
    kwh = [service.cell_record(m, lines[0]).quantity for m in service.months(FY)]
    assert kwh == [Decimal(v) for v in ELECTRICITY_KWH]
    assert service.cell_record("2025-04", lines[1]).quantity == Decimal(1820)
    assert _total(reopened) == total_with_gas
    reopened.close()
