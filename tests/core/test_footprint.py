"""The footprint calculation, driven with a small stand-in factor library.

The stand-in holds a few rows copied from reference/factors.md so each rule (table switch,
resolution order, missing factors, aggregation) can be exercised in isolation; the golden cases
(test_golden.py) run against the real bundled library.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import pytest

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    Project,
    RefrigerantRefill,
    Scope3Entry,
    Site,
    SupplyContract,
)
from ecocheck_desktop.core.results import Footprint
from ecocheck_desktop.text.messages import render

D = Decimal


@dataclass(frozen=True)
class Edition:
    id: str
    kind: str = "fuel"
    title: str = ""
    publisher: str = "環境省"
    published: str = ""
    source_url: str = "https://example.invalid/"
    emissions_years: tuple[int, ...] = ()
    notes: str = ""
    confidence: str = "high"


@dataclass(frozen=True)
class FuelFactor:
    key: str
    unit: str
    gj_per_unit: Decimal | None
    tc_per_gj: Decimal | None
    tco2_per_unit_rounded: Decimal
    edition: str
    source: str = ""


@dataclass(frozen=True)
class ElectricityResolution:
    factor: Any
    basic: Decimal
    adjusted: Decimal
    how: str
    warnings: list[Message] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    supplier_name: str
    menu: str
    source: str = ""


@dataclass(frozen=True)
class Conversion:
    crude_oil_kl_per_gj: Decimal
    electricity_gj_per_thousand_kwh: Decimal
    city_gas_gj_per_km3: Decimal = Decimal(45)
    lpg_m3_per_t: Decimal = Decimal(502)
    edition: str = ""


@dataclass(frozen=True)
class Gwp:
    key: str
    kind: str
    gwp_shk: Decimal | None
    gwp_furon: Decimal
    edition: str = ""


@dataclass(frozen=True)
class S3:
    key: str
    category: str
    name: str
    unit: str
    value: Decimal
    source: str
    edition: str = ""


NEW = Edition("fuel-new", title="算定省令 別表第1 (新)")
OLD = Edition("fuel-old", title="算定省令 別表第1 (旧)")
DENKI = Edition("denki-r6", kind="electricity", title="電気事業者別排出係数 R6実績")
HEAT = Edition("heat-r6", kind="heat")

# (key, unit, GJ/unit, t-C/GJ, rounded) from reference/factors.md §1.1 and §1.2
NEW_ROWS = [
    ("gasoline", "kL", "33.4", "0.0187", "2.29"),
    ("kerosene", "kL", "36.5", "0.0187", "2.50"),
    ("diesel_oil", "kL", "38.0", "0.0188", "2.62"),
    ("heavy_oil_a", "kL", "38.9", "0.0193", "2.75"),
    ("lpg", "t", "50.1", "0.0163", "2.99"),
    ("city_gas", "千m3", "40.0", "0.0140", "2.05"),
]
OLD_ROWS = [
    ("gasoline", "kL", "34.6", "0.0183", "2.32"),
    ("kerosene", "kL", "36.7", "0.0185", "2.49"),
    ("diesel_oil", "kL", "37.7", "0.0187", "2.58"),
    ("heavy_oil_a", "kL", "39.1", "0.0189", "2.71"),
    ("lpg", "t", "50.8", "0.0161", "3.00"),
    ("city_gas", "千Nm3", "44.8", "0.0136", "2.23"),
]


class FakeLibrary:
    def __init__(
        self,
        *,
        electricity_years: tuple[int, ...] = (2025,),
        national_years: tuple[int, ...] = (2025,),
    ) -> None:
        self.electricity_years = electricity_years
        self.national_years = national_years
        self.calls = 0

    def fuel_table(self, fy: int) -> tuple[Edition, dict[str, FuelFactor]]:
        edition, rows = (NEW, NEW_ROWS) if fy >= 2023 else (OLD, OLD_ROWS)
        table = {
            key: FuelFactor(key, unit, D(gj), D(tc), D(r), edition.id)
            for key, unit, gj, tc, r in rows
        }
        table["coal_tar"] = FuelFactor("coal_tar", "t", None, None, D("2.86"), edition.id)
        return edition, table

    def electricity_edition(self, fy: int) -> Edition | None:
        return DENKI if fy in self.electricity_years else None

    def resolve_electricity(self, fy: int, supplier: str, menu: str = "") -> Any:
        self.calls += 1
        if fy not in self.electricity_years:
            raise EcoCheckError(Message("factor.electricity_missing", {"fiscal_year": fy}))
        if supplier in ("A0269", "東京電力エナジーパートナー"):
            if menu.startswith("メニューA"):
                return ElectricityResolution(Row("東京電力EP", menu), D(0), D(0), "menu")
            return ElectricityResolution(
                Row("東京電力EP", "メニューM(残差)"), D("0.000452"), D("0.000452"), "residual"
            )
        warning = Message("factor.substitute_used", {"supplier": supplier})
        return ElectricityResolution(
            Row("代替値", ""), D("0.000416"), D("0.000416"), "substitute", [warning]
        )

    def national_average(self, fy: int) -> tuple[Decimal, Edition] | None:
        return (D("0.000423"), DENKI) if fy in self.national_years else None

    def resolve_gas(self, fy: int, supplier: str, menu: str = "") -> Any:
        if supplier == "A0020" and fy == 2025:
            if menu == "メニューA":
                return D("2.09"), D("0.00"), "gas-r7", "東京瓦斯 メニューA"
            return D("2.09"), D("2.09"), "gas-r7", "東京瓦斯 残差"
        return None

    def resolve_heat(self, fy: int, supplier: str, menu: str = "") -> Any:
        if supplier == "池袋地域冷暖房":
            return D("0.0454"), D("0.0454"), "heat-r6", "池袋地域冷暖房 残差"
        return None

    def gas_supplier_warning(self, fy: int, supplier: str) -> Message | None:
        return None

    def nearest_electricity_year(self, fy: int) -> int | None:
        return None

    def heat_default(self, fy: int) -> tuple[Decimal, Edition] | None:
        return (D("0.0532"), HEAT) if fy >= 2023 else None

    def edition(self, edition_id: str) -> Edition:
        if edition_id == "gas-r7":
            return Edition("gas-r7", title="ガス事業者別排出係数 R7供給実績")
        raise KeyError(edition_id)

    def refrigerant(self, key: str) -> Gwp:
        table = {
            "R-410A": Gwp("R-410A", "HFC", D(2090), D(2090)),
            "R-404A": Gwp("R-404A", "HFC", D(3920), D(3920)),
            "R-22": Gwp("R-22", "HCFC", None, D(1810)),
        }
        return table[key]

    def with_locks(self, locks: dict[int, str]) -> FakeLibrary:
        return self  # one edition per table: a lock changes nothing here

    def energy_conversion(self, fy: int) -> Conversion:
        return Conversion(D("0.0258"), D("8.64") if fy >= 2023 else D("9.76"))

    def scope3_factor(self, key: str) -> S3:
        table = {
            "rail": S3("rail", "6", "旅客鉄道", "kg-CO2/円", D("0.001854"), "DB Ver.3.6"),
            "waste_plastic": S3(
                "waste_plastic", "5", "廃プラ焼却", "t-CO2/t", D("2.56"), "DB Ver.3.6"
            ),
            "nosource": S3("nosource", "1", "x", "t-CO2/t", D(1), ""),
        }
        if key not in table:
            raise EcoCheckError(Message("factor.scope3_unknown", {"key": key}))
        return table[key]


def project_with(*records: EnergyRecord, **kwargs: Any) -> Project:
    kwargs.setdefault("sites", [Site("本社工場")])
    return Project(company=Company("テスト製作所"), records=list(records), **kwargs)


def rec(month: str, energy: str, quantity: str, unit: str, **kwargs: Any) -> EnergyRecord:
    return EnergyRecord(month=month, energy=energy, quantity=D(quantity), unit=unit, **kwargs)


def r3(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(D("0.001"))


def test_fuel_chain_and_rounded_factor_new_and_old_tables() -> None:
    project = project_with(
        rec("2025-05", "A重油", "10", "kL"), rec("2022-05", "heavy_oil_a", "10000", "L")
    )
    footprint = calculate(project, FakeLibrary(electricity_years=()))
    new, old = footprint.year(2025), footprint.year(2022)
    assert r3(new.scope1_t) == D("27.528")  # GC-06, computed by hand in golden-cases.md
    assert r3(new.scope1_rounded_factor_t) == D("27.500")
    assert r3(old.scope1_t) == D("27.096")
    assert r3(old.scope1_rounded_factor_t) == D("27.100")
    assert new.scope2_basic_t == 0
    assert new.total_basic_t == new.scope1_t == new.total_location_t
    assert new.factor_editions == ["fuel-new"] and old.factor_editions == ["fuel-old"]
    assert new.by_energy["heavy_oil_a"].unit == "kL"
    assert new.energy_gj == D("389.0")
    assert old.energy_gj == D("391.0")
    assert new.crude_oil_kl == D("389.0") * D("0.0258")
    with pytest.raises(KeyError):
        footprint.year(2030)


def test_electricity_resolution_order() -> None:
    contract = SupplyContract("本社工場", "electricity", supplier="A0269")
    user_contract = SupplyContract(
        "第二工場", "electricity", factor_basic=D("0.0005"), factor_source="請求書"
    )
    project = project_with(
        rec("2025-04", "電気", "1000", "kWh"),  # contract -> library 残差
        rec("2025-05", "電気", "1000", "kWh", menu="メニューA"),  # record menu, contract supplier
        rec(
            "2025-06", "電気", "1000", "kWh", factor_adjusted=D("0.0003"), factor_source="明細"
        ),  # the record's own factor wins
        rec("2025-07", "電気", "1000", "kWh", site="第二工場"),  # contract user factor
        rec("2025-08", "電気", "1000", "kWh", supplier="X9999"),  # another retailer: 代替値
        contracts=[contract, user_contract],
        sites=[Site("本社工場"), Site("第二工場")],
    )
    year = calculate(project, FakeLibrary()).year(2025)
    by_month = {line.month: line for line in year.lines}
    assert by_month["2025-04"].t_co2_adjusted == D("0.452")
    assert by_month["2025-04"].how == "residual"
    assert by_month["2025-05"].t_co2_adjusted == 0
    assert by_month["2025-06"].t_co2_basic == D("0.3") == by_month["2025-06"].t_co2_adjusted
    assert by_month["2025-06"].how == "user_record"
    assert by_month["2025-07"].t_co2_adjusted == D("0.5")
    assert by_month["2025-07"].how == "user_contract"
    assert by_month["2025-08"].t_co2_basic == D("0.416")
    assert any(w.code == "factor.substitute_used" for w in year.warnings)
    assert year.scope2_location_t == D("5") * D("0.423")
    assert year.by_site["第二工場"].total_adjusted_t == D("0.5")
    assert year.scope1_t == 0
    assert year.energy_gj == D("5") * D("8.64")


def test_missing_electricity_list_is_an_error_naming_year_and_energy() -> None:
    project = project_with(
        rec("2024-04", "電気", "1000", "kWh", supplier="A0269"),
        rec("2024-05", "電気", "1000", "kWh", supplier="A0269"),
    )
    with pytest.raises(EcoCheckError) as info:
        calculate(project, FakeLibrary())
    messages = info.value.messages
    assert len(messages) == 1  # one message per year, energy and site, not per month
    # factor.needed: no silent reuse of another year; names site, energy, supplier and year
    assert messages[0].code == "factor.needed"
    assert messages[0].where["fiscal_year"] == 2024
    assert messages[0].where["energy"] == "electricity"
    assert messages[0].params["supplier"] == "A0269"
    assert messages[0].params["site"] == "本社工場"
    assert "電源構成・CO2排出係数" in render(messages[0], "en")  # says where to find it

    lenient = calculate(project, FakeLibrary(), strict=False).year(2024)
    assert not lenient.complete
    assert lenient.scope2_adjusted_t == 0
    assert lenient.lines[0].how == "missing"
    assert lenient.energy_gj == D("2") * D("8.64")  # energy is still counted


def test_missing_location_factor_leaves_location_empty_with_a_warning() -> None:
    project = project_with(
        rec("2025-04", "電気", "1000", "kWh", supplier="A0269"), rec("2025-04", "灯油", "100", "L")
    )
    year = calculate(project, FakeLibrary(national_years=())).year(2025)
    assert year.scope2_location_t is None and year.total_location_t is None
    assert year.by_energy["electricity"].t_co2_location is None
    assert year.by_energy["kerosene"].t_co2_location is not None
    assert year.by_month["2025-04"].scope2_location_t is None
    assert year.by_site["本社工場"].scope2_location_t is None
    assert year.scope2_adjusted_t == D("0.452")
    assert [w.code for w in year.warnings].count("factor.location_missing") == 1
    data = Footprint("x", [year]).to_json_dict()["results"][0]
    assert data["scope2_location_t"] is None and data["total_location_t"] is None


def test_city_gas_supplier_default_and_adjusted_menu() -> None:
    contract = SupplyContract("本社工場", "city_gas", supplier="A0020", menu="メニューA")
    project = project_with(
        rec("2025-04", "都市ガス", "1000", "m3"),
        rec("2025-05", "都市ガス", "1000", "m3", supplier="A0020", menu="残差"),
        rec("2025-06", "都市ガス", "1000", "m3", supplier="東部瓦斯"),
        contracts=[contract],
    )
    year = calculate(project, FakeLibrary()).year(2025)
    lines = {line.month: line for line in year.lines}
    assert lines["2025-04"].t_co2_basic == D("2.09") and lines["2025-04"].t_co2_adjusted == 0
    assert lines["2025-05"].t_co2_adjusted == D("2.09")
    assert lines["2025-06"].how == "default"
    assert r3(lines["2025-06"].t_co2_basic) == D("2.053")
    assert year.scope1_t != year.scope1_adjusted_t
    assert year.total_adjusted_t == year.scope1_adjusted_t
    assert year.energy_gj == D(3 * 45)
    assert "gas-r7" in year.factor_editions
    assert any(f.edition_title.startswith("ガス事業者別") for f in year.factors_used)


def test_gas_edition_lookup_without_title() -> None:
    class NoEditions(FakeLibrary):
        def edition(self, edition_id: str) -> Edition:
            raise KeyError(edition_id)

    project = project_with(rec("2025-04", "都市ガス", "1000", "m3", supplier="A0020"))
    year = calculate(project, NoEditions()).year(2025)
    assert year.factors_used[0].edition_title == ""


def test_lpg_m3_and_kg_and_liquids_in_litres() -> None:
    project = project_with(
        rec("2025-04", "プロパン", "502", "m3"),
        rec("2025-05", "LPG", "1000", "kg"),
        rec("2025-06", "ガソリン", "2000", "L"),
    )
    year = calculate(project, FakeLibrary()).year(2025)
    assert year.by_energy["lpg"].quantity == D(2)
    chain = D("50.1") * D("0.0163") * 44 / 12
    assert r3(year.by_energy["lpg"].t_co2) == r3(2 * chain)
    assert year.by_energy["gasoline"].quantity == D(2)


def test_heat_supplier_default_and_missing_old_default() -> None:
    project = project_with(
        rec("2025-04", "熱", "500", "GJ", supplier="池袋地域冷暖房"),
        rec("2025-05", "蒸気", "500", "GJ"),
        rec("2022-05", "蒸気", "500", "GJ"),
    )
    footprint = calculate(project, FakeLibrary(), strict=False)
    year = footprint.year(2025)
    assert year.by_month["2025-04"].scope2_adjusted_t == D("22.7000")
    assert year.by_month["2025-05"].scope2_adjusted_t == D("26.6000")
    assert year.energy_gj == D(1000)
    old = footprint.year(2022)
    assert [e.code for e in old.errors] == ["factor.heat_missing"]


def test_unknown_energy_or_unit_is_reported_where() -> None:
    project = project_with(
        rec("2025-04", "水道", "5", "m3"),
        rec("2025-04", "電気", "5", "L"),
        rec("2025-04", "ナフサ", "1", "kL"),
    )
    with pytest.raises(EcoCheckError) as info:
        calculate(project, FakeLibrary())
    codes = [m.code for m in info.value.messages]
    assert codes == ["energy.unknown", "unit.mismatch", "factor.fuel_missing"]
    assert info.value.messages[0].where["month"] == "2025-04"


def test_fuel_without_chain_uses_the_rounded_factor_with_a_warning() -> None:
    from ecocheck_desktop.core import energy

    code = "coal_tar_test"
    energy.ENERGY_TYPES[code] = replace(energy.ENERGY_TYPES["coal_coke"], code=code)
    try:
        from ecocheck_desktop.core import factor_resolution as module

        module.FUEL_KEYS[code] = ("coal_tar",)
        energy._ENERGY_LOOKUP[code] = code
        project = project_with(rec("2025-04", code, "2", "t"))
        year = calculate(project, FakeLibrary()).year(2025)
        assert year.scope1_t == D("5.72")
        assert year.energy_gj == 0
        assert any(w.code == "factor.chain_unavailable" for w in year.warnings)
    finally:
        del energy.ENERGY_TYPES[code], energy._ENERGY_LOOKUP[code], module.FUEL_KEYS[code]


def test_refrigerants_hfc_in_scope1_hcfc_only_in_furon_view() -> None:
    project = project_with(
        rec("2025-04", "電気", "1000", "kWh", supplier="A0269"),
        refrigerants=[
            RefrigerantRefill(2025, "R-404A", D(10)),
            RefrigerantRefill(2025, "R-22", D(20), D(5)),
            RefrigerantRefill(2025, "R-410A", D(1), D(3)),
            RefrigerantRefill(2025, "R-999", D(1)),
        ],
    )
    # An unknown refrigerant is refused (issue 15): strict mode raises, lenient marks the year.
    with pytest.raises(EcoCheckError) as refused:
        calculate(project, FakeLibrary())
    assert [m.code for m in refused.value.messages] == ["refrigerant.unknown"]
    year = calculate(project, FakeLibrary(), strict=False).year(2025)
    assert not year.complete and [m.code for m in year.errors] == ["refrigerant.unknown"]
    assert year.refrigerant_scope1_t == D("39.2")  # GC-04: 10 kg x 3,920 / 1,000
    assert year.scope1_t == D("39.2")
    assert year.furon_t == D("39.2") + D(15) * 1810 / 1000
    assert not year.furon_reportable
    codes = [w.code for w in year.warnings]
    assert "refrigerant.recovered_exceeds_charged" in codes
    big = calculate(
        project_with(refrigerants=[RefrigerantRefill(2025, "R-22", D(553))]), FakeLibrary()
    ).year(2025)
    assert big.furon_reportable and big.scope1_t == 0


def test_scope3_by_category_only_sourced_factors() -> None:
    project = project_with(
        scope3=[
            Scope3Entry(2025, "rail", D(300000)),
            Scope3Entry(2025, "waste_plastic", D(2)),
            Scope3Entry(2025, "nosource", D(5)),
            Scope3Entry(2025, "unknown", D(5)),
        ]
    )
    year = calculate(project, FakeLibrary()).year(2025)
    assert year.scope3_by_category == {"5": D("5.12"), "6": D("0.5562")}
    assert year.scope3_t == D("5.6762")
    assert year.total_adjusted_t == 0  # Scope 3 is reported separately
    codes = [w.code for w in year.warnings]
    assert codes.count("scope3.unsourced") == 1 and codes.count("scope3.unknown_factor") == 1


def test_aggregations_intensity_productivity_and_year_on_year() -> None:
    records = (
        [
            rec(f"{2024 + (m < 4)}-{m:02d}", "灯油", "1000", "L", cost_yen=D(100000))
            for m in range(1, 13)
        ]
        + [
            rec(f"{2025 + (m < 4)}-{m:02d}", "灯油", "500", "L", site="第二工場")
            for m in range(1, 13)
        ]
        + [rec(f"{2025 + (m < 4)}-{m:02d}", "灯油", "1000", "L") for m in range(1, 13)]
    )
    project = project_with(
        *records,
        sites=[Site("本社工場"), Site("第二工場")],
        fiscal_years={
            2025: FiscalYearData(
                2025,
                revenue_million_yen=D(500),
                value_added_million_yen=D(200),
                employees=D(30),
                floor_area_m2=D(1500),
                production_quantity=D(1200),
                production_unit="t",
            ),
            2024: FiscalYearData(2024, revenue_million_yen=D(0)),
        },
    )
    footprint = calculate(project, FakeLibrary())
    previous, year = footprint.year(2024), footprint.year(2025)
    assert year.total_adjusted_t / previous.total_adjusted_t == D("1.5")
    assert year.yoy_change_pct == D(50)
    assert previous.yoy_change_pct is None
    assert list(year.by_month) == sorted(year.by_month) and len(year.by_month) == 12
    assert year.total_adjusted_t / year.by_month["2025-04"].by_energy_t["kerosene"] == 12
    assert (
        year.by_site["本社工場"].total_adjusted_t / year.by_site["第二工場"].total_adjusted_t == 2
    )
    assert year.by_energy["kerosene"].cost_yen is None
    assert previous.by_energy["kerosene"].cost_yen == D(1200000)
    assert previous.by_month["2024-04"].cost_yen == D(100000)
    keys = {i.key: i for i in year.intensities}
    assert set(keys) == {"revenue", "production", "employee", "floor_area"}
    assert r3(keys["revenue"].value * 500) == r3(year.total_adjusted_t)
    assert keys["production"].unit == "t-CO2/t"
    assert previous.intensities == []  # a zero denominator prints no intensity
    assert r3(year.carbon_productivity) == r3(D(200) / year.total_adjusted_t)
    only = calculate(project, FakeLibrary(), fiscal_years=[2025])
    assert [y.fiscal_year for y in only.years] == [2025]
    assert only.years[0].yoy_change_pct == D(50)  # the previous year still counts


def test_requested_year_without_data() -> None:
    project = project_with(rec("2025-04", "灯油", "1", "kL"))
    with pytest.raises(EcoCheckError) as info:
        calculate(project, FakeLibrary(), fiscal_years=[2019])
    assert info.value.messages[0].code == "footprint.no_data"
    lenient = calculate(project, FakeLibrary(), fiscal_years=[2019], strict=False)
    assert lenient.years[0].total_adjusted_t == 0 and not lenient.years[0].complete


def test_user_factor_without_source_and_locked_edition_warnings() -> None:
    project = project_with(
        rec("2025-04", "電気", "1000", "kWh", factor_basic=D("0.0004")),
        rec("2025-06", "電気", "1000", "kWh", factor_basic=D("0.0004")),
        rec("2025-05", "電気", "1000", "kWh", supplier="A0269"),
        fiscal_years={2025: FiscalYearData(2025, factor_edition="denki-r6-old")},
    )
    year = calculate(project, FakeLibrary()).year(2025)
    codes = [w.code for w in year.warnings]
    assert codes.count("factor.user_without_source") == 1  # once per site and energy
    assert "factor.edition_changed" in codes
    same = replace(project, fiscal_years={2025: FiscalYearData(2025, factor_edition="denki-r6")})
    assert "factor.edition_changed" not in [
        w.code for w in calculate(same, FakeLibrary()).year(2025).warnings
    ]


def test_factor_resolution_is_cached_within_a_call() -> None:
    library = FakeLibrary()
    project = project_with(
        *[rec(f"2025-{m:02d}", "電気", "1000", "kWh", supplier="A0269") for m in range(4, 13)]
    )
    calculate(project, library)
    assert library.calls == 1


def test_json_contract() -> None:
    project = project_with(
        rec("2025-04", "電気", "120000", "kWh", supplier="A0269", cost_yen=D(3000000)),
        rec("2025-04", "都市ガス", "8000", "m3"),
    )
    data = json.loads(json.dumps(calculate(project, FakeLibrary()).to_json_dict()))
    assert data["company"] == "テスト製作所"
    result = data["results"][0]
    for key in (
        "fiscal_year",
        "scope1_t",
        "scope2_basic_t",
        "scope2_adjusted_t",
        "scope2_location_t",
        "total_basic_t",
        "total_adjusted_t",
        "total_location_t",
        "energy_gj",
        "crude_oil_kl",
        "by_energy",
        "by_month",
        "factor_editions",
        "warnings",
    ):
        assert key in result
    assert result["fiscal_year"] == 2025
    assert result["scope2_adjusted_t"] == 54.24  # GC-09
    assert result["scope1_t"] == 16.426667  # GC-01 chain, 6 decimals
    electricity = result["by_energy"]["electricity"]
    assert {key: electricity[key] for key in list(electricity)[:7]} == {
        "quantity": 120000.0,
        "unit": "kWh",
        "t_co2": 54.24,
        "t_co2_basic": 54.24,
        "t_co2_location": 50.76,
        "gj": 1036.8,
        "cost_yen": 3000000.0,
    }
    # Extensions (issue 15): where each factor came from, per energy and per site.
    assert electricity["factor_provenance"] == ["library"]
    assert electricity["factors"][0]["site"] == "本社工場"
    assert electricity["factors"][0]["adjusted"] == "0.000452"
    assert electricity["factors"][0]["shk_fiscal_year"] == 2025
    # One month only: a part year, so the year is incomplete and says why.
    assert result["complete"] is False
    assert [r["code"] for r in result["incomplete_reasons"]] == ["completeness.part_year"]
    assert result["completeness"]["months_present"] == ["2025-04"]
    assert set(result["by_month"]) == {"2025-04"}
    assert result["factor_editions"] == ["denki-r6", "fuel-new"]
    assert all(set(w) >= {"code", "message"} for w in result["warnings"])
    assert all(isinstance(w["message"], str) for w in result["warnings"])


def test_default_library_is_used_when_none_given(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    fake_module = types.ModuleType("ecocheck_desktop.core.factors")
    fake_module.default_library = FakeLibrary  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ecocheck_desktop.core.factors", fake_module)
    year = calculate(project_with(rec("2025-04", "灯油", "1", "kL"))).year(2025)
    assert r3(year.scope1_t) == D("2.503")


def test_fast_line_construction_equals_the_dataclass_init() -> None:
    from dataclasses import asdict, fields

    from ecocheck_desktop.core.results import LineResult

    line = (
        calculate(project_with(rec("2025-04", "灯油", "1", "kL")), FakeLibrary())
        .year(2025)
        .lines[0]
    )
    assert set(vars(line)) == {f.name for f in fields(LineResult)}
    assert LineResult(**asdict(line)) == line
    with pytest.raises(AttributeError):
        line.gj = D(0)  # type: ignore[misc]
