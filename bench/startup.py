"""Start-up time: ``ecocheck-desktop`` against a bare PySide6 window, in the same run.

Each run is a fresh interpreter; the clock runs from spawning the process to the line it prints
once its window is shown and the first events (expose, paint) are processed. Prints the medians
and their ratio (the aim is <= 1.5x). Offscreen, so it runs on a build machine without a display.

    .venv/bin/python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

MARKER = "window shown"  # printed by `--smoke` once the window is shown, before its checks
AIM = 1.5

BARE_WINDOW = f"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
window.show()
app.processEvents()
print({MARKER!r}, flush=True)
"""

COMMANDS = {
    "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
    "ecocheck-desktop": [sys.executable, "-m", "ecocheck_desktop.gui.app", "--smoke"],
}


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn until the process prints the marker line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == MARKER:
            elapsed = time.perf_counter() - start
            break
    else:
        process.wait()
        raise RuntimeError(f"{command} exited ({process.returncode}) without {MARKER!r}")
    process.stdout.close()
    process.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    # One untimed run each warms the OS file cache, so the first timed run is not an outlier.
    for command in COMMANDS.values():
        time_to_window(command, env)
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        # Interleaved, so a slow moment of the machine hits both sides alike.
        for name, command in COMMANDS.items():
            samples[name].append(time_to_window(command, env))

    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"start-up to window shown, median of {args.runs} runs (offscreen)")
    print(f"{'program':<22} {'median s':>9} {'min s':>7} {'max s':>7}")
    for name, values in samples.items():
        print(f"{name:<22} {medians[name]:>9.3f} {min(values):>7.3f} {max(values):>7.3f}")
    ratio = medians["ecocheck-desktop"] / medians["bare PySide6 window"]
    verdict = "within" if ratio <= AIM else "ABOVE"
    print(f"ratio ecocheck-desktop / bare: {ratio:.2f}x ({verdict} the aim of {AIM}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
