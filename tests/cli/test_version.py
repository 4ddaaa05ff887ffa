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


def test_a_closed_pipe_is_not_reported_as_an_error(tmp_path) -> None:
    demo = tmp_path / "d.ecocheck"
    subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.cli", "demo", "-o", str(demo)],
        check=True,
        capture_output=True,
    )
    # `head -1` closes the pipe after the first line, like a user paging the table.
    shell = f'"{sys.executable}" -m ecocheck_desktop.cli calc "{demo}" | head -1'
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, check=False)
    assert "unexpected error" not in result.stderr
    assert result.stdout.strip()
