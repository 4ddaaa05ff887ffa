"""The factor library: manifest validation, edition selection by fiscal year and the lookups.

Expected values come from data/official/SOURCE.md ("Required checks") and
/work/shared/reference/factors.md, cited per test; tests/core/data/factor_checks.tsv holds the
known list rows.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core import factors as factors_module
from ecocheck_desktop.core.factor_records import Edition, FuelFactor, normalize_name
from ecocheck_desktop.core.factors import FactorLibrary, default_library
from ecocheck_desktop.core.messages import TEMPLATES, EcoCheckError, render
from ecocheck_desktop.resources import resource_path

CHECKS = Path(__file__).parent / "data" / "factor_checks.tsv"


@pytest.fixture(scope="module")
def library() -> FactorLibrary:
    return default_library()


@pytest.fixture
def make_library(tmp_path: Path) -> Callable[..., FactorLibrary]:
    """A copy of the bundled folder, changed by ``edit(folder)`` before loading."""

    def make(edit: Callable[[Path], None]) -> FactorLibrary:
        folder = tmp_path / "factors"
        shutil.copytree(resource_path("factors"), folder)
        edit(folder)
        return FactorLibrary.load(folder)

    return make


def edit_manifest(change: Callable[[dict[str, object]], None]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / "manifest.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    return edit


def edit_lines(name: str, change: Callable[[list[str]], list[str]]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")

    return edit


def codes(error: pytest.ExceptionInfo[EcoCheckError]) -> list[str]:
    return [m.code for m in error.value.messages]


# --------------------------------------------------------------------------- manifest


def test_default_library_is_cached_and_complete(library: FactorLibrary) -> None:
    assert default_library() is library
    assert set(library.editions) == {
        "fuel_new_r07",
        "fuel_old",
        "electricity_r08",
        "gas_r07",
        "heat_r06",
        "heat_default_new",
        "heat_default_old",
        "refrigerant_gwp",
        "energy_conversion_shoene",
        "scope3_db_v3_6",
        # Sourced past-year rows (reference/history/): one edition per list year.
        "electricity_h25_sourced",
        "electricity_h27_sourced",
        "electricity_h29_sourced",
        "electricity_h30_sourced",
        "electricity_r3_sourced",
        "electricity_r5_sourced",
    }
    for edition in library.editions.values():
        assert edition.title and edition.publisher and edition.source_url
        assert edition.confidence in ("confirmed", "medium", "unconfirmed")


def test_load_reads_an_explicit_folder() -> None:
    lib = FactorLibrary.load(resource_path("factors"))
    assert lib.edition("gas_r07").published == "2026-06-30"


def test_gas_and_heat_year_readings_are_marked_in_the_manifest(library: FactorLibrary) -> None:
    assert "INFERENCE" in library.edition("gas_r07").notes
    assert "UNCLEAR" in library.edition("heat_r06").notes
    assert library.edition("heat_r06").confidence == "unconfirmed"


def test_unknown_edition(library: FactorLibrary) -> None:
    with pytest.raises(EcoCheckError) as error:
        library.edition("nope")
    assert codes(error) == ["factor.unknown_edition"]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(format_version=2), "format_version"),
        (lambda d: d["editions"].append(d["editions"][0]), "duplicate edition"),
        (lambda d: d["editions"].append("x"), "not an object"),
        (lambda d: d["editions"][0].pop("notes"), "lacks ['notes']"),
        (lambda d: d["editions"][0].update(kind="coal"), "kind 'coal'"),
        (lambda d: d["editions"][0].update(layout="csv"), "layout 'csv'"),
        (lambda d: d["editions"][0].update(confidence="sure"), "confidence 'sure'"),
        (lambda d: d["editions"][0].update(emissions_years=["2025"]), "list of integers"),
        (lambda d: d["editions"][0].update(emissions_years=2025), "list of integers"),
        (lambda d: d["editions"][0].update(file="gone.tsv"), "missing file"),
        (lambda d: d["editions"][0].update(published="2026/06/30"), "published"),
    ],
)
def test_manifest_validation(
    make_library: Callable[..., FactorLibrary],
    change: Callable[[dict[str, object]], None],
    reason: str,
) -> None:
    with pytest.raises(EcoCheckError) as error:
        make_library(edit_manifest(change))
    assert codes(error) == ["factor.manifest_invalid"]
    assert reason in render(error.value.messages[0])


def test_manifest_unreadable(make_library: Callable[..., FactorLibrary]) -> None:
    with pytest.raises(EcoCheckError) as error:
        make_library(lambda folder: (folder / "manifest.json").write_text("{", encoding="utf-8"))
    assert codes(error) == ["factor.manifest_invalid"]


@pytest.mark.parametrize(
    ("name", "change", "reason"),
    [
        ("gas_r07.tsv", lambda lines: [*lines, "A0001\tx\ty\t2.09"], "4 cells, expected 5"),
        ("gas_r07.tsv", lambda lines: [*lines, "A0001\tx\ty\tabc\t2.09"], "not a number"),
        ("gas_r07.tsv", lambda lines: [*lines, "A0001\tx\ty\tNaN\t2.09"], "not a number"),
        ("gas_r07.tsv", lambda lines: [*lines, "A0001\tx\ty\t\t2.09"], "empty value"),
        ("gas_r07.tsv", lambda lines: ["# only a comment", ""], "empty"),
        (
            "gas_r07.tsv",
            lambda lines: [line.replace("reg_no\t", "number\t") for line in lines],
            "columns",
        ),
        (
            "electricity_r08.tsv",
            lambda lines: [*lines, "Z9999\tx\t\tspecial\t0.1\t0.1\t0\t\t1\t1"],
            "row_kind 'special'",
        ),
    ],
)
def test_table_validation(
    make_library: Callable[..., FactorLibrary],
    name: str,
    change: Callable[[list[str]], list[str]],
    reason: str,
) -> None:
    with pytest.raises(EcoCheckError) as error:
        make_library(edit_lines(name, change))
    assert codes(error) == ["factor.table_invalid"]
    assert reason in render(error.value.messages[0])


def test_latest_published_edition_wins(make_library: Callable[..., FactorLibrary]) -> None:
    def add_newer(data: dict[str, object]) -> None:
        editions = data["editions"]
        assert isinstance(editions, list)
        newer = dict(next(e for e in editions if e["id"] == "gas_r07"))
        newer.update(id="gas_r07_rev", published="2026-09-01")
        editions.append(newer)

    lib = make_library(edit_manifest(add_newer))
    gas = lib.gas_edition(2025)
    assert gas is not None and gas.id == "gas_r07_rev"


def test_every_emitted_message_code_has_an_english_template() -> None:
    folder = Path(factors_module.__file__).parent
    source = "".join(
        (folder / name).read_text(encoding="utf-8")
        for name in ("factors.py", "factor_files.py", "factor_records.py")
    )
    emitted = set(re.findall(r'"(factor\.[a-z_]+)"', source))
    assert emitted and emitted <= set(TEMPLATES)


# --------------------------------------------------------------------------- fuels


def test_fuel_table_by_emissions_year(library: FactorLibrary) -> None:
    # factors.md §0: the new table from FY2023 emissions, the old one up to FY2022.
    edition, table = library.fuel_table(2023)
    assert edition.id == "fuel_new_r07"
    assert table["diesel"].tco2_per_unit_rounded == Decimal("2.62")
    assert table["city_gas"].tco2_per_unit_rounded == Decimal("2.05")
    edition, table = library.fuel_table(2022)
    assert edition.id == "fuel_old"
    assert table["diesel"].tco2_per_unit_rounded == Decimal("2.58")
    assert table["city_gas"].unit == "千Nm3"
    assert library.fuel_table(2013)[0].id == "fuel_old"


def test_no_fuel_table(library: FactorLibrary) -> None:
    with pytest.raises(EcoCheckError) as error:
        library.fuel_table(1990)
    assert codes(error) == ["factor.no_fuel_table"]


def test_chain_is_exact(library: FactorLibrary) -> None:
    # factors.md §1.1: 都市ガス 40.0 × 0.0140 × 44/12 = 2.05333…; 軽油 38.0 × 0.0188 × 44/12.
    table = library.fuel_table(2025)[1]
    city_gas = table["city_gas"].chain_tco2_per_unit
    assert city_gas is not None and city_gas * 12 == Decimal("24.64")
    diesel = table["diesel"].chain_tco2_per_unit
    # factors.md §1.1 prints the unrounded 軽油 factor as 2.61947.
    assert diesel is not None and diesel.quantize(Decimal("0.00001")) == Decimal("2.61947")
    assert table["rdf"].chain_tco2_per_unit is None


def test_chain_none_without_heat_value() -> None:
    fuel = FuelFactor("x", "x", "x", "t", Decimal("1"), None, Decimal("1"), "e", "s")
    assert fuel.chain_tco2_per_unit is None


# --------------------------------------------------------------------------- electricity


def test_electricity_full_list_only_for_fy2025(library: FactorLibrary) -> None:
    edition = library.electricity_edition(2025)
    assert edition is not None and edition.published == "2026-06-04"
    assert not edition.partial
    past = library.electricity_edition(2024)
    assert past is not None and past.partial and past.id == "electricity_r5_sourced"
    assert library.electricity_edition(2023) is None
    for year in (2023, 2026):
        with pytest.raises(EcoCheckError) as error:
            library.resolve_electricity(year, "A0269")
        assert codes(error) == ["factor.electricity_missing"]
        assert error.value.messages[0].params == {"fiscal_year": year}


@pytest.mark.parametrize(
    "supplier",
    [
        "A0269",
        "a0269",
        "東京電力エナジーパートナー株式会社",
        "東京電力エナジーパートナー(株)",
        "東京電力エナジーパートナー",
        " 東京電力 エナジーパートナー （株） ",
    ],
)
def test_tepco_default_is_the_residual_menu(library: FactorLibrary, supplier: str) -> None:
    # SOURCE.md required check 1 / factors.md §2.1: メニューM(残差) 0.000452, not 0.000421.
    resolution = library.resolve_electricity(2025, supplier)
    assert (resolution.basic, resolution.adjusted, resolution.how) == (
        Decimal("0.000452"),
        Decimal("0.000452"),
        "residual",
    )
    assert resolution.factor.menu == "メニューM(残差)"
    assert resolution.warnings == ()


@pytest.mark.parametrize(
    ("menu", "row_menu", "how", "value"),
    [
        ("メニューA", "メニューA", "menu", "0.000000"),
        ("ﾒﾆｭｰL", "メニューL", "menu", "0.000000"),
        ("B", "メニューB", "menu", "0.000000"),
        ("M", "メニューM(残差)", "menu", "0.000452"),
        ("メニューM(残差)", "メニューM(残差)", "menu", "0.000452"),
        ("(参考値)事業者全体", "(参考値)事業者全体", "reference", "0.000421"),
    ],
)
def test_tepco_menus(
    library: FactorLibrary, menu: str, row_menu: str, how: str, value: str
) -> None:
    resolution = library.resolve_electricity(2025, "A0269", menu)
    assert (resolution.factor.menu, resolution.how) == (row_menu, how)
    assert resolution.basic == resolution.adjusted == Decimal(value)


def test_unknown_menu_names_the_menus(library: FactorLibrary) -> None:
    with pytest.raises(EcoCheckError) as error:
        library.resolve_electricity(2025, "A0269", "メニューZ")
    assert codes(error) == ["factor.electricity_menu_unknown"]
    assert "メニューM(残差)" in error.value.messages[0].params["menus"]
    with pytest.raises(EcoCheckError) as error:
        library.resolve_electricity(2025, "A0002", "メニューA")
    assert error.value.messages[0].params["menus"] == "-"


def test_single_row_retailer_and_substitute_flag(library: FactorLibrary) -> None:
    # SOURCE.md: A0002 イーレックス(株) 0.000422※ / 0.000422※.
    resolution = library.resolve_electricity(2025, "イーレックス")
    assert (resolution.how, resolution.basic, resolution.adjusted) == (
        "single",
        Decimal("0.000422"),
        Decimal("0.000422"),
    )
    assert resolution.factor.substitute_applied
    assert [m.code for m in resolution.warnings] == ["factor.electricity_row_substitute"]


def test_reference_row_when_no_residual(library: FactorLibrary) -> None:
    # denki.txt A0004: メニューA and (参考値)事業者全体 only, both 0.000000.
    resolution = library.resolve_electricity(2025, "A0004")
    assert (resolution.how, resolution.factor.menu) == ("reference", "(参考値)事業者全体")


def test_grid_operator(library: FactorLibrary) -> None:
    # factors.md §2.1: 沖縄電力 (一般送配電, number 10) 0.000707; by name the retailer is meant.
    resolution = library.resolve_electricity(2025, "10")
    assert (resolution.how, resolution.basic) == ("single", Decimal("0.000707"))
    resolution = library.resolve_electricity(2025, "沖縄電力")
    assert resolution.how == "residual"
    assert resolution.factor.reg_no != "10"
    resolution = library.resolve_electricity(2025, "東京電力パワーグリッド")
    assert (resolution.how, resolution.factor.reg_no) == ("single", "3")
    assert resolution.factor.supplier_name == "東京電力パワーグリッド(株)"


@pytest.mark.parametrize("supplier", ["", "   ", "存在しない電力(株)", "Z9999"])
def test_unknown_supplier_uses_the_substitute_value(library: FactorLibrary, supplier: str) -> None:
    # SOURCE.md required check 2: 代替値 0.000416.
    resolution = library.resolve_electricity(2025, supplier)
    assert (resolution.how, resolution.basic, resolution.adjusted) == (
        "substitute",
        Decimal("0.000416"),
        Decimal("0.000416"),
    )
    codes = [m.code for m in resolution.warnings]
    # Close names, if any, follow as a suggestion (never chosen for the user).
    assert codes[0] == "factor.electricity_substitute"
    assert set(codes[1:]) <= {"factor.supplier_did_you_mean"}
    assert "0.000416" in render(resolution.warnings[0])


def test_national_average_and_substitute_value(library: FactorLibrary) -> None:
    # SOURCE.md required check 3: 全国平均係数 0.000423.
    found = library.national_average(2025)
    assert found is not None and found[0] == Decimal("0.000423")
    assert found[1].id == "electricity_r08"
    assert library.national_average(2024) is None
    substitute = library.substitute_value(2025)
    assert substitute is not None and substitute[0] == Decimal("0.000416")
    assert library.substitute_value(2024) is None


def test_known_rows_through_the_library(library: FactorLibrary) -> None:
    for line in CHECKS.read_text(encoding="utf-8").splitlines():
        if not line.startswith("electricity\tA"):
            continue
        _list, reg_no, _name, menu, _kind, basic, adjusted, flag = line.split("\t")
        row = next(r for r in library.retailer_menus(2025, reg_no) if r.menu == menu)
        assert (row.basic, row.adjusted, row.substitute_applied) == (
            Decimal(basic),
            Decimal(adjusted),
            flag == "1",
        )


def test_search_retailers(library: FactorLibrary) -> None:
    found = library.search_retailers(2025, "東京電力")
    names = [r.supplier for r in found]
    assert "東京電力エナジーパートナー(株)" in names
    assert "東京電力パワーグリッド(株)" in names
    assert len(names) == len(set(names))
    assert [r.reg_no for r in library.search_retailers(2025, "A0269")] == ["A0269"]
    raw = (Path(__file__).parents[2] / "data" / "official" / "denki.txt").read_text(
        encoding="utf-8"
    )
    listed = [line[:5] for line in raw.splitlines() if line.startswith("A026")]
    assert [r.reg_no for r in library.search_retailers(2025, "a026")] == listed
    assert library.search_retailers(2025, "代替値") == []
    assert library.search_retailers(2024, "東京電力") == []
    # Hiragana finds katakana names.
    assert library.search_retailers(2025, "えなじーぱーとなー")


def test_retailer_menus(library: FactorLibrary) -> None:
    menus = library.retailer_menus(2025, "A0269")
    assert len(menus) == 14
    assert library.retailer_menus(2025, "nobody") == []


def edit_electricity(change: Callable[[list[str]], list[str]]) -> Callable[[Path], None]:
    return edit_lines("electricity_r08.tsv", change)


def test_menu_only_retailer_requires_a_menu(make_library: Callable[..., FactorLibrary]) -> None:
    lib = make_library(
        edit_electricity(
            lambda lines: [*lines, "Z9999\tメニューのみ(株)\tメニューA\tmenu\t0.1\t0.1\t0\t\t1\t1"]
        )
    )
    with pytest.raises(EcoCheckError) as error:
        lib.resolve_electricity(2025, "Z9999")
    assert codes(error) == ["factor.electricity_menu_required"]
    assert lib.resolve_electricity(2025, "Z9999", "A").basic == Decimal("0.1")


def test_row_without_adjusted_value_is_an_error(
    make_library: Callable[..., FactorLibrary],
) -> None:
    lib = make_library(
        edit_electricity(lambda lines: [*lines, "Z9999\t欠け(株)\t\twhole\t0.1\t\t0\t\t1\t1"])
    )
    with pytest.raises(EcoCheckError) as error:
        lib.resolve_electricity(2025, "Z9999")
    assert codes(error) == ["factor.table_invalid"]


def test_list_without_special_rows(make_library: Callable[..., FactorLibrary]) -> None:
    lib = make_library(
        edit_electricity(
            lambda lines: [
                line
                for line in lines
                if "\tsubstitute\t" not in line and "\tnational_average\t" not in line
            ]
        )
    )
    assert lib.national_average(2025) is None
    assert lib.substitute_value(2025) is None
    with pytest.raises(EcoCheckError) as error:
        lib.resolve_electricity(2025, "nobody")
    assert codes(error) == ["factor.manifest_invalid"]


def test_ambiguous_bare_menu_is_not_guessed(make_library: Callable[..., FactorLibrary]) -> None:
    lib = make_library(
        edit_electricity(
            lambda lines: [
                *lines,
                "Z9999\t二重(株)\tメニューA\tmenu\t0.1\t0.1\t0\t\t1\t1",
                "Z9999\t二重(株)\tメニューA(残差)\tresidual\t0.2\t0.2\t0\t\t1\t2",
            ]
        )
    )
    with pytest.raises(EcoCheckError):
        lib.resolve_electricity(2025, "Z9999", "A")
    assert lib.resolve_electricity(2025, "Z9999", "メニューA").basic == Decimal("0.1")


# --------------------------------------------------------------------------- gas and heat


def test_gas_supplier(library: FactorLibrary) -> None:
    # factors.md §1.3: 東部瓦斯 A0026 福島地区、茨城地区 2.09/2.09; 東京瓦斯 A0020 メニューA 0.00.
    assert library.resolve_gas(2025, "A0026", "福島地区、茨城地区") == (
        Decimal("2.09"),
        Decimal("2.09"),
        "gas_r07",
        "東部瓦斯株式会社 福島地区、茨城地区",
    )
    found = library.resolve_gas(
        2025,
        "東京ガス",
        "東京ガスネットワーク株式会社の供給区域（東京地区等）及び特定ガス導管事業の供給地点"
        " メニューA",
    )
    assert found is not None and found[:2] == (Decimal("2.09"), Decimal("0.00"))


def test_gas_default_menu_is_the_only_residual(library: FactorLibrary) -> None:
    found = library.resolve_gas(2025, "京葉ガス")
    assert found is not None and found[3].endswith("残差")


def test_gas_ambiguous_or_unknown_menu(library: FactorLibrary) -> None:
    with pytest.raises(EcoCheckError) as error:
        library.resolve_gas(2025, "A0026")
    assert codes(error) == ["factor.supplier_menu_required"]
    assert "秋田地区" in error.value.messages[0].params["menus"]
    with pytest.raises(EcoCheckError) as error:
        library.resolve_gas(2025, "A0026", "北海道地区")
    assert codes(error) == ["factor.supplier_menu_unknown"]


def test_gas_none_means_default(library: FactorLibrary) -> None:
    assert library.resolve_gas(2025, "") is None
    assert library.resolve_gas(2025, "存在しないガス") is None
    assert library.resolve_gas(2024, "A0026", "福島地区、茨城地区") is None


def test_heat_supplier(library: FactorLibrary) -> None:
    # factors.md §3: 池袋地域冷暖房 東池袋 残差 0.0454; 新都市熱供給 (one row, no menu) 0.0512.
    found = library.resolve_heat(2025, "池袋地域冷暖房")
    assert found is not None and found[:3] == (Decimal("0.0454"), Decimal("0.0454"), "heat_r06")
    found = library.resolve_heat(2025, "014")
    assert found is not None and found[0] == Decimal("0.0512")
    assert library.resolve_heat(2022, "014") is None


def test_supplier_menus(library: FactorLibrary) -> None:
    assert len(library.supplier_menus("gas", 2025, "A0020")) == 11
    assert [r.menu for r in library.supplier_menus("heat", 2025, "006")] == ["メニューA", "残差"]
    assert library.supplier_menus("gas", 2024, "A0020") == []


def test_heat_default(library: FactorLibrary) -> None:
    # factors.md §3: 0.0532 (new, unconfirmed); 0.057 (old, unconfirmed).
    value, edition = library.heat_default(2025) or (None, None)
    assert value == Decimal("0.0532")
    assert isinstance(edition, Edition) and edition.confidence == "unconfirmed"
    old = library.heat_default(2013)
    assert old is not None and old[0] == Decimal("0.057")
    assert library.heat_default(1990) is None


# --------------------------------------------------------------------------- other tables


@pytest.mark.parametrize(
    ("key", "kind", "shk", "furon"),
    [
        ("R-410A", "HFC", "2090", "2090"),
        ("R410A", "HFC", "2090", "2090"),
        ("r-404a", "HFC", "3920", "3920"),
        ("HFC-134a", "HFC", "1430", "1430"),
        ("HFC32", "HFC", "675", "675"),
        ("R-448A", "HFC", "1387", "1387"),
        ("HCFC-22", "HCFC", None, "1810"),
        ("Ｒ－２２", "HCFC", None, "1810"),
    ],
)
def test_refrigerants(
    library: FactorLibrary, key: str, kind: str, shk: str | None, furon: str
) -> None:
    # factors.md §4.
    gwp = library.refrigerant(key)
    assert gwp.kind == kind
    assert gwp.gwp_shk == (Decimal(shk) if shk else None)
    assert gwp.gwp_furon == Decimal(furon)


def test_unknown_refrigerant_and_list(library: FactorLibrary) -> None:
    with pytest.raises(EcoCheckError) as error:
        library.refrigerant("R-999")
    assert codes(error) == ["factor.unknown_refrigerant"]
    keys = [gwp.key for gwp in library.refrigerants()]
    assert keys == sorted(keys) and len(keys) > 60


def test_energy_conversion(library: FactorLibrary) -> None:
    # factors.md §5.
    new = library.energy_conversion(2023)
    assert new.electricity_gj_per_thousand_kwh == new.electricity_gj_per_mwh == Decimal("8.64")
    assert new.crude_oil_kl_per_gj == Decimal("0.0258")
    assert new.city_gas_gj_per_km3 == Decimal("45")
    assert (new.lpg_m3_per_t, new.lpg_butane_m3_per_t) == (Decimal("502"), Decimal("355"))
    assert library.energy_conversion(2022).electricity_gj_per_thousand_kwh == Decimal("9.76")


def test_energy_conversion_missing(make_library: Callable[..., FactorLibrary]) -> None:
    lib = make_library(
        edit_lines(
            "energy_conversion.tsv",
            lambda lines: [line for line in lines if not line.startswith("lpg_butane")],
        )
    )
    with pytest.raises(EcoCheckError) as error:
        lib.energy_conversion(2025)
    assert codes(error) == ["factor.no_conversion"]


def test_scope3(library: FactorLibrary) -> None:
    # factors.md §6: 交通費 旅客鉄道 0.001854 kg-CO2/円 (category 6).
    rail = library.scope3_factor("travel_expense_rail")
    assert (rail.category, rail.unit, rail.value) == ("6", "kg-CO2/円", Decimal("0.001854"))
    assert "Ver.3.6" in rail.source
    assert len(library.scope3_factors()) == 42
    with pytest.raises(EcoCheckError) as error:
        library.scope3_factor("nope")
    assert codes(error) == ["factor.unknown_scope3"]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("東京瓦斯株式会社", "東京ガス"),
        ("（株）エネット", "エネット"),
        ("えねっと", "エネット"),
        ("ＪＥＲＡ　Ｃｒｏｓｓ", "jera cross"),
    ],
)
def test_normalize_name(left: str, right: str) -> None:
    assert normalize_name(left) == normalize_name(right)
