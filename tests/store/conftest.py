"""Fixtures of the store tests: a small project and a fresh project file per test."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    PlannedMeasure,
    Project,
    RefrigerantRefill,
    Scope3Entry,
    Site,
    SupplyContract,
    Target,
)

FIXTURES = Path(__file__).parent / "fixtures"


def small_project() -> Project:
    """One of everything the model holds, with awkward values (long decimals, Japanese)."""
    return Project(
        company=Company("テスト金属工業", name_kana="テスト", industry="E24", fy_start_month=4),
        sites=[Site("本社工場", "日立市"), Site("第二工場")],
        contracts=[
            SupplyContract("本社工場", "electricity", "A0269", "メニューM(残差)"),
            SupplyContract(
                "第二工場",
                "electricity",
                "X",
                "",
                Decimal("0.000450"),
                Decimal("0.00045"),
                "請求書",
            ),
        ],
        fiscal_years={
            2025: FiscalYearData(2025, Decimal("812.5"), None, Decimal(40), Decimal("2400.00"))
        },
        records=[
            EnergyRecord("2025-04", "electricity", Decimal("30123.45"), "kWh", cost_yen=Decimal(1)),
            EnergyRecord("2025-04", "city_gas", Decimal("1.0E+3"), "m3", site="第二工場"),
            EnergyRecord(
                "2025-05", "diesel", Decimal("0.000000001"), "L", estimated=True, note="推計"
            ),
        ],
        refrigerants=[RefrigerantRefill(2025, "R-410A", Decimal("2.5"))],
        scope3=[Scope3Entry(2025, "cat1_steel", Decimal("120"))],
        checklist={"compressor_count": 2, "roof_area_m2": "1500", "nested": {"a": [1, None]}},
        targets=[Target("sbt_42", 2025, 2030, Decimal("42"))],
        measure_plan=[PlannedMeasure("led", 2026, parameters={"count": 120})],
    )


def file_state(path: Path) -> tuple[int, str, list[str]]:
    """mtime, content hash and the names beside the file: all must be unchanged by a refusal."""
    data = path.read_bytes() if path.exists() else b""
    siblings = sorted(p.name for p in path.parent.iterdir())
    return (
        path.stat().st_mtime_ns if path.exists() else 0,
        hashlib.sha256(data).hexdigest(),
        siblings,
    )


@pytest.fixture
def project() -> Project:
    return small_project()


_HOT_JOURNAL = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before the commit
conn.execute("BEGIN IMMEDIATE")
for _ in range(200):
    conn.execute(
        "INSERT INTO change_log (at, user, action, target, old, new)"
        " VALUES ('x', 'killed', 'x', 'x', NULL, hex(randomblob(2000)))"
    )
os._exit(0)  # killed in the middle of a commit: the main file is half written
"""


def leave_hot_journal(path: Path) -> None:
    """Leave ``path`` as a process killed in the middle of a big commit does: pages of the
    unfinished transaction already in the main file (which is longer than its header says),
    and the hot journal that undoes them beside it."""
    subprocess.run([sys.executable, "-c", _HOT_JOURNAL, str(path)], check=True, timeout=60)
    journal = path.with_name(path.name + "-journal")
    assert journal.read_bytes()[:1] not in (b"", b"\x00")
