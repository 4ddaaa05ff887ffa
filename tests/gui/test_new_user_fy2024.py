"""Issue 15's acceptance walkthrough, driven through the real window (offscreen).

A moulding shop whose first year is FY2024 (no official retailer list is bundled for it today):
its main plant buys from 東京電力エナジーパートナー, its second plant from a retailer that is in
no list. Each factor is entered from the retailer's page with its source; the project has
electricity for both; the PDF names where each factor came from, in Japanese and English.

The factors typed here are test inputs standing for what a retailer's page prints, not
published values; every expected figure is computed from them. With ECOCHECK_SCREENSHOTS=1 the
factor step and the company page are also written to docs/screenshots/.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard

# Import the report modules (and matplotlib) on the main thread, once, before any worker runs.
import ecocheck_desktop.report.pdf  # noqa: F401
from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.gui.pages import report as report_module

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FY = 2024
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MAIN, SECOND = "本社工場", "第二工場"
# Test inputs: what each retailer's 「電源構成・CO2排出係数」 page would print (kg-CO2/kWh for
# TEPCO, as many pages print it; t-CO2/kWh for the second retailer).
TEPCO_KG = (Decimal("0.457"), Decimal("0.451"))
TEPCO_SOURCE = "東京電力EP「電源構成・CO2排出係数」2023年度実績（テスト入力）"
OTHER_RETAILER = "みらい電工でんき株式会社"
OTHER_T = Decimal("0.000398")
OTHER_SOURCE = "みらい電工でんき 2024年5月請求書（テスト入力）"
KWH = {
    MAIN: [41200, 39800, 44100, 48900, 51200, 46300, 42100, 40300, 43800, 45900, 44200, 42600],
    SECOND: [8200, 7900, 8800, 9600, 10100, 9200, 8400, 8000, 8700, 9100, 8800, 8500],
}


def _type(widget: Any, text: str) -> None:
    """Commit text as a Japanese input method does (keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _save(widget: Any, tmp_path: Path, name: str) -> None:
    QApplication.processEvents()
    image = widget.grab()
    assert image.save(str(tmp_path / name))
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SHOTS / name))


def _pdf_text(path: Path) -> str:
    # The extractor breaks lines inside table cells; the words are compared without them.
    return _squeezed("".join(page.extract_text() for page in PdfReader(path).pages))


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _export(page: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, path: Path, lang: str) -> str:
    page.language_combo.setCurrentIndex(page.language_combo.findData(lang))
    monkeypatch.setattr(report_module.ReportPage, "ask_path", classmethod(lambda *a: str(path)))
    with qtbot.waitSignal(page.export_finished, timeout=90000) as blocker:
        page.pdf_button.click()
    assert blocker.args[:2] == ["pdf", True], blocker.args
    return _pdf_text(path)


