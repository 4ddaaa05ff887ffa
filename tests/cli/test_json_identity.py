"""The JSON contracts stay byte-identical across refactorings of the calculation.

The expected files in golden/ were produced by the commands themselves, before the split of
core/footprint.py and core/measures.py (issue 17), and are compared byte for byte:

- ``demo_calc.json``: ``ecocheck calc resources/demo/demo.json --json``;
- ``demo_measures.json``: ``ecocheck measures resources/demo/demo.json --json``;
- ``golden_cases_calc.json``: ``Footprint.to_json_dict()`` of every public golden case of
  tests/core/golden/footprint_cases.json (a case the calculation refuses: its message codes).

A change of a number here is a change of behaviour: make it on purpose, then regenerate with
``python -m tests.cli.test_json_identity --write`` and say why in the commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop import cli
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.resources import resource_path
from tests.core.test_golden import CASES, build

GOLDEN = Path(__file__).resolve().parent / "golden"


def _command_json(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = cli.main([command, str(resource_path("demo", "demo.json")), "--json"])
    assert code == 0
    return capsys.readouterr().out


def golden_cases_json() -> str:
    """Every public golden case's ``to_json_dict()`` (or refusal), as one JSON text."""
    documents: dict[str, Any] = {}
    for case in CASES:
        try:
            documents[case["id"]] = calculate(build(case), default_library()).to_json_dict()
        except EcoCheckError as error:
            documents[case["id"]] = {"error": [m.code for m in error.messages]}
    return json.dumps(documents, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("command", ["calc", "measures"])
def test_demo_json_is_unchanged(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    expected = (GOLDEN / f"demo_{command}.json").read_text(encoding="utf-8")
    assert _command_json(command, capsys) == expected


def test_golden_cases_json_is_unchanged() -> None:
    expected = (GOLDEN / "golden_cases_calc.json").read_text(encoding="utf-8")
    assert golden_cases_json() == expected


def _write() -> None:  # pragma: no cover - the regeneration step named in the docstring
    import contextlib
    import io

    GOLDEN.mkdir(exist_ok=True)
    for command in ("calc", "measures"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert cli.main([command, str(resource_path("demo", "demo.json")), "--json"]) == 0
        (GOLDEN / f"demo_{command}.json").write_text(out.getvalue(), encoding="utf-8")
    (GOLDEN / "golden_cases_calc.json").write_text(golden_cases_json(), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] != ["--write"]:
        raise SystemExit("usage: python -m tests.cli.test_json_identity --write")
    _write()
