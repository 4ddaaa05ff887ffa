"""``ecocheck calc``: the factor asked for, and the completeness flag with its reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main


def bills(path: Path, months: list[str], *, factor: bool) -> Path:
    header = "month,energy,quantity,unit,supplier,factor_basic,factor_source\n"
    extra = ",0.000457,2024年4月の請求書" if factor else ",,"
    rows = "".join(f"{m},電気,30000,kWh,A0269{extra}\n" for m in months)
    path.write_text(header + rows, encoding="utf-8")
    return path


FY2024 = [f"2024-{m:02d}" for m in range(4, 13)] + ["2025-01", "2025-02", "2025-03"]


def test_no_factor_exits_2_naming_the_file_and_where_to_find_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bills(tmp_path / "no_factor.csv", FY2024, factor=False)
    assert main(["calc", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(path) in captured.err and "A0269" in captured.err
    assert "電源構成・CO2排出係数" in captured.err and "Traceback" not in captured.err


def test_a_part_year_prints_complete_false_with_its_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bills(tmp_path / "part.csv", FY2024[:10], factor=True)
    assert main(["calc", str(path), "--json"]) == 0
    (year,) = json.loads(capsys.readouterr().out)["results"]
    assert year["complete"] is False
    assert [r["code"] for r in year["incomplete_reasons"]] == ["completeness.part_year"]
    assert year["by_energy"]["electricity"]["factor_provenance"] == ["user"]
    assert year["by_energy"]["electricity"]["factor_source"] == ["2024年4月の請求書"]
    assert main(["calc", str(path)]) == 0
    table = capsys.readouterr().out
    assert "未確定 (incomplete)" in table and "10 of its 12 months" in table

    full = bills(tmp_path / "full.csv", FY2024, factor=True)
    assert main(["calc", str(full), "--json"]) == 0
    (year,) = json.loads(capsys.readouterr().out)["results"]
    assert year["complete"] is True and year["incomplete_reasons"] == []
    assert main(["calc", str(full)]) == 0
    assert "未確定" not in capsys.readouterr().out


def test_measures_without_a_complete_year_names_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bills(tmp_path / "part.csv", FY2024[:10], factor=True)
    assert main(["measures", str(path)]) == 2
    err = capsys.readouterr().err
    assert "10 of its 12 months" in err and "Traceback" not in err


def test_a_bill_factor_without_its_source_leaves_the_year_incomplete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: a typed factor needs its source; a bill row without one is not complete."""
    path = tmp_path / "unsourced.csv"
    header = "month,energy,quantity,unit,supplier,factor_basic,factor_source\n"
    path.write_text(
        header + "".join(f"{m},電気,30000,kWh,A0269,0.000457,\n" for m in FY2024),
        encoding="utf-8",
    )
    assert main(["calc", str(path), "--json"]) == 0
    (year,) = json.loads(capsys.readouterr().out)["results"]
    assert year["complete"] is False
    [reason] = year["incomplete_reasons"]
    assert reason["code"] == "factor.user_without_source"
    # The reason says where the source goes in a bill file.
    assert "factor_source" in reason["message"]
    assert year["by_energy"]["electricity"]["factor_source"] == []
