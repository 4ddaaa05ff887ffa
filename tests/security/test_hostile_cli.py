"""The hostile inputs of issue 16 fed to the real ``ecocheck`` command in child processes.

For every file: exit 0 or 2 (never 1), no traceback on stderr, a refusal that names the file,
and for inputs under 10 MB a peak memory of the child (its VmHWM, or ru_maxrss where /proc is
missing) under 1 GB; every CSV the commands write has no formula-like text cell.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.security import hostile_files

ROOT = Path(__file__).resolve().parents[2]
GIB = 1024 * 1024 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

# Runs main() and reports the child's own peak memory on its last stderr line. VmHWM belongs
# to the process image after exec; ru_maxrss would also count the forked copy of pytest.
_RUNNER = r"""
import os, resource, sys
from ecocheck_desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code if isinstance(stop.code, int) else 1
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
try:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) * 1024
except OSError:
    pass
sys.stderr.write(f"\nPEAK {peak}\n")
sys.exit(code)
"""


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    peak_bytes: int


def ecocheck(*args: str, cwd: Path) -> Run:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",  # the checks read the English messages (the CLI follows the locale)
        "LC_ALL": "",
    }
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    lines = done.stderr.rstrip().splitlines()
    assert lines and lines[-1].startswith("PEAK "), done.stderr
    return Run(done.returncode, done.stdout, "\n".join(lines[:-1]), int(lines[-1].split()[1]))


def assert_clean(run: Run, name: str) -> None:
    assert run.code in (0, 2), f"{name}: exit {run.code}\n{run.stderr}"
    assert "Traceback" not in run.stderr, run.stderr
    assert "unexpected error" not in run.stderr, run.stderr
    if run.code == 2:
        assert "ecocheck: error:" in run.stderr


def formula_cells(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig")
    return [
        cell
        for row in csv.reader(io.StringIO(text, newline=""))
        for cell in row
        if cell.startswith(FORMULA_STARTS) and not _is_number(cell)
    ]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


ALL_FILES = {**hostile_files.BILL_FILES, **hostile_files.JSON_FILES}
# Refused with exit 2 (the others are read as far as they are usable, exit 0).
REFUSED = set(ALL_FILES) - {"xlsx_huge_dimension", "xlsx_far_cell"}


@pytest.mark.parametrize("name", sorted(ALL_FILES))
def test_hostile_file_gives_exit_0_or_2_within_memory(name: str, tmp_path: Path) -> None:
    path = ALL_FILES[name](tmp_path)
    assert path.stat().st_size < 10 * 1024 * 1024
    for args in (
        ("calc", str(path), "--json"),
        ("import", str(path), "-o", str(tmp_path / f"{name}.ecocheck")),
        ("report", str(path), "-o", str(tmp_path / f"{name}.pdf")),
    ):
        run = ecocheck(*args, cwd=tmp_path)
        assert_clean(run, name)
        assert run.peak_bytes < GIB, f"{name}: {run.peak_bytes / GIB:.2f} GB"
        if name in REFUSED:
            assert run.code == 2, f"{name} was accepted: {run.stdout[:300]}"
            assert path.name in run.stderr  # the message names the file
        else:
            assert run.code == 0, run.stderr


def test_a_declared_huge_dimension_reads_only_the_real_rows(tmp_path: Path) -> None:
    path = hostile_files.xlsx_huge_dimension(tmp_path)
    run = ecocheck("import", str(path), "-o", str(tmp_path / "p.ecocheck"), cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "2 records" in run.stdout
    assert run.peak_bytes < 300 * 1024 * 1024
    assert (tmp_path / "p.ecocheck").stat().st_size < 2 * 1024 * 1024


def test_the_apps_own_export_with_a_19_mb_scan_reimports_without_gigabytes(
    tmp_path: Path,
) -> None:
    path = hostile_files.json_own_export_with_scan(tmp_path, scan_mb=19)
    target = tmp_path / "back.ecocheck"
    run = ecocheck("import", str(path), "-o", str(target), cwd=tmp_path)
    assert run.code == 0, run.stderr
    # The file is ~26 MB; a few copies of it are fine, gigabytes (3.2 GB before) are not.
    assert run.peak_bytes < 600 * 1024 * 1024, run.peak_bytes
    export = tmp_path / "again.csv"
    assert ecocheck("export", str(target), "-o", str(export), cwd=tmp_path).code == 0


def test_a_formula_unit_never_reaches_a_csv(tmp_path: Path) -> None:
    path = hostile_files.json_formula_unit(tmp_path)
    run = ecocheck("import", str(path), "-o", str(tmp_path / "p.ecocheck"), cwd=tmp_path)
    assert run.code == 2 and "energy records #1 > unit" in run.stderr
    assert not (tmp_path / "p.ecocheck").exists()


def test_a_fifo_input_is_refused_without_hanging(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    for name in ("bills.csv", "bills.xlsx", "project.json", "client.ecocheck"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        run = ecocheck("calc", str(fifo), cwd=tmp_path)  # the 120 s timeout would fail it
        assert_clean(run, name)
        assert run.code == 2 and name in run.stderr


def test_environment_errors_exit_2_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    cases = {
        # A path through a file (ENOTDIR), a too-long name (ENAMETOOLONG), a folder.
        "through_file": str(tmp_path / "plain" / "x.ecocheck"),
        "too_long": str(tmp_path / ("長" * 200 + ".ecocheck")),
        "folder": str(tmp_path),
    }
    for name, target in cases.items():
        for args in (
            ("demo", "-o", target),
            ("report", target, "-o", str(tmp_path / "r.pdf")),
            ("export", target, "-o", str(tmp_path / "e.json")),
        ):
            run = ecocheck(*args, cwd=tmp_path)
            assert run.code == 2, f"{name} {args[0]}: {run.code}\n{run.stderr}"
            assert "Traceback" not in run.stderr
    demo = tmp_path / "demo.ecocheck"
    assert ecocheck("demo", "-o", str(demo), cwd=tmp_path).code == 0
    for suffix in (".pdf", ".csv"):
        (tmp_path / f"folder{suffix}").mkdir()  # an output name that is a folder
    outputs = [
        str(tmp_path / "plain" / "x"),
        str(tmp_path / ("長" * 200)),
        str(tmp_path / "folder"),
    ]
    for output in outputs:
        for command in ("report", "export"):
            suffix = ".pdf" if command == "report" else ".csv"
            run = ecocheck(command, str(demo), "-o", output + suffix, cwd=tmp_path)
            assert run.code == 2, f"{command} -> {output}: {run.code}\n{run.stderr}"
            assert "Traceback" not in run.stderr


def test_every_csv_the_commands_write_is_free_of_formulas(tmp_path: Path) -> None:
    from dataclasses import replace

    from ecocheck_desktop.exchange.demo import demo_project
    from ecocheck_desktop.store.project_file import ProjectFile

    project = demo_project()
    formula = '=HYPERLINK("http://example.invalid","x")'
    project.company = replace(project.company, name=formula, industry="+1", city="@x")
    project.sites = [replace(site, name=f"-{site.name}") for site in project.sites]
    first = project.sites[0].name
    project.records = [
        replace(r, site=first, supplier="=1+1", note="\t=x", menu="@m") for r in project.records
    ]
    project.contracts = [replace(c, site=first) for c in project.contracts]
    folder = tmp_path / "clients"
    folder.mkdir()
    ProjectFile.create(folder / "a.ecocheck", project).close()
    outputs = {
        "bills": ("export", str(folder / "a.ecocheck"), "-o", str(tmp_path / "bills.csv")),
        "lender": ("report", str(folder / "a.ecocheck"), "-o", str(tmp_path / "lender.csv")),
        "portfolio": (
            "portfolio",
            str(folder),
            "-o",
            str(tmp_path / "summary.csv"),
            "--consortium",
            str(tmp_path / "consortium.csv"),
        ),
    }
    for name, args in outputs.items():
        run = ecocheck(*args, cwd=tmp_path)
        assert run.code == 0, f"{name}: {run.stderr}"
    for name in ("bills", "lender", "summary", "consortium"):
        data = (tmp_path / f"{name}.csv").read_bytes()
        assert formula_cells(data) == [], name
        assert b"'=HYPERLINK" in data or b"'=1+1" in data  # the text is there, neutralised


def test_portfolio_reports_go_on_past_hostile_clients(tmp_path: Path) -> None:
    from ecocheck_desktop.exchange.demo import demo_project
    from ecocheck_desktop.store.project_file import ProjectFile
    from tests.security.long_text import long_text_project

    folder = tmp_path / "clients"
    folder.mkdir()
    ProjectFile.create(folder / "a.ecocheck", demo_project()).close()
    ProjectFile.create(folder / "b_long.ecocheck", long_text_project(4000)).close()
    (folder / "c_garbage.ecocheck").write_bytes(b"=1+1 not a database" * 100)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "d_fifo.ecocheck")
    ProjectFile.create(folder / "e.ecocheck", demo_project()).close()
    out = tmp_path / "pdf"
    run = ecocheck(
        "portfolio", str(folder), "-o", str(tmp_path / "s.csv"), "--reports", str(out),
        cwd=tmp_path,
    )  # fmt: skip
    assert_clean(run, "portfolio")
    assert run.code == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "b_long.pdf", "e.pdf"]
    assert "c_garbage.ecocheck" in run.stderr
    assert formula_cells((tmp_path / "s.csv").read_bytes()) == []


def test_a_killed_hand_over_leaves_nothing_behind_the_next_one(tmp_path: Path) -> None:
    import time

    from ecocheck_desktop.core.tempfiles import STALE_AFTER_SECONDS

    demo = tmp_path / "demo.ecocheck"
    assert ecocheck("demo", "-o", str(demo), cwd=tmp_path).code == 0
    old = time.time() - STALE_AFTER_SECONDS - 60
    leftovers = [
        tmp_path / ".copy.ecocheck.x1y2z3.tmp",
        tmp_path / ".copy.ecocheck.x1y2z3.tmp-journal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"\0" * 1024 * 1024)  # the half-written copy of a killed run
        os.utime(leftover, (old, old))
    copy = tmp_path / "copy.ecocheck"
    run = ecocheck("handover", "export", str(demo), "-o", str(copy), cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert copy.exists()
    assert not any(leftover.exists() for leftover in leftovers)


def test_command_line_bytes_that_are_not_text(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX passes arguments and file names as bytes")
    bills = tmp_path / "ok.csv"
    bills.write_text("month,energy,quantity,unit\n2025-04,電気,1,kWh\n", encoding="utf-8")
    demo = tmp_path / "demo.ecocheck"
    assert ecocheck("demo", "-o", str(demo), cwd=tmp_path).code == 0
    # "\udcff" reaches the child as the raw byte 0xff (surrogateescape), as from a shell.
    a, b = str(tmp_path / "a.ecocheck"), str(tmp_path / "b.ecocheck")
    refused = {
        "company": ("import", str(bills), "-o", a, "--company", "\udcff名"),
        "by": ("handover", "export", str(demo), "-o", b, "--by", "\udcff"),
    }
    for name, args in refused.items():
        run = ecocheck(*args, cwd=tmp_path)
        assert_clean(run, name)
        assert run.code == 2 and "surrogate" in run.stderr, run.stderr
    odd = tmp_path / "bad\udcffname.csv"  # a file name from another system's encoding
    odd.write_bytes(bills.read_bytes())
    run = ecocheck("import", str(odd), "-o", str(tmp_path / "c.ecocheck"), cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "bad\ufffdname" in run.stdout
