"""The service recalculates only the years an edit reaches, and agrees with a full calculation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoStack

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import Company, Site, SupplyContract
from ecocheck_desktop.gui.service import ProjectService


def test_edits_undo_and_redo_recalculate_their_years_only(
    qapp: Any, opener: Any, tmp_path: Path
) -> None:
    service = ProjectService(QUndoStack(), opener=opener, user="tester")
    service.new_project(
        tmp_path / "inc.ecocheck",
        Company("増分製作所"),
        [Site("本社工場")],
        [SupplyContract("本社工場", "electricity", "A0269", "")],
        2025,
    )
    try:
        for year in (2021, 2022, 2023, 2024, 2025):
            assert service.set_quantity(year, f"{year}-05", "electricity", str(1000 + year)) == []
        assert service.set_quantity(2022, "2022-06", "electricity", "7,000") == []
        calculated: Any = service._calculated
        assert calculated.years_recalculated == (2022, 2023)
        for step in (service.undo_stack.undo, service.undo_stack.undo, service.undo_stack.redo):
            step()
            assert service.project is not None and service.footprint is not None
            full = calculate(service.project, service.factor_library(), strict=False)
            assert service.footprint.to_json_dict() == full.to_json_dict()
            assert [y.lines for y in service.footprint.years] == [y.lines for y in full.years]
            # the redo re-applies the 2025 edit: 2025 and the year after
        assert service._calculated.years_recalculated == (2025, 2026)  # type: ignore[union-attr]
    finally:
        service.close()
