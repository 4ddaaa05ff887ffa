"""The window appears without pandas, matplotlib or reportlab having been imported.

Runs the real entry point in a fresh interpreter (an in-process check would see whatever other
tests imported); ``--smoke`` reports the heavy modules loaded at the moment the window is shown.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

from ecocheck_desktop.gui.app import HEAVY_MODULES, REPORT_MODULES_ENV, SMOKE_OK


def test_smoke_start_imports_no_heavy_library() -> None:
    env = {**os.environ, REPORT_MODULES_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.gui.app", "--smoke", "--lang", "ja"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == SMOKE_OK
    report = json.loads(lines[-2])
    assert report["heavy_modules"] == [], report
    assert set(HEAVY_MODULES) == {"pandas", "matplotlib", "reportlab"}


def test_the_heavy_libraries_are_installed_so_the_check_means_something() -> None:
    # If they could not be imported at all, "not in sys.modules" would prove nothing.
    missing = [name for name in HEAVY_MODULES if importlib.util.find_spec(name) is None]
    assert missing == []
