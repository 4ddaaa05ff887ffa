"""会社情報's bank-pack fields (issue 18): saved through the service with undo, refused with a
catalogue message when a rule of core.bank_fields breaks, and the year's reasons printed."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core.bank_fields import bank_problems
from ecocheck_desktop.core.model import Company, Site, SupplyContract
from ecocheck_desktop.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "report"


@pytest.fixture
def company_page(ja_window: MainWindow, tmp_path: Path) -> Any:
    ja_window.service.new_project(
        tmp_path / "b.ecocheck",
        Company("銀行向け"),
        [Site("本社工場")],
        [SupplyContract("本社工場", "electricity", "A0269")],
        2025,
    )
    ja_window.show_page("company")
    return ja_window.current_page()


def test_bank_fields_are_saved_and_undoable(company_page: Any, ja_window: MainWindow) -> None:
    service = ja_window.service
    bank = company_page.bank
    bank.edits["representative_name"].setText("日立 太郎")
    bank.edits["representative_name"].editingFinished.emit()
    bank.edits["sector_benchmark_pct_per_year"].setText("2.5")
    bank.edits["sector_benchmark_pct_per_year"].editingFinished.emit()
    company = service.project.company
    assert company.representative_name == "日立 太郎"
    assert company.sector_benchmark_pct_per_year == Decimal("2.5")
    ja_window.undo_action.trigger()
    assert service.project.company.sector_benchmark_pct_per_year is None
    assert bank.edits["sector_benchmark_pct_per_year"].text() == ""


def test_third_party_without_a_verifier_is_refused(
    company_page: Any, ja_window: MainWindow
) -> None:
    service = ja_window.service
    failures: list[Any] = []
    service.failed.connect(failures.append)
    bank = company_page.bank
    bank.verification.setCurrentIndex(bank.verification.findData("third_party"))
    bank.verification.activated.emit(bank.verification.currentIndex())
    assert service.project.company.verification == "none"  # refused, nothing stored
    assert failures and failures[-1][0].code == "company.verifier_missing"
    bank.edits["verifier"].setText("検証機構")
    bank.edits["verifier"].editingFinished.emit()
    assert service.project.company.verification == "third_party"
    assert service.project.company.verifier == "検証機構"


def test_the_years_reasons_are_stored_per_year(company_page: Any, ja_window: MainWindow) -> None:
    service = ja_window.service
    year = company_page.year_combo.currentData()
    reasons = company_page.bank.reasons
    reasons.setText("受注増、10月にインバータ圧縮機へ更新")
    reasons.editingFinished.emit()
    assert (
        service.project.fiscal_years[year].change_reasons == "受注増、10月にインバータ圧縮機へ更新"
    )
    ja_window.undo_action.trigger()
    data = service.project.fiscal_years.get(year)
    assert data is None or data.change_reasons == ""


def test_the_rules_of_the_bank_fields() -> None:
    ok = Company("x", verification="third_party", verifier="JQA")
    assert bank_problems(ok) == []
    codes = [m.code for m in bank_problems(Company("x", verification="audited"))]
    assert codes == ["company.bad_verification"]
    bad = Company("x", recalc_threshold_pct=Decimal(0), sector_benchmark_pct_per_year=Decimal(101))
    codes = [m.code for m in bank_problems(bad)]
    assert codes == ["company.bad_recalc_threshold", "company.bad_sector_benchmark"]


@pytest.mark.skipif(
    not os.environ.get("ECOCHECK_SCREENSHOTS"),
    reason="screenshots are written on request (ECOCHECK_SCREENSHOTS=1)",
)
def test_screenshot_of_the_bank_fields(company_page: Any) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    company_page.resize(1200, 900)
    assert company_page.bank.grab().save(str(SHOTS / "company-bank-fields-ja.png"))


def test_the_json_import_refuses_a_third_party_without_a_verifier() -> None:
    from ecocheck_desktop.core.messages import EcoCheckError
    from ecocheck_desktop.exchange.demo import demo_project
    from ecocheck_desktop.exchange.json_io import project_from_json, project_to_json

    document = project_to_json(demo_project())
    document["company"]["verification"] = "third_party"
    with pytest.raises(EcoCheckError) as error:
        project_from_json(document)
    assert "verifier" in str(error.value.messages[0].where) + str(error.value)
    document["company"]["verifier"] = "検証機構"
    assert project_from_json(document).company.verifier == "検証機構"
