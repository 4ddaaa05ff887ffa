"""A client folder as an advisor has it: good files and every kind of file that cannot be read.

Shared by the portfolio tests of exchange, cli and gui. The good company's figures are the
golden ones of tests/exchange/data/expected_totals.toml (its FY2025 bills).
"""

from __future__ import annotations

import dataclasses
import random
import sqlite3
import tomllib
from decimal import Decimal
from pathlib import Path

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    PlannedMeasure,
    Project,
    Target,
)
from ecocheck_desktop.exchange.bills import project_from_bills, read_bills
from ecocheck_desktop.store.migrations import create_schema
from ecocheck_desktop.store.project_file import ProjectFile
from ecocheck_desktop.store.schema import SCHEMA_VERSION

DATA = Path(__file__).resolve().parent / "data"
BILLS = DATA / "bills_fy2025_en_utf8bom.csv"
EXPECTED = tomllib.loads((DATA / "expected_totals.toml").read_text(encoding="utf-8"))["fy2025"]
GOLDEN_NAME = "ゴールデン精機株式会社"


def golden_project() -> Project:
    project = project_from_bills(read_bills(BILLS), GOLDEN_NAME)
    project.company = dataclasses.replace(project.company, industry="E26 生産用機械器具製造業")
    project.fiscal_years[2025] = FiscalYearData(2025, revenue_million_yen=Decimal(500))
    return project


def demo_with_plan() -> Project:
    from ecocheck_desktop.exchange.demo import demo_project

    project = demo_project()
    project.measure_plan = [PlannedMeasure("LT-01", 2026), PlannedMeasure("CA-01", 2026)]
    return project


def target_only_project(name: str = "目標だけ株式会社") -> Project:
    """Electricity all year, city gas in half the months, an SBT target; no plan."""
    months = months_of_fiscal_year(2025)
    records = [EnergyRecord(m, "electricity", Decimal(10000), "kWh") for m in months]
    records += [EnergyRecord(m, "city_gas", Decimal(500), "m3") for m in months[:6]]
    return Project(
        Company(name, industry="E24 金属製品製造業"),
        fiscal_years={2025: FiscalYearData(2025, revenue_million_yen=Decimal(100))},
        records=records,
        targets=[Target("sbt_linear", 2025, 2030, Decimal("5"))],
    )


def write_newer_version(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    create_schema(conn)
    conn.execute("INSERT INTO company (id, name) VALUES (1, 'x')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("COMMIT")
    conn.close()


def make_folder(folder: Path) -> dict[str, Path]:
    """The files by role; ``locked`` is returned closed (the test opens it to lock it)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "golden": folder / "a_golden.ecocheck",
        "demo": folder / "b_demo.ecocheck",
        "target": folder / "c_target.ecocheck",
        "broken": folder / "d_broken.ecocheck",
        "newer": folder / "e_newer.ecocheck",
        "locked": folder / "f_locked.ecocheck",
        "empty": folder / "g_empty.ecocheck",
    }
    ProjectFile.create(files["golden"], golden_project()).close()
    ProjectFile.create(files["demo"], demo_with_plan()).close()
    ProjectFile.create(files["target"], target_only_project()).close()
    files["broken"].write_bytes(random.Random(9).randbytes(8192))
    write_newer_version(files["newer"])
    ProjectFile.create(files["locked"], target_only_project("ロック中株式会社")).close()
    ProjectFile.create(files["empty"], Project(Company("データなし株式会社"))).close()
    # Not project files: never listed.
    (folder / "notes.txt").write_text("visit on Tuesday", encoding="utf-8")
    (folder / "bills.csv").write_text("month,energy\n", encoding="utf-8")
    (folder / "sub").mkdir()
    ProjectFile.create(folder / "sub" / "nested.ecocheck", target_only_project("下位")).close()
    backup = folder / "b_demo.v1-backup-20261128-101500.ecocheck"
    backup.write_bytes(files["demo"].read_bytes())
    return files
