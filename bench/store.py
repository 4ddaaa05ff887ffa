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
- ``12-month paste``: the GUI service's paste of 12 months x (quantity, cost): one transaction.

Then the journal choice (docs/reliability.md): the same commits made with plain sqlite3 the way
ProjectFile makes them (exclusive locking, synchronous=FULL, the row + a change-log row + meta),
under each candidate journal, with ratios against the previous design (WAL without checkpoint)
measured in the same run: one edit, a 12-row transaction, a 2 MB scan, and whether a copy of
the main file alone, taken right after the commit, holds the edit.

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
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))
sys.path.insert(0, str(ROOT / "bench"))

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
        paste = median_ms(paste_twelve_months(Path(folder)), args.repeat)
    print(f"5-year project: {len(project.records)} bill lines, file {size_kb} KB,"
          f" median of {args.repeat}")  # fmt: skip
    print(f"{'row':<24}{'median ms':>10}{'ratio to raw':>14}")
    for name, value in (
        ("open+load+calculate", full),
        ("open+load", store),
        ("raw sqlite3", floor),
        ("autosave edit", autosave),
        ("12-month paste", paste),
    ):
        print(f"{name:<24}{value:>10.2f}{value / floor:>14.1f}")
    print(f"target open+load+calculate < 50 ms: {'met' if full < 50 else 'NOT met'}")
    print()
    sized_open(max(3, args.repeat // 5))
    print()
    journal_table(args.repeat)


def sized_open(repeat: int) -> None:
    """Open + load + calculate of bench/sizes.py's files, each against a raw sqlite3 read of the
    same rows, interleaved (goal at 20 years x 50 sites: under 150 ms and at most 10x raw)."""
    from sizes import SIZES, sized_project

    print(f"{'open+load+calculate':<40}{'ms':>9}{'raw ms':>9}{'ratio':>8}  goal")
    for years, sites in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "sized.ecocheck"
            project = sized_project(years, sites)
            ProjectFile.create(path, project, user="bench").close()

            def subject(path: Path = path) -> object:
                with ProjectFile.open(path, read_only=True) as pf:
                    return calculate(pf.load(), strict=False)

            def raw(path: Path = path) -> int:
                conn = sqlite3.connect(path)
                try:
                    return sum(
                        len(conn.execute(f"SELECT * FROM {table}").fetchall()) for table in TABLES
                    )
                finally:
                    conn.close()

            subject()
            raw()  # warm both (library, page cache)
            ours, floor = [], []
            for _ in range(repeat):
                for action, times in ((subject, ours), (raw, floor)):
                    start = time.perf_counter()
                    action()
                    times.append((time.perf_counter() - start) * 1000)
        value, base = statistics.median(ours), statistics.median(floor)
        ratio = value / base
        goal = "< 150 ms and <= 10x raw" if (years, sites) == (20, 50) else "<= 10x raw"
        met = ratio <= 10 and (value < 150 or (years, sites) != (20, 50))
        what = f"{years} years x {sites} sites ({len(project.records)} records)"
        verdict = "met" if met else "NOT met"
        print(f"{what:<40}{value:>9.1f}{base:>9.1f}{ratio:>7.1f}x  {goal}: {verdict}")


def paste_twelve_months(folder: Path) -> Callable[[], object]:
    """The GUI service's 12-month paste (quantity + cost), alternating two values."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QUndoStack

    from ecocheck_desktop.core.model import Company, Site, SupplyContract
    from ecocheck_desktop.gui.service import ProjectService

    app = QGuiApplication.instance() or QGuiApplication([])
    service = ProjectService(QUndoStack(), opener=ProjectFile, user="bench")
    service.new_project(
        folder / "paste.ecocheck",
        Company("bench"),
        [Site("本社工場")],
        [SupplyContract("本社工場", "electricity", "A0269", "")],
        2025,
    )
    values = iter(range(1, 10**9))

    def paste() -> object:
        value = next(values)
        block = "\n".join(f"{value}\t{value * 10}" for _ in range(12))
        assert service.paste_block(2025, 0, 0, block) == []
        return app

    return paste


# (name, journal_mode, checkpoint after each commit)
JOURNALS = (
    ("WAL, no checkpoint (before)", "WAL", None),
    ("WAL + checkpoint(FULL)", "WAL", "FULL"),
    ("WAL + checkpoint(TRUNCATE)", "WAL", "TRUNCATE"),
    ("rollback DELETE (chosen)", "DELETE", None),
    ("rollback TRUNCATE", "TRUNCATE", None),
)


def journal_table(repeat: int) -> None:
    """Per-commit cost of each journal candidate, the ProjectFile way, same run, same disk."""
    import os
    import shutil

    print("journal candidates (plain sqlite3, exclusive locking, synchronous=FULL)")
    header = f"{'journal':<30}{'edit ms':>9}{'12 rows':>9}{'2 MB scan':>11}"
    print(f"{header}{'edit x':>8}{'12 x':>7}{'scan x':>8}  copy of main file alone")
    scan = os.urandom(2 * 1024 * 1024)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for name, mode, checkpoint in JOURNALS:
            path = Path(folder) / f"{mode}-{checkpoint}.ecocheck"
            ProjectFile.create(path, five_year_project(), user="bench").close()
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA locking_mode = EXCLUSIVE").fetchall()
            conn.execute(f"PRAGMA journal_mode = {mode}").fetchall()
            conn.execute("PRAGMA synchronous = FULL")
            counter = iter(range(1, 10**9))

            def commit(
                rows: int,
                blob: bytes | None = None,
                conn: sqlite3.Connection = conn,
                counter: Iterator[int] = counter,
                checkpoint: str | None = checkpoint,
            ) -> None:
                conn.execute("BEGIN IMMEDIATE")
                for _ in range(rows):
                    n = next(counter)
                    conn.execute(
                        "UPDATE records SET quantity = ? WHERE id = ?", (str(n), n % 12 + 1)
                    )
                    conn.execute(
                        "INSERT INTO change_log (at, user, action, target, old, new)"
                        " VALUES ('now', 'bench', 'record.update', 'records[1]', NULL, ?)",
                        (str(n),),
                    )
                if blob is not None:
                    conn.execute(
                        "INSERT INTO evidence (filename, media_type, size, data, added_at,"
                        " sha256) VALUES ('scan.pdf', 'application/pdf', ?, ?, 'now', '')",
                        (len(blob), blob),
                    )
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('modified_at', 'now')")
                conn.execute("COMMIT")
                if checkpoint is not None:
                    conn.execute(f"PRAGMA wal_checkpoint({checkpoint})").fetchall()

            edit = median_ms(lambda: commit(1), repeat)
            twelve = median_ms(lambda: commit(12), repeat)
            big = median_ms(lambda: commit(0, scan), max(5, repeat // 5))
            commit(1)
            last = str(next(counter) - 1)
            copy = Path(folder) / "copy.sqlite"
            shutil.copyfile(path, copy)  # what Explorer / e-mail / OneDrive take
            try:
                with sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True) as reader:
                    found = reader.execute(
                        "SELECT count(*) FROM change_log WHERE new = ?", (last,)
                    ).fetchone()[0]
                whole = "holds the last edit" if found else "LACKS the last edit"
            except sqlite3.Error as error:
                whole = f"unreadable ({error})"
            finally:
                copy.unlink()
            conn.close()
            results.append((name, edit, twelve, big, whole))
    base = results[0]
    for name, edit, twelve, big, whole in results:
        print(
            f"{name:<30}{edit:>9.2f}{twelve:>9.2f}{big:>11.2f}"
            f"{edit / base[1]:>8.2f}{twelve / base[2]:>7.2f}{big / base[3]:>8.2f}  {whole}"
        )


if __name__ == "__main__":
    main()
