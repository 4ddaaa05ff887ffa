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


@pytest.mark.parametrize("command", ["calc", "report"])
def test_no_factor_says_exactly_what_to_enter_and_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """calc and the PDF report refuse a year without a resolved factor, and the message says
    which fields to fill in for the kind of input given (bill file, project file, JSON)."""
    bill = bills(tmp_path / "no_factor.csv", FY2024, factor=False)
    out = ["-o", str(tmp_path / "r.pdf")] if command == "report" else []
    assert main([command, str(bill), *out]) == 2
    err = capsys.readouterr().err
    assert str(bill) in err and "Traceback" not in err
    for column in ("factor_basic", "factor_adjusted", "factor_source"):
        assert column in err
    project = tmp_path / "no_factor.ecocheck"
    assert main(["import", str(bill), "-o", str(project)]) == 0
    capsys.readouterr()
    assert main([command, str(project), *out]) == 2
    err = capsys.readouterr().err
    assert str(project) in err and "会社情報" in err and "契約の編集" in err
    exported = tmp_path / "no_factor.json"
    assert main(["export", str(project), "-o", str(exported)]) == 0
    capsys.readouterr()
    assert main([command, str(exported), *out]) == 2
    err = capsys.readouterr().err
    assert str(exported) in err and 'factor_choice "user"' in err and "contracts" in err
    # The lender file is still written, with the year flagged incomplete.
    assert main(["report", str(project), "-o", str(tmp_path / "lender.json")]) == 0
    capsys.readouterr()
    (record,) = json.loads((tmp_path / "lender.json").read_text(encoding="utf-8"))["records"]
    assert record["complete"] is False
    assert [r["code"] for r in record["incomplete_reasons"]] == ["factor.needed"]
