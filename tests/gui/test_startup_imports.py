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


def test_the_start_up_modules_keep_qt_enums_off_the_import_path() -> None:
    """``from PySide6.QtCore import Qt`` at module level costs tens of milliseconds of start-up
    (bench/startup.py went from 1.42x to 1.6x a bare window); the window's own modules import it
    inside the functions that need it."""
    import ast
    from pathlib import Path

    import ecocheck_desktop.gui as gui

    root = Path(gui.__file__).parent
    start_up = ["main_window.py", "file_actions.py", "app.py", "i18n.py", "settings.py"]
    start_up += ["messages.py"]
    start_up += ["pages/__init__.py", "pages/base.py", "widgets/wheel_guard.py"]
    offenders = []
    for name in start_up:
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in tree.body:  # module level only
            if isinstance(node, ast.ImportFrom) and node.module == "PySide6.QtCore":
                if any(alias.name == "Qt" for alias in node.names):
                    offenders.append(name)
    assert offenders == []


def test_a_start_without_a_project_never_builds_the_qt_namespace() -> None:
    """The first use of ``Qt`` (its enums) costs about 40 ms; the start window needs none of it
    (the wheel guard reaches for it only once a combo or spin box is shown)."""
    code = (
        "import PySide6.QtCore as core\n"
        "from ecocheck_desktop.gui import app\n"
        "assert app.main(['--smoke', '--lang', 'ja']) == 0\n"
        "print('Qt' in core.__dict__)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False"
