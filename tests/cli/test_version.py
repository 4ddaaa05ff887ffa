from __future__ import annotations

import subprocess
import sys

from ecocheck_desktop import __version__


def test_version_flag_prints_the_package_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"ecocheck {__version__}"


def test_no_command_is_a_usage_error() -> None:
    from ecocheck_desktop.cli import main

    assert main([]) == 2
