"""The portfolio's completeness figure follows the core's one rule."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.model import Company, EnergyRecord, Project, Site, SupplyContract
from ecocheck_desktop.exchange.portfolio import scan_file
from ecocheck_desktop.store.project_file import ProjectFile

SITE = "本社工場"


def write(path: Path, contract: SupplyContract) -> Path:
    months = months_of_fiscal_year(2024)
    project = Project(
        Company("ポートフォリオ試験"),
        sites=[Site(SITE)],
        contracts=[contract],
        records=[EnergyRecord(m, "electricity", Decimal(30000), "kWh", SITE) for m in months]
        + [EnergyRecord(m, "kerosene", Decimal(100), "L", SITE) for m in months],
    )
    ProjectFile.create(path, project).close()
    return path


def test_an_unresolved_electricity_factor_is_not_100_percent(tmp_path: Path) -> None:
    row = scan_file(write(tmp_path / "a.ecocheck", SupplyContract(SITE, "electricity", "A0269")))
    assert row.complete is False
    assert row.months_with_data == 12
    assert row.completeness_pct == 50  # 12 kerosene months of 24 energy-months


def test_the_sourced_retailer_figure_makes_it_100_percent(tmp_path: Path) -> None:
    sourced = SupplyContract(
        SITE,
        "electricity",
        "A0269",
        factor_choice="user",
        factor_basic=Decimal("0.000457"),
        factor_source="東京電力EP「電源構成・CO2排出係数」",
    )
    row = scan_file(write(tmp_path / "b.ecocheck", sourced))
    assert row.complete is True and row.completeness_pct == 100
