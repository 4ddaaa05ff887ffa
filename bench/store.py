"""Benchmark of the project file (store.project_file): open + load + footprint, and autosave.

A 5-year project (the demo company's bills and checklist repeated over FY2021-FY2025: 300
bill lines, plus 5 fiscal years of figures) is written to a temporary .ecocheck file. Rows:

- ``open+load+calculate``: ProjectFile.open(read_only) -> load() -> calculate() -> close(),
  the work of opening a project in the GUI or `ecocheck calc`. Target: median under 50 ms.
- ``open+load``: the same without calculate(), the store's own share.
- ``raw sqlite3``: sqlite3.connect + SELECT * of the same tables + fetchall + close, in the same
  run: the floor any SQLite-based store pays. The ratio open+load / raw is our overhead (row
  decoding and validation into frozen dataclasses with Decimals).
- ``autosave edit``: one update_record() (one transaction, change-log row, fsync'ed commit).

Run: .venv/bin/python bench/store.py [--repeat N]
"""

from __future__ import annotations

import argparse
import dataclasses
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))

from generate_demo import demo_project  # noqa: E402

from ecocheck_desktop.core.footprint import calculate  # noqa: E402
from ecocheck_desktop.core.model import EnergyRecord, Project  # noqa: E402
from ecocheck_desktop.store.project_file import ProjectFile  # noqa: E402

TABLES = (
    "company", "sites", "contracts", "fiscal_years", "records", "refrigerants", "scope3",
    "checklist", "targets", "measure_plan",
)  # fmt: skip


def five_year_project() -> Project:
    """FY2021-FY2025: the demo's FY2024 bills shifted to earlier years (same demo factor)."""
    project = demo_project()
    fy2024 = [r for r in project.records if r.month < "2025-04"]
    records: list[EnergyRecord] = []
    for year in (2021, 2022, 2023):
        shift = year - 2024
        for record in fy2024:
            y, m = record.month.split("-")
            records.append(dataclasses.replace(record, month=f"{int(y) + shift}-{m}"))
    project.records = records + project.records
    base = project.fiscal_years[2024]
    for year in (2021, 2022, 2023):
        project.fiscal_years[year] = dataclasses.replace(base, year=year)
    return project


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches (factor library, imports)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "five_years.ecocheck"
        project = five_year_project()
        ProjectFile.create(path, project, user="bench").close()

        def open_load() -> Project:
            with ProjectFile.open(path, read_only=True) as pf:
                return pf.load()

        def open_load_calculate() -> object:
            return calculate(open_load())

        def raw() -> int:
            conn = sqlite3.connect(path)
            try:
                return sum(
                    len(conn.execute(f"SELECT * FROM {table}").fetchall()) for table in TABLES
                )
            finally:
                conn.close()

        assert open_load() == project
        full = median_ms(open_load_calculate, args.repeat)
        store = median_ms(open_load, args.repeat)
        floor = median_ms(raw, args.repeat)
        writer = ProjectFile.open(path, user="bench")
        record_id = writer.records()[0][0]
        counter = iter(range(1, 10**9))

        def edit() -> None:
            quantity = Decimal(next(counter))
            writer.update_record(record_id, EnergyRecord("2021-04", "electricity", quantity, "kWh"))

        autosave = median_ms(edit, args.repeat)
        writer.close()
        size_kb = path.stat().st_size // 1024
    print(f"5-year project: {len(project.records)} bill lines, file {size_kb} KB,"
          f" median of {args.repeat}")  # fmt: skip
    print(f"{'row':<24}{'median ms':>10}{'ratio to raw':>14}")
    for name, value in (
        ("open+load+calculate", full),
        ("open+load", store),
        ("raw sqlite3", floor),
        ("autosave edit", autosave),
    ):
        print(f"{name:<24}{value:>10.2f}{value / floor:>14.1f}")
    print(f"target open+load+calculate < 50 ms: {'met' if full < 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
