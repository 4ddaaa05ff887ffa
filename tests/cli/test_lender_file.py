"""``ecocheck report X -o lender.json / .csv``: the lender file (docs/lender-file.md).

The demo's output validates against docs/lender-file.schema.json (a small validator for the
subset of JSON Schema the file uses: jsonschema is not installed), its figures equal
``ecocheck calc --json``, a part year carries its months, and the two reductions keep apart.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.measures import evaluate_latest
from ecocheck_desktop.exchange.demo import demo_project, write_demo
from ecocheck_desktop.exchange.portfolio import target_reduction_t
from ecocheck_desktop.report import companion
from ecocheck_desktop.report.lender import LENDER_FIELDS
from ecocheck_desktop.store.project_file import ProjectFile

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "lender-file.schema.json").read_text(encoding="utf-8"))
CONTRACT = (
    "schema_version company years fiscal_year period_start period_end scope1_t "
    "scope2_location_t scope2_basic_t scope2_adjusted_t complete months_with_data "
    "share_estimated_pct pcaf_score pcaf_option verification factor_editions "
    "revenue_million_yen"
).split()
_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def _is(value: object, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def validate(value: object, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Errors of ``value`` against the subset used: $ref (#/$defs), type, enum, required,
    properties, additionalProperties (a schema), items, minimum, maximum, pattern."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return validate(value, SCHEMA["$defs"][name], where)
    unknown = set(schema) - {
        "$schema", "$id", "title", "description", "$defs", "type", "enum", "required",
        "properties", "additionalProperties", "items", "minimum", "maximum", "pattern",
    }  # fmt: skip
    assert not unknown, f"validator does not support {unknown}"
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is(value, k) for k in kinds):
            return [f"{where}: {value!r} is not {kinds}"]
    errors: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict):
        errors += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                errors += validate(item, properties[key], f"{where}.{key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += validate(item, schema["additionalProperties"], f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += validate(item, schema["items"], f"{where}[{index}]")
    if _is(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:  # type: ignore[operator]
            errors.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:  # type: ignore[operator]
            errors.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    return errors


def test_the_validator_catches_what_the_schema_forbids() -> None:
    year = SCHEMA["$defs"]["year"]
    assert validate({"pcaf_option": "9z"}, year)  # missing fields and a bad enum
    assert any("pcaf_score" in e for e in validate({"pcaf_score": "2"}, year))
    assert any("period_start" in e for e in validate({"period_start": "2025-4-1"}, year))


def _lender(tmp_path: Path, suffix: str, project_path: Path | None = None) -> bytes:
    if project_path is None:
        project_path = tmp_path / "demo.ecocheck"
        if not project_path.exists():
            write_demo(project_path)
    out = tmp_path / f"lender{suffix}"
    assert main(["report", str(project_path), "-o", str(out)]) == 0
    return out.read_bytes()


def test_the_demos_lender_json_validates_against_the_schema(tmp_path: Path) -> None:
    document = json.loads(_lender(tmp_path, ".json"))
    assert validate(document, SCHEMA) == []
    assert document["schema_version"] == companion.SCHEMA_VERSION == 2
    assert document["company"] == demo_project().company.name
    assert len(document["years"]) == 2 and document["records"] == document["years"]
    for year in document["years"]:
        assert [name for name in CONTRACT[3:] if name not in year] == []


def test_the_figures_equal_calc_json_and_the_footprint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project_path = tmp_path / "demo.ecocheck"
    write_demo(project_path)
    document = json.loads(_lender(tmp_path, ".json", project_path))
    capsys.readouterr()
    assert main(["calc", str(project_path), "--json"]) == 0
    calc = {r["fiscal_year"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    project = demo_project()
    footprint = calculate(project, strict=False)
    for year in document["years"]:
        result = calc[year["fiscal_year"]]
        for name in ("scope1_t", "scope2_location_t", "scope2_basic_t", "scope2_adjusted_t"):
            assert year[name] == pytest.approx(result[name], abs=1e-6), name
        assert year["complete"] is result["complete"]
        calculated = footprint.year(year["fiscal_year"])
        assert year["scope1_t"] == pytest.approx(float(calculated.scope1_t), abs=1e-6)
        assert year["factor_editions"] == ";".join(calculated.factor_editions)
        assert [s["edition_id"] for s in year["factor_sources"]] == calculated.factor_editions
        assert all(s["title"] and s["url"] for s in year["factor_sources"])
        revenue = project.fiscal_years[year["fiscal_year"]].revenue_million_yen
        assert year["revenue_million_yen"] == float(revenue)  # type: ignore[arg-type]
        assert year["period_start"] == f"{year['fiscal_year']}-04-01"
        assert year["period_end"] == f"{year['fiscal_year'] + 1}-03-31"
        assert (year["pcaf_option"], year["pcaf_score"]) == ("1b", 2)
        assert year["verification"] == project.company.verification == "self"  # demo: self-checked


def test_the_two_reductions_have_their_own_names(tmp_path: Path) -> None:
    document = json.loads(_lender(tmp_path, ".json"))
    project = demo_project()
    footprint = calculate(project, strict=False)
    latest = evaluate_latest(project, footprint.years)
    assert latest is not None
    ask = target_reduction_t(project, footprint)
    assert ask is not None
    for year in document["years"]:
        assert year["target_reduction_t"] == pytest.approx(float(ask), abs=1e-6)
        assert year["planned_reduction_t"] == year["target_reduction_t"]  # the v1 name, one meaning
        assert year["plan_reduction_t"] == pytest.approx(
            float(latest.plan.totals.t_co2_per_year), abs=1e-6
        )
        assert year["plan_reduction_t"] != year["target_reduction_t"]


def test_a_part_year_and_a_third_party_verification(tmp_path: Path) -> None:
    project = demo_project()
    project.company = replace(project.company, verification="third_party", verifier="JQA")
    cut = {"2026-01", "2026-02", "2026-03", "2025-12"}  # FY2025: 8 months
    project.records = [r for r in project.records if r.month not in cut]
    path = tmp_path / "part.ecocheck"
    ProjectFile.create(path, project).close()
    document = json.loads(_lender(tmp_path, ".json", path))
    assert validate(document, SCHEMA) == []
    fy2024, fy2025 = document["years"]
    assert (fy2024["complete"], fy2024["pcaf_option"], fy2024["pcaf_score"]) == (True, "1a", 1)
    assert fy2024["verification"] == "third_party" and fy2024["verifier"] == "JQA"
    assert fy2025["complete"] is False and fy2025["part_year"] is True
    assert (fy2025["months_with_data"], fy2025["months_expected"]) == (8, 12)
    assert (fy2025["pcaf_option"], fy2025["pcaf_score"]) == ("2a", 2)
    assert (fy2025["period_start"], fy2025["period_end"]) == ("2025-04-01", "2026-03-31")
    assert "completeness.part_year" in [r["code"] for r in fy2025["incomplete_reasons"]]


def test_the_csv_carries_the_same_fields_per_year(tmp_path: Path) -> None:
    document = json.loads(_lender(tmp_path, ".json"))
    text = _lender(tmp_path, ".csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(companion.FIELDS)
    assert set(CONTRACT) - {"years"} <= set(rows[0])
    for row, year in zip(rows, document["years"], strict=True):
        assert int(row["fiscal_year"]) == year["fiscal_year"]
        assert row["complete"] == "true"
        for name in ("scope1_t", "scope2_adjusted_t", "share_estimated_pct", "pcaf_score"):
            assert float(row[name]) == pytest.approx(year[name]), name
        for name in ("period_start", "period_end", "pcaf_option", "verification"):
            assert row[name] == year[name], name
        assert row["factor_sources"].split(" | ")[0].startswith(year["factor_editions"][:10])


def test_every_lender_field_is_documented() -> None:
    doc = (ROOT / "docs" / "lender-file.md").read_text(encoding="utf-8")
    assert "schema version 2" in doc
    assert [n for n in LENDER_FIELDS + tuple(CONTRACT) if f"`{n}`" not in doc] == []
