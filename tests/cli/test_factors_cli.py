"""`ecocheck factors list [--json]` and `ecocheck factors install FILE` (exit 0 / 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.core.factor_packages import build_package
from ecocheck_desktop.resources import resource_path


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "installed"
    monkeypatch.setenv("ECOCHECK_FACTORS_DIR", str(folder))
    return folder


def package(tmp_path: Path) -> Path:
    bundled = resource_path("factors")
    manifest = json.loads((bundled / "manifest.json").read_text(encoding="utf-8"))
    edition = next(e for e in manifest["editions"] if e["id"] == "gas_r07")
    edition.update(id="gas_r08_test", file="gas_r08_test.tsv", emissions_years=[2026])
    data = (bundled / "gas_r07.tsv").read_bytes()
    return build_package(
        tmp_path / "gas.ecofactors", "gas-r08", "t", [edition], {edition["file"]: data}
    )


def test_list_json_shows_bundled_and_installed(
    tmp_path: Path, installed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["factors", "install", str(package(tmp_path))]) == 0
    assert "gas_r08_test" in capsys.readouterr().out
    assert main(["factors", "list", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    origins = {row["id"]: row["origin"] for row in document["editions"]}
    assert origins["gas_r08_test"] == "installed"
    assert origins["electricity_r08"] == "bundled"
    assert origins["electricity_r5_sourced"] == "bundled"
    row = next(r for r in document["editions"] if r["id"] == "electricity_r5_sourced")
    assert row["emissions_years"] == [2024] and row["partial"] is True
    assert main(["factors", "list"]) == 0
    assert "electricity_r08" in capsys.readouterr().out


def test_install_refusals_exit_2_with_a_message(
    tmp_path: Path, installed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.ecofactors"
    assert main(["factors", "install", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "nope.ecofactors" in err and "Traceback" not in err
    junk = tmp_path / "junk.ecofactors"
    junk.write_text("hello", encoding="utf-8")
    assert main(["factors", "install", str(junk)]) == 2
    assert "junk.ecofactors" in capsys.readouterr().err
    assert not installed.exists() or not any(installed.iterdir())


def test_an_imported_project_is_locked_to_the_editions_in_force(tmp_path: Path) -> None:
    """Issue 15: the years of an imported bill file are locked to the edition they were
    calculated with, so a package installed later changes nothing by itself."""
    from ecocheck_desktop.store.project_file import load_project

    bills = tmp_path / "b.csv"
    bills.write_text(
        "month,energy,quantity,unit,supplier\n2025-04,電気,100,kWh,A0269\n"
        "2024-04,電気,100,kWh,A0269\n",
        encoding="utf-8",
    )
    out = tmp_path / "b.ecocheck"
    assert main(["import", str(bills), "-o", str(out)]) == 0
    years = load_project(out).fiscal_years
    assert years[2025].factor_edition == "electricity_r08"
    assert years[2024].factor_edition == "electricity_r5_sourced"
