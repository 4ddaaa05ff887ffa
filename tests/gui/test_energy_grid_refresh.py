"""After an edit the energy grid re-reads only the cells written (issue 20), and still shows
what a grid read afresh from the service shows, through undo, redo, pastes, clears and scans."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from ecocheck_desktop.core.model import Company, EnergyRecord, Site, SupplyContract
from ecocheck_desktop.gui.models.energy_grid import EnergyGridModel
from ecocheck_desktop.gui.service import ProjectService

FY = 2025
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.ToolTipRole,
)


@pytest.fixture
def grid(qapp, opener: Any, tmp_path: Path) -> EnergyGridModel:
    service = ProjectService(QUndoStack(), opener=opener, user="t")
    sites = ["本社工場", "第2工場", "第3工場"]
    service.new_project(
        tmp_path / "g.ecocheck",
        Company("G", fy_start_month=4),
        [Site(name) for name in sites],
        [SupplyContract(name, "electricity", "A0269") for name in sites],
        FY,
    )
    model = EnergyGridModel(service)
    model.set_fiscal_year(FY)
    assert [] == model.paste(
        0, 0, "\n".join(f"{100 + n}\t{2000 + n}\t\t{50 + n}" for n in range(12))
    )
    yield model
    service.close()


def shown(model: EnergyGridModel) -> list[Any]:
    cells = []
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            icon = index.data(Qt.ItemDataRole.DecorationRole) is not None
            font = index.data(Qt.ItemDataRole.FontRole)
            italic = font is not None and font.italic()
            cells.append(([str(index.data(role)) for role in ROLES], icon, italic))
    return cells


def afresh(model: EnergyGridModel) -> list[Any]:
    other = EnergyGridModel(model.service)
    other.set_fiscal_year(model.fiscal_year)
    return shown(other)


def test_an_edit_repaints_only_its_row_of_its_line(grid: EnergyGridModel, qtbot) -> None:
    changed: list[tuple[int, int, int, int]] = []
    grid.dataChanged.connect(
        lambda top, bottom, *_: changed.append(
            (top.row(), top.column(), bottom.row(), bottom.column())
        )
    )
    assert grid.setData(grid.index(5, 3), "777")
    # The edited line's three columns of that month (the refresh), then the cell (setData).
    assert changed == [(5, 3, 5, 5), (5, 3, 5, 3)]
    assert grid.index(5, 3).data() == "777"
    assert shown(grid) == afresh(grid)


def test_partial_refreshes_show_what_a_fresh_grid_shows(
    grid: EnergyGridModel, tmp_path: Path
) -> None:
    service = grid.service
    undo = service.undo_stack
    steps = [
        lambda: grid.setData(grid.index(0, 0), "1,234"),
        lambda: grid.setData(grid.index(1, 1), "99"),
        lambda: grid.setData(
            grid.index(2, 2), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        ),
        lambda: grid.clear([(3, 0), (4, 4)]),
        lambda: grid.paste(6, 3, "1\t2\n3\t4\n"),
        undo.undo,
        undo.undo,
        undo.redo,
        lambda: grid.setData(grid.index(7, 6), "5"),  # a blank line of another site gets a bill
        lambda: service.import_records(
            [EnergyRecord("2025-09", "electricity", Decimal(n), "kWh", "第3工場") for n in (1, 2)]
        ),
        undo.undo,
        lambda: grid.setData(grid.index(8, 0), "8"),
    ]
    for step in steps:
        step()
        assert shown(grid) == afresh(grid), step
    # A refused value stays in the grid alone (red, with why) until the cell is typed again.
    assert not grid.setData(grid.index(9, 0), "abc")
    assert grid.index(9, 0).data() == "abc"
    assert grid.setData(grid.index(9, 0), "9")
    assert shown(grid) == afresh(grid)
    scan = tmp_path / "2025-10.pdf"
    scan.write_bytes(b"%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert service.attach_bill("2025-10", grid.column(0).line, scan) == []
    assert grid.index(6, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert shown(grid) == afresh(grid)
