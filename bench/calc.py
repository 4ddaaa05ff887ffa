"""Benchmark of the footprint calculation (core.footprint.calculate).

A project of 5 fiscal years x 3 sites x 8 energy types x 12 months (1,440 bill lines) is
calculated N times; the median is printed next to a plain pandas groupby that computes the same
kind of totals (quantity x one factor per energy, summed per fiscal year and energy): once
building its DataFrame from the bills as calculate() must, once as a bare groupby on a
DataFrame built beforehand (pandas at its best). pandas is a dev dependency only. The
target is a median under 5 ms for calculate(). calculate() leaves the per-line results and the
plausibility warnings to be built on first access, so a second row times a caller that reads
everything (lines, warnings, to_json_dict()). Each row gives the wall-clock median and the
process CPU-time median (steadier on a shared machine). Output: a table and the ratios.

Run: .venv/bin/python bench/calc.py [--repeat N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

try:  # a dev dependency (requirements: the app never imports pandas)
    import pandas as pd
except ImportError:  # pragma: no cover - the rows say they were skipped
    pd = None

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import Company, FiscalYearData, Project, Site
from ecocheck_desktop.core.results import Footprint
from sizes import bill_records  # bench/: the same plant's bills as the sized files

YEARS = range(2021, 2026)
SITES = ("本社工場", "第二工場", "倉庫")


def build_project() -> Project:
    records = bill_records(YEARS, SITES)
    return Project(
        company=Company("ベンチ工業"),
        sites=[Site(name) for name in SITES],
        records=records,
        fiscal_years={
            y: FiscalYearData(y, revenue_million_yen=Decimal(800), employees=Decimal(45))
            for y in YEARS
        },
    )


def time_it(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall-clock and median process CPU time of ``function``, in ms."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def read_everything(footprint: Footprint) -> None:
    for year in footprint.years:
        _ = year.lines, year.warnings
    footprint.to_json_dict()


FACTOR = {
    "electricity": 0.000452,
    "city_gas": 2.05,
    "lpg": 2.99,
    "kerosene": 2.50,
    "diesel": 2.62,
    "gasoline": 2.29,
    "heavy_oil_a": 2.75,
    "heat": 0.0532,
}
SCALE = {"kWh": 1.0, "m3": 0.001, "kg": 0.001, "L": 0.001, "kL": 1.0, "GJ": 1.0}


def pandas_frame(project: Project) -> Any:
    """The bills as a DataFrame with their t-CO2 (one factor per energy)."""
    frame = pd.DataFrame(
        {
            "month": [r.month for r in project.records],
            "energy": [r.energy for r in project.records],
            "quantity": [float(r.quantity) for r in project.records],
            "unit": [r.unit for r in project.records],
        }
    )
    frame["fiscal_year"] = frame["month"].map(fiscal_year_of)
    frame["t_co2"] = frame["quantity"] * frame["unit"].map(SCALE) * frame["energy"].map(FACTOR)
    return frame


def bare_groupby(frame: Any) -> Any:
    """Only the aggregation, on a DataFrame built beforehand (pandas at its best)."""
    return frame.groupby(["fiscal_year", "energy"])["t_co2"].sum()


def pandas_baseline(project: Project) -> Any:
    """Building the DataFrame from the bills, then the aggregation (what calculate() does)."""
    return bare_groupby(pandas_frame(project))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    project = build_project()
    library = default_library()
    calculate(project, library)  # warm-up (imports, library load)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(calculate, project, library)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return

    calc_ms, calc_cpu = time_it(lambda: calculate(project, library), args.repeat)
    full_ms, full_cpu = time_it(lambda: read_everything(calculate(project, library)), args.repeat)
    print(f"records: {len(project.records)}  repeat: {args.repeat}")
    if pd is None:
        print("pandas is not installed (a dev dependency): its baseline rows are skipped")
        print(f"{'core.footprint.calculate (all rules)':<46}{calc_ms:>11.2f}{calc_cpu:>9.2f}")
        return
    pandas_ms, pandas_cpu = time_it(lambda: pandas_baseline(project), args.repeat)
    frame = pandas_frame(project)
    bare_ms, bare_cpu = time_it(lambda: bare_groupby(frame), args.repeat)
    print(f"{'what':<46}{'median ms':>11}{'cpu ms':>9}")
    rows = (
        ("core.footprint.calculate (all rules)", calc_ms, calc_cpu),
        ("calculate + lines, warnings, to_json_dict", full_ms, full_cpu),
        ("pandas groupby (one factor per energy)", pandas_ms, pandas_cpu),
        ("pandas bare groupby (DataFrame built before)", bare_ms, bare_cpu),
    )
    for label, wall, cpu in rows:
        print(f"{label:<46}{wall:>11.2f}{cpu:>9.2f}")
    print(
        f"{'ratio calculate / bare groupby':<46}{calc_ms / bare_ms:>11.2f}"
        f"{calc_cpu / bare_cpu:>9.2f}"
    )
    print(
        f"{'ratio calculate / pandas':<46}{calc_ms / pandas_ms:>11.2f}{calc_cpu / pandas_cpu:>9.2f}"
    )
    print(
        f"{'ratio calculate + reading / pandas':<46}{full_ms / pandas_ms:>11.2f}"
        f"{full_cpu / pandas_cpu:>9.2f}"
    )
    print(f"target < 5 ms: {'met' if calc_ms < 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
