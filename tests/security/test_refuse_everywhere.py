"""A project file holding a value every import refuses is refused by every command: calc,
report, export and the hand-over export (which used to copy it and exit 0)."""

from __future__ import annotations

import contextlib
import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.store.project_file import ProjectFile


def _run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *argv])
    return code, err.getvalue()


BAD_VALUES = {
    "unit_of_another_energy": {"unit": "L"},
    "formula_unit": {"unit": '=HYPERLINK("x")'},
    "9e14_kwh": {"quantity": Decimal("9e14")},
}


@pytest.mark.parametrize("bad", sorted(BAD_VALUES))
def test_every_command_refuses_a_bad_value(bad: str, tmp_path: Path) -> None:
    project = demo_project()
    project.records[0] = replace(project.records[0], **BAD_VALUES[bad])  # type: ignore[arg-type]
    source = tmp_path / "bad.ecocheck"
    ProjectFile.create(source, project).close()
    copy = tmp_path / "copy.ecocheck"
    commands = {
        "calc": ("calc", str(source)),
        "report": ("report", str(source), "-o", str(tmp_path / "r.pdf")),
        "handover": ("handover", "export", str(source), "-o", str(copy)),
        "export_csv": ("export", str(source), "-o", str(tmp_path / "e.csv")),
        "export_json": ("export", str(source), "-o", str(tmp_path / "e.json")),
    }
    for name, argv in commands.items():
        code, err = _run(*argv)
        assert code == 2, f"{name}: {code} {err}"
        assert "energy records #1" in err and str(source) in err, err
    assert not copy.exists() and not (tmp_path / "e.csv").exists()
    assert not list(tmp_path.glob(".copy.ecocheck.*"))


def test_a_healthy_project_is_still_handed_over(tmp_path: Path) -> None:
    source = tmp_path / "good.ecocheck"
    ProjectFile.create(source, demo_project()).close()
    code, err = _run("handover", "export", str(source), "-o", str(tmp_path / "copy.ecocheck"))
    assert code == 0, err
