"""The targets page: the demo's standard targets with their FY2030 and FY2050 values."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.text.numbers import fmt_t

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def test_the_demo_shows_the_standard_targets(ja_window: MainWindow) -> None:
    assert ja_window.open_demo()
    ja_window.show_page("targets")
    page: Any = ja_window.current_page()
    assert len(page.service.project.targets) == 4  # the demo keeps its targets and a bank SPT
    page.service.set_targets([])  # a company that has not chosen any: the standard three
    page.refresh()
    table = page.table
    assert table.rowCount() == 3
    labels = [table.item(r, 0).text() for r in range(3)]
    assert any("4.2%" in label for label in labels) and any("46%" in label for label in labels)
    base_year = page.base_year()
    base_t = page.service.year_result(base_year).total_adjusted_t
    for row in range(3):
        assert table.item(row, 1).text().endswith(fmt_t(base_t))
        at_2030 = _number(table.item(row, 2).text())
        # Every standard target asks for less than the base year by FY2030; the SBT paths are
        # near-term (SBTi's SME route) and show nothing for 2050.
        assert 0 < at_2030 < base_t
    sbt_linear = labels.index(next(label for label in labels if "4.2%" in label))
    expected = base_t * (1 - Decimal("0.042") * (2030 - base_year))
    assert abs(_number(table.item(sbt_linear, 2).text()) - expected) < Decimal("0.1")
    assert table.item(sbt_linear, 3).text() == "-"
    assert page.chart.figure() is not None


def test_the_plan_line_and_a_bank_spt(ja_window: MainWindow) -> None:
    from ecocheck_desktop.core.model import PlannedMeasure
    from ecocheck_desktop.core.targets import compare

    assert ja_window.open_demo()
    service = ja_window.service
    ja_window.show_page("targets")
    page: Any = ja_window.current_page()
    service.set_targets([])
    service.set_measure_plan([])
    page.refresh()
    assert page.plan_points == ()
    assert page.table.item(0, 5).text() == "-"

    latest = service.fiscal_years()[-1]
    service.set_measure_plan([PlannedMeasure("CA-02", latest + 1), PlannedMeasure("RE-01", 2028)])
    page.refresh()
    QApplication.processEvents()
    assert page.chart.canvas.isVisible(), "a redrawn chart is shown, not left hidden"
    points = {p.year: p.t_co2 for p in page.plan_points}
    start = service.year_result(latest).total_adjusted_t
    # Nothing planned takes effect in the year itself (equal to the 28 digits of a Decimal).
    assert abs(points[latest] - start) < Decimal("1e-20")
    assert points[2030] < points[latest + 1] < start  # PV from 2028 cuts further
    gap = compare(page.paths[0], page.plan_points).gaps[0]
    assert gap.year == 2030
    shown = page.table.item(0, 5).text()
    assert fmt_t(abs(gap.gap_t)) in shown

    page.spt_year.setValue(page.base_year() + 6)
    page.spt_pct.setValue(12.5)
    page.spt_save.click()
    page.refresh()
    spt = [t for t in service.project.targets if t.kind == "bank_spt"]
    assert len(spt) == 1 and spt[0].reduction_pct == Decimal("12.5")
    assert spt[0].target_year == page.base_year() + 6
    assert service._file.load().targets == service.project.targets  # saved in the file
    assert page.table.rowCount() == 4
    assert any("SPT" in page.table.item(r, 0).text() for r in range(4))
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        for lang in ("ja", "en"):
            ja_window.set_language(lang)
            QApplication.processEvents()
            ja_window.grab().save(str(SHOTS / f"targets-{lang}.png"))
        ja_window.set_language("ja")
    service.undo_stack.undo()
    assert service.project.targets == []


def test_a_base_year_on_an_estimate_says_so(ja_window: MainWindow) -> None:
    """Issue 15 point 8: the demo's base year FY2024 uses an estimate (推計), and the targets
    measured against it say so on screen."""
    assert ja_window.open_demo()
    ja_window.show_page("targets")
    page: Any = ja_window.current_page()
    page.refresh()
    assert page.base_year() == 2024
    assert "推計" in page.notes.text() and "2024" in page.notes.text()


def test_a_hidden_page_refreshes_when_it_is_shown_again(ja_window: MainWindow, qtbot: Any) -> None:
    assert ja_window.open_demo()
    ja_window.show_page("targets")
    page: Any = ja_window.current_page()
    qtbot.waitUntil(lambda: not page._stale)
    shown_rows = page.table.rowCount()
    ja_window.show_page("results")
    page.service.set_targets([])  # while hidden: nothing is redrawn yet
    qtbot.wait(300)
    assert page.table.rowCount() == shown_rows and page._stale
    ja_window.show_page("targets")
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)  # the standard three, once shown
    assert not page._stale
