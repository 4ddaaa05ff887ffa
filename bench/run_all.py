"""Run every benchmark and print one table of figures and ratios.

Each bench/<name>.py runs in its own process (they time fresh interpreters, Qt and fsync'ed
writes, which must not share a process), against this checkout's sources (``src`` is put first
on PYTHONPATH). Its own output is kept under bench/out/<name>.txt; the figures and ratios read
from it are printed as one Markdown table, ready for docs/benchmarks.md.

    .venv/bin/python bench/run_all.py            # the full runs each script defaults to
    .venv/bin/python bench/run_all.py --quick    # fewer repetitions: a few minutes on 2 cores
    .venv/bin/python bench/run_all.py --only calc store

``portfolio`` runs when bench/portfolio.py exists; ``bundle`` when a frozen bundle is built
(installer/build.sh writes dist/EcoCheck); otherwise their rows say why they were skipped.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
BUNDLE_CANDIDATES = (ROOT / "dist" / "EcoCheck", ROOT / "build" / "EcoCheck")


@dataclass
class Row:
    bench: str
    figure: str
    value: str
    ratio: str = ""
    note: str = ""
    goal: str = ""
    baseline: str = ""

    def complete(self) -> Row:
        """Goal and baseline in their own columns: read from the ratio ("2.1x vs raw sqlite3
        (1.2 ms)") and the note ("target < 50 ms met") when the extractor left them out."""
        if not self.baseline and " vs " in self.ratio:
            self.ratio, self.baseline = self.ratio.split(" vs ", 1)
        if not self.goal:
            goal = re.search(r"((?:target|aim|within the aim of|goal)[^;]*)", self.note)
            if goal:
                self.goal = goal[1].strip()
        return self


@dataclass
class Bench:
    name: str
    quick: list[str]
    extract: Callable[[str], list[Row]]
    extra: Callable[[], list[str] | None] = lambda: []


def _number_rows(
    bench: str, text: str, pattern: str, figure: Callable[[re.Match[str]], Row]
) -> list[Row]:
    return [figure(m) for m in re.finditer(pattern, text, re.MULTILINE)]


def _startup(text: str) -> list[Row]:
    ratio = re.search(r"ratio ecocheck-desktop / bare: ([\d.]+)x \((.*)\)", text)
    rows = _number_rows(
        "startup",
        text,
        r"^(ecocheck-desktop|bare PySide6 window)\s+([\d.]+)\s",
        lambda m: Row("startup", f"{m[1]}: start to window shown", f"{m[2]} s"),
    )
    for row in rows:
        if ratio and row.figure.startswith("ecocheck-desktop"):
            row.ratio, row.note = f"{ratio[1]}x vs bare window", ratio[2]
    return rows


def _startup_file(text: str) -> list[Row]:
    ratio = re.search(r"ratio ecocheck-desktop FILE / bare: ([\d.]+)x \((.*)\)", text)
    preload = re.search(r"^chart preload: (.*)$", text, re.MULTILINE)
    rows = _number_rows(
        "startup_file",
        text,
        r"^(ecocheck-desktop FILE|bare PySide6 window)\s+([\d.]+)\s",
        lambda m: Row(
            "startup_file",
            f"{m[1]}: start to {'window shown' if m[1].startswith('bare') else 'page painted'}",
            f"{m[2]} s",
        ),
    )
    for row in rows:
        if ratio and row.figure.startswith("ecocheck-desktop"):
            row.ratio, row.note = f"{ratio[1]}x vs bare window", ratio[2]
            if preload:
                row.note += f"; chart preload {preload[1]}"
    return rows


def _calc(text: str) -> list[Row]:
    rows = _number_rows(
        "calc",
        text,
        r"^(core\.footprint\.calculate \(all rules\)|calculate \+ lines, warnings, to_json_dict"
        r"|pandas groupby \(one factor per energy\)|pandas bare groupby \(DataFrame built before\))"
        r"\s+([\d.]+)\s+([\d.]+)$",
        lambda m: Row("calc", m[1], f"{m[2]} ms", note=f"cpu {m[3]} ms"),
    )
    ratios = re.findall(r"^ratio (calculate.*?) / pandas\s+([\d.]+)\s+([\d.]+)$", text, re.M)
    for row, (_, wall, _cpu) in zip(rows, ratios, strict=False):
        row.ratio = f"{wall}x vs pandas groupby"
    bare = re.search(r"^ratio calculate / bare groupby\s+([\d.]+)\s+([\d.]+)$", text, re.M)
    bare_row = next((r for r in rows if r.figure.startswith("pandas bare")), None)
    if bare and rows:
        rows[0].note += f"; {bare[1]}x vs a bare groupby ({bare_row.value if bare_row else '?'})"
    target = re.search(r"target < 5 ms: (.*)", text)
    if rows and target:
        rows[0].note += f"; target < 5 ms {target[1]}"
    return rows


def _store(text: str) -> list[Row]:
    sized = [
        Row(
            "store",
            f"open+load+calculate, {m[1]}",
            f"{m[2]} ms",
            f"{m[4]}x",
            m[6],
            goal=m[5],
            baseline=f"raw sqlite3 {m[3]} ms",
        )
        for m in re.finditer(
            r"^(\d+ years x \d+ sites \(\d+ records\))\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)x"
            r"\s+(.*?): (met|NOT met)$",
            text,
            re.M,
        )
    ]
    return sized + _number_rows(
        "store",
        text,
        r"^(open\+load\+calculate|open\+load|raw sqlite3|autosave edit)\s+([\d.]+)\s+([\d.]+)$",
        lambda m: Row("store", m[1], f"{m[2]} ms", f"{m[3]}x vs raw sqlite3"),
    )


def _ui_edit(text: str) -> list[Row]:
    rows = []
    pattern = (
        r"^edit -> tile, (.*?) \((\d+) records\)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)x"
        r"\s+(< \d+ ms): (.*)$"
    )
    for m in re.finditer(pattern, text, re.M):
        rows.append(
            Row(
                "ui_edit",
                f"cell edit -> results tile, {m[1]} ({m[2]} records)",
                f"{m[3]} ms",
                f"{m[5]}x",
                m[7],
                goal=m[6],
                baseline=f"full calculate() {m[4]} ms",
            )
        )
    return rows


def _report(text: str) -> list[Row]:
    return _number_rows(
        "report",
        text,
        r"^\| (cold \(fresh process\)|warm \(same process\)) \| ([\d.]+) \| ([\d.]+) \|"
        r" ([\d.]+)x \| ([\d.]+) \| (\w+) \|$",
        lambda m: Row(
            "report",
            f"PDF, {m[1]}",
            f"{m[2]} s",
            f"{m[4]}x vs minimal reportlab ({m[3]} s)",
            f"aim {m[5]} s: {m[6]}",
        ),
    )


def _portfolio(text: str) -> list[Row]:
    def find(pattern: str) -> re.Match[str] | None:
        return re.search(pattern, text, re.M)

    rows = []
    scan = find(r"^scan\+aggregate in-process \((\d+) files\)\s+([\d.]+) s$")
    load = find(r"^open\+load only \(\d+ files\)\s+([\d.]+) s$")
    ratio = find(r"^ratio scan\+aggregate / open\+load: ([\d.]+)x$")
    per_file = find(r"^per file: ([\d.]+) ms$")
    if scan:
        rows.append(
            Row(
                "portfolio",
                f"scan + aggregate {scan[1]} files, in-process",
                f"{scan[2]} s",
                f"{ratio[1]}x vs open+load only ({load[1]} s)" if ratio and load else "",
                f"{per_file[1]} ms per file; aim < 10 s" if per_file else "",
            )
        )
    cli = find(r"^ecocheck portfolio \(CLI, (\d+) files, \+ consortium PDF\)\s+([\d.]+) s$")
    aim = find(r"^aim under 10 s: (.*)$")
    if cli:
        rows.append(
            Row(
                "portfolio",
                f"ecocheck portfolio {cli[1]} files + consortium PDF (CLI)",
                f"{cli[2]} s",
                f"{float(cli[2]) / float(scan[2]):.2f}x vs in-process" if scan else "",
                f"fresh interpreter; aim under 10 s: {aim[1]}" if aim else "",
            )
        )
    small = find(r"^peak RSS scanning 100 files\s+([\d.]+) MiB$")
    # The last RSS line is the full run (the first is the 100-file one).
    large = list(re.finditer(r"^peak RSS scanning (\d+) files\s+([\d.]+) MiB$", text, re.M))[-1:]
    rss_ratio = find(r"^ratio peak RSS \d+ / 100 files: ([\d.]+)x$")
    if small and large and rss_ratio:
        rows.append(
            Row(
                "portfolio",
                f"peak RSS scanning {large[0][1]} files",
                f"{large[0][2]} MiB",
                f"{rss_ratio[1]}x vs 100 files ({small[1]} MiB)",
                "files are read one at a time",
            )
        )
    batch = find(r"^batch PDF \((\d+) of (\d+) written\)\s+([\d.]+) s per file$")
    single = find(r"^one report in memory \(demo\)\s+([\d.]+) s$")
    batch_ratio = find(r"^ratio batch per file / one report: ([\d.]+)x$")
    if batch:
        rows.append(
            Row(
                "portfolio",
                f"batch PDF reports ({batch[1]} files)",
                f"{batch[3]} s per file",
                f"{batch_ratio[1]}x vs one report ({single[1]} s)"
                if batch_ratio and single
                else "",
            )
        )
    return rows


def _demand(text: str) -> list[Row]:
    """bench/demand.py: one meter-year of 30-minute data imported and analysed."""
    rows = []
    total = re.search(r"^import\+analysis\s+([\d.]+) ms", text, re.M)
    pandas = re.search(r"^pandas read_csv\s+([\d.]+) ms", text, re.M)
    ratio = re.search(r"pandas read_csv alone: ([\d.]+)x", text)
    aim = re.search(r"^aim < 2 s: (\S+)", text, re.M)
    if total:
        rows.append(
            Row(
                "demand",
                "import + analysis, one meter-year of 30-minute data",
                f"{total[1]} ms",
                f"{ratio[1]}x" if ratio else "",
                goal=f"< 2 s: {aim[1]}" if aim else "< 2 s",
                baseline=f"pandas.read_csv alone ({pandas[1]} ms)" if pandas else "",
            )
        )
    grows = re.search(r"grows by ([\d,]+) bytes", text)
    if grows:
        rows.append(Row("demand", "project file growth for the meter-year", f"{grows[1]} bytes"))
    return rows


def _bundle(text: str) -> list[Row]:
    rows = []
    size = re.search(r"^bundle .*: ([\d.]+) MB unpacked \((.*)\)$", text, re.M)
    if size:
        rows.append(Row("bundle", "unpacked size", f"{size[1]} MB", note=size[2]))
    rows += _number_rows(
        "bundle",
        text,
        r"^(\S.*?)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)x$",
        lambda m: Row("bundle", f"{m[1].strip()} (frozen)", f"{m[2]} s", f"{m[4]}x vs unfrozen"),
    )
    return rows


def _generic(name: str, text: str) -> list[Row]:
    """For a bench whose format this script does not know yet: its lines naming a ratio."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    picked = [line for line in lines if re.search(r"ratio|\dx\b|[\d.]+ ?(ms|s)\b", line)]
    return [Row(name, line[:90], "") for line in (picked or lines[-3:])[:8]]


def _bundle_args() -> list[str] | None:
    for candidate in BUNDLE_CANDIDATES:
        if (candidate / "_internal").is_dir():
            return ["--bundle", str(candidate)]
    return None


def _portfolio_args() -> list[str] | None:
    return [] if (BENCH / "portfolio.py").is_file() else None


BENCHES = [
    Bench("startup", ["--runs", "3"], _startup),
    Bench("startup_file", ["--runs", "3"], _startup_file),
    Bench("calc", ["--repeat", "10"], _calc),
    Bench("store", ["--repeat", "10"], _store),
    Bench("ui_edit", ["--repeat", "9"], _ui_edit),
    Bench("report", ["--runs", "2"], _report),
    Bench("portfolio", ["--quick"], _portfolio, _portfolio_args),
    Bench("demand", ["--repeat", "3"], _demand),
    Bench("bundle", ["--runs", "3"], _bundle, _bundle_args),
]
SKIP_NOTES = {
    "portfolio": "skipped: bench/portfolio.py is not in this checkout",
    "bundle": "skipped: no frozen bundle in dist/ or build/ (run installer/build.sh)",
}


def _quick_args(name: str) -> list[str]:
    """The quick option a script accepts, found from its --help (portfolio is new)."""
    bench = next(b for b in BENCHES if b.name == name)
    if bench.quick:
        return bench.quick
    help_text = subprocess.run(
        [sys.executable, str(BENCH / f"{name}.py"), "--help"],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    ).stdout
    for option in ("--quick", "--repeat", "--runs"):
        if option in help_text:
            return [option] if option == "--quick" else [option, "3"]
    return []


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, "QT_QPA_PLATFORM": "offscreen"}


def run(bench: Bench, quick: bool) -> tuple[list[Row], float]:
    extra = bench.extra()
    if extra is None:
        return [Row(bench.name, "-", "-", note=SKIP_NOTES[bench.name])], 0.0
    command = [sys.executable, str(BENCH / f"{bench.name}.py"), *extra]
    if quick:
        command += _quick_args(bench.name)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=_env(), check=False)
    elapsed = time.perf_counter() - start
    OUT.mkdir(exist_ok=True)
    (OUT / f"{bench.name}.txt").write_text(
        f"$ {' '.join(command[1:])}\n{result.stdout}{result.stderr}", encoding="utf-8"
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return [Row(bench.name, "-", "-", note=f"FAILED (exit {result.returncode}): {last}")], 0
    rows = bench.extract(result.stdout) or _generic(bench.name, result.stdout)
    return rows, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions per bench")
    parser.add_argument("--only", nargs="+", choices=[b.name for b in BENCHES])
    parser.add_argument(
        "--write-doc", action="store_true", help="write the table into docs/benchmarks.md"
    )
    args = parser.parse_args()
    # As an installed app: its byte code compiled once, not again by every fresh interpreter.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=False, env=_env()
    )
    speed_before = machine_speed_ms()
    rows: list[Row] = []
    failed = False
    for bench in BENCHES:
        if args.only and bench.name not in args.only:
            continue
        print(f"running {bench.name} ...", file=sys.stderr, flush=True)
        bench_rows, elapsed = run(bench, args.quick)
        failed = failed or any(r.note.startswith("FAILED") for r in bench_rows)
        if elapsed:
            bench_rows[-1].note = "; ".join(
                n for n in (bench_rows[-1].note, f"bench took {elapsed:.0f} s") if n
            )
        rows += bench_rows
    table = render_table([row.complete() for row in rows])
    speed = (speed_before, machine_speed_ms())
    print(table)
    print(f"machine speed probe: {speed[0]:.0f} ms before, {speed[1]:.0f} ms after")
    if args.write_doc:
        write_doc(table, quick=args.quick, speed=speed)
    return 1 if failed else 0


def render_table(rows: list[Row]) -> str:
    """One line per figure: the goal, the figure, the baseline (same run) and the ratio."""
    lines = [
        "| bench | figure | goal | value | baseline (same run) | ratio | note |",
        "|---|---|---|---:|---|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.bench} | {r.figure} | {r.goal} | {r.value} | {r.baseline} | {r.ratio}"
            f" | {r.note} |"
        )
    return "\n".join(lines)


def machine_speed_ms() -> float:
    """The best of five runs of a fixed pure-Python workload (Decimal sums, dict and tuple work,
    as in the calculation), in this process. Machines of the same kind differ by up to 3x from
    one day to the next; this figure lets two tables be compared by their absolute times."""
    from decimal import Decimal

    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        total, seen = Decimal(0), {}
        for n in range(200_000):
            key = (n % 97, "kWh", n % 13)
            seen[key] = seen.get(key, 0) + 1
            total += Decimal(n % 1000) / 8
        best = min(best, time.perf_counter() - start)
    return best * 1000


def write_doc(table: str, *, quick: bool, speed: tuple[float, float]) -> None:
    """Replace the table under "## Latest table" in docs/benchmarks.md with this run's."""
    doc = ROOT / "docs" / "benchmarks.md"
    text = doc.read_text(encoding="utf-8")
    head, _, rest = text.partition("## Latest table\n")
    after = rest.find("\nReading the table")
    tail = rest[after:] if after >= 0 else ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    command = "bench/run_all.py --write-doc" + (" --quick" if quick else "")
    intro = (
        f"\nWritten by `{command}` on {when}: Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores, load average {load:.1f} when it finished (other work on the "
        "machine slows both a figure and its baseline, which is why the ratios matter). Machine "
        f"speed probe (`machine_speed_ms`, a fixed pure-Python workload): {speed[0]:.0f} ms "
        f"before the run, {speed[1]:.0f} ms after it.\n\n"
    )
    doc.write_text(f"{head}## Latest table\n{intro}{table}\n{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
