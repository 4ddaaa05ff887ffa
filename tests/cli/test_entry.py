"""The ``ecocheck`` executable's entry: no garbage collection for one-shot commands, a fast exit
that still flushes what was printed and leaves the written files complete."""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecocheck_desktop import cli
from ecocheck_desktop.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"


def _ecocheck(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    code = "from ecocheck_desktop.cli import entry; entry()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_entry_flushes_output_and_keeps_exit_codes(tmp_path: Path) -> None:
    demo = tmp_path / "demo.ecocheck"
    assert _ecocheck("demo", "-o", str(demo)).returncode == 0
    calc = _ecocheck("calc", str(demo), "--json")
    assert calc.returncode == 0
    assert json.loads(calc.stdout)["results"]  # the whole JSON object reached the pipe
    pdf = tmp_path / "r.pdf"
    report = _ecocheck("report", str(demo), "-o", str(pdf))
    assert report.returncode == 0 and "r.pdf" in report.stderr
    assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    missing = _ecocheck("calc", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and "nope.csv" in missing.stderr


def test_one_shot_main_restores_the_collector(tmp_path: Path) -> None:
    assert gc.isenabled()
    assert main(["demo", "-o", str(tmp_path / "d.ecocheck")], one_shot=True) == 0
    assert gc.isenabled()


def test_every_command_of_the_parser_has_its_module_and_run() -> None:
    """No "not available in this version" fallback any more: each subcommand the parser offers
    resolves to ``ecocheck_desktop.commands.<name>.run``, and a missing module is a defect that
    raises instead of printing a polite refusal."""
    parser = cli._build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    handlers = {choice.get_default("handler") for choice in sub.choices.values()}
    assert len(handlers) >= 12 and None not in handlers
    for name in sorted(handlers):
        module = "import_bills" if name == "import" else name
        expected = importlib.import_module(f"ecocheck_desktop.commands.{module}").run
        assert cli._handler(name) is expected
    with pytest.raises(ModuleNotFoundError):
        cli._handler("no_such_command")
