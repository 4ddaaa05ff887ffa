"""Where each contract's factor came from: the report's provenance lines (ja and en)."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.factors import default_library, list_years, nearest_list_year
from ecocheck_desktop.core.model import SupplyContract
from ecocheck_desktop.report.pdf import render_report
from ecocheck_desktop.report.provenance import factor_provenance
from tests.report.sample import sample_project

LIBRARY = default_library()
LISTED = list_years(LIBRARY)
# A year without any bundled retailer list (FY2023 today), for the "no list" and estimate lines.
UNLISTED = next(
    y for y in range(2024, 2012, -1) if y not in LISTED and LIBRARY.electricity_edition(y) is None
)
# A year with only the sourced rows of a few retailers (FY2024 today: the R5実績 rows found).
PARTIAL = next(
    y for y in range(2024, 2012, -1) if y not in LISTED and LIBRARY.electricity_edition(y)
)


@dataclass(frozen=True)
class _Edition:
    kind: str
    layout: str
    emissions_years: tuple[int, ...]


@dataclass
class _Library:
    editions: dict[str, _Edition]


def test_the_nearest_list_is_the_closest_year_and_a_tie_takes_the_newer() -> None:
    library = _Library(
        {
            "a": _Edition("electricity", "electricity_list", (2019,)),
            "b": _Edition("electricity", "electricity_list", (2023,)),
            "gas": _Edition("gas", "supplier_list", (2021,)),
        }
    )
    assert list_years(library) == [2019, 2023]
    assert nearest_list_year(library, 2020) == 2019
    assert nearest_list_year(library, 2021) == 2023  # two years either way: the newer list
    assert nearest_list_year(library, 2030) == 2023
    assert nearest_list_year(library, 2021, "city_gas") == 2021
    assert nearest_list_year(_Library({}), 2024) is None


def test_a_listed_year_names_the_edition() -> None:
    year = LISTED[-1]
    title = LIBRARY.electricity_edition(year).title
    contract = SupplyContract("本社工場", "electricity", "A0269")
    assert factor_provenance(contract, year, LIBRARY, "ja") == [f"係数ライブラリ: {title}"]
    assert factor_provenance(contract, year, LIBRARY, "en") == [f"Factor library: {title}"]


def test_a_year_without_a_list_says_so() -> None:
    contract = SupplyContract("本社工場", "electricity", "A0269")
    assert factor_provenance(contract, UNLISTED, LIBRARY, "ja") == [
        f"係数未設定（{UNLISTED}年度の一覧がありません）"
    ]


def test_a_partial_list_without_the_retailer_says_so() -> None:
    contract = SupplyContract("本社工場", "electricity", "A0269")
    assert LIBRARY.electricity_outcome(PARTIAL, "A0269") == "not_listed"
    (ja,) = factor_provenance(contract, PARTIAL, LIBRARY, "ja")
    assert ja.startswith(f"係数未設定（{PARTIAL}年度の一覧") and "この事業者はありません" in ja
    (en,) = factor_provenance(contract, PARTIAL, LIBRARY, "en")
    assert en.startswith(f"No factor yet (the FY{PARTIAL} list of sourced rows")


def test_a_user_factor_names_its_source_and_both_values() -> None:
    contract = SupplyContract(
        "本社工場",
        "electricity",
        "みらい電工でんき",
        factor_basic=Decimal("0.000398"),
        factor_adjusted=Decimal("0.000371"),
        factor_source="同社HP 電源構成・CO2排出係数",
        factor_choice="user",
    )
    (ja,) = factor_provenance(contract, UNLISTED, LIBRARY, "ja")
    assert ja.startswith("利用者入力（出典: 同社HP 電源構成・CO2排出係数）")
    assert "0.000398" in ja and "0.000371" in ja and "t-CO2/kWh" in ja
    (en,) = factor_provenance(contract, UNLISTED, LIBRARY, "en")
    assert en.startswith("Entered by the user (source: 同社HP 電源構成・CO2排出係数)")


@pytest.mark.parametrize(
    ("basis", "ja_words", "en_words"),
    [
        ("substitute", "年度の代替値）", "the substitute value of FY"),
        ("retailer", "年度一覧の同じ事業者の値）", "the same supplier's value in the FY"),
    ],
)
def test_an_estimate_is_labelled_推計_with_the_year_of_its_list(
    basis: str, ja_words: str, en_words: str
) -> None:
    contract = SupplyContract(
        "本社工場", "electricity", "A0269", factor_choice="estimate", estimate_basis=basis
    )
    year = nearest_list_year(LIBRARY, UNLISTED)
    (ja,) = factor_provenance(contract, UNLISTED, LIBRARY, "ja")
    assert ja.startswith(f"推計（{year}") and ja.endswith(ja_words)
    (en,) = factor_provenance(contract, UNLISTED, LIBRARY, "en")
    assert en.startswith("Estimate (") and en_words in en and f"FY{year}" in en


def test_gas_heat_value_and_lpg_conversion_lines() -> None:
    year = LISTED[-1]
    default = LIBRARY.energy_conversion(year).city_gas_gj_per_km3
    gas = SupplyContract("本社工場", "city_gas", "A0026", "福島地区、茨城地区")
    lines = factor_provenance(gas, year, LIBRARY, "ja")
    assert lines[0].startswith("係数ライブラリ: ") and "東部瓦斯" in lines[0]
    assert lines[1] == f"単位発熱量 既定値 {default.normalize():f} GJ/千m3"
    supplied = replace(gas, heat_value_gj_per_km3=Decimal("46.0"), heat_value_source="金沢市")
    assert factor_provenance(supplied, year, LIBRARY, "ja")[1] == (
        "単位発熱量 46 GJ/千m3（出典: 金沢市）"
    )
    lpg = SupplyContract("本社工場", "lpg")
    assert factor_provenance(lpg, year, LIBRARY, "ja")[-1] == "m3→t 換算: プロパン 1/502 t/m3"
    slip = replace(
        lpg, lpg_conversion="kg_per_m3", lpg_kg_per_m3=Decimal("2.07"), lpg_source="納品書"
    )
    assert factor_provenance(slip, year, LIBRARY, "en")[-1] == (
        "m3 -> t: 2.07 kg per m3 (source: 納品書)"
    )


def test_the_pdf_prints_each_contracts_provenance() -> None:
    project = sample_project(years=(2025,))
    project.contracts = [
        SupplyContract("本社工場", "electricity", "A0269"),
        SupplyContract(
            "第二倉庫",
            "city_gas",
            "A0026",
            "福島地区、茨城地区",
            heat_value_gj_per_km3=Decimal("44.8"),
            heat_value_source="東部瓦斯 熱量のお知らせ",
        ),
    ]
    for lang in ("ja", "en"):
        data = render_report(project, lang=lang, today=date(2026, 6, 1))
        text = "".join(
            "".join((page.extract_text() or "").split())
            for page in PdfReader(io.BytesIO(data)).pages
        )
        for contract in project.contracts:
            for line in factor_provenance(contract, 2025, LIBRARY, lang):
                assert "".join(line.split()) in text, line
