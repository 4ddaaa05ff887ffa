"""The core stays free of Qt, pandas and matplotlib (docs/architecture.md: the layers)."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = ("PySide6", "pandas", "matplotlib", "reportlab")


def test_importing_core_loads_no_gui_or_dataframe_library() -> None:
    code = (
        "import importlib, json, pkgutil, sys\n"
        "import ecocheck_desktop.core as core\n"
        "for info in pkgutil.walk_packages(core.__path__, 'ecocheck_desktop.core.'):\n"
        "    importlib.import_module(info.name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []
