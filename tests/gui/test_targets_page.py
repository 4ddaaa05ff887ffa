"""The targets page: the demo's standard targets with their FY2030 and FY2050 values."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.report.texts import fmt_t

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def test_the_demo_shows_the_standard_targets(ja_window: MainWindow) -> None:
    assert ja_window.open_demo()
    ja_window.show_page("targets")
    page: Any = ja_window.current_page()
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
        # Every standard target asks for less than the base year by FY2030, and zero by 2050
        # for the SBT paths.
        assert 0 < at_2030 < base_t
    sbt_linear = labels.index(next(label for label in labels if "4.2%" in label))
    expected = base_t * (1 - Decimal("0.042") * (2030 - base_year))
    assert abs(_number(table.item(sbt_linear, 2).text()) - expected) < Decimal("0.1")
    assert _number(table.item(sbt_linear, 3).text()) == 0
    assert page.chart.figure() is not None
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        for lang in ("ja", "en"):
            ja_window.set_language(lang)
            QApplication.processEvents()
            ja_window.grab().save(str(SHOTS / f"targets-{lang}.png"))
        ja_window.set_language("ja")
