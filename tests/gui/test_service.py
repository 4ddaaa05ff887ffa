"""The application service: validated, all-or-nothing, undoable, autosaved edits."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Company, FiscalYearData, Site, SupplyContract
from ecocheck_desktop.gui.grid_cells import COST, QUANTITY, split_block
from ecocheck_desktop.gui.service import ProjectService
from ecocheck_desktop.store.project_file import ProjectFile, load_project

FY = 2025


@pytest.fixture
def service(qapp, opener: Any, tmp_path: Path) -> ProjectService:
    svc = ProjectService(QUndoStack(), opener=opener, user="tester")
    svc.new_project(
        tmp_path / "test.ecocheck",
        Company("テスト製作所"),
        [Site("本社工場")],
        [
            SupplyContract("本社工場", "electricity", "A0269", ""),
            SupplyContract("本社工場", "city_gas", "", ""),
        ],
        FY,
    )
    yield svc
    svc.close()


def _quantities(service: ProjectService, energy: str) -> list[Decimal | None]:
    line = next(line for line in service.energy_lines(FY) if line.energy == energy)
    out = []
    for month in service.months(FY):
        record = service.cell_record(month, line)
        out.append(record.quantity if record else None)
    return out


def test_new_project_has_a_line_per_contract(service: ProjectService) -> None:
    lines = service.energy_lines(FY)
    assert [(line.energy, line.unit) for line in lines] == [
        ("electricity", "kWh"),
        ("city_gas", "m3"),
    ]
    assert service.months(FY)[0] == "2025-04" and service.months(FY)[-1] == "2026-03"
    assert service.fiscal_years() == [FY]


def test_full_width_quantity_is_stored_and_recalculated(service: ProjectService, qtbot) -> None:
    with qtbot.waitSignal(service.footprint_changed):
        assert service.set_quantity(FY, "2025-04", "city_gas", "１，２３４．５") == []
    assert _quantities(service, "city_gas")[0] == Decimal("1234.5")
    year = service.year_result(FY)
    assert year is not None and year.scope1_t > 0


@pytest.mark.parametrize("text", ["abc", "-5", "1e30", "", "1,23", "１e３"])
def test_bad_cell_is_refused_and_nothing_changes(service: ProjectService, text: str) -> None:
    assert service.set_quantity(FY, "2025-05", "electricity", "1000") == []
    depth = service.undo_stack.count()
    problems = service.set_quantity(FY, "2025-05", "electricity", text)
    assert problems and problems[0].code.startswith("quantity.")
    assert problems[0].where["month"] == "2025-05"
    assert _quantities(service, "electricity")[1] == Decimal(1000)
    assert service.undo_stack.count() == depth


def test_paste_block_is_all_or_nothing(service: ProjectService) -> None:
    good = "\n".join(f"{10000 + i:,}\t{250000 + i}" for i in range(12)) + "\n"
    assert service.paste_block(FY, 0, 0, good) == []
    assert _quantities(service, "electricity") == [Decimal(10000 + i) for i in range(12)]
    line = service.energy_lines(FY)[0]
    assert service.cell_record("2025-04", line).cost_yen == Decimal(250000)  # type: ignore[union-attr]

    bad = "1\n2\n\n4\n-5\nabc\n"
    problems = service.paste_block(FY, 0, 0, bad)
    assert {(m.code, m.where["row"]) for m in problems} == {
        ("quantity.negative", 5),
        ("quantity.not_a_number", 6),
    }
    # nothing of the bad block landed, not even its good first rows
    assert _quantities(service, "electricity") == [Decimal(10000 + i) for i in range(12)]


def test_paste_too_big_is_refused(service: ProjectService) -> None:
    assert service.paste_block(FY, 6, 0, "\n".join(["1"] * 7))[0].code == "paste.too_many_rows"
    wide = "\t".join(["1"] * 7)
    assert service.paste_block(FY, 0, 0, wide)[0].code == "paste.too_many_columns"


def test_cost_needs_a_quantity(service: ProjectService) -> None:
    problems = service.set_quantity(FY, "2025-04", "electricity", "5000", kind=COST)
    assert [m.code for m in problems] == ["grid.cost_without_quantity"]


def test_undo_redo_go_through_the_file(service: ProjectService, opener: Any) -> None:
    assert service.set_quantity(FY, "2025-04", "electricity", "100") == []
    assert service.set_quantity(FY, "2025-04", "electricity", "200") == []
    service.undo_stack.undo()
    assert _quantities(service, "electricity")[0] == Decimal(100)
    path = service.path
    service.close()
    service.open(path)  # type: ignore[arg-type]
    assert _quantities(service, "electricity")[0] == Decimal(100)
    service.set_quantity(FY, "2025-04", "electricity", "300")
    service.undo_stack.undo()
    service.undo_stack.undo()
    assert _quantities(service, "electricity")[0] == Decimal(100)  # reopening starts a new history
    service.undo_stack.redo()
    assert _quantities(service, "electricity")[0] == Decimal(300)


def test_clear_cells_removes_the_bill_line(service: ProjectService) -> None:
    service.paste_block(FY, 0, 0, "100\t2000")
    columns = service.grid_columns(FY)
    assert columns[1].kind == COST and columns[0].kind == QUANTITY
    assert service.clear_cells(FY, [(0, 1)]) == []
    line = columns[0].line
    assert service.cell_record("2025-04", line).cost_yen is None  # type: ignore[union-attr]
    assert service.clear_cells(FY, [(0, 0)]) == []
    assert service.cell_record("2025-04", line) is None
    service.undo_stack.undo()
    assert service.cell_record("2025-04", line) is not None


def test_company_and_fiscal_year_edits_are_undoable(service: ProjectService) -> None:
    service.set_company(Company("新しい名前", fy_start_month=4))
    service.set_fiscal_year(FiscalYearData(FY, revenue_million_yen=Decimal(800)))
    assert service.project.company.name == "新しい名前"  # type: ignore[union-attr]
    service.undo_stack.undo()
    service.undo_stack.undo()
    assert service.project.company.name == "テスト製作所"  # type: ignore[union-attr]
    assert service.project.fiscal_years[FY].revenue_million_yen is None  # type: ignore[union-attr]


def test_a_refused_write_keeps_memory_and_file_in_step(
    qapp, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.ecocheck"
    service = ProjectService(QUndoStack(), opener=ProjectFile, user="t")
    service.new_project(path, Company("A"), first_fy=FY)

    def full_disk(pf: ProjectFile, *args: Any, **kwargs: Any) -> Any:
        raise EcoCheckError(Message("store.disk_full", where={"file": str(pf.path)}))

    with monkeypatch.context() as patch:
        patch.setattr(ProjectFile, "add_record", full_disk)
        with qtbot.waitSignal(service.saved) as saved:
            service.set_quantity(FY, "2025-04", "electricity", "100")
    assert saved.args == [False]
    assert service.undo_stack.count() == 0
    assert service.project.records == []  # type: ignore[union-attr]
    service.close()
    assert load_project(path).records == []


def test_split_block_reads_excel_and_csv() -> None:
    assert split_block("1,234\t5\r\n6\t7\r\n") == [["1,234", "5"], ["6", "7"]]
    assert split_block("1,234\n5") == [["1,234"], ["5"]]
    # Without tabs a comma is a thousands separator where that reads as one number.
    assert split_block("100,200,300") == [["100,200,300"]]
    assert split_block("1500,20,3") == [["1500", "20", "3"]]


def test_split_block_keeps_yen_and_units_whole() -> None:
    """A comma inside ¥24,000 / 24,000円 / 24,000 kWh is a thousands separator, never a column."""
    assert split_block("¥24,000\n24,000円\n24,000 kWh\n") == [
        ["¥24,000"],
        ["24,000円"],
        ["24,000 kWh"],
    ]
    assert split_block("1,200\t¥24,000\n") == [["1,200", "¥24,000"]]


def test_paste_reads_yen_and_units_as_numbers(service: ProjectService) -> None:
    block = "24,000 kWh\t¥540,000\n２４，５００ｋＷｈ\t550,000円\n"
    assert service.paste_block(FY, 0, 0, block) == []
    line = service.energy_lines(FY)[0]
    april, may = service.cell_record("2025-04", line), service.cell_record("2025-05", line)
    assert april is not None and may is not None
    assert (april.quantity, april.cost_yen) == (Decimal(24000), Decimal(540000))
    assert (may.quantity, may.cost_yen) == (Decimal(24500), Decimal(550000))
    # Another unit is refused, not read as kWh.
    problems = service.paste_block(FY, 2, 0, "24 MWh\n")
    assert [m.code for m in problems] == ["quantity.other_unit"]


def test_paste_with_blank_months_pastes_the_others(service: ProjectService) -> None:
    """A column copied with blank months: a blank cell is a month without data."""
    assert service.paste_block(FY, 0, 0, "900\n\n\n1,000\n") == []
    assert _quantities(service, "electricity")[:4] == [Decimal(900), None, None, Decimal(1000)]
    # Pasting a blank over a month clears it (as in Excel), and one undo brings it back.
    assert service.paste_block(FY, 0, 0, "\n500\n") == []
    assert _quantities(service, "electricity")[:2] == [None, Decimal(500)]
    service.undo_stack.undo()
    assert _quantities(service, "electricity")[0] == Decimal(900)
