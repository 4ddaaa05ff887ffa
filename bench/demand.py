"""Benchmark of the demand import: one meter-year of 30-minute data (17,520 rows, the test
generator's year) read, checked, analysed and stored, against reading the same CSV with pandas
alone, in the same run. Rows (median of N runs):

- ``read+check`` : read_cells + guess_mapping + parse_demand (exchange/), the whole import
  minus the write;
- ``analyse``    : core.demand.analyse of the 364 days;
- ``store``      : ProjectFile.import_meter_days into a fresh project file (one transaction);
- ``import+analysis``: the three together, aim < 2 s;
- ``pandas read_csv``: pandas.read_csv of the same file with the datetime parsed, the floor of
  a pandas-based reader; skipped with a note when pandas is not installed (the app does not
  use it).

Also the bytes the meter-year adds to the project file (after VACUUM), aim well under 1 MB.

Run: .venv/bin/python bench/demand.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.demand.generator import generate, write_rows  # noqa: E402

from ecocheck_desktop.core.demand import Meter, analyse  # noqa: E402
from ecocheck_desktop.core.model import Company, Project  # noqa: E402
from ecocheck_desktop.exchange.demand_files import guess_mapping, read_cells  # noqa: E402
from ecocheck_desktop.exchange.demand_parse import parse_demand  # noqa: E402
from ecocheck_desktop.store.project_file import ProjectFile  # noqa: E402


def _median(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        csv_path = write_rows(generate(), Path(folder) / "year.csv")
        cells = read_cells(csv_path)
        print(f"one meter-year: {len(cells) - 1:,} rows, {csv_path.stat().st_size:,} bytes CSV")

        def read_check() -> list:
            table = read_cells(csv_path)
            return parse_demand(table, guess_mapping(table), csv_path).days

        days = read_check()
        counter = iter(range(10**6))

        def store() -> None:
            path = Path(folder) / f"p{next(counter)}.ecocheck"
            ProjectFile.create(path, Project(company=Company("bench")), user="b").close()
            with ProjectFile.open(path, user="b") as pf:
                pf.import_meter_days(Meter("M"), days)

        def whole() -> None:
            found = read_check()
            analyse(found)
            path = Path(folder) / f"w{next(counter)}.ecocheck"
            ProjectFile.create(path, Project(company=Company("bench")), user="b").close()
            with ProjectFile.open(path, user="b") as pf:
                pf.import_meter_days(Meter("M"), found)

        rows = {
            "read+check": _median(read_check, repeat),
            "analyse": _median(lambda: analyse(days), repeat),
            "store": _median(store, repeat),
            "import+analysis": _median(whole, repeat),
        }
        try:
            import pandas as pd
        except ImportError:
            pandas_time = None
        else:
            pandas_time = _median(lambda: pd.read_csv(csv_path, parse_dates=[0]), repeat)
        for name, seconds in rows.items():
            print(f"{name:<18} {seconds * 1000:8.0f} ms")
        if pandas_time is None:
            print("pandas read_csv    skipped: pandas is not installed")
        else:
            ratio = rows["import+analysis"] / pandas_time
            print(f"pandas read_csv    {pandas_time * 1000:8.0f} ms")
            print(f"import+analysis / pandas read_csv alone: {ratio:.1f}x")
        verdict = "ok" if rows["import+analysis"] < 2 else "OVER the 2 s aim"
        print(f"aim < 2 s: {verdict}")

        empty = Path(folder) / "empty.ecocheck"
        full = Path(folder) / "full.ecocheck"
        for path in (empty, full):
            ProjectFile.create(path, Project(company=Company("bench")), user="b").close()
        with ProjectFile.open(full, user="b") as pf:
            pf.import_meter_days(Meter("M"), days)
        for path in (empty, full):
            with closing(sqlite3.connect(path)) as conn:
                conn.execute("VACUUM")
        added = full.stat().st_size - empty.stat().st_size
        print(f"project file grows by {added:,} bytes for the meter-year (aim < 1,000,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
