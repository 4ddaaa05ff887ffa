"""Benchmark of the hand-over copy (store/handover.py) against a plain file copy.

A project with the demo company's bills and ``--scans`` bill scans of 2 MB each (a realistic
hand-over: a year of scanned bills) is written to a temporary .ecocheck file and kept open, as
in the app. Rows, medians of ``--repeat`` runs in the same process:

- ``hand_over``: backup-API copy through the open connection into a temporary file, mark in the
  copy and the source, rename into place (fsync'ed like every commit).
- ``file copy + fsync``: shutil.copyfile of the same (closed) file plus an fsync: the floor of
  any copy. The ratio hand_over / file copy is the price of a consistent copy with a mark.
- ``changes_in``: "what changed since the hand-over" on a change log of ``--edits`` rows.
- ``change_log()``: reading the whole change log, the naive way, for comparison.

Run: .venv/bin/python bench/handover.py [--repeat N] [--scans N] [--edits N]
"""

from __future__ import annotations

import argparse
import os
import shutil
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

from ecocheck_desktop.core.model import EnergyRecord  # noqa: E402
from ecocheck_desktop.store.handover import changes_in, hand_over  # noqa: E402
from ecocheck_desktop.store.project_file import ProjectFile  # noqa: E402


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--scans", type=int, default=12)
    parser.add_argument("--edits", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "company.ecocheck"
        pf = ProjectFile.create(path, demo_project(), user="bench")
        scan = b"%PDF-1.4\n" + os.urandom(2 * 1024 * 1024) + b"\n%%EOF\n"
        for month in range(args.scans):
            pf.attach_evidence(
                scan, f"bill-{month + 1:02d}.pdf", month=f"2024-{month % 12 + 1:02d}"
            )
        record_id = pf.records()[0][0]
        for i in range(args.edits):
            pf.update_record(
                record_id, EnergyRecord("2024-04", "electricity", Decimal(i + 1), "kWh")
            )
        size_mb = path.stat().st_size / 1024 / 1024
        pf.close()
        closed_copy = folder / "plain.ecocheck"

        def plain_copy() -> None:
            shutil.copyfile(path, closed_copy)
            with closed_copy.open("rb+") as stream:
                os.fsync(stream.fileno())

        floor = median_ms(plain_copy, args.repeat)
        pf = ProjectFile.open(path, user="bench")
        target = folder / "for-owner.ecocheck"
        copy_ms = median_ms(lambda: hand_over(pf, target, "bench"), args.repeat)
        pf.update_record(record_id, EnergyRecord("2024-04", "electricity", Decimal(1), "kWh"))
        assert len(changes_in(pf).entries) == 1
        changes_ms = median_ms(lambda: changes_in(pf), args.repeat)
        log_ms = median_ms(pf.change_log, args.repeat)
        pf.close()
    print(f"project file {size_mb:.1f} MB ({args.scans} scans of 2 MB, {args.edits} edits),"
          f" median of {args.repeat}")  # fmt: skip
    print(f"{'row':<22}{'median ms':>10}{'ratio':>10}")
    print(f"{'hand_over':<22}{copy_ms:>10.1f}{copy_ms / floor:>10.2f}")
    print(f"{'file copy + fsync':<22}{floor:>10.1f}{1:>10.2f}")
    print(f"{'changes_in':<22}{changes_ms:>10.2f}{changes_ms / log_ms:>10.2f}")
    print(f"{'change_log()':<22}{log_ms:>10.2f}{1:>10.2f}")


if __name__ == "__main__":
    main()
