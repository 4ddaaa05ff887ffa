"""Projects of a given size for the edit and open benches: years x sites x 8 energies x 12 months.

``sized_project(20, 10)`` has 19,200 bill lines (FY2006-FY2025, 10 sites), ``(20, 50)`` 96,000.
The bills are those of bench/calc.py's plant: FY2025 electricity uses the bundled list through
its supplier, earlier years carry the factor printed on the bill, as a user would enter it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    Project,
    Site,
    SupplyContract,
)

LAST_YEAR = 2025
# (energy, unit, monthly quantity, supplier) — a small metalworking plant's bills.
ENERGIES = (
    ("electricity", "kWh", 10_000, "A0269"),
    ("city_gas", "m3", 800, ""),
    ("lpg", "kg", 120, ""),
    ("kerosene", "L", 300, ""),
    ("diesel", "L", 250, ""),
    ("gasoline", "L", 180, ""),
    ("heavy_oil_a", "kL", 2, ""),
    ("heat", "GJ", 40, ""),
)
SIZES = ((5, 10), (20, 10), (5, 50), (20, 50))


def site_names(count: int) -> list[str]:
    return ["本社工場", *(f"第{n}工場" for n in range(2, count + 1))]


def bill_records(fiscal_years: Iterable[int], sites: Sequence[str]) -> list[EnergyRecord]:
    """Every energy's monthly bill at every site (bench/calc.py's plant uses it too)."""
    records = []
    for year in fiscal_years:
        for site_index, site in enumerate(sites):
            for month_index, month in enumerate(months_of_fiscal_year(year)):
                for energy, unit, base, supplier in ENERGIES:
                    quantity = Decimal(base) * (100 + month_index * 3 + site_index % 7) / 100
                    # Only FY2025 has a bundled electricity list; earlier years carry the factor
                    # printed on the bill, as a user would enter it.
                    own_factor = energy == "electricity" and year != LAST_YEAR
                    records.append(
                        EnergyRecord(
                            month=month,
                            energy=energy,
                            quantity=quantity,
                            unit=unit,
                            site=site,
                            supplier=supplier if not own_factor else "",
                            factor_basic=Decimal("0.000450") if own_factor else None,
                            factor_source="請求書" if own_factor else "",
                            cost_yen=quantity * 20,
                        )
                    )
    return records


def sized_project(years: int, sites: int) -> Project:
    names = site_names(sites)
    fiscal_years = range(LAST_YEAR - years + 1, LAST_YEAR + 1)
    records = bill_records(fiscal_years, names)
    return Project(
        company=Company("ベンチ工業"),
        sites=[Site(name) for name in names],
        contracts=[SupplyContract(name, "electricity", "A0269", "") for name in names],
        records=records,
        fiscal_years={
            y: FiscalYearData(y, revenue_million_yen=Decimal(800), employees=Decimal(45))
            for y in fiscal_years
        },
    )
