"""エネルギー使用量: the 12-month grid of energy use per fiscal year.

The grid behaves like a spreadsheet: typing starts an edit, Enter moves down, Tab right, Delete
clears, Ctrl+C copies and Ctrl+V pastes a block copied from Excel. A refused value stays red in
its cell with the reason as tooltip and in the status line; nothing invalid is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QWidget,
)

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.core.model import FiscalYearData, SupplyContract
from ecocheck_desktop.gui.grid_cells import ESTIMATED, bill_unit
from ecocheck_desktop.gui.message_text import energy_label, language, messages_text
from ecocheck_desktop.gui.models.energy_grid import EnergyGridModel
from ecocheck_desktop.gui.pages.project_page import ProjectPage, refill_years
from ecocheck_desktop.gui.widgets.build import hbox, named, vbox, wrapped_label
from ecocheck_desktop.gui.widgets.factor_entry import choice_text
from ecocheck_desktop.text.units import unit_text

if TYPE_CHECKING:
    from ecocheck_desktop.gui.dialogs.contract_dialog import ContractDialog

# Energies offered by "Add energy", in the order a small factory meets them. Electricity is
# first: a second meter or site, or a project whose contracts name only gas, needs it here.
ADDABLE = (
    "electricity",
    "city_gas",
    "lpg",
    "kerosene",
    "diesel",
    "gasoline",
    "heavy_oil_a",
    "heat",
)
# Other units a bill may print, offered as their own entries (the bill unit comes first).
OTHER_UNITS = {
    "electricity": ("MWh", "千kWh"),
    "city_gas": ("千m3", "Nm3", "千Nm3"),
    "lpg": ("kg", "t"),
}


class GridView(QTableView):
    """A table with spreadsheet keys."""

    def __init__(self, model: EnergyGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = model
        self.setModel(model)
        model.modelReset.connect(self.fit_columns)
        self.setObjectName("energyGrid")
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setMinimumSectionSize(70)
        self.horizontalHeader().setDefaultSectionSize(120)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

    def fit_columns(self) -> None:
        """Narrow tick-box columns; quantities and costs keep room for 10 digits."""
        for col in range(self.grid.columnCount()):
            kind = self.grid.column(col).kind
            self.setColumnWidth(col, 64 if kind == ESTIMATED else 120)

    def selected_cells(self) -> list[tuple[int, int]]:
        return sorted((i.row(), i.column()) for i in self.selectionModel().selectedIndexes())

    def paste(self) -> list[Message]:
        current = self.currentIndex()
        row, col = (current.row(), current.column()) if current.isValid() else (0, 0)
        cells = self.selected_cells()
        if cells:
            row, col = cells[0]
        return self.grid.paste(row, col, QGuiApplication.clipboard().text())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.grid.copy_text(self.selected_cells()))

    def event(self, event: QEvent) -> bool:
        """The Menu key or Shift+F10 opens the cell menu at the current cell (not at the top
        left corner), acting on the selection."""
        if (
            event.type() == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
            and self.currentIndex().isValid()
        ):
            self.customContextMenuRequested.emit(self.visualRect(self.currentIndex()).center())
            return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab move through the cells and leave the grid at its ends (no trap)."""
        current = self.currentIndex()
        last_row, last_col = self.grid.rowCount() - 1, self.grid.columnCount() - 1
        at_end = not current.isValid() or (
            (current.row(), current.column()) == ((last_row, last_col) if next else (0, 0))
        )
        if at_end:
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Tab from the last cell (or Shift+Tab from the first) while editing does not wrap
        round to the other end of the grid."""
        current = self.currentIndex()
        last = (self.grid.rowCount() - 1, self.grid.columnCount() - 1)
        if current.isValid():
            here = (current.row(), current.column())
            if (action == QAbstractItemView.CursorAction.MoveNext and here == last) or (
                action == QAbstractItemView.CursorAction.MovePrevious and here == (0, 0)
            ):
                return current
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.ignore()  # Ctrl+Tab switches pages (the main window), not cells
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            self.grid.clear(self.selected_cells())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            self._move(1, 0)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        hints = QAbstractItemDelegate.EndEditHint
        current = self.currentIndex()
        here = (current.row(), current.column())
        last = (self.grid.rowCount() - 1, self.grid.columnCount() - 1)
        if (hint == hints.EditNextItem and here == last) or (
            hint == hints.EditPreviousItem and here == (0, 0)
        ):
            # Tab out of the last cell (Shift+Tab out of the first) while typing: the value is
            # committed and the focus leaves the grid instead of reopening the same cell.
            super().closeEditor(editor, hints.NoHint)
            QWidget.focusNextPrevChild(self, hint == hints.EditNextItem)
            return
        super().closeEditor(editor, hint)
        # Enter commits and moves down, as in Excel.
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move(1, 0)

    def _move(self, rows: int, cols: int) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        row = min(max(current.row() + rows, 0), self.grid.rowCount() - 1)
        col = min(max(current.column() + cols, 0), self.grid.columnCount() - 1)
        self.setCurrentIndex(self.grid.index(row, col))


class EnergyPage(ProjectPage):
    page_id = "energy"

    def setup_ui(self) -> None:
        self.model = EnergyGridModel(self.service, self)
        self.model.refused.connect(self._show_refused)
        self.model.accepted.connect(self._clear_refused)

        self.content = QWidget(self)
        self.title = self.page_title(self.content)
        self.year_label = QLabel(self.content)
        self.year_combo = named(QComboBox(self.content), "fiscalYear")
        self.year_combo.currentIndexChanged.connect(self._on_year)
        self.add_year_button = QPushButton(self.content)
        self.add_year_button.clicked.connect(self._add_year)
        self.add_energy_combo = named(QComboBox(self.content), "addEnergy")
        self.add_energy_combo.activated.connect(self._add_energy)
        self.contract_button = named(QPushButton(self.content), "lineContract")
        self.contract_button.clicked.connect(self.edit_line_contract)
        self.contract_dialog: ContractDialog | None = None
        self.hint = wrapped_label(self.content)
        self.problem = named(wrapped_label(self.content), "gridProblem")
        self.problem.setStyleSheet("color: #a61b1b;")
        self.view = GridView(self.model, self.content)
        # How the selected column's factor is chosen (ライブラリ / 入力値（出典: …）/ 推計).
        self.factor_line = named(wrapped_label(self.content), "lineFactor")
        self.view.selectionModel().currentChanged.connect(self._show_line_factor)
        self.model.modelReset.connect(self._show_line_factor)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._cell_menu)
        # "Not used this month" (an explicit 0) differs from "not entered" (blank): Ctrl+0 on
        # the selected cells, or the button for every blank month of the current column's line.
        self.not_used_action = QAction(self.view)
        self.not_used_action.setShortcut(QKeySequence("Ctrl+0"))
        self.not_used_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.not_used_action.triggered.connect(self.mark_not_used)
        self.view.addAction(self.not_used_action)
        self.fill_not_used_button = named(QPushButton(self.content), "fillNotUsed")
        self.fill_not_used_button.clicked.connect(self.fill_not_used)

        bar = hbox(
            self.year_label,
            self.year_combo,
            self.add_year_button,
            1,
            self.fill_not_used_button,
            self.contract_button,
            self.add_energy_combo,
        )
        vbox(
            self.content, self.title, bar, self.hint, (self.view, 1), self.factor_line, self.problem
        )
        self.show_content()

        self.service.project_changed.connect(self._on_project_changed)
        self.retranslate_ui()
        self._on_project_changed()

    # -- state -------------------------------------------------------------------------------

    def _on_project_changed(self) -> None:
        if not self.show_open(self.service.is_open):
            self.model.set_fiscal_year(None)
            return
        if refill_years(self.year_combo, self.service.fiscal_years(), self.model.fiscal_year):
            self._on_year()

    def _on_year(self, _index: int = -1) -> None:
        year = self.year_combo.currentData()
        if year != self.model.fiscal_year:
            self.model.set_fiscal_year(year)
            self.problem.clear()

    def select_fiscal_year(self, fiscal_year: int) -> None:
        index = self.year_combo.findData(fiscal_year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def go_to_cell(self, fiscal_year: int, month: str, energy: str, site: str = "") -> bool:
        """Select the quantity cell of ``month`` / ``energy`` (a warning's jump target)."""
        self.select_fiscal_year(fiscal_year)
        for col in range(self.model.columnCount()):
            column = self.model.column(col)
            if column.line.energy == energy and (not site or column.line.site == site):
                for row in range(self.model.rowCount()):
                    if self.model.month(row) == month:
                        index = self.model.index(row, col)
                        self.view.setCurrentIndex(index)
                        self.view.scrollTo(index)
                        self.view.setFocus()
                        return True
        return False

    def focus_first_cell(self) -> None:
        """The grid's first cell current and focused (after the wizard: Ctrl+V pastes there).
        A cell being typed in, or one already chosen, is left as it is."""
        if self.view.state() == QAbstractItemView.State.EditingState:
            return
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        if not self.view.hasFocus():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_year(self) -> None:
        years = self.service.fiscal_years()
        if not years:
            return

        new_year = years[-1] + 1
        self.service.set_fiscal_year(FiscalYearData(new_year))
        self.select_fiscal_year(new_year)

    def _add_energy(self, index: int) -> None:
        choice = self.add_energy_combo.itemData(index)
        self.add_energy_combo.setCurrentIndex(0)
        if choice:
            energy, unit = choice
            self.service.add_energy_line(energy, unit)

    def _show_line_factor(self, *_args: object) -> None:
        project = self.service.project
        index = self.view.currentIndex()
        if project is None or not index.isValid() or index.column() >= self.model.columnCount():
            self.factor_line.clear()
            return
        line = self.model.column(index.column()).line
        contract = project.contract_for(line.site, line.energy) or SupplyContract(
            line.site, line.energy
        )
        self.factor_line.setText(
            self.tr("Factor of %1 at %2: %3")
            .replace("%1", energy_label(line.energy))
            .replace("%2", line.site)
            .replace(
                "%3",
                choice_text(contract, self.model.fiscal_year, self.service.factor_library()),
            )
        )

    def edit_line_contract(self) -> ContractDialog | None:
        """Supplier and factor of the current column's energy at its site (the contract dialog)."""
        project = self.service.project
        index = self.view.currentIndex()
        if project is None or self.model.fiscal_year is None:
            return None
        if index.isValid():
            line = self.model.column(index.column()).line
        elif self.model.columnCount():
            line = self.model.column(0).line
        else:
            return None
        contract = project.contract_for(line.site, line.energy) or SupplyContract(
            line.site, line.energy
        )
        # Imported on first use: opening a project shows this page, and the dialog is not
        # needed for that (about 10 ms of start-up with a file).
        from ecocheck_desktop.gui.dialogs.contract_dialog import ContractDialog

        self.contract_dialog = ContractDialog.edit(
            self,
            contract,
            self.model.fiscal_year,
            self.service.set_contract,
            self.service.factor_library(),
        )
        return self.contract_dialog

    def _cell_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        if not self.view.selectionModel().isSelected(index):
            self.view.setCurrentIndex(index)  # a right-click outside the selection selects
        menu = QMenu(self.view)
        menu.addAction(self.tr("Attach bill scan…"), self.choose_bill_scan)
        menu.addAction(self.tr("Clear"), lambda: self.model.clear(self.view.selected_cells()))
        menu.addSeparator()
        menu.addAction(self.not_used_action)
        menu.addAction(self.fill_not_used_button.text(), self.fill_not_used)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def mark_not_used(self) -> int:
        """0 in the selected blank months: the energy was not used then (not "not entered")."""
        cells = self.view.selected_cells()
        current = self.view.currentIndex()
        if not cells and current.isValid():
            cells = [(current.row(), current.column())]
        if self.model.fiscal_year is None or not cells:
            return 0
        return self.service.mark_not_used(self.model.fiscal_year, cells)

    def fill_not_used(self) -> int:
        """0 in every blank month of the current column's energy line (seasonal fuels)."""
        index = self.view.currentIndex()
        if self.model.fiscal_year is None or not self.model.columnCount():
            return 0
        line = self.model.column(index.column() if index.isValid() else 0).line
        return self.service.fill_not_used(self.model.fiscal_year, line)

    def choose_bill_scan(self) -> None:
        dialog = QFileDialog(self, self.tr("Attach bill scan"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Bill scans (*.pdf *.jpg *.jpeg *.png)"))
        dialog.fileSelected.connect(self.attach_bill)
        dialog.open()

    def attach_bill(self, path: str) -> list[Message]:
        """Attach a scan to the current cell's month and energy (also used by drag and drop)."""
        index = self.view.currentIndex()
        if not index.isValid() or self.model.fiscal_year is None:
            problems = [Message("grid.no_cell")]
            self._show_refused(problems)
            return problems
        column = self.model.column(index.column())
        problems = self.service.attach_bill(self.model.month(index.row()), column.line, path)
        if problems:
            self._show_refused(problems)
        return problems

    def _show_refused(self, problems: list[Message]) -> None:
        self.problem.setText(messages_text(problems))

    def _clear_refused(self) -> None:
        """A later edit went through: the earlier reasons no longer describe the grid, unless a
        red cell is still refused (its reason stays in its tooltip)."""
        if not self.model.has_refused_cells():
            self.problem.clear()

    def paste(self) -> list[Message]:
        return self.view.paste()

    # -- texts -------------------------------------------------------------------------------

    def retranslate_content(self) -> None:
        self.year_label.setText(self.tr("Fiscal year:"))
        self.add_year_button.setText(self.tr("Add next fiscal year"))
        self.hint.setText(
            self.tr(
                "Type the quantity printed on each bill, or copy 12 months from Excel and press "
                "Ctrl+V. Enter moves down, Tab moves right, Delete clears, F2 edits, Ctrl+0 "
                "marks a month as not used (0; blank means not entered). A red cell was not "
                "saved: point at it to see why."
            )
        )
        self.add_energy_combo.blockSignals(True)
        self.add_energy_combo.clear()
        self.add_energy_combo.addItem(self.tr("Add energy…"), "")
        for code in ADDABLE:
            if code not in ENERGY_TYPES:
                continue
            self.add_energy_combo.addItem(energy_label(code), (code, bill_unit(code)))
            for unit in OTHER_UNITS.get(code, ()):
                if unit in ENERGY_TYPES[code].units:
                    shown = unit_text(unit, language())  # 千kWh: "thousand kWh" in English
                    self.add_energy_combo.addItem(f"{energy_label(code)} ({shown})", (code, unit))
        self.not_used_action.setText(self.tr("Not used this month (0)"))
        self.fill_not_used_button.setText(self.tr("Blank months: not used (0)"))
        self.fill_not_used_button.setToolTip(
            self.tr(
                "Enter 0 in every blank month of the selected column's energy: for a fuel used "
                'only in some months (winter kerosene). A blank month means "not entered" and '
                'leaves the year incomplete; 0 means "not used". Ctrl+0 marks only the '
                "selected cells."
            )
        )
        self.contract_button.setText(self.tr("Supplier and factor…"))
        self.contract_button.setToolTip(
            self.tr(
                "The supplier, menu and emission factor of the selected column's energy: "
                "enter the retailer's published factor with its source when the year has no "
                "official list."
            )
        )
        self.add_energy_combo.blockSignals(False)
        self.retitle_items(self.year_combo)
        if self.model.columnCount():
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal,
                0,
                self.model.columnCount() - 1,
            )
            self.model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.model.rowCount() - 1)
