"""Factor needed / user factor / knowing estimate: what a year without a list resolves to."""

from __future__ import annotations

import json

import pytest

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import SupplyContract
from tests.core.rules15 import D, fig, project, year_records

SOURCE = "東京電力EP「電源構成・CO2排出係数」(2024年度実績) 2025-07 閲覧"


def contract(**fields: object) -> SupplyContract:
    return SupplyContract("本社工場", "electricity", "A0269", **fields)  # type: ignore[arg-type]


def fy2024(*contracts: SupplyContract, strict: bool = True):  # type: ignore[no-untyped-def]
    records = year_records(2024, "電気", "10000", "kWh")
    return calculate(project(records, contracts=contracts), default_library(), strict=strict).year(
        2024
    )


def test_no_list_and_no_factor_is_refused_naming_where_to_find_it() -> None:
    with pytest.raises(EcoCheckError) as info:
        fy2024(contract())
    (message,) = info.value.messages
    assert message.code == "factor.needed"
    assert message.params == {
        "energy": "electricity",
        "site": "本社工場",
        "supplier": "A0269",
        "fiscal_year": 2024,
    }
    assert "電源構成・CO2排出係数" in message.text() and "bill" in message.text()
    lenient = fy2024(contract(), strict=False)
    assert lenient.lines[0].provenance == "missing" and lenient.lines[0].t_co2_adjusted is None
    assert not lenient.complete


def test_the_retailers_published_figure_with_its_source() -> None:
    year = fy2024(
        contract(
            factor_choice="user",
            factor_basic=D("0.000457"),
            factor_adjusted=D("0.000455"),
            factor_source=SOURCE,
        )
    )
    assert year.complete
    line = year.lines[0]
    assert (line.provenance, line.factor_source, line.how) == ("user", SOURCE, "user_contract")
    assert year.scope2_basic_t == D("12") * D("10000") * D("0.000457")
    assert year.scope2_adjusted_t == D("12") * D("10000") * D("0.000455")
    assert year.scope2_location_t is None  # no 全国平均係数 for FY2024: left empty, warned
    used = [f for f in year.factors_used if f.provenance == "user"]
    assert used and used[0].factor_source == SOURCE


def test_user_choice_without_figures_is_still_a_needed_factor() -> None:
    with pytest.raises(EcoCheckError) as info:
        fy2024(contract(factor_choice="user", factor_source=SOURCE))
    assert [m.code for m in info.value.messages] == ["factor.needed"]


def test_estimate_from_the_nearest_lists_substitute() -> None:
    year = fy2024(contract(factor_choice="estimate", estimate_basis="substitute"))
    line = year.lines[0]
    assert line.provenance == "estimate_substitute"
    assert line.source_fiscal_year == 2025  # the nearest bundled list (R6実績, FY2025)
    assert line.factor_adjusted == fig("electricity_fy2025", "substitute")
    assert "推計" in line.factor_label
    assert "factor.estimate_substitute" in [w.code for w in year.warnings]
    assert year.complete  # chosen knowingly: complete, but labelled everywhere
    data = json.loads(
        json.dumps(
            calculate(
                project(
                    year_records(2024, "電気", "10000", "kWh"),
                    contracts=(contract(factor_choice="estimate", estimate_basis="substitute"),),
                ),
                default_library(),
            ).to_json_dict()
        )
    )
    electricity = data["results"][0]["by_energy"]["electricity"]
    assert electricity["factor_provenance"] == ["estimate_substitute"]
    assert electricity["factors"][0]["source_fiscal_year"] == 2025
    used = data["results"][0]["factors_used"]
    assert any(f["provenance"] == "estimate_substitute" for f in used)


def test_estimate_from_the_same_retailer_in_the_nearest_list() -> None:
    year = fy2024(contract(factor_choice="estimate", estimate_basis="retailer"))
    line = year.lines[0]
    assert line.provenance == "estimate_retailer" and line.source_fiscal_year == 2025
    assert line.factor_adjusted == fig("electricity_fy2025", "a0269_residual")
    assert "factor.estimate_retailer" in [w.code for w in year.warnings]


def test_estimate_of_an_unlisted_retailer_falls_back_to_the_substitute_openly() -> None:
    unlisted = SupplyContract(
        "本社工場",
        "electricity",
        "どこにも載っていない電力",
        factor_choice="estimate",
        estimate_basis="retailer",
    )
    year = fy2024(unlisted)
    assert year.lines[0].provenance == "estimate_substitute"
    assert year.lines[0].factor_adjusted == fig("electricity_fy2025", "substitute")


def test_a_year_with_a_list_ignores_the_estimate_choice() -> None:
    records = year_records(2025, "電気", "10000", "kWh")
    chosen = contract(factor_choice="estimate", estimate_basis="substitute")
    year = calculate(project(records, contracts=(chosen,)), default_library()).year(2025)
    assert year.lines[0].provenance == "library"
    assert year.lines[0].factor_adjusted == fig("electricity_fy2025", "a0269_residual")


def test_nearest_electricity_year() -> None:
    library = default_library()
    assert library.nearest_electricity_year(2013) == 2025
    assert library.nearest_electricity_year(2025) == 2025
    assert library.nearest_electricity_year(2031) == 2025


def test_a_figure_typed_for_a_year_without_a_list_is_not_reused_for_a_listed_year() -> None:
    records = year_records(2024, "電気", "10000", "kWh") + year_records(
        2025, "電気", "10000", "kWh"
    )
    typed = contract(factor_choice="user", factor_basic=D("0.000457"), factor_source=SOURCE)
    footprint = calculate(project(records, contracts=(typed,)), default_library())
    fy2024, fy2025 = footprint.year(2024), footprint.year(2025)
    assert {line.provenance for line in fy2024.lines} == {"user"}
    assert {line.provenance for line in fy2025.lines} == {"library"}
    assert fy2025.lines[0].factor_adjusted == fig("electricity_fy2025", "a0269_residual")
    # Without factor_choice the contract's factor overrides every year (e.g. a menu factor).
    override = contract(factor_basic=D("0.000300"), factor_source="メニュー別係数 2026-07 公表")
    footprint = calculate(project(records, contracts=(override,)), default_library())
    assert {line.factor_basic for line in footprint.year(2025).lines} == {D("0.000300")}
