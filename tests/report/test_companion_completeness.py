"""The lender CSV/JSON carries the completeness flag, its reasons and the factor provenance."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import Company, EnergyRecord, Project, Site, SupplyContract
from ecocheck_desktop.report.companion import companion_csv, companion_json, key_figures

SITE = "本社工場"


def project(months: int, contract: SupplyContract) -> Project:
    return Project(
        Company("貸し手試験工業"),
        sites=[Site(SITE)],
        contracts=[contract],
        records=[
            EnergyRecord(m, "electricity", Decimal(30000), "kWh", SITE)
            for m in months_of_fiscal_year(2024)[:months]
        ],
    )


ESTIMATE = SupplyContract(
    SITE, "electricity", "A0269", factor_choice="estimate", estimate_basis="retailer"
)


def test_json_gives_the_flag_the_reasons_and_the_provenance() -> None:
    p = project(9, ESTIMATE)
    document = json.loads(companion_json(key_figures(p, calculate(p, strict=False))))
    (record,) = document["records"]
    assert record["complete"] is False
    (reason,) = record["incomplete_reasons"]
    assert reason["code"] == "completeness.part_year"
    assert "9" in reason["message_ja"] and "9" in reason["message"]
    assert record["factor_provenance"] == {"electricity": ["estimate_retailer"]}


def test_csv_cells_are_readable_and_a_complete_year_has_no_reasons() -> None:
    p = project(12, ESTIMATE)
    rows = list(
        csv.DictReader(io.StringIO(companion_csv(key_figures(p, calculate(p))).decode("utf-8-sig")))
    )
    assert rows[0]["complete"] == "true"
    assert rows[0]["incomplete_reasons"] == ""
    assert rows[0]["factor_provenance"] == "electricity:estimate_retailer"
    partial = project(9, ESTIMATE)
    rows = list(
        csv.DictReader(
            io.StringIO(companion_csv(key_figures(partial, calculate(partial))).decode("utf-8-sig"))
        )
    )
    assert rows[0]["complete"] == "false"
    assert "12か月のうち9か月分" in rows[0]["incomplete_reasons"]
