"""The energy grid model, driven through data()/setData() like a view would."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from ecocheck_desktop.core.model import Company, Site, SupplyContract
from ecocheck_desktop.gui.grid_cells import COST, ESTIMATED, QUANTITY
from ecocheck_desktop.gui.models.energy_grid import (
    EnergyGridModel,
    ErrorRole,
    RecordRole,
    format_number,
)
from ecocheck_desktop.gui.service import ProjectService

FY = 2025
Display, Edit = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


@pytest.fixture
def grid(qapp, opener: Any, tmp_path: Path) -> EnergyGridModel:
    service = ProjectService(QUndoStack(), opener=opener, user="t")
    service.new_project(
        tmp_path / "g.ecocheck",
        Company("G", fy_start_month=4),
        [Site("本社工場")],
        [SupplyContract("本社工場", "electricity", "A0269")],
        FY,
    )
    model = EnergyGridModel(service)
    model.set_fiscal_year(FY)
    yield model
    service.close()


def test_shape_and_headers(grid: EnergyGridModel) -> None:
    assert grid.rowCount() == 12
    assert [grid.column(c).kind for c in range(grid.columnCount())] == [QUANTITY, COST, ESTIMATED]
    assert grid.month(0) == "2025-04" and grid.month(11) == "2026-03"
    assert "kWh" in grid.headerData(0, Qt.Orientation.Horizontal)


def test_numbers_are_right_aligned_with_separators(grid: EnergyGridModel) -> None:
    assert grid.setData(grid.index(0, 0), "１２３４５６．５")
    assert grid.setData(grid.index(0, 1), "3,456,789")
    assert grid.index(0, 0).data(Display) == "123,456.5"
    assert grid.index(0, 1).data(Display) == "3,456,789"
    alignment = grid.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert grid.index(0, 0).data(RecordRole).quantity == Decimal("123456.5")


@pytest.mark.parametrize(
    ("text", "code_word"),
    [("text", "数値"), ("-3", "マイナス"), ("1e30", "数値"), ("99999999999999", "大きすぎ")],
)
def test_bad_cell_is_marked_with_why_and_not_stored(
    grid: EnergyGridModel, qtbot, qapp, text: str, code_word: str, qm_catalogues: Path
) -> None:
    from ecocheck_desktop.gui.i18n import LanguageManager

    languages = LanguageManager(qapp, qm_catalogues)
    languages.set_language("ja")
    try:
        assert grid.setData(grid.index(2, 0), "500")
        with qtbot.waitSignal(grid.refused) as refused:
            assert not grid.setData(grid.index(2, 0), text)
        assert refused.args[0][0].code.startswith("quantity.")
        index = grid.index(2, 0)
        assert index.data(Display) == text  # shown as typed …
        assert code_word in index.data(Qt.ItemDataRole.ToolTipRole)  # … with the reason …
        assert index.data(ErrorRole)
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert index.data(RecordRole).quantity == Decimal(500)  # … and not stored
        # Fixing the cell clears the mark.
        assert grid.setData(index, "600")
        assert index.data(ErrorRole) is None and index.data(Display) == "600"
    finally:
        languages.set_language("en")


def test_estimated_is_a_checkbox_that_needs_a_quantity(grid: EnergyGridModel) -> None:
    index = grid.index(1, 2)
    assert grid.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not grid.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert grid.setData(grid.index(1, 0), "100")
    assert grid.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert grid.index(1, 0).data(RecordRole).estimated is True
    assert grid.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()


def test_paste_through_the_model_and_copy_back(grid: EnergyGridModel) -> None:
    block = "1,000\t25,000\t\n2,000\t50,000\t1\n"
    assert grid.paste(3, 0, block) == []
    assert grid.index(3, 0).data(Display) == "1,000"
    assert grid.index(4, 1).data(Display) == "50,000"
    assert grid.index(4, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert grid.copy_text([(3, 0), (3, 1), (4, 0), (4, 1)]) == "1000\t25000\n2000\t50000\n"


def test_paste_with_a_bad_cell_changes_nothing(grid: EnergyGridModel, qtbot) -> None:
    with qtbot.waitSignal(grid.refused) as refused:
        problems = grid.paste(0, 0, "1\n\nabc\n")
    assert [m.code for m in problems] == ["quantity.not_a_number"]
    assert refused.args[0] == problems
    assert all(grid.index(r, 0).data(Display) == "" for r in range(12))


def test_paste_of_a_column_with_blank_months(grid: EnergyGridModel) -> None:
    assert grid.paste(0, 0, "1,200\n\n\n900\n") == []
    assert [grid.index(r, 0).data(Display) for r in range(4)] == ["1,200", "", "", "900"]


def test_several_bill_lines_in_one_cell_are_summed_and_read_only(grid: EnergyGridModel) -> None:
    from ecocheck_desktop.core.model import EnergyRecord

    service = grid.service
    records = [
        EnergyRecord("2025-06", "electricity", Decimal(100), "kWh", "本社工場"),
        EnergyRecord("2025-06", "electricity", Decimal(250), "kWh", "本社工場"),
    ]
    assert service.import_records(records) == 1
    index = grid.index(2, 0)
    assert index.data(Display) == "350"
    assert not grid.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert [m.code for m in service.set_quantity(FY, "2025-06", "electricity", "1")] == [
        "grid.several_records"
    ]
    service.undo_stack.undo()
    assert index.data(Display) == ""


def test_format_number() -> None:
    assert format_number(Decimal("1234567.890")) == "1,234,567.89"
    assert format_number(Decimal(0)) == "0"
    assert format_number(Decimal("1234.5"), 0) == "1,235"  # half-up, as in the PDF
    assert format_number(None) == ""


def test_a_bill_scan_is_attached_to_its_cell(grid: EnergyGridModel, tmp_path: Path) -> None:
    scan = tmp_path / "2025-04-denki.pdf"
    scan.write_bytes(b"%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert grid.setData(grid.index(0, 0), "1000")
    line = grid.column(0).line
    assert grid.service.attach_bill("2025-04", line, scan) == []
    index = grid.index(0, 0)
    assert "2025-04-denki.pdf" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert grid.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_spreadsheet_keys_in_the_view(grid: EnergyGridModel, qtbot) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    from ecocheck_desktop.gui.pages.energy import GridView

    view = GridView(grid)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(grid.index(0, 0))
    view.setFocus()
    qtbot.keyClick(view, "1")  # typing starts an edit, as in Excel …
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None
    qtbot.keyClicks(editor, "200")  # … and the editor takes the rest
    assert editor.text() == "1200"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits and moves right (editing the next cell)
    qtbot.waitUntil(lambda: grid.index(0, 0).data(Display) == "1,200")
    assert view.currentIndex().column() == 1
    next_editor = view.indexWidget(view.currentIndex())
    if next_editor is not None:
        qtbot.keyClick(next_editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter outside an edit moves down
    assert view.currentIndex().row() == 1
    view.setCurrentIndex(grid.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "1200\n"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert grid.index(0, 0).data(Display) == ""
    grid.service.undo_stack.undo()
    assert grid.index(0, 0).data(Display) == "1,200"


# -- the energy page: 「エネルギーを追加」 and the factor of a column -------------------------


def _choice(combo: Any, energy: str, unit: str) -> int:
    """The index of an 「エネルギーを追加」 entry (its data is an (energy, unit) pair)."""
    return next(i for i in range(combo.count()) if combo.itemData(i) == (energy, unit))


@pytest.fixture
def gas_only_page(ja_window: Any, tmp_path: Path) -> Any:
    """A project whose only contract is city gas: the case that had no way to add 電気."""
    ja_window.service.new_project(
        tmp_path / "gas.ecocheck",
        Company("ガスだけ"),
        [Site("本社工場")],
        [SupplyContract("本社工場", "city_gas", "A0026", "福島地区、茨城地区")],
        FY,
    )
    ja_window.show_page("energy")
    return ja_window.current_page()


def test_add_energy_offers_electricity_and_gas_as_billed(gas_only_page: Any) -> None:
    combo = gas_only_page.add_energy_combo
    offered = [combo.itemData(i) for i in range(1, combo.count())]
    assert ("electricity", "kWh") in offered
    for unit in ("m3", "千m3", "Nm3", "千Nm3"):
        assert ("city_gas", unit) in offered
    assert ("lpg", "kg") in offered
    assert combo.itemText(1) == "電気"
    grid = gas_only_page.model
    assert [grid.column(c).line.energy for c in range(grid.columnCount())] == ["city_gas"] * 3
    gas_only_page._add_energy(_choice(combo, "electricity", "kWh"))
    gas_only_page._add_energy(_choice(combo, "city_gas", "Nm3"))
    lines = {
        (grid.column(c).line.energy, grid.column(c).line.unit) for c in range(grid.columnCount())
    }
    assert {("electricity", "kWh"), ("city_gas", "Nm3")} <= lines


def test_the_selected_column_opens_its_contract(gas_only_page: Any, ja_window: Any) -> None:
    page = gas_only_page
    page._add_energy(_choice(page.add_energy_combo, "electricity", "kWh"))
    grid = page.model
    col = next(c for c in range(grid.columnCount()) if grid.column(c).line.energy == "electricity")
    page.view.setCurrentIndex(grid.index(0, col))
    dialog = page.edit_line_contract()
    assert dialog is not None and dialog.editor.energy == "electricity"
    editor = dialog.editor
    editor.finder.search.setText("A0269")
    editor.factor.use_estimate.setChecked(True)
    dialog.buttons.accepted.emit()
    contract = ja_window.service.project.contract_for("本社工場", "electricity")
    assert (contract.supplier, contract.factor_choice) == ("A0269", "estimate")
    page.view.setCurrentIndex(grid.index(1, col))
    assert page.factor_line.text() == "本社工場 の電気の排出係数: 推計（最寄り年度の一覧の代替値）"
    # The gas column's dialog carries the heat value.
    gas_col = next(c for c in range(grid.columnCount()) if grid.column(c).line.energy == "city_gas")
    page.view.setCurrentIndex(grid.index(0, gas_col))
    gas = page.edit_line_contract()
    assert gas.editor.menu_text() == "福島地区、茨城地区"
    gas.editor.gas.heat_value.setText("44.8")
    assert not gas.ok_button.isEnabled()
    gas.editor.gas.heat_source.setText("東部瓦斯 ガスの熱量")
    gas.buttons.accepted.emit()
    saved = ja_window.service.project.contract_for("本社工場", "city_gas")
    assert saved.heat_value_gj_per_km3 == Decimal("44.8")
    assert (saved.supplier, saved.menu) == ("A0026", "福島地区、茨城地区")
