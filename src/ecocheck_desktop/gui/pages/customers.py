"""取引先: answers to customers' CO2 requests (issue 21).

The grids of customers, sales, products and production (typed or pasted from Excel, one undo
step per change through the service), the allocation method, each customer's share and t-CO2
with a chart of the split, and the reply packs of every customer written off the UI thread with
progress and cancel. The figures come from core.allocation, the packs from report.answer_pack.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import (
    ALLOCATION_METHODS,
    Customer,
    CustomerSale,
    Product,
    ProductOutput,
)
from ecocheck_desktop.gui.message_text import language, messages_text
from ecocheck_desktop.gui.pages.project_page import ProjectPage, refill_years
from ecocheck_desktop.gui.widgets.build import hbox, vbox, wrapped_label
from ecocheck_desktop.gui.widgets.list_grid import Column, ListGrid
from ecocheck_desktop.gui.widgets.term_tip import term_tip
from ecocheck_desktop.gui.worker import Cancelled, Worker
from ecocheck_desktop.text.numbers import fmt, fmt_t

if TYPE_CHECKING:
    from ecocheck_desktop.core.allocation import Allocation

_GRIDS: dict[str, tuple[type[Any], list[Column]]] = {
    "customers": (
        Customer,
        [Column("name", "", required=True), Column("supplier_code", ""), Column("note", "")],
    ),
    "customer_sales": (
        CustomerSale,
        [
            Column("customer", "", required=True),
            Column("fiscal_year", "", "int", required=True),
            Column("sales_yen", "", "decimal", required=True),
            Column("month", "", "month"),
            Column("product", ""),
            Column("quantity", "", "optional_decimal"),
        ],
    ),
    "products": (
        Product,
        [Column("name", "", required=True), Column("unit", "", required=True), Column("note", "")],
    ),
    "product_outputs": (
        ProductOutput,
        [
            Column("product", "", required=True),
            Column("fiscal_year", "", "int", required=True),
            Column("quantity", "", "decimal", required=True),
            Column("month", "", "month"),
            Column("submeter_kwh", "", "optional_decimal"),
            Column("machine_hours", "", "optional_decimal"),
        ],
    ),
}


class CustomersPage(ProjectPage):
    page_id = "customers"

    def setup_ui(self) -> None:
        self.allocation_result: Allocation | None = None
        self.worker = Worker(self)
        self.written: list[Path] = []
        self.content = QWidget(self)
        self.title = self.page_title(self.content)
        self.year_label = QLabel(self)
        self.year_box = QComboBox(self)
        self.year_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method_label = QLabel(self)
        self.method_box = QComboBox(self)
        for method in ALLOCATION_METHODS:
            self.method_box.addItem("", method)
        self.answer_button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setVisible(False)
        self.message = wrapped_label(self)
        self.message.setObjectName("pageMessage")

        top = hbox(
            self.year_label,
            self.year_box,
            self.method_label,
            self.method_box,
            1,
            self.progress,
            self.cancel_button,
            self.answer_button,
        )

        self.tabs = QTabWidget(self)
        self.result_tab = QWidget(self.tabs)
        self.result_layout = QVBoxLayout(self.result_tab)
        self.table = QTableWidget(0, 6, self.result_tab)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.result_layout.addWidget(self.table, 1)
        self.result_layout.addWidget(self.chart_holder(), 1)
        self.tabs.addTab(self.result_tab, "")
        self.grids: dict[str, ListGrid] = {}
        for table, (cls, columns) in _GRIDS.items():
            grid = ListGrid(columns, cls, self.tabs)
            grid.edited.connect(lambda items, t=table: self._edited(t, items))
            grid.refused.connect(self._show_messages)
            self.grids[table] = grid
            self.tabs.addTab(grid, "")

        vbox(self.content, self.title, top, self.message, (self.tabs, 1))
        self.show_content()

        self.year_box.currentIndexChanged.connect(lambda _i: self.refresh_results())
        self.method_box.activated.connect(self._method_chosen)
        self.answer_button.clicked.connect(self.choose_folder_and_answer)
        self.cancel_button.clicked.connect(self.worker.cancel)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._answered)
        self.worker.failed.connect(self._answer_failed)
        self.worker.cancelled.connect(self._answer_cancelled)
        self.service.footprint_changed.connect(self.refresh)
        self.service.project_changed.connect(self.refresh)
        self.retranslate_ui()
        self.refresh()

    # -- texts -------------------------------------------------------------------------------

    def retranslate_content(self) -> None:
        self.year_label.setText(self.tr("Fiscal year"))
        self.method_label.setText(self.tr("Allocation method"))
        names = {
            "sales": self.tr("By sales"),
            "physical": self.tr("By physical output"),
            "submeter": self.tr("Sub-meter key for an energy-intensive line, rest by sales"),
            "machine_hours": self.tr("By machine hours of each product line"),
        }
        self.retitle_items(self.method_box, names.__getitem__)
        self.retitle_items(self.year_box)
        self.answer_button.setText(self.tr("Reply to all customers…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Customer"),
                self.tr("Share"),
                self.tr("Scope 1 t-CO2"),
                self.tr("Scope 2 market t-CO2"),
                self.tr("Scope 2 location t-CO2"),
                self.tr("Sales (yen)"),
            ]
        )
        column_terms = {
            2: ("scope1",),
            3: ("scope2", "adjusted_factor"),
            4: ("scope2", "location_basis"),
        }
        for column, terms in column_terms.items():
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(term_tip(*terms))
        titles = [
            self.tr("Shares"),
            self.tr("Customers"),
            self.tr("Sales"),
            self.tr("Products"),
            self.tr("Production"),
        ]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.grids["customers"].set_headers(
            [self.tr("Customer"), self.tr("Our supplier code"), self.tr("Note")]
        )
        self.grids["customer_sales"].set_headers(
            [
                self.tr("Customer"),
                self.tr("Fiscal year"),
                self.tr("Sales (yen)"),
                self.tr("Month (optional)"),
                self.tr("Product"),
                self.tr("Quantity delivered"),
            ]
        )
        self.grids["products"].set_headers(
            [self.tr("Product or family"), self.tr("Unit"), self.tr("Note")]
        )
        self.grids["product_outputs"].set_headers(
            [
                self.tr("Product"),
                self.tr("Fiscal year"),
                self.tr("Quantity produced"),
                self.tr("Month (optional)"),
                self.tr("Sub-meter kWh"),
                self.tr("Machine hours"),
            ]
        )
        if self.allocation_result is not None:
            self._show_allocation(self.allocation_result)

    # -- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        project = self.service.project
        if not self.show_open(project is not None):
            return
        for table, grid in self.grids.items():
            grid.set_items(getattr(project, table))
        self.method_box.setCurrentIndex(
            max(self.method_box.findData(project.company.allocation_method), 0)
        )
        years = self.service.fiscal_years()
        with_sales = [y for y in years if any(s.fiscal_year == y for s in project.customer_sales)]
        chosen = self.year_box.currentData()
        refill_years(
            self.year_box, years, chosen if chosen in years else (with_sales or [None])[-1]
        )
        self.refresh_results()

    def refresh_results(self) -> None:
        year = self.year_box.currentData()
        self.allocation_result = None
        self.message.clear()
        if year is None or self.service.project is None or not self.service.project.customers:
            self.table.setRowCount(0)
            self.answer_button.setEnabled(False)
            return
        try:
            allocation = self.service.allocation(year)
        except EcoCheckError as error:
            self.table.setRowCount(0)
            self.answer_button.setEnabled(False)
            self._show_messages(list(error.messages))
            return
        self.allocation_result = allocation
        self.answer_button.setEnabled(allocation is not None and not self.worker.running)
        if allocation is not None:
            self._show_allocation(allocation)

    def _show_allocation(self, allocation: Allocation) -> None:
        lang = language()
        self.table.setRowCount(len(allocation.customers))
        for row, line in enumerate(allocation.customers):
            name = self.tr("Other customers") if line.other else line.customer
            cells = [
                name,
                fmt(line.share * 100, 2) + " %",
                fmt_t(line.t_co2_scope1),
                fmt_t(line.t_co2_scope2_adjusted),
                fmt_t(line.t_co2_scope2_location),
                fmt(line.sales_yen, 0),
            ]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        # matplotlib loads with the first chart (after the page has painted)
        from ecocheck_desktop.report.answer_chart import split_chart

        self.set_figure(split_chart(allocation, lang))

    def _show_messages(self, messages: list[Message]) -> None:
        self.message.setText(messages_text(messages))

    # -- edits -------------------------------------------------------------------------------

    def paste(self) -> None:
        """Edit > Paste with no focused grid: into the grid of the open tab."""
        grid = self.tabs.currentWidget()
        if isinstance(grid, ListGrid):
            grid.paste()

    def _edited(self, table: str, items: list[Any]) -> None:
        self.service.set_customer_list(table, items)

    def _method_chosen(self, index: int) -> None:
        self.service.set_allocation_method(self.method_box.itemData(index))

    # -- the reply packs ---------------------------------------------------------------------

    def choose_folder_and_answer(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the replies"))
        if folder:
            self.answer_all(Path(folder))

    def answer_all(self, folder: Path) -> None:
        """Write every customer's pack into ``folder`` off the UI thread."""
        allocation, project = self.allocation_result, self.service.project
        if allocation is None or project is None or self.worker.running:
            return
        year = self.service.year_result(allocation.fiscal_year)
        names = [c.name for c in project.customers]
        lang = language()

        def work(progress: Any, cancelled: Any) -> list[Path]:
            # reportlab and openpyxl load when a pack is written
            from ecocheck_desktop.report.answer_pack import write_pack

            written: list[Path] = []
            for done, name in enumerate(names):
                if cancelled():
                    raise Cancelled
                written += write_pack(project, year, allocation, name, folder, lang=lang)
                progress(done + 1, len(names))
            return written

        self.progress.setRange(0, len(names))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.answer_button.setEnabled(False)
        self.worker.start(work)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _end_batch(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.answer_button.setEnabled(self.allocation_result is not None)

    def _answered(self, written: list[Path]) -> None:
        self._end_batch()
        self.written = list(written)
        self.message.setText(self.tr("%n file(s) written.", "", len(written)))

    def _answer_failed(self, failure: object) -> None:
        self._end_batch()
        if isinstance(failure, list):
            self._show_messages(failure)
        else:
            self.message.setText(str(failure))

    def _answer_cancelled(self) -> None:
        self._end_batch()
        self.message.setText(self.tr("Cancelled: the replies written so far are kept."))
