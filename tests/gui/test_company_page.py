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


def test_contracts_show_how_their_factor_was_chosen(
    company_page: Any, ja_window: MainWindow
) -> None:
    service = ja_window.service
    service.upsert_site(Site("第二工場"))
    service.set_contract(
        SupplyContract(
            "第二工場",
            "electricity",
            "新電力X",
            factor_choice="estimate",
            estimate_basis="substitute",
        )
    )
    column = [company_page.contracts.item(r, 4).text() for r in range(2)]
    assert column == ["ライブラリ", "推計（最寄り年度の一覧の代替値）"]


def test_the_contract_dialog_needs_a_source_and_is_undoable(
    company_page: Any, ja_window: MainWindow, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    service = ja_window.service
    company_page.contracts.selectRow(0)
    dialog = company_page.edit_selected_contract()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    factor = dialog.editor.factor
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()  # FY2025: the library's own list
    factor.use_user.click()
    factor.basic.setText("0.000421")
    factor.adjusted.setText("0.000399")
    assert not ok.isEnabled() and ok.toolTip()
    factor.source.setText("請求書 2025年4月")
    assert ok.isEnabled()
    ok.click()
    contract = service.project.contract_for("本社工場", "electricity")
    assert (contract.factor_basic, contract.factor_adjusted) == (
        Decimal("0.000421"),
        Decimal("0.000399"),
    )
    assert (contract.supplier, contract.menu) == ("A0269", "")  # the menu as it was
    assert company_page.contracts.item(0, 4).text() == "入力値（出典: 請求書 2025年4月）"
    service.set_quantity(2025, "2025-04", "electricity", "1000")
    year = service.year_result(2025)
    assert year.scope2_basic_t == Decimal("0.421")
    ja_window.undo_action.trigger()  # the quantity
    ja_window.undo_action.trigger()  # the contract
    restored = service.project.contract_for("本社工場", "electricity")
    assert restored.factor_basic is None and restored.factor_choice == ""


def test_a_contract_is_added_for_another_site(company_page: Any, ja_window: MainWindow) -> None:
    service = ja_window.service
    service.upsert_site(Site("倉庫"))
    company_page.new_contract_site.setCurrentIndex(company_page.new_contract_site.findText("倉庫"))
    company_page.new_contract_energy.setCurrentIndex(
        company_page.new_contract_energy.findData("lpg")
    )
    dialog = company_page.add_contract()
    details = dialog.editor.gas
    details.lpg_conversion.setCurrentIndex(details.lpg_conversion.findData("kg_per_m3"))
    details.lpg_kg.setText("2.0")
    details.lpg_source.setText("納品書")
    dialog.buttons.accepted.emit()
    contract = service.project.contract_for("倉庫", "lpg")
    assert contract is not None and contract.lpg_kg_per_m3 == Decimal("2.0")


def test_a_year_without_a_list_reads_no_factor_yet(ja_window: MainWindow, tmp_path: Path) -> None:
    from ecocheck_desktop.core.factors import default_library, list_years

    year = next(y for y in range(2024, 2012, -1) if y not in list_years(default_library()))
    ja_window.service.new_project(
        tmp_path / "n.ecocheck",
        Company("一覧なし"),
        [Site("本社工場")],
        [SupplyContract("本社工場", "electricity", "A0269")],
        year,
    )
    ja_window.show_page("company")
    page: Any = ja_window.current_page()
    assert page.contracts.item(0, 4).text() == f"係数未設定（{year}年度の一覧なし）"
