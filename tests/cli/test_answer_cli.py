"""``ecocheck answer``: the JSON contract, the packs, and exit 2 on bad input."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop import cli
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.exchange.json_io import write_json
from ecocheck_desktop.resources import resource_path

DEMO = str(resource_path("demo", "demo.json"))


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["answer", DEMO, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["fiscal_year"] == 2025 and document["method"] == "physical"
    company = document["company"]
    assert set(company) == {"t_co2_scope1", "t_co2_scope2_adjusted", "t_co2_scope2_location"}
    rows = document["customers"]
    assert [r["customer"] for r in rows][-1] == "その他の販売先"
    for key in company:
        total = sum(Decimal(str(r[key])) for r in rows)
        assert total == Decimal(str(company[key])), key
    assert sum(Decimal(str(r["share"])) for r in rows) == 1
    for row in rows:
        assert {"customer", "share", "t_co2_scope1", "t_co2_scope2_adjusted"} <= set(row)
        assert "t_co2_scope2_location" in row


def test_year_choice(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["answer", DEMO, "--json", "--year", "2024"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["fiscal_year"] == 2024
    assert document["company"]["t_co2_scope2_location"] is None
    assert "no_location_basis" in document["data_quality_flags"]
    assert cli.main(["answer", DEMO, "--json", "--year", "2019"]) == 2


def test_negative_sales_exit_2_naming_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ecocheck_desktop.store.project_file import ProjectFile

    project = demo_project()
    project.customer_sales[8] = dataclasses.replace(
        project.customer_sales[8], sales_yen=Decimal(-1)
    )
    path = tmp_path / "bad.json"
    write_json(project, path)
    out = tmp_path / "out"
    assert cli.main(["--lang", "en", "answer", str(path), "--all", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "customer_sales #9" in err and "sales_yen" in err and "Traceback" not in err
    stored = tmp_path / "bad.ecocheck"
    ProjectFile.create(stored, project).close()
    assert cli.main(["--lang", "en", "answer", str(stored), "--all", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Sales row 9" in err and "sales_yen" in err and "Traceback" not in err
    assert not out.exists()  # nothing written


def test_unknown_customer_and_missing_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["answer", DEMO, "--customer", "無い会社", "-o", "x"]) == 2
    assert cli.main(["answer", DEMO, "--all"]) == 2
