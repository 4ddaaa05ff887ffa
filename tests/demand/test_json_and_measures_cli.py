"""The meters and their 30-minute data in the JSON exchange file (export -> import keeps them
exactly; bad meters are refused and nothing is written), and DM-01/DM-02 in ``ecocheck
measures`` (text and --json) and ``ecocheck demand show --json`` from the project's own data."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.core.demand import Meter
from ecocheck_desktop.exchange.demand_parse import load_demand_file
from ecocheck_desktop.exchange.json_io import read_json_with_meters
from ecocheck_desktop.store.project_file import ProjectFile

METER = Meter(
    "受電点1", site="本社", contract_kw=Decimal("330"),
    base_charge_yen_per_kw=Decimal("3030.00"), base_charge_source="請求書 2025年4月",
    mapping={"layout": "rows", "interval_min": 30},
)  # fmt: skip


@pytest.fixture
def project(tmp_path: Path, files: dict[str, Path]) -> Path:
    """The demo company with no chosen plan and two meters (the generated year, and a week)."""
    path = tmp_path / "p.ecocheck"
    assert main(["demo", "-o", str(path)]) == 0
    days = load_demand_file(files["rows"]).days
    with ProjectFile.open(path, user="t") as pf:
        pf.set_measure_plan([])  # every applicable measure is in the plan
        pf.import_meter_days(METER, days)
        pf.import_meter_days(Meter("倉庫"), days[:7])
    return path


def test_export_and_import_keep_the_meters(project: Path, tmp_path: Path) -> None:
    exported, back = tmp_path / "p.json", tmp_path / "back.ecocheck"
    assert main(["export", str(project), "-o", str(exported)]) == 0
    document = json.loads(exported.read_text("utf-8"))
    assert [m["name"] for m in document["meters"]] == ["受電点1", "倉庫"]
    assert document["meters"][0]["contract_kw"] == "330"
    assert len(document["meters"][0]["days"]["2025-04-01"]) == 48
    assert main(["import", str(exported), "-o", str(back)]) == 0
    with (
        ProjectFile.open(project, read_only=True) as a,
        ProjectFile.open(back, read_only=True) as b,
    ):
        assert b.meters() == a.meters()
        assert b.meter_data() == a.meter_data()
        assert b.meter_data()[0].meter == METER
    _, meters = read_json_with_meters(exported)
    with ProjectFile.open(project, read_only=True) as a:
        assert meters == a.meter_data()


@pytest.mark.parametrize(
    ("day", "values", "where"),
    [
        ("2025-04-01", [1000] * 47, "days > 2025-04-01: expected a list of 48"),
        ("2025-04-01", [1000] * 47 + [-5], "days > 2025-04-01[47]: expected a whole number"),
        ("2025-04-01", [1000] * 47 + ["x"], "days > 2025-04-01[47]: expected a whole number"),
        ("2025-13-01", [1000] * 48, "days: expected an ISO date"),
    ],
)
def test_bad_meter_data_in_json_is_refused_and_nothing_written(
    project: Path, tmp_path: Path, day: str, values: list[object], where: str,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    exported, back = tmp_path / "p.json", tmp_path / "back.ecocheck"
    assert main(["export", str(project), "-o", str(exported)]) == 0
    document = json.loads(exported.read_text("utf-8"))
    document["meters"][0]["days"] = {day: values}
    exported.write_text(json.dumps(document), "utf-8")
    capsys.readouterr()
    assert main(["import", str(exported), "-o", str(back)]) == 2
    error = capsys.readouterr().err
    assert "meters (30-minute data) #1 > " + where in error
    assert not back.exists()


def _measures(path: Path, capsys: pytest.CaptureFixture[str], *extra: str, lang: str = "en") -> str:
    capsys.readouterr()
    assert main(["--lang", lang, "measures", str(path), *extra]) == 0
    return capsys.readouterr().out


def test_measures_json_and_text_carry_dm01_and_dm02(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads(_measures(project, capsys, "--json"))
    rows = {m["id"]: m for m in doc["measures"]}
    peak, base = rows["DM-01"], rows["DM-02"]
    assert peak["in_plan"] and base["in_plan"] and "DM-01" in doc["plan"]["measure_ids"]
    # 受電点1: (320 - 180) kW x 3,030 yen x 12; 倉庫 (a week: too few days) cuts nothing.
    assert peak["yen_per_year"] == 140 * 3030 * 12 and peak["t_co2_per_year"] == 0
    assert peak["details"]["kw_cut"] == 140 and peak["capex_low"] == 300000
    assert "CO2" in peak["explanation_ja"] and "yen only" in peak["explanation_en"]
    assert "8,760" in base["explanation_en"] and base["saving_kwh"] > 0
    assert rows["MD-04"]["in_plan"] is False
    assert any(s["year"] for s in doc["plan_pathway"])
    text = _measures(project, capsys)
    assert "DM-01" in text and "The energy is moved, not saved" in text
    # The JSON exchange file carries the meters: the same measures from it.
    exported = tmp_path / "p.json"
    assert main(["export", str(project), "-o", str(exported)]) == 0
    from_json = json.loads(_measures(exported, capsys, "--json"))
    assert {m["id"]: m["yen_per_year"] for m in from_json["measures"]}["DM-01"] == 5090400


def test_demand_show_json_measures_are_the_plans_rows(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["demand", "show", str(project), "--meter", "受電点1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["id"] for m in data["measures"]] == ["DM-01", "DM-02"] or [
        m["id"] for m in data["measures"]
    ] == ["DM-02", "DM-01"]
    peak = next(m for m in data["measures"] if m["id"] == "DM-01")
    assert peak["yen_per_year"] == 5090400 and peak["rank"] is not None
