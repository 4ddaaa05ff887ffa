"""Regenerate demo.json (the bundled demo company) from the monthly profiles below.

Run from the repository root: ``.venv/bin/python resources/demo/generate_demo.py``.
The numbers are illustrative, chosen to be typical of a 40-person metalworking shop; README.md
in this folder explains where each figure comes from. The output is committed; this script is
kept so that the data can be reviewed and changed as data, not as a JSON blob.
"""

from __future__ import annotations

import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from ecocheck_desktop.core.model import (  # noqa: E402
    Company,
    EnergyRecord,
    FiscalYearData,
    PlannedMeasure,
    Project,
    Site,
    SupplyContract,
    Target,
)
from ecocheck_desktop.core.targets import standard_target  # noqa: E402
from ecocheck_desktop.exchange.json_io import write_json  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_customers  # noqa: E402

SITE = "本社工場"
MONTHS = ["04", "05", "06", "07", "08", "09", "10", "11", "12", "01", "02", "03"]

# kWh per month, FY2024 (April..March): summer air conditioning peak, dips for Golden Week
# (May) and お盆 (August), a smaller winter rise.
ELECTRICITY_FY2024 = [29_800, 27_400, 30_500, 33_900, 31_200, 32_600,
                      29_900, 29_100, 30_800, 31_900, 31_300, 30_200]  # fmt: skip
# FY2025: 2 % less after part of the shop lighting was changed to LED in spring 2025.
ELECTRICITY_FACTOR_FY2025 = Decimal("0.98")
# m3 per month of city gas (washing line hot water, paint drying oven, space heating).
CITY_GAS = [1_500, 1_200, 1_050, 1_000, 1_000, 1_050, 1_350, 1_800, 2_250, 2_450, 2_350, 1_950]
DIESEL = [205, 180, 210, 220, 175, 215, 210, 205, 200, 185, 195, 230]  # L, 3 forklifts
GASOLINE = [200, 190, 205, 210, 180, 200, 205, 200, 195, 190, 195, 210]  # L, 4 company cars
KEROSENE = [0, 0, 0, 0, 0, 0, 0, 400, 650, 800, 700, 350]  # L, heaters Nov-Mar only

# 円 per unit including fuel-cost adjustment and taxes, per fiscal year.
PRICES = {
    2024: {"electricity": "27.5", "city_gas": "175", "diesel": "158", "gasoline": "174",
           "kerosene": "112"},
    2025: {"electricity": "28.3", "city_gas": "180", "diesel": "162", "gasoline": "176",
           "kerosene": "116"},
}  # fmt: skip

# FY2024 (the base year): the bundled past-year rows (resources/factors/electricity_*_sourced)
# hold no final 令和5年度実績 value of 東京電力エナジーパートナー, so the demo's electricity
# contract knowingly chooses an ESTIMATE (推計, factor_choice="estimate", basis "retailer"): the
# same retailer and menu from the nearest list, the R6年度実績 list for FY2025 (メニューM(残差)
# 0.000452 t-CO2/kWh, resources/factors/electricity_r08.tsv). FY2025 has its list and uses it.
# The footprint labels the FY2024 line 推計 wherever the factor is shown (screen, PDF, CSV/JSON).


def month_of(fiscal_year: int, index: int) -> str:
    year = fiscal_year if index < 9 else fiscal_year + 1
    return f"{year}-{MONTHS[index]}"


