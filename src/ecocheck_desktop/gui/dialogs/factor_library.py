"""File > 係数ライブラリ… : the factor editions, installing a package, 「新しい係数で再計算」.

The table lists every edition the app can use (bundled and installed from a .ecofactors
package) with its fiscal years and source. "Install…" validates and installs a package
(refusals are shown with their reason). 「新しい係数で再計算」 shows, for each fiscal year whose
newest edition differs from the one it is locked to, the old and the new factor and t-CO2
side by side BEFORE anything changes; "Apply" then re-locks those years as one undoable step.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.factor_packages import PACKAGE_SUFFIX, edition_rows
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.gui.message_text import energy_label, message_text, messages_text
from ecocheck_desktop.gui.service import ProjectService
from ecocheck_desktop.gui.widgets.build import named, wrapped_label


def _number(value: Decimal | None, places: int) -> str:
    if value is None:
        return "—"
    return f"{value:,.{places}f}"


class FactorLibraryDialog(QDialog):
    installed = Signal(object)  # InstallResult
    relocked = Signal(object)  # dict[int, str]

    def __init__(self, service: ProjectService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factorLibrary")
        self.service = service
        self.plan: dict[int, str] = {}
        self.heading = wrapped_label(self)
        self.editions = named(QTableWidget(0, 6, self), "factorEditions")
        self.editions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.editions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.editions.setWordWrap(False)
        self.editions.verticalHeader().setVisible(False)
        header = self.editions.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 240)
        self.status = named(wrapped_label(self), "factorStatus")
        self.comparison_label = wrapped_label(self)
        self.comparison = named(QTableWidget(0, 9, self), "factorComparison")
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.verticalHeader().setVisible(False)
        self.comparison.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.comparison.hide()
        self.comparison_label.hide()
        self.install_button = named(QPushButton(self), "installPackage")
        self.install_button.clicked.connect(self.choose_package)
        self.recalc_button = named(QPushButton(self), "recalculate")
        self.recalc_button.clicked.connect(self.show_comparison)
        self.recalc_button.setEnabled(service.is_open)
        self.apply_button = named(QPushButton(self), "applyNewFactors")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.install_button, self.recalc_button, self.apply_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.editions, 3)
        layout.addWidget(self.status)
        layout.addWidget(self.comparison_label)
        layout.addWidget(self.comparison, 2)
        layout.addLayout(row)
        self.retranslate()
        self.fill_editions()
        self.resize(1100, 640)

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Factor library"))
        self.heading.setText(
            self.tr(
                "The emission factor editions this app can use. Each fiscal year stays locked"
                " to the edition it was calculated with; a newer list is applied only by"
                " “Recalculate with newer factors”, after you have seen old and new side by side."
            )
        )
        self.editions.setHorizontalHeaderLabels(
            [
                self.tr("Edition"),
                self.tr("Title"),
                self.tr("Publisher"),
                self.tr("Fiscal years"),
                self.tr("Source"),
                self.tr("Where from"),
            ]
        )
        self.comparison.setHorizontalHeaderLabels(
            [
                self.tr("Fiscal year"),
                self.tr("Site"),
                self.tr("Energy"),
                self.tr("Quantity"),
                self.tr("Old factor"),
                self.tr("New factor"),
                self.tr("Old t-CO2 (adjusted)"),
                self.tr("New t-CO2 (adjusted)"),
                self.tr("Editions (old → new)"),
            ]
        )
        self.install_button.setText(self.tr("Install…"))
        self.recalc_button.setText(self.tr("Recalculate with newer factors"))
        self.apply_button.setText(self.tr("Apply the new factors"))

    def kind_name(self, kind: str) -> str:
        names = {
            "fuel": self.tr("Fuel"),
            "electricity": self.tr("Electricity"),
            "gas": self.tr("City gas"),
            "heat": self.tr("Heat"),
            "refrigerant": self.tr("Refrigerant"),
            "energy_conversion": self.tr("Energy conversion"),
            "scope3": self.tr("Scope 3"),
        }
        return names.get(kind, kind)

    # -- editions -----------------------------------------------------------------------------

    def fill_editions(self) -> None:
        library = self.service.factor_library()
        rows = edition_rows(library)
        self.editions.setRowCount(len(rows))
        for index, row in enumerate(rows):
            origin = self.tr("bundled") if row["origin"] == "bundled" else self.tr("installed")
            if row["partial"]:
                origin += " · " + self.tr("some suppliers only")
            kind = self.kind_name(row["kind"])
            cells = (
                row["id"],
                f"{kind}: {row['title']}",
                row["publisher"],
                row["years"],
                row["source_url"],
                origin,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                item.setToolTip(str(text))
                self.editions.setItem(index, column, item)
        problems = list(getattr(library, "problems", []))
        if problems:
            self.show_status(
                self.tr("Some installed packages could not be read:")
                + "\n"
                + messages_text(problems)
            )

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    # -- install ------------------------------------------------------------------------------

    def choose_package(self) -> None:
        dialog = QFileDialog(self, self.tr("Install a factor package"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Factor package (*%1)").replace("%1", PACKAGE_SUFFIX))
        dialog.fileSelected.connect(self.install)
        dialog.open()

    def install(self, path: str | Path) -> bool:
        try:
            result = self.service.install_factor_package(path)
        except EcoCheckError as error:
            self.show_status(messages_text(list(error.messages)))
            return False
        self.show_status(message_text(result.message))
        self.fill_editions()
        self.installed.emit(result)
        return True

    # -- 新しい係数で再計算 ------------------------------------------------------------------

    def show_comparison(self) -> None:
        comparisons: list[Any] = self.service.factor_comparisons()
        self.plan = {c.fiscal_year: c.new_edition for c in comparisons}
        rows = [(c, line) for c in comparisons for line in c.lines]
        self.comparison.setRowCount(len(rows) + len(comparisons))
        index = 0
        for comparison in comparisons:
            for c, line in ((c, line) for c, line in rows if c is comparison):
                cells = (
                    str(c.fiscal_year),
                    line.site,
                    energy_label(line.energy),
                    f"{_number(line.quantity, 0)} {line.unit}",
                    _number(line.old_factor_adjusted, 6),
                    _number(line.new_factor_adjusted, 6),
                    _number(line.old_t_adjusted, 3),
                    _number(line.new_t_adjusted, 3),
                    f"{c.old_edition} → {c.new_edition}",
                )
                self._set_row(index, cells)
                index += 1
            total = (
                str(comparison.fiscal_year),
                self.tr("Total"),
                "",
                "",
                "",
                "",
                _number(comparison.old_total_adjusted_t, 3),
                _number(comparison.new_total_adjusted_t, 3),
                f"{comparison.old_edition} → {comparison.new_edition}",
            )
            self._set_row(index, total)
            index += 1
        self.comparison_label.show()
        self.comparison.show()
        if comparisons:
            self.comparison_label.setText(
                self.tr(
                    "Nothing has changed yet. “Apply the new factors” locks %1 to the newer"
                    " edition (one step; Edit > Undo takes it back)."
                ).replace("%1", ", ".join(self.tr("FY%1").replace("%1", str(y)) for y in self.plan))
            )
        else:
            self.comparison_label.setText(
                self.tr("Every fiscal year already uses the newest edition.")
            )
        self.apply_button.setEnabled(bool(self.plan))

    def _set_row(self, index: int, cells: tuple[str, ...]) -> None:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if 3 <= column <= 7:  # numbers right-aligned, their unit always visible
                item.setTextAlignment(right)
            self.comparison.setItem(index, column, item)

    def apply(self) -> None:
        if not self.plan:
            return
        plan = dict(self.plan)
        self.service.relock_factor_editions(plan)
        self.plan = {}
        self.apply_button.setEnabled(False)
        self.show_status(
            self.tr("Locked to the new editions: %1").replace(
                "%1", ", ".join(f"FY{year} {edition}" for year, edition in plan.items())
            )
        )
        self.relocked.emit(plan)
