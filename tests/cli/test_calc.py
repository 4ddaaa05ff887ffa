"""``ecocheck calc`` run as a real command on bill files, checked against hand-computed totals.

The expected numbers, with their formulas and sources, are in
tests/exchange/data/expected_totals.toml.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.exchange.bill_workbooks import write_fy2025_workbook

DATA = Path(__file__).resolve().parent.parent / "exchange" / "data"
EXPECTED = tomllib.loads((DATA / "expected_totals.toml").read_text(encoding="utf-8"))
SIX_PLACES = Decimal("0.000001")


def _calc(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.cli", "calc", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def _json(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal)
    return document


def _same(actual: Any, expected: str) -> bool:
    return Decimal(actual).quantize(SIX_PLACES) == Decimal(expected).quantize(SIX_PLACES)


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "unexpected error" not in result.stderr


def _fy2025_inputs(tmp_path: Path) -> dict[str, Path]:
    return {
        "shift_jis_japanese_headers": DATA / "bills_fy2025_ja_sjis.csv",
        "utf8_bom_english_headers": DATA / "bills_fy2025_en_utf8bom.csv",
        "xlsx": write_fy2025_workbook(tmp_path / "bills_fy2025.xlsx"),
    }


@pytest.mark.parametrize("kind", ["shift_jis_japanese_headers", "utf8_bom_english_headers", "xlsx"])
def test_fy2025_small_factory_matches_the_hand_computed_totals(tmp_path: Path, kind: str) -> None:
    expected = EXPECTED["fy2025"]
    document = _json(_calc(_fy2025_inputs(tmp_path)[kind], "--json"))

    [year] = document["results"]
    assert year["fiscal_year"] == expected["fiscal_year"]
    for key in (
        "scope1_t",
        "scope2_basic_t",
        "scope2_adjusted_t",
        "scope2_location_t",
        "total_basic_t",
        "total_adjusted_t",
        "total_location_t",
        "energy_gj",
        "crude_oil_kl",
    ):
        assert _same(year[key], expected[key]), (key, year[key], expected[key])
    by_energy = year["by_energy"]
    assert set(by_energy) == {"electricity", "city_gas", "diesel"}
    assert (by_energy["electricity"]["quantity"], by_energy["electricity"]["unit"]) == (
        120000,
        "kWh",
    )
    assert _same(by_energy["city_gas"]["quantity"], "8")
    assert _same(by_energy["diesel"]["quantity"], "3")
    assert _same(by_energy["electricity"]["t_co2"], expected["electricity_t"])
    assert _same(by_energy["city_gas"]["t_co2"], expected["city_gas_t"])
    assert _same(by_energy["diesel"]["t_co2"], expected["diesel_t"])
    assert len(year["by_month"]) == 12
    assert year["factor_editions"]
    assert all({"code", "message"} <= set(w) for w in year["warnings"])


def test_company_name_and_unicode_in_json() -> None:
    result = _calc(DATA / "bills_fy2025_ja_sjis.csv", "--json")
    document = _json(result)
    assert document["company"] == "bills_fy2025_ja_sjis"
    # ensure_ascii=False: Japanese stays readable in the JSON text.
    assert "\\u" not in result.stdout


def test_readable_table_has_every_headline_figure() -> None:
    expected = EXPECTED["fy2025"]
    result = _calc(DATA / "bills_fy2025_ja_sjis.csv")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for label in (
        "FY2025",
        "2025年度",
        "Scope 1",
        "Scope 2",
        "basic",
        "adjusted",
        "location",
        "原油換算",
        "GJ",
        "electricity",
        "city_gas",
        "diesel",
    ):
        assert label in out, label
    for key in ("scope1_t", "total_basic_t", "total_location_t", "crude_oil_kl"):
        shown = f"{Decimal(expected[key]).quantize(Decimal('0.001')):,}"
        assert shown in out, (key, shown)
    assert f"{Decimal(expected['energy_gj']):,.1f}" in out


def test_fiscal_year_filter_and_a_year_not_in_the_data(tmp_path: Path) -> None:
    path = DATA / "bills_fy2025_ja_sjis.csv"
    document = _json(_calc(path, "--json", "--fiscal-year", "2025"))
    assert [r["fiscal_year"] for r in document["results"]] == [2025]

    absent = _calc(path, "--json", "--fiscal-year", "2019")
    assert absent.returncode == 2
    assert absent.stdout == ""
    assert "2019" in absent.stderr and "2025" in absent.stderr and str(path) in absent.stderr
    _no_traceback(absent)


def test_broken_csv_names_every_bad_row() -> None:
    path = DATA / "bills_broken.csv"
    result = _calc(path, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    _no_traceback(result)
    lines = result.stderr.strip().splitlines()
    expected = [
        ("row 3", "column month", "2025-13"),
        ("row 4", "column quantity", "-500"),
        ("row 6", "column energy", "水素"),
        ("row 8", "column unit", "gallon"),
        ("row 9", "column unit", "Diesel"),
        ("row 10", "column quantity", "required"),
    ]
    assert len(lines) == len(expected)
    for line, parts in zip(lines, expected, strict=True):
        assert str(path) in line
        for part in parts:
            assert part in line, (part, line)


@pytest.mark.parametrize("name", ["missing.csv", "missing.ecocheck"])
def test_missing_input_file(tmp_path: Path, name: str) -> None:
    result = _calc(tmp_path / name)
    assert result.returncode == 2
    assert str(tmp_path / name) in result.stderr
    _no_traceback(result)


def test_damaged_xlsx_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "bills.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    result = _calc(path)
    assert result.returncode == 2
    assert str(path) in result.stderr
    _no_traceback(result)


def test_fy2024_electricity_without_a_factor_asks_for_it() -> None:
    path = DATA / "bills_fy2024_no_factor.csv"
    result = _calc(path, "--json")
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    _no_traceback(result)
    assert "2024" in result.stderr
    assert "factor" in result.stderr.lower()


def test_fy2024_electricity_with_factors_from_the_bill() -> None:
    expected = EXPECTED["fy2024_user_factor"]
    document = _json(_calc(DATA / "bills_fy2024_user_factor.csv", "--json"))
    [year] = document["results"]
    assert year["fiscal_year"] == expected["fiscal_year"]
    assert _same(year["scope2_basic_t"], expected["scope2_basic_t"])
    assert _same(year["scope2_adjusted_t"], expected["scope2_adjusted_t"])
    assert _same(year["total_basic_t"], expected["scope2_basic_t"])
    assert _same(year["scope1_t"], "0")
    # No national average is bundled for FY2024: the location view is empty, and says so.
    assert year["scope2_location_t"] is None
    assert "factor.location_missing" in {w["code"] for w in year["warnings"]}


def test_import_warnings_go_to_stderr_and_keep_stdout_json() -> None:
    result = _calc(DATA / "bills_fy2025_en_utf8bom.csv", "--json")
    document = _json(result)
    assert document["results"]
    assert "Meter ID" in result.stderr


# In-process runs of the same command (fast, and they let coverage see commands/calc.py).


def test_in_process_table_shows_an_empty_location_view_and_the_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ecocheck_desktop.cli import main

    assert main(["calc", str(DATA / "bills_fy2024_user_factor.csv")]) == 0
    out = capsys.readouterr().out
    location = next(line for line in out.splitlines() if "(location)" in line)
    assert location.split()[-2:] == ["-", "t-CO2"]
    assert "54.000" in out and "52.800" in out
    assert "2024年4月の請求書" in out  # the user factor's source is shown
    assert "全国平均係数" in out  # the warning, in the table's warnings section


def test_in_process_json_for_one_year(capsys: pytest.CaptureFixture[str]) -> None:
    from ecocheck_desktop.cli import main

    path = DATA / "bills_fy2025_en_utf8bom.csv"
    assert main(["calc", str(path), "--json", "--fiscal-year", "2025"]) == 0
    captured = capsys.readouterr()
    document = json.loads(captured.out, parse_float=Decimal)
    assert [r["fiscal_year"] for r in document["results"]] == [2025]
    assert _same(document["results"][0]["total_adjusted_t"], EXPECTED["fy2025"]["total_adjusted_t"])
    assert "Meter ID" in captured.err

    assert main(["calc", str(DATA / "bills_fy2024_no_factor.csv")]) == 2
    err = capsys.readouterr().err
    assert str(DATA / "bills_fy2024_no_factor.csv") in err and "2024" in err
