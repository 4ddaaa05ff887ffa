"""Benchmark of the advisor's portfolio (issue 9): scan + aggregate 1,000 project files.

The files are generated from the demo company, varied the way an advisor's clients vary: size
(0.2x–8x the demo's energy use, revenue and staff, log-uniform), industry (six JSIC divisions,
each with its own energy mix), years on file (FY2025 alone, FY2024+FY2025, or FY2025 with the
last months still missing), a target for about a third and a reduction plan for about 40 %.

Rows:
- ``scan+aggregate in-process``: ``scan_file`` of every file + the consortium summary + the
  summary CSV bytes, in this process; against ``open+load only`` (the store reading the same
  files without calculating), measured in the same run: the ratio is the cost of the figures.
- ``ecocheck portfolio (CLI)``: the command in a fresh interpreter, with ``--consortium``.
- ``peak RSS``: a fresh interpreter scanning 100 and then 1,000 files (ru_maxrss); flat memory
  means the ratio stays near 1.0 (files are read one at a time).
- ``batch PDF``: ``batch_reports`` for a few files, seconds per file, against one
  ``render_report`` of the demo in the same run.

Run: .venv/bin/python bench/portfolio.py [--files 1000] [--reports 10] [--quick]
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))

from generate_demo import demo_project  # noqa: E402

from ecocheck_desktop.core.model import (  # noqa: E402
    EnergyRecord,
    PlannedMeasure,
    Project,
    Target,
)

# (JSIC industry, energy weights): multiplies the demo's quantity of each energy.
INDUSTRIES: tuple[tuple[str, dict[str, float]], ...] = (
    ("E24 金属製品製造業", {}),
    ("E18 プラスチック製品製造業", {"city_gas": 0.3, "kerosene": 0.0, "electricity": 1.6}),
    ("E09 食料品製造業", {"city_gas": 2.5, "electricity": 1.1, "kerosene": 1.5}),
    ("E15 印刷・同関連業", {"city_gas": 0.4, "diesel": 0.3, "electricity": 1.2}),
    ("E26 生産用機械器具製造業", {"city_gas": 0.8, "gasoline": 1.3}),
    ("E28 電子部品・デバイス製造業", {"city_gas": 0.2, "electricity": 2.0, "diesel": 0.0}),
)
PLAN_MEASURES = ("LT-01", "CA-01", "AC-01", "CA-02", "HT-01")
QUANT = Decimal(1)


def varied_project(index: int, rng: random.Random, base: Project) -> Project:
    industry, weights = INDUSTRIES[index % len(INDUSTRIES)]
    scale = math.exp(rng.uniform(math.log(0.2), math.log(8)))
    company = dataclasses.replace(
        base.company, name=f"サンプル工業{index + 1:04d}株式会社", industry=industry
    )
    shape = rng.random()
    records: list[EnergyRecord] = []
    for record in base.records:
        weight = weights.get(record.energy, 1.0) * scale * rng.uniform(0.9, 1.1)
        if weight == 0:
            continue
        fiscal_2024 = record.month < "2025-04"
        if fiscal_2024 and shape < 0.3:
            continue  # only FY2025 on file
        if not fiscal_2024 and 0.3 <= shape < 0.4:
            continue  # a client not visited this year: FY2024 is the latest on file
        if not fiscal_2024 and shape > 0.9 and record.month >= "2025-12":
            continue  # FY2025 still being entered: the last months are missing
        quantity = (record.quantity * Decimal(str(weight))).quantize(QUANT, ROUND_HALF_UP)
        cost = record.cost_yen * Decimal(str(weight)) if record.cost_yen is not None else None
        records.append(dataclasses.replace(record, quantity=quantity, cost_yen=cost))
    years = {}
    # Revenue per unit of energy differs widely between firms (margins, energy-light products).
    revenue_factor = Decimal(str(math.exp(rng.uniform(math.log(0.4), math.log(2.5)))))
    for year, data in base.fiscal_years.items():
        size = Decimal(str(scale))
        years[year] = dataclasses.replace(
            data,
            revenue_million_yen=(
                (data.revenue_million_yen or QUANT) * size * revenue_factor
            ).quantize(QUANT),
            employees=max(Decimal(3), ((data.employees or QUANT) * size).quantize(QUANT)),
            floor_area_m2=(data.floor_area_m2 or QUANT) * size,
            production_quantity=(data.production_quantity or QUANT) * size,
        )
    targets = []
    if rng.random() < 0.35:
        targets = [Target("sbt_linear", 2024, 2030, Decimal(25))]
    plan = []
    if rng.random() < 0.4:
        chosen = rng.sample(PLAN_MEASURES, rng.randint(1, 3))
        plan = [PlannedMeasure(measure_id, 2026) for measure_id in chosen]
    return dataclasses.replace(
        base,
        company=company,
        records=records,
        fiscal_years=years,
        targets=targets,
        measure_plan=plan,
    )


def generate(folder: Path, count: int, seed: int = 9) -> list[Path]:
    """``count`` varied project files in ``folder`` (company_0001.ecocheck …)."""
    from ecocheck_desktop.store.project_file import ProjectFile

    rng = random.Random(seed)
    base = demo_project()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"company_{index + 1:04d}.ecocheck"
        ProjectFile.create(path, varied_project(index, rng, base)).close()
        paths.append(path)
    return paths


def scan_and_aggregate(folder: Path) -> tuple[int, bytes]:
    from ecocheck_desktop.exchange.portfolio import SummaryCsv, project_files, scan_file
    from ecocheck_desktop.report.consortium import ConsortiumSummary, consortium_csv

    summary, csv_rows = ConsortiumSummary(), SummaryCsv()
    for path in project_files(folder):
        row = scan_file(path)
        csv_rows.add(row)
        summary.add(row)
    return summary.readable, csv_rows.data() + consortium_csv(summary)


def load_only(folder: Path) -> int:
    from ecocheck_desktop.exchange.portfolio import project_files
    from ecocheck_desktop.store.project_file import load_project

    return sum(len(load_project(path).records) for path in project_files(folder))


def peak_rss_mib(folder: Path) -> float:
    """A fresh interpreter that scans ``folder``; its peak resident memory."""
    # VmHWM, the high-water mark of this program's own memory: Linux carries ru_maxrss over
    # from the parent at fork and through exec, so a child of a big bench process would report
    # the bench's size (352 MiB for a 55 MiB scan). ru_maxrss where /proc is not there.
    code = (
        "import sys, resource; sys.path.insert(0, sys.argv[2]);"
        "from portfolio import scan_and_aggregate; from pathlib import Path;"
        "scan_and_aggregate(Path(sys.argv[1]));"
        "import os;"
        "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')]"
        " if os.path.exists('/proc/self/status') else [];"
        "print(hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(ROOT / "bench")],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.split()[-1]) / 1024


def timed(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--reports", type=int, default=10, help="files in the batch PDF run")
    parser.add_argument("--quick", action="store_true", help="3 batch reports instead of 10")
    args = parser.parse_args()
    reports = 3 if args.quick else args.reports
    with tempfile.TemporaryDirectory(prefix="ecocheck-portfolio-") as tmp:
        root = Path(tmp)
        big, small = root / "all", root / "first100"
        started = time.perf_counter()
        paths = generate(big, args.files)
        small.mkdir()
        for path in paths[:100]:
            (small / path.name).write_bytes(path.read_bytes())
        print(f"generated {args.files} files in {time.perf_counter() - started:.1f} s")

        # Warm the factor library and catalogue once, as the GUI and the CLI have them warm.
        scan_and_aggregate(small)
        load_s = timed(lambda: load_only(big))
        scan_s = timed(lambda: scan_and_aggregate(big))
        print(f"open+load only ({args.files} files)   {load_s:.2f} s")
        print(f"scan+aggregate in-process ({args.files} files)   {scan_s:.2f} s")
        print(f"ratio scan+aggregate / open+load: {scan_s / load_s:.2f}x")
        print(f"per file: {scan_s / args.files * 1000:.1f} ms")

        summary_csv, consortium_pdf = root / "summary.csv", root / "consortium.pdf"
        command = [sys.executable, "-m", "ecocheck_desktop.cli", "portfolio", str(big)]
        command += ["-o", str(summary_csv), "--consortium", str(consortium_pdf)]
        cli_s = timed(lambda: subprocess.run(command, check=True, capture_output=True))
        print(f"ecocheck portfolio (CLI, {args.files} files, + consortium PDF)   {cli_s:.2f} s")
        aim = "within" if cli_s < 10 and scan_s < 10 else "NOT within"
        print(f"aim under 10 s: {aim}")

        rss_100, rss_all = peak_rss_mib(small), peak_rss_mib(big)
        print(f"peak RSS scanning 100 files   {rss_100:.1f} MiB")
        print(f"peak RSS scanning {args.files} files   {rss_all:.1f} MiB")
        print(f"ratio peak RSS {args.files} / 100 files: {rss_all / rss_100:.2f}x")

        from ecocheck_desktop.report.batch import batch_reports
        from ecocheck_desktop.report.pdf import render_report

        render_report(demo_project())  # warm fonts and matplotlib, as the second report is
        single_s = timed(lambda: render_report(demo_project()))
        start = time.perf_counter()
        results = list(batch_reports(paths[:reports], root / "reports"))
        batch_s = time.perf_counter() - start
        written = sum(1 for r in results if r.error is None)
        per_file = batch_s / max(1, len(results))
        print(f"one report in memory (demo)   {single_s:.2f} s")
        print(f"batch PDF ({written} of {reports} written)   {per_file:.2f} s per file")
        print(f"ratio batch per file / one report: {per_file / single_s:.2f}x")
        usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"bench process peak RSS {usage:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
