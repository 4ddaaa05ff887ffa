"""The file commands: import, export, demo, selftest, and calc on a project file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.exchange.bills import read_bills
from ecocheck_desktop.store.project_file import ProjectFile, load_project

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def bills_csv(repo_root: Path, tmp_path: Path) -> Path:
    source = repo_root / "tests" / "exchange" / "data" / "bills_fy2025_en_utf8bom.csv"
    target = tmp_path / "bills.csv"
    shutil.copy(source, target)
    return target


def test_round_trip_csv_project_json_project_csv(bills_csv: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.ecocheck"
    second = tmp_path / "second.ecocheck"
    assert main(["import", str(bills_csv), "-o", str(first), "--company", "丸山製作所"]) == 0
    with ProjectFile.open(first, user="t") as pf:  # a scan must survive the trip too
        record_id = pf.records()[3][0]
        pf.attach_evidence(PNG, "2025-07 電気.png", month="2025-07", record_id=record_id)
    assert main(["export", str(first), "-o", str(tmp_path / "a.json")]) == 0
    assert main(["import", str(tmp_path / "a.json"), "-o", str(second)]) == 0
    assert main(["export", str(second), "-o", str(tmp_path / "b.csv")]) == 0
    assert main(["export", str(second), "-o", str(tmp_path / "b.json")]) == 0

    original = read_bills(bills_csv).records
    assert read_bills(tmp_path / "b.csv").records == original
    assert load_project(second) == load_project(first)
    assert load_project(first).company.name == "丸山製作所"
    a = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    for document in (a, b):
        for item in document["attachments"]:
            item.pop("added_at"), item.pop("added_by")
    assert a == b
    assert b["attachments"][0]["record_index"] == 3
    with ProjectFile.open(second, read_only=True) as pf:
        (info,) = pf.evidence()
        assert pf.evidence_data(info.id)[1] == PNG
        assert info.record_id == pf.records()[3][0]


def test_import_never_overwrites(bills_csv: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.ecocheck"
    out.write_bytes(b"keep")
    assert main(["import", str(bills_csv), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == b"keep"


def test_import_of_bad_bills_writes_nothing(repo_root: Path, tmp_path: Path, capsys) -> None:
    broken = repo_root / "tests" / "exchange" / "data" / "bills_broken.csv"
    out = tmp_path / "x.ecocheck"
    assert main(["import", str(broken), "-o", str(out)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_hostile_json_import_writes_nothing(tmp_path: Path, capsys) -> None:
    source = tmp_path / "h.json"
    source.write_text(
        json.dumps(
            {
                "format": "ecocheck-project",
                "format_version": 1,
                "company": {"name": "x"},
                "records": [{"month": "2025-04", "energy": "electricity", "quantity": "NaN"}],
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "h.ecocheck"
    assert main(["import", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "energy records #1 > quantity" in err and "energy records #1 > unit" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_export_refuses_unknown_suffix_and_bad_input(tmp_path: Path, capsys) -> None:
    (tmp_path / "p.ecocheck").write_bytes(b"not a database at all")
    assert main(["export", str(tmp_path / "p.ecocheck"), "-o", str(tmp_path / "o.json")]) == 2
    assert "not an EcoCheck project file" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "p.ecocheck"), "-o", str(tmp_path / "o.txt")]) == 2
    assert not (tmp_path / "o.json").exists()


def test_demo_then_calc(tmp_path: Path, capsys) -> None:
    out = tmp_path / "demo.ecocheck"
    assert main(["demo", "-o", str(out)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.ecocheck"]
    capsys.readouterr()
    assert main(["calc", str(out), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    years = {result["fiscal_year"]: result for result in document["results"]}
    assert sorted(years) == [2024, 2025]
    for result in years.values():
        assert result["scope1_t"] > 0 and result["scope2_adjusted_t"] > 0
        assert set(result["by_energy"]) == {
            "electricity", "city_gas", "diesel", "gasoline", "kerosene",
        }  # fmt: skip
        assert len(result["by_month"]) == 12


def test_selftest(capsys) -> None:
    assert main(["selftest"]) == 0
    out = capsys.readouterr().out
    assert "selftest passed" in out
    assert "FAIL" not in out
    assert "OK   PDF helpers: reportlab's C helpers (rl_accel)" in out
