"""What every page that shows the open project shares.

Such a page is built with the window's ``ProjectService`` (its own one in tests), shows its
empty state with a button to Home until a project is open, and is retranslated in two steps:
the empty state's texts, then — once its content is built — the content's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from ecocheck_desktop.core.fiscal import fiscal_year_label_en, fiscal_year_label_ja
from ecocheck_desktop.gui.message_text import is_japanese
from ecocheck_desktop.gui.pages import page_entry
from ecocheck_desktop.gui.pages.base import Page
from ecocheck_desktop.gui.service import ProjectService

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ecocheck_desktop.gui.widgets.chart_view import ChartView

# How long a page that follows the results waits after the last change before it refreshes.
REFRESH_DELAY_MS = 150


def fiscal_year_text(fiscal_year: int) -> str:
    """2025年度 (令和7年度) in Japanese, FY2025 in English."""
    return fiscal_year_label_ja(fiscal_year) if is_japanese() else fiscal_year_label_en(fiscal_year)


def set_texts(widgets: Mapping[str, QLabel], texts: Mapping[str, str]) -> None:
    """Give each labelled widget its text, by key."""
    for key, text in texts.items():
        widgets[key].setText(text)


def refill_years(combo: QComboBox, years: Sequence[int], current: int | None) -> bool:
    """Show ``years`` in ``combo`` (keeping ``current`` selected if it is still there, else the
    latest), without emitting signals. Returns False when the combo already showed them."""
    shown = [combo.itemData(i) for i in range(combo.count())]
    if list(years) == shown:
        return False
    combo.blockSignals(True)
    try:
        combo.clear()
        for year in years:
            combo.addItem(fiscal_year_text(year), year)
        wanted = current if current in years else (years[-1] if years else None)
        if wanted is not None:
            combo.setCurrentIndex(list(years).index(wanted))
    finally:
        combo.blockSignals(False)
    return True


class ProjectPage(Page):
    """Base of the pages that show the open project.

    Subclasses implement ``setup_ui`` (build ``self.content``, hidden while no project is open,
    with ``self.title = self.page_title(...)`` in it) and ``retranslate_content``; their heading
    and empty state are in the page registry (``pages.PAGES``).
    """

    needs_service = True
    content: QWidget
    title: QLabel

    def __init__(
        self, parent: QWidget | None = None, service: ProjectService | None = None
    ) -> None:
        super().__init__(parent)
        self.add_home_button()
        self.service = service if service is not None else ProjectService(parent=self)
        self._stale = True
        self._refresh_timer: QTimer | None = None
        self.setup_ui()

    def setup_ui(self) -> None:
        """Build the content, connect to the service and translate (called once, by __init__)."""
        raise NotImplementedError

    def page_title(self, parent: QWidget) -> QLabel:
        title = QLabel(parent)
        title.setObjectName("pageTitle")
        return title

    def show_content(self) -> None:
        """Put the built content below the empty state (one of the two is visible)."""
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.content)

    def show_open(self, shown: bool) -> bool:
        """The content when ``shown`` (a project is open, or the page has something to show),
        else the empty state; returns ``shown``."""
        self.empty_state.setVisible(not shown)
        self.content.setVisible(shown)
        return shown

    @staticmethod
    def retitle_items(combo: QComboBox, text_of: Callable[[Any], str] = fiscal_year_text) -> None:
        """Each item's text again from its data after a language switch (a year combo by
        default)."""
        for index in range(combo.count()):
            combo.setItemText(index, text_of(combo.itemData(index)))

    def debounce(self, interval_ms: int, slot: Callable[[], object]) -> QTimer:
        """A single-shot timer that runs ``slot`` ``interval_ms`` after its last start."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def follow_results(self) -> None:
        """Call :meth:`refresh` a moment after the footprint or the demand data changed: at
        once while the page is visible, else when it is next shown."""
        self._refresh_timer = self.debounce(REFRESH_DELAY_MS, self.refresh)
        self.service.footprint_changed.connect(self.results_changed)
        self.service.demand_changed.connect(self.results_changed)

    def refresh(self) -> None:
        """Show the service's current results (pages that :meth:`follow_results`)."""
        raise NotImplementedError

    def results_changed(self) -> None:
        self._stale = True
        if self._refresh_timer is not None and self.isVisible():
            self._refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._refresh_timer is not None:
            self._refresh_timer.start()

    def chart_holder(self) -> QWidget:
        """The place of the page's chart, which is built (and matplotlib loaded) only once
        there is something to draw: :meth:`set_figure`."""
        holder = QWidget(self.content)
        self._chart_layout = QVBoxLayout(holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart: ChartView | None = None
        return holder

    def set_figure(self, figure: Figure) -> None:
        if self.chart is None:
            # matplotlib loads with the first chart (after the page has painted)
            from ecocheck_desktop.gui.widgets.chart_view import ChartView

            self.chart = ChartView(self._chart_layout.parentWidget())
            self._chart_layout.addWidget(self.chart)
        self.chart.set_figure(figure)

    def retranslate_content(self) -> None:
        """The texts of the content (called once it is built)."""
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        entry = page_entry(self.page_id)
        self.empty_state.set_texts(*entry.empty_texts())
        if hasattr(self, "content"):
            self.title.setText(entry.heading())
            self.retranslate_content()
