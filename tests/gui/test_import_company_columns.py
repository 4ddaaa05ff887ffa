"""The GUI's bill import takes the file's 業種 and 売上高 like `ecocheck import` does (issue 18
item 7): empty project values are filled; a different existing value is replaced only when the
user says yes; the bills come in either way; one undo takes all of it back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core.model import Company, FiscalYearData
from ecocheck_desktop.exchange.bill_company import company_changes
from ecocheck_desktop.exchange.bills import project_from_bills, read_bills

HEADER = "month,energy,quantity,unit,cost_yen,業種,売上高\n"
ROWS = [
    "2025-04,電気,1000,kWh,30000,E24 金属製品製造業,815",
    "2025-05,電気,1100,kWh,31000,,",
]


def bills(tmp_path: Path) -> Path:
    path = tmp_path / "bills.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", "utf-8")
    return path


def preview(window: Any, qtbot: Any, path: Path) -> Any:
    from ecocheck_desktop.gui.dialogs.import_preview import ImportPreviewDialog

    dialog = ImportPreviewDialog(window.service, path, window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    return dialog


def test_empty_values_are_filled_as_the_cli_does(
    ja_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = ja_window
    service = window.service
    service.new_project(tmp_path / "a.ecocheck", Company("取込"), first_fy=2025)
    path = bills(tmp_path)
    dialog = preview(window, qtbot, path)
    assert dialog.company_label.isVisibleTo(dialog)
    assert "E24 金属製品製造業" in dialog.company_label.text()
    dialog.grab().save(str(tmp_path / "import-company.png"))
    asked: list[object] = []
    dialog.confirm_overwrite = lambda changes: asked.append(changes) or True
    dialog.do_import()
    assert asked == []  # nothing to overwrite: no question
    cli = project_from_bills(read_bills(path), "取込")  # what `ecocheck import` makes
    assert service.project.company.industry == cli.company.industry == "E24 金属製品製造業"
    revenue = service.project.fiscal_years[2025].revenue_million_yen
    assert revenue == cli.fiscal_years[2025].revenue_million_yen == Decimal(815)
    assert len(service.project.records) == 2
    window.undo_action.trigger()  # bills, industry and revenue: one step
    assert service.project.records == []
    assert service.project.company.industry == ""
    year = service.project.fiscal_years.get(2025)
    assert year is None or year.revenue_million_yen is None


@pytest.mark.parametrize("answer", [True, False])
def test_a_different_existing_value_is_replaced_only_when_the_user_says_yes(
    ja_window: Any, qtbot: Any, tmp_path: Path, answer: bool
) -> None:
    window = ja_window
    service = window.service
    company = Company("取込", industry="E25 はん用機械器具製造業")
    service.new_project(tmp_path / "b.ecocheck", company, first_fy=2025)
    service.set_fiscal_year(FiscalYearData(year=2025, revenue_million_yen=Decimal(780)))
    dialog = preview(window, qtbot, bills(tmp_path))
    asked: list[list[Any]] = []

    def confirm(changes: list[Any]) -> bool:
        asked.append(changes)
        return answer

    dialog.confirm_overwrite = confirm
    dialog.do_import()
    assert [(c.field, c.old, c.new) for c in asked[0]] == [
        ("industry", "E25 はん用機械器具製造業", "E24 金属製品製造業"),
        ("revenue_million_yen", Decimal(780), Decimal(815)),
    ]
    project = service.project
    assert len(project.records) == 2  # the bills come in either way
    if answer:
        assert project.company.industry == "E24 金属製品製造業"
        assert project.fiscal_years[2025].revenue_million_yen == Decimal(815)
    else:
        assert project.company.industry == "E25 はん用機械器具製造業"
        assert project.fiscal_years[2025].revenue_million_yen == Decimal(780)
    assert company_changes(project, "", {}) == []


def test_equal_values_are_no_change(ja_window: Any, tmp_path: Path) -> None:
    service = ja_window.service
    company = Company("取込", industry="E24 金属製品製造業")
    service.new_project(tmp_path / "c.ecocheck", company, first_fy=2025)
    service.set_fiscal_year(FiscalYearData(year=2025, revenue_million_yen=Decimal("815.0")))
    result = read_bills(bills(tmp_path))
    assert company_changes(service.project, result.industry, result.revenue_million_yen) == []
