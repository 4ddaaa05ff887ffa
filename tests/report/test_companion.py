"""The CSV/JSON companion: the documented schema, the figures, and formula neutralisation."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.report import companion
from tests.report.sample import sample_project


def six(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.000001"), ROUND_HALF_UP))


def test_every_field_is_documented(repo_root: Path) -> None:
    doc = (repo_root / "docs" / "companion-schema.md").read_text(encoding="utf-8")
    assert f"schema version {companion.SCHEMA_VERSION}" in doc
    missing = [name for name in companion.FIELDS if f"| {name} |" not in doc]
    assert not missing


def test_key_figures_are_the_calculated_figures() -> None:
    project = sample_project()
    footprint = calculate(project, strict=False)
    records = companion.key_figures(project, footprint)
    assert [r["fiscal_year"] for r in records] == [2024, 2025]
    for record, year in zip(records, footprint.years, strict=True):
        assert list(record) == list(companion.FIELDS)
        assert record["schema_version"] == companion.SCHEMA_VERSION
        assert record["company"] == "株式会社サンプル精工"
        for name in (
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
            assert record[name] == six(getattr(year, name)), name
    fy2025 = records[1]
    assert fy2025["intensity_revenue_t_per_million_yen"] == six(
        footprint.year(2025).total_adjusted_t / Decimal(865)
    )
    assert fy2025["scope2_location_t"] is not None and records[0]["scope2_location_t"] is None
    # Target: SBT 4.2 %/yr from FY2024 -> by 2030, 6 x 4.2 = 25.2 % of the FY2024 total.
    assert fy2025["target_reduction_pct"] == 4.2
    assert fy2025["planned_reduction_t"] == pytest.approx(
        float(footprint.year(2024).total_adjusted_t) * 0.252, abs=1e-6
    )
    assert fy2025["planned_measures"] == 0


def test_csv_and_json_files(tmp_path: Path) -> None:
    project = sample_project()
    project.company = replace(project.company, name='=HYPERLINK("http://x")', industry="@SUM(A1)")
    footprint = calculate(project, strict=False)
    companion.write_companion_csv(project, footprint, tmp_path / "k.csv")
    companion.write_companion_json(project, footprint, tmp_path / "k.json")
    raw = (tmp_path / "k.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[0]["company"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["industry"] == "'@SUM(A1)"
    assert rows[1]["yoy_change_pct"].startswith("-")  # a number stays a number, sign and all
    assert float(rows[1]["yoy_change_pct"]) == six(footprint.year(2025).yoy_change_pct)
    assert rows[0]["scope2_location_t"] == ""  # null
    assert rows[1]["complete"] == "true"
    document = json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))
    assert document["schema"] == "ecocheck-companion"
    assert document["schema_version"] == companion.SCHEMA_VERSION
    assert document["records"][1]["total_adjusted_t"] == six(footprint.year(2025).total_adjusted_t)
    # JSON keeps the text as typed; only the CSV needs neutralising.
    assert document["records"][0]["company"] == '=HYPERLINK("http://x")'


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_no_text_cell_can_start_a_formula(text: str) -> None:
    cell = companion.neutralise(text)
    assert isinstance(cell, str)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))
    assert cell.lstrip("'") == text.lstrip("'") or cell == "'" + text


def test_numbers_are_not_neutralised() -> None:
    assert companion.neutralise(-1.5) == -1.5
    assert companion.neutralise(0) == 0
