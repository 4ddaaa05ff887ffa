"""The results page: tiles follow edits at once, charts a moment later, checks jump to cells."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    Project,
    Site,
    SupplyContract,
)
from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.text.numbers import fmt_t

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SITE = "本社工場"


@pytest.fixture
def opened(ja_window: MainWindow, tmp_path: Path) -> MainWindow:
    window = ja_window
    window.service.new_project(
        tmp_path / "r.ecocheck",
        Company("結果テスト"),
        [Site(SITE)],
        [SupplyContract(SITE, "electricity", "A0269"), SupplyContract(SITE, "city_gas")],
        2024,
    )
    service = window.service
    for fy in (2024, 2025):
        service.set_fiscal_year(FiscalYearData(fy, revenue_million_yen=Decimal(500)))
    # The library has no retailer list for FY2024: those bills carry the factor printed on them.
    service.import_records(
        [
            EnergyRecord(
                month,
                "electricity",
                Decimal(20000 + 100 * i),
                "kWh",
                SITE,
                factor_basic=Decimal("0.000450"),
                factor_adjusted=Decimal("0.000450"),
                factor_source="test bill",
            )
            for i, month in enumerate(service.months(2024))
        ]
    )
    block = "\n".join(str(18000 + 100 * i) for i in range(12))
    assert service.paste_block(2025, 0, 0, block) == []
    return window


def test_tiles_show_the_footprint_and_follow_edits(opened: MainWindow, qtbot) -> None:
    window = opened
    window.show_page("results")
    page: Any = window.current_page()
    assert page.year_combo.currentText() == "2025年度 (令和7年度)"
    # The expected figures come from the core directly, not from the page.
    project = window.service.project
    expected = calculate(
        Project(
            project.company,
            project.sites,
            project.contracts,
            project.fiscal_years,
            list(project.records),
        ),
        strict=False,
    )
    year = expected.year(2025)
    assert page.tiles["total"].value.text() == fmt_t(year.total_adjusted_t)
    assert page.tiles["scope2_adjusted"].value.text() == fmt_t(year.scope2_adjusted_t)
    assert page.tiles["change"].value.text().startswith("-")  # 2025 used less than 2024
    assert "%" in page.tiles["change"].value.text()
    assert page.tiles["intensity"].value.text() != "-"

    before = page.tiles["total"].value.text()
    assert window.service.set_quantity(2025, "2025-04", "city_gas", "1000") == []
    assert page.tiles["total"].value.text() != before  # at once, no waiting
    assert page.tiles["scope1"].value.text() != "0.000"

    qtbot.waitUntil(lambda: page.monthly_chart.canvas is not None, timeout=5000)
    qtbot.waitUntil(lambda: page.factors.rowCount() > 0, timeout=5000)
    labels = [page.factors.item(r, 0).text() for r in range(page.factors.rowCount())]
    assert any("A0269" in label or "東京電力" in label for label in labels)
    editions = [page.factors.item(r, 3).text() for r in range(page.factors.rowCount())]
    assert all(editions)
    for index in range(3):
        page.charts.setCurrentIndex(index)
        QApplication.processEvents()
        assert page.charts.currentWidget().figure() is not None


def test_a_check_jumps_to_its_cell(opened: MainWindow, qtbot) -> None:
    window = opened
    window.show_page("results")
    page: Any = window.current_page()
    page.update_charts()
    # City gas has only April: one check names its 11 other months and jumps to the first.
    window.service.set_quantity(2025, "2025-04", "city_gas", "1000")
    page.update_charts()
    items = [page.warnings.item(i) for i in range(page.warnings.count())]
    missing = [i for i in items if "都市ガス" in i.text() and "11 か月分" in i.text()]
    assert len(missing) == 1, [i.text() for i in items]
    assert "2025-06" in missing[0].text() and "0 を入力" in missing[0].text()
    page.warnings.itemDoubleClicked.emit(missing[0])
    assert window.current_page().page_id == "energy"
    energy: Any = window.current_page()
    current = energy.view.currentIndex()
    assert energy.model.month(current.row()) == "2025-05"
    assert energy.model.column(current.column()).line.energy == "city_gas"


def test_language_switch_retranslates_the_results(opened: MainWindow) -> None:
    window = opened
    window.show_page("results")
    page: Any = window.current_page()
    assert page.tiles["scope1"].title.text() == "スコープ1（燃料）"
    window.set_language("en")
    assert page.tiles["scope1"].title.text() == "Scope 1 (fuels)"
    assert page.year_combo.currentText() == "FY2025"
    window.show_page("energy")
    energy: Any = window.current_page()
    assert energy.model.headerData(0, Qt.Orientation.Vertical) == "Apr 2025"
    window.set_language("ja")
    assert page.tiles["scope1"].title.text() == "スコープ1（燃料）"


def test_the_demo_company_opens_with_results(ja_window: MainWindow, tmp_path: Path) -> None:
    window = ja_window
    assert window.open_demo()
    service = window.service
    assert service.is_open and "デモ" in service.project.company.name
    assert service.fiscal_years()[-2:] == [2024, 2025]
    window.show_page("results")
    page: Any = window.current_page()
    assert page.tiles["total"].value.text() not in ("", "-")
    assert "%" in page.tiles["change"].value.text()  # two years: a change vs the previous one
    page.update_charts()
    QApplication.processEvents()
    window.grab().save(str(tmp_path / "demo-results.png"))
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
        for lang in ("ja", "en"):
            window.set_language(lang)
            for page_id in ("energy", "results"):
                window.show_page(page_id)
                shown: Any = window.current_page()
                if hasattr(shown, "update_charts"):
                    shown.update_charts()
                QApplication.processEvents()
                window.grab().save(str(shots / f"demo-{page_id}-{lang}.png"))
        window.set_language("ja")
    # Opening the demo again starts from a fresh copy (the user's edits to it are not kept).
    assert service.set_quantity(2025, "2025-04", "electricity", "1") == []
    assert window.open_demo()
    assert window.service.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2.619466666666666", "2.61947"),
        ("0.000452", "0.000452"),
        ("2.09", "2.09"),
        ("1234.5678", "1,234.57"),
    ],
)
def test_factor_values_are_shown_readably(value: str, shown: str) -> None:
    from ecocheck_desktop.gui.pages.results import factor_value_text

    assert factor_value_text(Decimal(value)) == shown
