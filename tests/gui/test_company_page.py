"""The company page: profile and per-year figures are saved on leaving a field, undoably."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core.model import Company, Site, SupplyContract
from ecocheck_desktop.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def company_page(ja_window: MainWindow, tmp_path: Path) -> Any:
    ja_window.service.new_project(
        tmp_path / "c.ecocheck",
        Company("会社ページ"),
        [Site("本社工場")],
        [SupplyContract("本社工場", "electricity", "A0269")],
        2025,
    )
    ja_window.show_page("company")
    return ja_window.current_page()


def test_profile_edit_is_saved_and_undoable(company_page: Any, ja_window: MainWindow) -> None:
    service = ja_window.service
    company_page.profile["contact"].setText("山田")
    company_page.profile["contact"].editingFinished.emit()
    assert service.project.company.contact == "山田"
    ja_window.undo_action.trigger()
    assert service.project.company.contact == ""
    assert company_page.profile["contact"].text() == ""


def test_year_figures_feed_the_intensity(company_page: Any, ja_window: MainWindow) -> None:
    service = ja_window.service
    service.set_quantity(2025, "2025-04", "electricity", "10000")
    revenue = company_page.year_fields["revenue_million_yen"]
    revenue.setText("８００")
    revenue.editingFinished.emit()
    assert service.project.fiscal_years[2025].revenue_million_yen == Decimal(800)
    year = service.year_result(2025)
    assert year is not None and [i.key for i in year.intensities][:1] == ["revenue"]


def test_a_bad_figure_is_marked_and_not_stored(company_page: Any, ja_window: MainWindow) -> None:
    service = ja_window.service
    employees = company_page.year_fields["employees"]
    employees.setText("40")
    employees.editingFinished.emit()
    employees.setText("四十人")
    employees.editingFinished.emit()
    assert service.project.fiscal_years[2025].employees == Decimal(40)
    assert "数値ではありません" in employees.toolTip()
    assert employees.styleSheet()


def test_contract_supplier_can_be_changed(company_page: Any, ja_window: MainWindow) -> None:
    service = ja_window.service
    item = company_page.contracts.item(0, 3)
    item.setText("メニューA")
    assert service.project.contracts[0].menu == "メニューA"
    ja_window.undo_action.trigger()
    assert service.project.contracts[0].menu == ""