def test_fy2024_company_with_tepco_and_an_unlisted_retailer(
    ja_window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ja_window
    project_path = tmp_path / "みらい樹脂工業.ecocheck"

    # 1. The wizard: company, first fiscal year FY2024.
    wizard = window.new_project()
    qtbot.waitExposed(wizard)
    _type(wizard.company_page.name, "みらい樹脂工業株式会社")
    wizard.company_page.first_fy.setValue(FY)
    wizard.next()

    # 2. The retailer search for 東京電力 is never empty without a word: suggestions or why.
    electricity = wizard.electricity_page
    _type(electricity.search, "東京電力")
    assert electricity.status.text()
    names = [electricity.results.item(i).text() for i in range(electricity.results.count())]
    assert any(name.startswith("A0269") for name in names), names
    tepco = next(i for i, name in enumerate(names) if name.startswith("A0269"))
    electricity.results.setCurrentRow(tepco)
    # Enter the factor from the retailer's page (also when a FY2024 list is bundled later).
    factor = electricity.factor
    factor.use_user.click()
    factor.unit.setCurrentIndex(factor.unit.findData("kg"))
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(factor.basic, str(TEPCO_KG[0]))
    qtbot.keyClicks(factor.adjusted, str(TEPCO_KG[1]))
    # No source yet: Next stays disabled and the hint says what is missing.
    assert not next_button.isEnabled()
    assert factor.hint.text()
    assert "電源構成・CO2排出係数" in factor.where.text()
    _type(factor.source, TEPCO_SOURCE)
    assert next_button.isEnabled() and not factor.hint.text()
    _save(wizard, tmp_path, "wizard-factor-ja.png")
    wizard.next()

    # 3. No gas; the file; finish.
    gas = wizard.gas_page
    gas.kind.setCurrentIndex(gas.kind.findData(""))
    wizard.next()
    wizard.file_page.path.setText(str(project_path))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert window.service.is_open and project_path.exists()
    contracts = window.service.project.contracts
    assert [(c.site, c.energy, c.supplier) for c in contracts] == [(MAIN, "electricity", "A0269")]
    assert contracts[0].factor_choice == "user"
    assert contracts[0].factor_source == TEPCO_SOURCE
    # Typed in kg-CO2/kWh, stored in t-CO2/kWh.
    assert contracts[0].factor_basic == TEPCO_KG[0] / 1000
    assert contracts[0].factor_adjusted == TEPCO_KG[1] / 1000

    # 4. 会社情報: a second plant whose retailer is in no list; its factor with its source.
    window.show_page("company")
    company: Any = window.current_page()
    _type(company.new_site, SECOND)
    company.add_site_button.click()
    company.new_contract_site.setCurrentIndex(company.new_contract_site.findText(SECOND))
    company.new_contract_energy.setCurrentIndex(company.new_contract_energy.findData("electricity"))
    dialog = company.add_contract()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    editor = dialog.editor
    _type(editor.finder.search, OTHER_RETAILER)
    # Similar names may be suggested, but none is picked for the user: the name stays as typed.
    assert editor.finder.selected_row() is None and editor.finder.supplier() == OTHER_RETAILER
    assert OTHER_RETAILER in editor.finder.status.text()  # says nothing matched, and what next
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    if not editor.factor.has_list():
        assert editor.factor.use_user.isChecked()  # no list for the year: the factor is asked for
    editor.factor.use_user.click()
    qtbot.keyClicks(editor.factor.basic, str(OTHER_T))
    assert not ok.isEnabled() and editor.factor.hint.text()
    _type(editor.factor.source, OTHER_SOURCE)
    assert ok.isEnabled()
    _save(dialog, tmp_path, "contract-dialog-ja.png")
    ok.click()
    second = window.service.project.contract_for(SECOND, "electricity")
    assert second is not None
    assert (second.supplier, second.factor_choice, second.factor_source) == (
        OTHER_RETAILER,
        "user",
        OTHER_SOURCE,
    )
    assert second.factor_basic == second.factor_adjusted == OTHER_T
    # The contracts table says how each factor was chosen.
    shown = [company.contracts.item(r, 4).text() for r in range(company.contracts.rowCount())]
    assert shown == [f"入力値（出典: {TEPCO_SOURCE}）", f"入力値（出典: {OTHER_SOURCE}）"]
    company.contracts.selectRow(1)
    assert company.edit_contract_button.isEnabled()
    _save(window, tmp_path, "company-factor-ja.png")

    # 5. The energy grid has electricity for both plants; twelve months pasted into each.
    window.show_page("energy")
    energy: Any = window.current_page()
    energy.select_fiscal_year(FY)
    grid = energy.view.model()
    for site, values in KWH.items():
        col = next(
            c
            for c in range(grid.columnCount())
            if grid.column(c).line.energy == "electricity"
            and grid.column(c).line.site == site
            and grid.column(c).kind == "quantity"
        )
        QGuiApplication.clipboard().setText("\r\n".join(str(v) for v in values) + "\r\n")
        energy.view.setCurrentIndex(grid.index(0, col))
        energy.view.clearSelection()
        assert energy.paste() == []
    records = window.service.project.records
    assert {r.site for r in records if r.energy == "electricity"} == {MAIN, SECOND}
    assert len(records) == 24

    # 6. A complete result: Scope 2 is the bills times the entered factors.
    year = window.service.year_result(FY)
    assert year is not None and not year.errors
    expected_basic = sum(KWH[MAIN]) * TEPCO_KG[0] / 1000 + sum(KWH[SECOND]) * OTHER_T
    expected_adjusted = sum(KWH[MAIN]) * TEPCO_KG[1] / 1000 + sum(KWH[SECOND]) * OTHER_T
    assert year.scope2_basic_t == expected_basic
    assert year.scope2_adjusted_t == expected_adjusted

    # 7. The PDF names each factor's source, in Japanese and in English.
    window.show_page("report")
    report: Any = window.current_page()
    report.year_combo.setCurrentIndex(report.year_combo.findData(FY))
    ja = _export(report, qtbot, monkeypatch, tmp_path / "fy2024-ja.pdf", "ja")
    for source in (TEPCO_SOURCE, OTHER_SOURCE):
        assert _squeezed(f"利用者入力（出典: {source}）") in ja
    assert OTHER_RETAILER in ja
    assert _squeezed("A0269 東京電力エナジーパートナー") in ja  # the number named from a list
    en = _export(report, qtbot, monkeypatch, tmp_path / "fy2024-en.pdf", "en")
    for source in (TEPCO_SOURCE, OTHER_SOURCE):
        assert _squeezed(f"Entered by the user (source: {source})") in en
    report.worker.wait(60)
