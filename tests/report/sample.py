"""A realistic small metalworking company for the report tests (until the demo company lands).

Quantities are typical bills of a 40-person machining shop in Hitachi; FY2024 electricity
carries the factor printed on the bill (the bundled library has no FY2024 retailer list).
"""

from __future__ import annotations

from decimal import Decimal

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    Project,
    RefrigerantRefill,
    Site,
    SupplyContract,
    Target,
)

D = Decimal
# kWh per month, April..March: summer and winter peaks.
_KWH = [41200, 43800, 47900, 55600, 58100, 50300, 44100, 42600, 47700, 49800, 48200, 44900]
_GAS_M3 = [2100, 1900, 1700, 1500, 1400, 1600, 1900, 2300, 2800, 3100, 3000, 2600]
_DIESEL_L = [620, 580, 640, 610, 560, 630, 650, 600, 590, 570, 600, 640]


def sample_project(
    *, name: str = "株式会社サンプル精工", years: tuple[int, ...] = (2024, 2025)
) -> Project:
    records: list[EnergyRecord] = []
    for fiscal_year in years:
        scale = D("1.04") if fiscal_year == 2024 else D(1)
        for index, month in enumerate(months_of_fiscal_year(fiscal_year)):
            kwh = (D(_KWH[index]) * scale).quantize(D(1))
            electricity: dict[str, object] = {}
            if fiscal_year < 2025:
                electricity = {
                    "factor_basic": D("0.000457"),
                    "factor_adjusted": D("0.000451"),
                    "factor_source": "2024年度 請求書 (東京電力EP)",
                }
            records += [
                EnergyRecord(
                    month,
                    "electricity",
                    kwh,
                    "kWh",
                    site="本社工場",
                    cost_yen=(kwh * D("27.5")).quantize(D(1)),
                    **electricity,  # type: ignore[arg-type]
                ),
                EnergyRecord(
                    month,
                    "city_gas",
                    D(_GAS_M3[index]),
                    "m3",
                    site="本社工場",
                    cost_yen=D(_GAS_M3[index]) * 180,
                    estimated=(fiscal_year == 2025 and month == "2026-02"),
                    note="検針票なし: 前年同月から推計" if month == "2026-02" else "",
                ),
                EnergyRecord(
                    month,
                    "diesel",
                    D(_DIESEL_L[index]),
                    "L",
                    site="第二倉庫",
                    cost_yen=D(_DIESEL_L[index]) * 160,
                ),
            ]
    data = {
        2024: FiscalYearData(
            2024,
            revenue_million_yen=D(820),
            value_added_million_yen=D(310),
            employees=D(42),
            floor_area_m2=D(3200),
            production_quantity=D(1850),
            production_unit="t",
        ),
        2025: FiscalYearData(
            2025,
            revenue_million_yen=D(865),
            value_added_million_yen=D(332),
            employees=D(43),
            floor_area_m2=D(3200),
            production_quantity=D(1920),
            production_unit="t",
        ),
    }
    return Project(
        company=Company(
            name,
            industry="E24 金属製品製造業",
            address="茨城県日立市〇〇町1-2-3",
            contact="総務部 日立 花子",
            advisor="日立商工会議所",
        ),
        sites=[Site("本社工場", "茨城県日立市〇〇町1-2-3"), Site("第二倉庫")],
        contracts=[SupplyContract("本社工場", "electricity", supplier="A0269")],
        fiscal_years={y: data[y] for y in years if y in data},
        records=records,
        refrigerants=[RefrigerantRefill(2025, "R-410A", D("3.5"), site="本社工場")],
        targets=[Target("sbt_linear", 2024, 2030, D("4.2"))],  # 4.2 %/yr: -25.2 % by 2030
        checklist={
            "main_products": "精密切削部品 (自動車・産業機械向け)",
            "operating_days_per_year": 245,
            "operating_hours_per_day": 16,
            "vehicles_gasoline_count": 2,
            "vehicles_diesel_count": 3,
        },
    )
