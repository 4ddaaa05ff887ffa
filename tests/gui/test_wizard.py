"""The new-company wizard: retailer search, menus, answers; import preview; drag and drop."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.gui.wizard import NewCompanyWizard, current_fiscal_year

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def wizard(qtbot) -> NewCompanyWizard:
    dialog = NewCompanyWizard()
    qtbot.addWidget(dialog)
    dialog.company_page.first_fy.setValue(2025)
    return dialog


@pytest.mark.parametrize(
    "query", ["A0269", "a0269", "東京電力エナジー", "ｴﾅｼﾞｰﾊﾟｰﾄﾅｰ", "えなじーぱーとなー"]
)
def test_retailer_search_by_number_name_width_and_kana(
    wizard: NewCompanyWizard, query: str
) -> None:
    page = wizard.electricity_page
    page.search.setText(query)
    names = [page.results.item(i).text() for i in range(page.results.count())]
    assert any(name.startswith("A0269") for name in names), names


def test_menus_follow_the_retailer_with_the_residual_preselected(wizard: NewCompanyWizard) -> None:
    page = wizard.electricity_page
    page.search.setText("A0269")
    assert page.results.currentRow() == 0
    menus = [page.menu.itemText(i) for i in range(page.menu.count())]
    assert len(menus) > 1
    assert "残差" in page.menu.currentText()
    contract = page.contract("本社工場")
    assert contract is not None and contract.supplier == "A0269" and "残差" in contract.menu


def test_answers_carry_company_site_contracts_and_year(wizard: NewCompanyWizard, tmp_path) -> None:
    company = wizard.company_page
    company.name.setText("テスト工業")
    company.site.setText("第一工場")
    company.start_month.setValue(10)
    wizard.electricity_page.search.setText("A0269")
    wizard.gas_page.initializePage()
    wizard.gas_page.kind.setCurrentIndex(wizard.gas_page.kind.findData("lpg"))
    wizard.file_page.path.setText(str(tmp_path / "t.ecocheck"))
    answers = wizard.answers()
    assert answers.company.name == "テスト工業"
    assert answers.company.fy_start_month == 10
    assert answers.sites[0].name == "第一工場"
    assert [(c.site, c.energy) for c in answers.contracts] == [
        ("第一工場", "electricity"),
        ("第一工場", "lpg"),
    ]
    assert answers.first_fy == 2025


@pytest.fixture
def wizard_fy2024(wizard: NewCompanyWizard) -> NewCompanyWizard:
    """A first year without a bundled retailer list: FY2024 today (only R6実績 is bundled)."""
    from ecocheck_desktop.core.factors import default_library, list_years

    listed = list_years(default_library())
    year = next((y for y in range(2024, 2012, -1) if y not in listed), None)
    if year is None:
        pytest.skip("every year from FY2013 has a list now")
    wizard.company_page.first_fy.setValue(year)
    return wizard


@pytest.mark.parametrize("query", ["東京電力", "A0269", "A0269 東京電力エナジーパートナー"])
def test_a_year_without_a_list_still_suggests_and_says_why(
    wizard_fy2024: NewCompanyWizard, query: str
) -> None:
    page = wizard_fy2024.electricity_page
    page.search.setText(query)
    names = [page.results.item(i).text() for i in range(page.results.count())]
    assert any(name.startswith("A0269") for name in names), names
    year = wizard_fy2024.company_page.first_fy.value()
    assert f"FY{year}" in page.status.text()  # names the year that has no list
    # No list: the factor is asked for, and Next waits for it.
    assert page.factor.mode() == "user"
    assert not page.isComplete() and page.factor.hint.text()


def test_an_unknown_name_is_never_an_empty_silent_list(wizard: NewCompanyWizard) -> None:
    page = wizard.electricity_page
    page.search.setText("zzqq-power")
    # Similar names (V-Power, U-POWER) may be suggested, but none is chosen for the user.
    assert page.results.currentItem() is None and page.editor.finder.supplier() == "zzqq-power"
    assert "zzqq-power" in page.status.text()


def test_next_waits_for_the_source_and_a_kg_value_is_stored_in_t(
    wizard_fy2024: NewCompanyWizard,
) -> None:
    page = wizard_fy2024.electricity_page
    page.search.setText("A0269")
    factor = page.factor
    factor.basic.setText("0.457")
    # 0.457 t-CO2/kWh is 1000x any real factor: refused with a hint naming kg.
    assert not page.isComplete() and "kg-CO2/kWh" in factor.hint.text()
    factor.unit.setCurrentIndex(factor.unit.findData("kg"))
    assert not page.isComplete()  # still no source
    factor.source.setText("https://example.jp/co2")
    assert page.isComplete()
    contract = page.contract("本社工場")
    assert contract.factor_choice == "user"
    assert contract.factor_basic == Decimal("0.457") / 1000
    assert contract.factor_adjusted == contract.factor_basic  # blank adjusted: same as basic
    assert contract.factor_source == "https://example.jp/co2"


def test_decide_later_stays_while_the_user_searches(wizard_fy2024: NewCompanyWizard) -> None:
    page = wizard_fy2024.electricity_page
    page.factor.use_library.setChecked(True)  # 「あとで決める」
    assert page.isComplete()
    page.search.setText("A0269")
    assert page.factor.mode() == "library"
    contract = page.contract("本社工場")
    assert (contract.supplier, contract.factor_choice, contract.factor_basic) == ("A0269", "", None)


def test_a_knowing_estimate_is_recorded_with_its_basis(wizard_fy2024: NewCompanyWizard) -> None:
    page = wizard_fy2024.electricity_page
    page.search.setText("A0269")
    page.factor.use_estimate.setChecked(True)
    page.factor.basis.setCurrentIndex(page.factor.basis.findData("retailer"))
    assert page.isComplete()
    assert "2025" in page.factor.estimate_note.text()
    contract = page.contract("本社工場")
    assert (contract.factor_choice, contract.estimate_basis) == ("estimate", "retailer")
    assert contract.factor_basic is None and contract.factor_source == ""
    # A retailer that the nearest list does not know cannot take "same retailer" as basis.
    page.search.setText("zzqq-power")
    assert not page.isComplete()
    page.factor.basis.setCurrentIndex(page.factor.basis.findData("substitute"))
    assert page.isComplete()
    assert page.contract("本社工場").estimate_basis == "substitute"


def test_a_listed_year_keeps_the_library_and_no_factor_is_asked(
    wizard: NewCompanyWizard,
) -> None:
    page = wizard.electricity_page
    page.search.setText("A0269")
    assert page.factor.mode() == "library" and page.isComplete()
    contract = page.contract("本社工場")
    assert contract.factor_choice == "" and contract.factor_basic is None


def test_the_wizard_always_creates_an_electricity_contract(wizard: NewCompanyWizard) -> None:
    wizard.company_page.name.setText("電気なし?")
    wizard.gas_page.kind.setCurrentIndex(wizard.gas_page.kind.findData("city_gas"))
    answers = wizard.answers()
    assert [c.energy for c in answers.contracts][:1] == ["electricity"]


def test_an_unmatched_gas_supplier_is_said(wizard: NewCompanyWizard) -> None:
    gas = wizard.gas_page
    gas.initializePage()
    gas.kind.setCurrentIndex(gas.kind.findData("city_gas"))
    gas.supplier.setEditText("東部瓦斯株式会社")
    assert gas.menu.count() > 0 and not gas.supplier_status.text()
    gas.supplier.setEditText("どこにもないガス")
    assert gas.menu.count() == 0
    assert "どこにもないガス" in gas.supplier_status.text()


def test_gas_heat_value_and_lpg_conversion_need_their_source(wizard: NewCompanyWizard) -> None:
    gas = wizard.gas_page
    gas.initializePage()
    gas.kind.setCurrentIndex(gas.kind.findData("city_gas"))
    details = gas.details
    details.heat_value.setText("46.0")
    assert not gas.isComplete() and details.hint.text()
    details.heat_source.setText("金沢市企業局 ガスの熱量")
    assert gas.isComplete()
    contract = gas.contract("本社工場")
    assert contract.heat_value_gj_per_km3 == Decimal("46.0")
    assert contract.heat_value_source == "金沢市企業局 ガスの熱量"
    details.heat_value.setText("460")  # a slip of the decimal point
    assert not gas.isComplete()

    gas.kind.setCurrentIndex(gas.kind.findData("lpg"))
    assert gas.isComplete()  # propane 1/502 by default
    assert gas.contract("本社工場").lpg_conversion == ""
    details.lpg_conversion.setCurrentIndex(details.lpg_conversion.findData("kg_per_m3"))
    details.lpg_kg.setText("2.07")
    assert not gas.isComplete()
    details.lpg_source.setText("納品書 2024-05")
    assert gas.isComplete()
    lpg = gas.contract("本社工場")
    assert (lpg.lpg_conversion, lpg.lpg_kg_per_m3, lpg.lpg_source) == (
        "kg_per_m3",
        Decimal("2.07"),
        "納品書 2024-05",
    )
    details.lpg_conversion.setCurrentIndex(details.lpg_conversion.findData("butane"))
    assert gas.contract("本社工場").lpg_conversion == "butane"


def test_first_fiscal_year_default_is_the_last_complete_one() -> None:
    from datetime import date

    assert current_fiscal_year(4, date(2026, 3, 31)) == 2025
    assert current_fiscal_year(4, date(2026, 4, 1)) == 2026


def _write_bills(path: Path, rows: list[str]) -> Path:
    path.write_text("month,energy,quantity,unit,cost_yen\n" + "\n".join(rows) + "\n", "utf-8")
    return path


def test_import_preview_shows_every_problem_before_writing(
    ja_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    from ecocheck_desktop.core.model import Company
    from ecocheck_desktop.gui.dialogs.import_preview import ImportPreviewDialog

    window = ja_window
    window.service.new_project(tmp_path / "i.ecocheck", Company("取込"), first_fy=2025)
    bills = _write_bills(
        tmp_path / "bills.csv",
        [
            "2025-04,電気,1000,kWh,30000",
            "2025-13,電気,5,kWh,",
            "2025-05,electricity,-5,kWh,",
            "2025-06,都市ガス,120,m3,20000",
        ],
    )
    dialog = ImportPreviewDialog(window.service, bills, window)
    qtbot.addWidget(dialog)
    dialog.open()
    with qtbot.waitSignal(dialog.problems.model().rowsInserted, timeout=10000):
        dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None or dialog.problems.count() > 0)
    qtbot.waitUntil(lambda: dialog.rows.rowCount() == 2, timeout=10000)
    assert dialog.problems.count() >= 2  # the bad month and the negative quantity
    assert window.service.project.records == []  # nothing written yet
    dialog.grab().save(str(tmp_path / "import-preview.png"))
    dialog.do_import()
    energies = sorted(r.energy for r in window.service.project.records)
    assert energies == ["city_gas", "electricity"]
    window.undo_action.trigger()
    assert window.service.project.records == []


def test_import_preview_asks_for_the_factor_of_a_year_without_a_list(
    ja_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    from ecocheck_desktop.core.factors import default_library, list_years
    from ecocheck_desktop.core.model import Company
    from ecocheck_desktop.gui.dialogs.import_preview import ImportPreviewDialog

    if 2024 in list_years(default_library()):
        pytest.skip("a FY2024 retailer list is bundled now")
    window = ja_window
    window.service.new_project(tmp_path / "n.ecocheck", Company("取込2024"), first_fy=2024)
    bills = _write_bills(
        tmp_path / "fy2024.csv",
        ["2024-04,電気,1000,kWh,30000", "2024-05,電気,1100,kWh,31000"],
    )
    dialog = ImportPreviewDialog(window.service, bills, window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert dialog.factor_needs() == [("本社工場", "electricity", 2024)]
    assert dialog.needs.count() == 1 and dialog.factor_button.isVisibleTo(dialog)
    assert "2024" in dialog.needs.item(0).text()
    contract_dialog = dialog.edit_selected_need()
    assert contract_dialog is not None
    factor = contract_dialog.editor.factor
    assert factor.mode() == "user" and not contract_dialog.ok_button.isEnabled()
    factor.basic.setText("0.000433")
    factor.source.setText("小売電気事業者のページ 2023年度実績")
    contract_dialog.buttons.accepted.emit()
    assert dialog.factor_needs() == []  # answered, shown as chosen
    assert "入力値" in dialog.needs.item(0).text()
    dialog.do_import()
    service = window.service
    contract = service.project.contract_for("本社工場", "electricity")
    assert contract.factor_source == "小売電気事業者のページ 2023年度実績"
    assert service.year_result(2024).scope2_basic_t == Decimal("0.000433") * 2100
    window.undo_action.trigger()  # the bills and their factor are one step
    assert service.project.records == []
    assert service.project.contract_for("本社工場", "electricity") is None


def test_dropping_a_project_file_opens_it(ja_window: MainWindow, tmp_path: Path) -> None:
    from ecocheck_desktop.core.model import Company

    window = ja_window
    path = tmp_path / "dropped.ecocheck"
    window.service.new_project(path, Company("ドロップ"), first_fy=2025)
    window.service.close()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    refused = QDragEnterEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        other,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(refused)
    assert not refused.isAccepted()
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers drop events only during a real drag; the handler is called as Qt would.
    window.dropEvent(event)
    assert window.service.is_open
    assert window.service.project.company.name == "ドロップ"
    assert window.windowTitle().startswith("dropped.ecocheck")


def test_file_page_refuses_an_existing_file_or_missing_folder(
    wizard: NewCompanyWizard, tmp_path: Path
) -> None:
    page = wizard.file_page
    taken = tmp_path / "taken.ecocheck"
    taken.write_bytes(b"")
    page.path.setText(str(taken))
    assert not page.validatePage() and page.problem.text()
    page.path.setText(str(tmp_path / "missing" / "x.ecocheck"))
    assert not page.validatePage()
    page.path.setText(str(tmp_path / "x.txt"))
    assert not page.validatePage()
    page.path.setText(str(tmp_path / "new.ecocheck"))
    assert page.validatePage() and page.problem.text() == ""


def test_dropping_a_bill_scan_attaches_it_to_the_selected_cell(
    ja_window: MainWindow, tmp_path: Path
) -> None:
    from ecocheck_desktop.core.model import Company

    window = ja_window
    window.service.new_project(tmp_path / "s.ecocheck", Company("スキャン"), first_fy=2025)
    window.service.set_quantity(2025, "2025-04", "electricity", "100")
    window.show_page("energy")
    energy: Any = window.current_page()
    energy.view.setCurrentIndex(energy.model.index(0, 0))
    scan = tmp_path / "denki-2025-04.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    window.open_dropped(scan)
    assert "denki-2025-04.pdf" in energy.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    # A file that is not a scan (content checked, not the name) is refused with a message.
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"MZ not a pdf")
    window.open_dropped(fake)
    assert energy.problem.text()


def test_a_gas_supplier_typed_over_a_picked_one_is_the_typed_one(qtbot) -> None:
    """Picking 東京瓦斯 from the list and then typing another supplier's name must not keep
    the first one's registration number (its factor would be used for the other company)."""
    dialog = NewCompanyWizard()
    qtbot.addWidget(dialog)
    dialog.company_page.first_fy.setValue(2025)
    gas = dialog.gas_page
    gas.initializePage()
    gas.kind.setCurrentIndex(gas.kind.findData("city_gas"))
    gas.supplier.setCurrentIndex(gas.supplier.findText("東京瓦斯株式会社"))
    picked = gas.contract("本社工場")
    assert picked is not None and picked.supplier == "A0020"
    gas.supplier.setEditText("A0026 東部瓦斯")
    typed = gas.contract("本社工場")
    assert typed is not None and typed.supplier == "A0026 東部瓦斯"
    menus = [gas.menu.itemText(i) for i in range(gas.menu.count())]
    assert "福島地区、茨城地区" in menus
