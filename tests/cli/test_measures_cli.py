"""``ecocheck measures`` as a real command, and its JSON/table built from a checklist project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.commands import measures as command
from ecocheck_desktop.core.catalogue import load_catalogue
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.measures import baseline_from_year, evaluate
from ecocheck_desktop.core.model import PlannedMeasure, Target
from ecocheck_desktop.exchange.loading import load_project_any

DATA = Path(__file__).resolve().parent.parent / "exchange" / "data"
BILLS = DATA / "bills_fy2025_en_utf8bom.csv"
CHECKLIST: dict[str, Any] = {
    "operating_hours_per_day": "8",
    "operating_days_per_year": 250,
    "contract_demand_kw": "60",
    "demand_monitoring": False,
    "energy_management": False,
    "lighting_fluorescent_count": 40,
    "occupancy_sensors": False,
    "compressor_count": 1,
    "compressor_pressure_mpa": "0.7",
    "compressor_leak_check_yearly": False,
    "roof_area_m2": "300",
    "renewable_tariff": False,
}
REQUIRED_MEASURE_KEYS = {
    "id",
    "name_ja",
    "name_en",
    "end_use",
    "applicable",
    "saving_kwh",
    "fuel_saved",
    "t_co2_per_year",
    "t_co2_scope1",
    "t_co2_scope2",
    "yen_per_year",
    "capex_low",
    "capex_high",
    "payback_years",
    "payback_vs_legal_life",
    "npv",
    "cost_per_t_co2",
    "subsidies",
    "confidence",
    "sources",
}


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.cli", "measures", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def test_json_of_a_bill_file_has_the_contract_fields() -> None:
    result = _cli(BILLS, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["company"] == "bills_fy2025_en_utf8bom"
    assert document["fiscal_year"] == 2025
    assert {"measures", "plan", "targets", "plan_pathway"} <= set(document)
    for measure in document["measures"]:
        assert REQUIRED_MEASURE_KEYS <= set(measure)
        assert measure["sources"] and measure["confidence"]
    # No checklist answers in a bill file: nothing is claimed, everything is to confirm.
    assert document["plan"]["measure_ids"] == []
    assert {m["applicable"] for m in document["measures"]} <= {None, True}


def test_readable_table_is_the_default() -> None:
    result = _cli(BILLS)
    assert result.returncode == 0, result.stderr
    assert "FY2025" in result.stdout and "要確認" in result.stdout
    assert "目標 (targets)" in result.stdout


@pytest.mark.parametrize(
    ("path", "code"),
    [(DATA / "missing.csv", "file"), (DATA / "bills_fy2024_no_factor.csv", "FY")],
)
def test_bad_input_exits_2_without_traceback(path: Path, code: str) -> None:
    result = _cli(path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr


def _checklist_project() -> Any:
    project = load_project_any(BILLS)
    project.checklist = dict(CHECKLIST)
    return project


def _document(project: Any) -> dict[str, Any]:
    footprint = calculate(project, strict=False)
    year = footprint.year(2025)
    catalogue = load_catalogue()
    plan = evaluate(project, baseline_from_year(year, catalogue), catalogue)
    return command.document(project, footprint, plan, year), plan


def test_document_of_a_checklist_project_traces_every_number_to_the_catalogue() -> None:
    document, _plan = _document(_checklist_project())
    catalogue = load_catalogue()
    ranked = [m for m in document["measures"] if m["rank"] is not None]
    assert [m["rank"] for m in ranked] == list(range(1, len(ranked) + 1))
    for measure in ranked:
        row = catalogue.measure(measure["id"])
        assert [s["key"] for s in measure["sources"]] == list(row.sources)
        assert measure["confidence"] == row.confidence
    planned = [m for m in document["measures"] if m["in_plan"]]
    assert document["plan"]["measure_ids"] == [m["id"] for m in planned]
    total = sum(Decimal(str(m["t_co2_per_year"])) for m in planned)
    assert abs(total - Decimal(str(document["plan"]["t_co2_per_year"]))) < Decimal("0.0001")
    # Default targets when the company set none: SBT linear, SBT 42 % and national.
    assert [t["kind"] for t in document["targets"]] == ["sbt_linear", "sbt_42", "national"]
    sbt_42 = document["targets"][1]
    assert sbt_42["target_2030_t"] == pytest.approx(sbt_42["base_t"] * 0.58)
    assert sbt_42["caveats"][0]["code"] == "targets.sbt_42_caveat"
    pathway = document["plan_pathway"]
    assert pathway[0]["year"] == 2025 and pathway[-1]["year"] == 2050
    assert pathway[-1]["t_co2"] == pytest.approx(document["plan"]["after_total_adjusted_t"])


def test_company_targets_and_missing_base_years() -> None:
    project = _checklist_project()
    project.targets = [
        Target("bank_spt", 2025, 2030, Decimal(10)),
        Target("national", 2013, 2030, Decimal(46)),
    ]
    project.measure_plan = [PlannedMeasure("CA-02", 2026)]
    document, _ = _document(project)
    assert [t["kind"] for t in document["targets"]] == ["bank_spt"]
    assert document["targets"][0]["target_t"] == pytest.approx(
        document["targets"][0]["base_t"] * 0.9
    )
    assert "targets.base_missing" in [w["code"] for w in document["warnings"]]
    assert document["plan"]["measure_ids"] == ["CA-02"]


def test_table_of_a_checklist_project_lists_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    project = _checklist_project()
    document, plan = _document(project)
    text = command.table(project, plan, document)
    assert "LT-01" in text and "RE-01" in text
    assert "計画合計 (plan)" in text
    assert "*" in text


def test_demo_company_ranking_is_sensible(repo_root: Path) -> None:
    candidates = sorted(
        p
        for p in (repo_root / "resources" / "demo").glob("*")
        if p.suffix in (".json", ".ecocheck")
    )
    if not candidates:
        pytest.skip("the demo company has not landed yet (resources/demo/)")
    result = _cli(candidates[0], "--json")
    assert result.returncode == 0, result.stderr
    ranked = [m for m in json.loads(result.stdout)["measures"] if m["rank"] is not None]
    kinds = [m["kind"] for m in ranked]
    assert kinds[0] == "operational"
    ids = [m["id"] for m in ranked]
    if "RE-01" in ids:
        pv = ranked[ids.index("RE-01")]
        assert pv["payback_years"] is None or pv["payback_years"] > 5
