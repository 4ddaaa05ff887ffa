"""The public golden cases (reference/golden-cases.md) against the bundled factor library.

The expected numbers live in golden/footprint_cases.json with their sources; this file only
turns each case into a project and compares, to 3 decimals rounded half-up at the end.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    Project,
    RefrigerantRefill,
    Scope3Entry,
)
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.core.results import YearResult

GOLDEN = json.loads(
    (Path(__file__).parent / "golden" / "footprint_cases.json").read_text(encoding="utf-8")
)
CASES = GOLDEN["cases"]


def round3(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return str(value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


def build(case: dict[str, Any]) -> Project:
    records = [
        EnergyRecord(
            month=row["month"],
            energy=row["energy"],
            quantity=parse_quantity(row["quantity"]),
            unit=row["unit"],
            supplier=row.get("supplier", ""),
            menu=row.get("menu", ""),
            factor_basic=Decimal(row["factor_basic"]) if "factor_basic" in row else None,
            factor_source=row.get("factor_source", ""),
        )
        for row in case.get("records", [])
    ]
    refrigerants = [
        RefrigerantRefill(case["fiscal_year"], row["refrigerant"], Decimal(row["charged_kg"]))
        for row in case.get("refrigerants", [])
    ]
    return Project(company=Company(case["id"]), records=records, refrigerants=refrigerants)


def year_of(case: dict[str, Any]) -> YearResult:
    footprint = calculate(build(case), default_library(), fiscal_years=[case["fiscal_year"]])
    return footprint.year(case["fiscal_year"])


@pytest.mark.parametrize("case", [c for c in CASES if "expected" in c], ids=lambda c: c["id"])
def test_golden_case(case: dict[str, Any]) -> None:
    year = year_of(case)
    for key, expected in case["expected"].items():
        if key == "by_energy_t":
            got = {code: round3(year.by_energy[code].t_co2) for code in expected}
        elif key == "by_energy_rounded_t":
            got = {
                code: round3(
                    sum(
                        (line.t_co2_rounded_factor or Decimal(0))
                        for line in year.lines
                        if line.energy == code
                    )
                )
                for code in expected
            }
        elif key == "by_energy_gj":
            got = {code: round3(year.by_energy[code].gj) for code in expected}
        elif key == "warning_codes":
            got = [code for code in expected if code in {w.code for w in year.warnings}]
        elif key == "furon_reportable":
            got = year.furon_reportable
        else:
            got = round3(getattr(year, key))
        assert got == expected, f"{case['id']} {key}"
    # Every result names the editions it used, and they are editions of the bundled manifest.
    editions = default_library().editions
    assert year.factor_editions
    assert set(year.factor_editions) <= set(editions)
    assert {use.edition_id for use in year.factors_used if use.edition_id} <= set(editions)


@pytest.mark.parametrize("case", [c for c in CASES if "expected_error" in c], ids=lambda c: c["id"])
def test_golden_missing_factor_is_refused(case: dict[str, Any]) -> None:
    expected = case["expected_error"]
    with pytest.raises(EcoCheckError) as info:
        year_of(case)
    message = info.value.messages[0]
    assert message.code == expected["code"]
    assert message.where["fiscal_year"] == expected["fiscal_year"]
    assert message.where["energy"] == expected["energy"]
    assert str(expected["fiscal_year"]) in message.text()


@pytest.mark.parametrize("row", GOLDEN["furon_threshold"]["cases"], ids=lambda r: r["refrigerant"])
def test_furon_threshold_amounts(row: dict[str, Any]) -> None:
    """The printed kg (to 0.1 kg) is within 0.05 kg of the 1,000 t-CO2 line."""
    gwp = default_library().refrigerant(row["refrigerant"]).gwp_furon
    kg = Decimal(row["kg"])
    assert abs(kg * gwp / 1000 - 1000) <= Decimal("0.05") * gwp / 1000
    above = Project(
        company=Company("t"),
        refrigerants=[RefrigerantRefill(2025, row["refrigerant"], kg + Decimal("0.1"))],
    )
    below = Project(
        company=Company("t"),
        refrigerants=[RefrigerantRefill(2025, row["refrigerant"], kg - Decimal("0.1"))],
    )
    assert calculate(above, default_library()).year(2025).furon_reportable
    assert not calculate(below, default_library()).year(2025).furon_reportable


def test_golden_scope3() -> None:
    scope3 = GOLDEN["scope3"]
    fiscal_year = scope3["fiscal_year"]
    everything = []
    for group in scope3["groups"]:
        entries = [
            Scope3Entry(fiscal_year, e["factor_key"], Decimal(e["quantity"]))
            for e in group["entries"]
        ]
        everything.extend(entries)
        year = calculate(Project(company=Company("s3"), scope3=entries), default_library()).year(
            fiscal_year
        )
        assert round3(year.scope3_t) == group["expected_t"], group["category"]
        assert len(year.scope3_by_category) == 1
        assert not year.warnings
    year = calculate(Project(company=Company("s3"), scope3=everything), default_library()).year(
        fiscal_year
    )
    assert round3(year.scope3_t) == scope3["expected_total_t"]
    assert year.total_adjusted_t == 0
