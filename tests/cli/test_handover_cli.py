"""``ecocheck handover export`` and ``ecocheck handover changes``."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.core.model import EnergyRecord, Site
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from tests.store.conftest import file_state, small_project


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "advisor.ecocheck"
    ProjectFile.create(path, small_project(), user="advisor").close()
    return path


def test_export_then_changes_on_the_copy(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "owner.ecocheck"
    assert main(["handover", "export", str(project_path), "-o", str(copy), "--by", "佐藤"]) == 0
    out = capsys.readouterr().out
    assert str(copy) in out and "佐藤" in out
    assert load_project(copy) == load_project(project_path)

    assert main(["handover", "changes", str(copy), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["handed_over"] is True and document["changes"] == []
    assert document["mark"]["by"] == "佐藤" and document["mark"]["to"] == "owner.ecocheck"

    with ProjectFile.open(copy, user="owner") as owner:
        owner.add_record(EnergyRecord("2025-06", "electricity", Decimal("28000"), "kWh"))
        owner.upsert_site(Site("倉庫"))
    assert main(["handover", "changes", str(copy), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    changes = document["changes"]
    assert [(c["user"], c["action"]) for c in changes] == [
        ("owner", "record.add"),
        ("owner", "site.set"),
    ]
    assert changes[0]["new"]["quantity"] == "28000" and changes[0]["old"] is None
    assert document["mark"]["change_id"] < changes[0]["id"]

    assert main(["handover", "changes", str(copy)]) == 0
    text = capsys.readouterr().out
    assert "2 change(s) since the hand-over" in text and "佐藤" in text
    assert "sites[倉庫]" in text and "28000" in text


def test_changes_of_a_file_never_handed_over(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["handover", "changes", str(project_path)]) == 0
    assert "never handed over" in capsys.readouterr().out
    assert main(["handover", "changes", str(project_path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["handed_over"] is False and document["mark"] is None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["handover"], "needs an action"),
        (["handover", "export", "{src}", "-o", "{src}"], "is the project file itself"),
        (["handover", "export", "{src}", "-o", "{dir}/copy.csv"], "must end in .ecocheck"),
        (["handover", "export", "{dir}/missing.ecocheck", "-o", "{dir}/c.ecocheck"], "not exist"),
        (["handover", "changes", "{dir}/missing.ecocheck"], "does not exist"),
        (["handover", "changes", "{dir}/bills.csv"], "not an EcoCheck project file"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    project_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    expected: str,
) -> None:
    (tmp_path / "bills.csv").write_text("month,energy\n", encoding="utf-8")
    before = file_state(project_path)
    args = [a.format(src=project_path, dir=tmp_path) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert file_state(project_path)[:2] == before[:2]
    assert not (tmp_path / "copy.csv").exists() and not (tmp_path / "c.ecocheck").exists()