def yen(quantity: Decimal, price: str) -> Decimal:
    return (quantity * Decimal(price)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def records_for(fiscal_year: int) -> list[EnergyRecord]:
    records: list[EnergyRecord] = []
    prices = PRICES[fiscal_year]
    for i in range(12):
        month = month_of(fiscal_year, i)
        kwh = Decimal(ELECTRICITY_FY2024[i])
        if fiscal_year == 2025:
            kwh = (kwh * ELECTRICITY_FACTOR_FY2025).quantize(Decimal(1))
        records.append(
            EnergyRecord(
                month=month,
                energy="electricity",
                quantity=kwh,
                unit="kWh",
                cost_yen=yen(kwh, prices["electricity"]),
            )
        )
        for energy, series in (
            ("city_gas", CITY_GAS),
            ("diesel", DIESEL),
            ("gasoline", GASOLINE),
            ("kerosene", KEROSENE),
        ):
            quantity = Decimal(series[i])
            if fiscal_year == 2025 and energy == "city_gas":
                quantity = (quantity * Decimal("1.03")).quantize(Decimal(1))  # colder winter
            unit = "m3" if energy == "city_gas" else "L"
            records.append(
                EnergyRecord(
                    month=month,
                    energy=energy,
                    quantity=quantity,
                    unit=unit,
                    cost_yen=yen(quantity, prices[energy]),
                    # An explicit zero says "no heating this month", not "bill missing".
                    note="暖房期間外（使用なし）" if quantity == 0 else "",
                )
            )
    return records


CHECKLIST = {
    "sector": "metalwork",
    "operating_hours_per_day": "8",
    "operating_days_per_year": 250,
    "contract_demand_kw": "180",
    "demand_monitoring": False,
    "energy_management": False,
    "idle_machines_left_on": True,
    "energy_diagnosis_done": False,
    "lighting_type": "mixed",
    "lighting_fluorescent_count": 120,
    "lighting_fluorescent_watts": "76",
    "lighting_hid_count": 12,
    "lighting_hid_watts": "400",
    "lighting_hours_per_day": "10",
    "occupancy_sensors": False,
    "compressor_count": 2,
    "compressor_kw_total": "44",
    "compressor_control": "load_unload",
    "compressor_pressure_mpa": "0.7",
    "compressor_required_pressure_mpa": "0.55",
    "compressor_leak_check_yearly": False,
    "compressor_room_hot": True,
    "compressor_heat_demand_nearby": True,
    "boiler_count": 1,
    "boiler_fuel": "city_gas",
    "boiler_use": "hot_water",
    "boiler_age_years": "17",
    "steam_pipes_bare": False,
    "ac_unit_count": 6,
    "ac_oldest_age_years": "16",
    "ac_cooling_setpoint_c": "25",
    "refrigerant_units_count": 6,
    "vehicles_gasoline_count": 4,
    "vehicles_diesel_count": 3,
    "roof_area_m2": "1500",
    "daytime_share_pct": "85",
    "renewable_tariff": False,
}


# The owner's plan after the advisor's visit: the no-cost measures first, then lighting and the
# compressor, then rooftop PV once the loan is in place. Illustrative, like everything here.
PLAN = [
    PlannedMeasure("MD-06", 2026),  # energy management and intensity tracking
    PlannedMeasure("CA-01", 2026),  # compressed-air leak survey and repair
    PlannedMeasure("CA-02", 2026),  # lower discharge pressure
    PlannedMeasure("LT-03", 2026),  # switch-off rules and occupancy sensors
    PlannedMeasure("LT-02", 2027),  # mercury high-bay -> LED
    PlannedMeasure("LT-01", 2027),  # fluorescent -> LED
    PlannedMeasure("CA-04", 2028),  # inverter compressor
    PlannedMeasure("RE-01", 2029),  # rooftop PV for self-consumption
]

# Targets against FY2024: the standard ones the 目標 page offers (SBT for SMEs 4.2 %/yr, the
# 42 % by FY2030 option, the national path) and the SPT of a sustainability-linked loan (a
# made-up figure, "demo" in its note).
TARGETS = [
    *(standard_target(kind, 2024) for kind in ("sbt_linear", "sbt_42", "national")),
    Target("bank_spt", 2024, 2029, Decimal(15), note="取引銀行のSPT（デモ用の仮の値）"),
]


def demo_project() -> Project:
    years = {
        2024: FiscalYearData(
            year=2024,
            revenue_million_yen=Decimal(780),
            value_added_million_yen=Decimal(295),
            employees=Decimal(40),
            floor_area_m2=Decimal(2400),
            production_quantity=Decimal(1850),
            production_unit="t",
        ),
        2025: FiscalYearData(
            year=2025,
            # Locked to the edition it was calculated with (新しい係数で再計算 moves it).
            factor_edition="electricity_r08",
            revenue_million_yen=Decimal(815),
            value_added_million_yen=Decimal(305),
            employees=Decimal(41),
            floor_area_m2=Decimal(2400),
            production_quantity=Decimal(1920),
            production_unit="t",
        ),
    }
    return Project(
        company=Company(
            name="日立精密板金株式会社（デモ）",
            name_kana="ヒタチセイミツバンキン",
            industry="E24 金属製品製造業",
            address="茨城県日立市（架空の住所）",
            contact="総務部 省エネ担当",
            # The bank's pack (issue 18): who signs, how the figures were checked, the bank
            # and the sector benchmark it names. Fictitious, like the company.
            representative_name="常磐 健一",
            representative_title="代表取締役",
            verification="self",
            lender_name="ひたち中央銀行（架空）",
            sector_benchmark_pct_per_year=Decimal("2.5"),
            sector_benchmark_source="取引銀行の業種別ベンチマーク（金属製品、デモ用の仮の値）",
            allocation_method="physical",
        ),
        sites=[Site(SITE, "茨城県日立市（架空の住所）")],
        contracts=[
            SupplyContract(
                SITE, "electricity", "A0269", "メニューM(残差)",
                factor_choice="estimate", estimate_basis="retailer",
            ),  # fmt: skip
            SupplyContract(SITE, "city_gas", "A0026", "福島地区、茨城地区"),
        ],
        fiscal_years=years,
        records=records_for(2024) + records_for(2025),
        checklist=CHECKLIST,
        targets=TARGETS,
        measure_plan=PLAN,
        customers=demo_customers.CUSTOMERS,
        customer_sales=demo_customers.customer_sales(),
        products=demo_customers.PRODUCTS,
        product_outputs=demo_customers.product_outputs(),
    )


if __name__ == "__main__":
    write_json(demo_project(), Path(__file__).with_name("demo.json"))
