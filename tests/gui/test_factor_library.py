"""File > 係数ライブラリ: editions listed, a package installed, 「新しい係数で再計算」 shown old vs
new before anything changes, applied as ONE undoable step. Saves a grab() of the dialog."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from ecocheck_desktop.core.factor_packages import build_package
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.model import Company, EnergyRecord, FiscalYearData, Project, Site
from ecocheck_desktop.gui.service import ProjectService
from ecocheck_desktop.resources import resource_path

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("ECOCHECK_FACTORS_DIR", str(tmp_path / "installed"))
    default_library.cache_clear()
    yield tmp_path / "installed"
    default_library.cache_clear()


def revised_list(tmp_path: Path) -> Path:
    """A package revising the FY2025 list: TEPCO EP メニューM(残差) 0.000452 -> 0.000400."""
    bundled = resource_path("factors")
    manifest = json.loads((bundled / "manifest.json").read_text(encoding="utf-8"))
    edition = next(e for e in manifest["editions"] if e["id"] == "electricity_r08")
    edition.update(id="electricity_r08_rev", file="r08_rev.tsv", published="2027-01-09")
    edition["title"] = "電気事業者別排出係数 －R6年度実績－ 改訂（テスト）"
    text = (bundled / "electricity_r08.tsv").read_text(encoding="utf-8")
    lines = [
        line.replace("\t0.000452\t0.000452\t", "\t0.000400\t0.000400\t")
        if line.startswith("A0269\t") and "(残差)" in line
        else line
        for line in text.splitlines()
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return build_package(
        tmp_path / "r08_rev.ecofactors", "r08-rev", "t", [edition], {"r08_rev.tsv": data}
    )


def tepco_project() -> Project:
    records = [
        EnergyRecord(
            f"2025-{m:02d}", "electricity", Decimal(30000), "kWh", "本社工場", supplier="A0269"
        )
        for m in range(4, 13)
    ]
    project = Project(
        company=Company("テスト成形"),
        sites=[Site("本社工場")],
        fiscal_years={2025: FiscalYearData(2025, factor_edition="electricity_r08")},
        records=records,
    )
    return project


@pytest.fixture
def service(qapp: Any, opener: Any, tmp_path: Path, installed: Path) -> Any:
    svc = ProjectService(QUndoStack(), opener=opener, user="tester")
    svc.create_from(tmp_path / "t.ecocheck", tepco_project())
    yield svc
    svc.close()


def test_dialog_lists_installs_compares_and_relocks_undoably(
    qtbot: Any, service: Any, tmp_path: Path
) -> None:
    from ecocheck_desktop.gui.dialogs.factor_library import FactorLibraryDialog

    dialog = FactorLibraryDialog(service)
    qtbot.addWidget(dialog)
    ids = [dialog.editions.item(r, 0).text() for r in range(dialog.editions.rowCount())]
    assert "electricity_r08" in ids and "electricity_r5_sourced" in ids
    before_t = service.year_result(2025).scope2_adjusted_t
    assert before_t == Decimal(270000) * Decimal("0.000452")

    # A refused package says why and installs nothing.
    junk = tmp_path / "junk.ecofactors"
    junk.write_bytes(b"not a zip")
    assert not dialog.install(junk)
    assert "junk.ecofactors" in dialog.status.text()

    assert dialog.install(revised_list(tmp_path))
    ids = [dialog.editions.item(r, 0).text() for r in range(dialog.editions.rowCount())]
    assert "electricity_r08_rev" in ids
    # Installing does not move the locked year.
    assert service.year_result(2025).scope2_adjusted_t == before_t

    dialog.show_comparison()
    table = dialog.comparison
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(2)]
    assert cells[0][4] == "0.000452" and cells[0][5] == "0.000400"
    assert cells[0][6] == "122.040" and cells[0][7] == "108.000"
    assert cells[1][6] == "122.040" and cells[1][7] == "108.000"  # the year's total
    assert dialog.apply_button.isEnabled()
    # Shown, not applied.
    assert service.project.fiscal_years[2025].factor_edition == "electricity_r08"
    assert dialog.grab().save(str(tmp_path / "factor-library.png"))

    steps = service.undo_stack.count()
    dialog.apply()
    assert service.undo_stack.count() == steps + 1
    assert service.project.fiscal_years[2025].factor_edition == "electricity_r08_rev"
    assert service.year_result(2025).scope2_adjusted_t == Decimal(270000) * Decimal("0.000400")
    service.undo_stack.undo()
    assert service.project.fiscal_years[2025].factor_edition == "electricity_r08"
    assert service.year_result(2025).scope2_adjusted_t == before_t


def test_menu_opens_the_factor_library_in_japanese(
    ja_window: Any, installed: Path, tmp_path: Path
) -> None:
    assert ja_window.factor_library_action in ja_window.file_menu.actions()
    assert ja_window.factor_library_action.text() == "係数ライブラリ(&F)…"
    ja_window.service.create_from(tmp_path / "ja.ecocheck", tepco_project())
    dialog = ja_window.show_factor_library()
    assert dialog.isVisible() and dialog.windowTitle() == "係数ライブラリ"
    assert dialog.recalc_button.text() == "新しい係数で再計算"
    assert dialog.install(revised_list(tmp_path))
    dialog.show_comparison()
    assert "2025年度" in dialog.comparison_label.text()
    dialog.resize(1100, 640)
    assert dialog.grab().save(str(tmp_path / "factor-library-ja.png"))
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":  # docs/screenshots only on request
        assert dialog.grab().save(str(REPO / "docs" / "screenshots" / "factor-library-ja.png"))
    dialog.close()


def test_a_year_entered_without_a_lock_is_locked_to_the_edition_it_was_calculated_with(
    qtbot: Any, qapp: Any, opener: Any, tmp_path: Path, installed: Path
) -> None:
    """Issue 15: "A fiscal year stays locked to the edition it was calculated with" also for
    a year the user created and filled in (no lock yet): a newer list installed later changes
    nothing until 「新しい係数で再計算」 is applied."""
    from ecocheck_desktop.gui.dialogs.factor_library import FactorLibraryDialog

    project = tepco_project()
    project.fiscal_years = {}  # a new company: nothing locked yet
    svc = ProjectService(QUndoStack(), opener=opener, user="tester")
    svc.create_from(tmp_path / "new.ecocheck", project)
    try:
        assert svc.project.fiscal_years[2025].factor_edition == "electricity_r08"
        # A bill entered into another year locks that year too, in the same edit (FY2024:
        # its bundled sourced rows).
        svc.import_records(
            [EnergyRecord("2024-04", "electricity", Decimal(100), "kWh", "本社工場")]
        )
        assert svc.project.fiscal_years[2024].factor_edition == "electricity_r5_sourced"
        before = svc.year_result(2025).scope2_adjusted_t
        dialog = FactorLibraryDialog(svc)
        qtbot.addWidget(dialog)
        assert dialog.install(revised_list(tmp_path))
        assert svc.year_result(2025).scope2_adjusted_t == before  # nothing moved
        dialog.show_comparison()
        assert dialog.apply_button.isEnabled()  # the newer list is offered, side by side
    finally:
        svc.close()
