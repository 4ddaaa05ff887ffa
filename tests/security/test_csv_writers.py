"""Every CSV the app writes is free of formula-like text cells, through the one helper.

The writers are found by scanning ``src`` for ``csv.writer`` / ``csv.DictWriter``: a new CSV
writer fails :func:`test_every_csv_writer_in_the_source_is_exercised_here` until it is fed the
formula texts below. Each writer gets a project whose every text field is formula-like.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import ecocheck_desktop
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.exchange.csv_safety import (
    FORMULA_PREFIXES,
    neutralise,
    neutralise_text,
    restore_text,
    safe_row,
)
from ecocheck_desktop.exchange.demo import demo_project

SRC = Path(ecocheck_desktop.__file__).resolve().parent
FORMULAS = [
    "=1+1",
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    "\t=1",
    "\r=1",
    "\n=1",
    "  =1+1",
    "＝1+1",
    '=HYPERLINK("http://example.invalid","x")',
    "=cmd|' /C calc'!A0",
]


def _formula_project() -> Project:
    project = demo_project()
    project.company = replace(
        project.company, name=FORMULAS[0], industry=FORMULAS[1], city=FORMULAS[2]
    )
    first = project.sites[0]
    project.sites = [replace(first, name=FORMULAS[3])]
    project.contracts = [
        replace(c, site=FORMULAS[3], supplier=FORMULAS[4]) for c in project.contracts
    ]
    project.records = [
        replace(
            record,
            site=FORMULAS[3],
            supplier=FORMULAS[i % len(FORMULAS)],
            menu=FORMULAS[(i + 1) % len(FORMULAS)],
            note=FORMULAS[(i + 2) % len(FORMULAS)],
            factor_source=FORMULAS[(i + 3) % len(FORMULAS)],
            # Month, energy and unit are validated on the way in; an edited file may not be.
            unit=FORMULAS[-1] if i == 0 else record.unit,
        )
        for i, record in enumerate(project.records)
    ]
    project.targets = [replace(t, note=FORMULAS[5]) for t in project.targets]
    return project


def _bills(tmp_path: Path) -> bytes:
    from ecocheck_desktop.exchange.bills import write_bills_csv

    write_bills_csv(_formula_project(), tmp_path / "bills.csv")
    return (tmp_path / "bills.csv").read_bytes()


def _companion(tmp_path: Path) -> bytes:
    from ecocheck_desktop.core.footprint import calculate
    from ecocheck_desktop.report.companion import companion_csv, key_figures

    project = _formula_project()
    project.records = [r for r in project.records if r.unit != FORMULAS[-1]]
    return companion_csv(key_figures(project, calculate(project, strict=False)))


def _portfolio_rows(tmp_path: Path) -> list[object]:
    from ecocheck_desktop.exchange.portfolio import scan_file
    from ecocheck_desktop.store.project_file import ProjectFile

    project = _formula_project()
    project.records = [r for r in project.records if r.unit != FORMULAS[-1]]
    good = tmp_path / "=good.ecocheck"
    ProjectFile.create(good, project).close()
    bad = tmp_path / "+bad.ecocheck"
    bad.write_bytes(b"=1+1 not a project")
    return [scan_file(good), scan_file(bad)]


def _summary(tmp_path: Path) -> bytes:
    from ecocheck_desktop.exchange.portfolio import SummaryCsv

    summary = SummaryCsv()
    for row in _portfolio_rows(tmp_path):
        summary.add(row)  # type: ignore[arg-type]
    return summary.data()


def _consortium(tmp_path: Path) -> bytes:
    from ecocheck_desktop.report.consortium import ConsortiumSummary, consortium_csv

    summary = ConsortiumSummary()
    for row in _portfolio_rows(tmp_path):
        summary.add(row)  # type: ignore[arg-type]
    return consortium_csv(summary)


# module (relative to src/ecocheck_desktop) -> a function returning the CSV it writes
WRITERS: dict[str, Callable[[Path], bytes]] = {
    "exchange/bills.py": _bills,
    "exchange/portfolio.py": _summary,
    "report/companion.py": _companion,
    "report/consortium.py": _consortium,
}


def _csv_writer_modules() -> set[str]:
    pattern = re.compile(r"\bcsv\.(writer|DictWriter)\(")
    return {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }


def test_every_csv_writer_in_the_source_is_exercised_here() -> None:
    assert _csv_writer_modules() == set(WRITERS)


def test_every_csv_writer_uses_the_one_helper() -> None:
    for module in WRITERS:
        text = (SRC / module).read_text(encoding="utf-8")
        assert "csv_safety import" in text, module


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("module", sorted(WRITERS))
def test_no_text_cell_can_start_a_formula(module: str, tmp_path: Path) -> None:
    data = WRITERS[module](tmp_path)
    cells = [
        cell
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        for cell in row
    ]
    dangerous = [
        c for c in cells if c.lstrip(" \u3000").startswith(FORMULA_PREFIXES) and not _is_number(c)
    ]
    assert dangerous == []
    # The text is still there for the reader, behind one apostrophe.
    assert any(cell.startswith("'=") or cell.startswith("'+") for cell in cells), module


def test_the_bills_export_reads_back_exactly(tmp_path: Path) -> None:
    from ecocheck_desktop.exchange.bills import read_bills, write_bills_csv

    project = _formula_project()
    project.records = [r for r in project.records if r.unit != FORMULAS[-1]]
    write_bills_csv(project, tmp_path / "b.csv")
    back = read_bills(tmp_path / "b.csv")
    assert [r.note for r in back.records] == [r.note for r in project.records]
    assert [r.supplier for r in back.records] == [r.supplier for r in project.records]


@pytest.mark.parametrize("text", [*FORMULAS, "'=already", "''=twice", "plain", "", "'"])
def test_neutralise_text_is_reversible(text: str) -> None:
    assert restore_text(neutralise_text(text)) == text
    assert not neutralise_text(text).lstrip(" \u3000").startswith(FORMULA_PREFIXES)


def test_numbers_stay_numbers() -> None:
    assert safe_row([-1.5, 0, 3, None, "-1"]) == [-1.5, 0, 3, None, "'-1"]
    assert neutralise(-2) == -2
