"""A supplier search with ranked suggestions and a message whenever it finds nothing.

Fed by the factor library (``search_retailers`` for electricity, ``search_gas_suppliers`` for
city gas when the library has it): the library ranks, this widget shows. It never comes back
empty without saying why: no list for the year (then the nearest list's names are offered, so
the retailer is still recognised), or no name that matches (then the name is kept as typed and
the user is pointed to the factor entry below).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from ecocheck_desktop.core.factors import default_library, list_years, nearest_list_year
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.gui.widgets.build import named, wrapped_label
from ecocheck_desktop.gui.widgets.energy_widget import EnergyWidget

SEARCH_LIMIT = 50
_REG_NO = re.compile(r"([A-Z]\d{4})\b\s*")
ROW_ROLE = Qt.ItemDataRole.UserRole


def fold(text: str) -> str:
    """Width, case and hiragana → katakana folded, for a forgiving search."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in folded)


class SupplierSearch(EnergyWidget):
    """A line to type in, the ranked matches below it, and a status line."""

    def __init__(self, energy: str = "electricity", parent: QWidget | None = None) -> None:
        super().__init__(energy, parent)
        self.shown_year: int | None = None  # the year whose list the suggestions come from
        self.exact: str | None = None  # the registration number the typed text resolves to
        self.search = named(QLineEdit(self), "supplierSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.update_results)
        self.results = named(QListWidget(self), "supplierResults")
        # A few ranked suggestions are enough; the factor entry below needs the room.
        self.results.setMinimumHeight(72)
        self.results.setMaximumHeight(112)
        self.results.currentItemChanged.connect(lambda *_: self.changed.emit())
        self.status = named(wrapped_label(self), "supplierStatus")
        self.column(self.search, self.results, self.status)
        self.retranslate()

    def set_context(self, fiscal_year: int, library: Any = None) -> None:
        self.fiscal_year = fiscal_year
        self.library = library if library is not None else default_library()
        self.update_results()

    # -- searching ---------------------------------------------------------------------------

    def _has_list(self, fiscal_year: int) -> bool:
        return fiscal_year in list_years(self.library, self.energy)

    def _rows(self, fiscal_year: int, query: str) -> list[Any]:
        if self.energy == "city_gas":
            return list(self.library.search_gas_suppliers(fiscal_year, query))
        rows = list(self.library.search_retailers(fiscal_year, query))
        number = _REG_NO.match(unicodedata.normalize("NFKC", query).strip().upper())
        if not rows and number:
            # "A0269 東京電力エナジーパートナー": the number alone, then the name alone.
            rows = list(self.library.search_retailers(fiscal_year, number.group(1)))
            rest = query[number.end() :].strip()
            if not rows and rest:
                rows = list(self.library.search_retailers(fiscal_year, rest))
        if not rows:
            # Kana-insensitive fallback: the folded query against the folded names.
            needle = fold(query)
            seen: dict[str, Any] = {}
            for row in self.library.search_retailers(fiscal_year, ""):
                if needle in fold(row.supplier) and row.reg_no not in seen:
                    seen[row.reg_no] = row
            rows = list(seen.values())
        return [row for row in rows if row.reg_no and row.row_kind != "grid"]

    def update_results(self) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        self.results.blockSignals(False)
        query = self.search.text().strip()
        if self.library is None or not self.fiscal_year:
            return
        year: int | None = self.fiscal_year
        if not self._has_list(self.fiscal_year):
            year = nearest_list_year(self.library, self.fiscal_year, self.energy)
        self.shown_year = year
        rows = self._rows(year, query) if (year is not None and query) else []
        for row in rows[:SEARCH_LIMIT]:
            item = QListWidgetItem(f"{row.reg_no}  {row.supplier}")
            item.setData(ROW_ROLE, row)
            self.results.addItem(item)
        self.exact = self._exact(year, query) if year is not None else None
        if self.exact is not None:
            # Only a supplier the library itself resolves the text to is picked for the user;
            # a fuzzy suggestion ("did you mean") never is.
            for index in range(self.results.count()):
                if self.results.item(index).data(ROW_ROLE).reg_no == self.exact:
                    self.results.setCurrentRow(index)
                    break
        self.status.setText(self._status(query, len(rows)))
        self.changed.emit()

    def _exact(self, fiscal_year: int, query: str) -> str | None:
        """The registration number the library resolves ``query`` to, if it does."""
        find = getattr(self.library, "find_supplier", None)
        if find is None or not query:
            return None
        kind = "gas" if self.energy == "city_gas" else "electricity"
        try:
            rows = find(kind, fiscal_year, query)
        except EcoCheckError:  # ambiguous: the user picks from the list
            return None
        numbers = {row.reg_no for row in rows if row.reg_no}
        return numbers.pop() if len(numbers) == 1 else None

    def _status(self, query: str, found: int) -> str:
        fy = str(self.fiscal_year)
        if not self._has_list(self.fiscal_year) and self.listed_retailer(self.exact):
            # Issue 15: the year's bundled past-year rows (sourced) hold this retailer.
            return self.tr(
                "FY%1 has no full list, but this retailer's FY%1 factor is bundled from a "
                "published source: it is used (no need to enter it)."
            ).replace("%1", fy)
        if not self._has_list(self.fiscal_year):
            if self.shown_year is None:
                return self.tr(
                    "No official list for FY%1 is installed. Type the name as on your bill and "
                    "enter the factor from the supplier's page below."
                ).replace("%1", fy)
            if query and not found:
                return (
                    self.tr(
                        "No official list for FY%1 is installed, and no name in the FY%2 list "
                        "matches “%3”. Keep the name as typed and enter the factor from the "
                        "supplier's page below."
                    )
                    .replace("%1", fy)
                    .replace("%2", str(self.shown_year))
                    .replace("%3", query)
                )
            if query and self.exact is None:
                return (
                    self.tr(
                        "No official list for FY%1 is installed, and no name in the FY%2 list "
                        "is exactly “%3”; similar names are listed. Pick yours, or keep the name "
                        "as typed and enter the factor from the supplier's page below."
                    )
                    .replace("%1", fy)
                    .replace("%2", str(self.shown_year))
                    .replace("%3", query)
                )
            return (
                self.tr(
                    "No official list for FY%1 is installed. The names shown come from the FY%2 "
                    "list: pick yours, then enter its FY%1 factor from the supplier's page below, "
                    "or choose an estimate."
                )
                .replace("%1", fy)
                .replace("%2", str(self.shown_year))
            )
        if not query:
            return self.tr("Type part of the name or the registration number on your bill.")
        if not found:
            return (
                self.tr(
                    "No supplier in the FY%1 list matches “%2”. Check the spelling on your bill, "
                    "or keep the name as typed and enter the factor from the supplier's page below."
                )
                .replace("%1", fy)
                .replace("%2", query)
            )
        if self.exact is None:
            return (
                self.tr(
                    "No supplier in the FY%1 list is exactly “%2”. Similar names are listed: "
                    "pick yours, or keep the name as typed and enter the factor from the "
                    "supplier's page below."
                )
                .replace("%1", fy)
                .replace("%2", query)
            )
        return self.tr("%n supplier(s) found. Choose yours.", "", found)

    # -- answers -----------------------------------------------------------------------------

    def selected_row(self) -> Any:
        item = self.results.currentItem()
        return item.data(ROW_ROLE) if item is not None else None

    def supplier(self) -> str:
        """The chosen row's registration number, else the name as typed."""
        row = self.selected_row()
        if row is not None:
            return str(row.reg_no or row.supplier)
        return self.search.text().strip()

    def set_supplier(self, supplier: str) -> None:
        self.search.setText(supplier)
        for index in range(self.results.count()):
            row = self.results.item(index).data(ROW_ROLE)
            if supplier in (row.reg_no, row.supplier):
                self.results.setCurrentRow(index)
                break

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Supplier name or registration number"))
        if self.library is not None:
            self.status.setText(self._status(self.search.text().strip(), self.results.count()))
