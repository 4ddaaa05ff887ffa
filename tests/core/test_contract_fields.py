"""Validation of a contract's factor-choice, heat-value and LPG fields (every import path)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Company, Project, SupplyContract, contract_problems
from ecocheck_desktop.exchange.json_io import project_from_json, project_to_json


def fields(contract: SupplyContract) -> list[str]:
    return [name for name, _reason in contract_problems(contract)]


def test_a_plain_contract_and_each_valid_choice_pass() -> None:
    assert fields(SupplyContract("本社工場", "electricity")) == []
    for choice, basis in (("user", ""), ("estimate", "substitute"), ("estimate", "retailer")):
        contract = SupplyContract(
            "本社工場", "electricity", factor_choice=choice, estimate_basis=basis
        )
        assert fields(contract) == []
    lpg = SupplyContract(
        "本社工場", "lpg", lpg_conversion="kg_per_m3", lpg_kg_per_m3=Decimal("2.1")
    )
    assert fields(lpg) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"factor_choice": "guess"}, "factor_choice"),
        ({"estimate_basis": "nearest"}, "estimate_basis"),
        ({"factor_basic": Decimal("-0.1")}, "factor_basic"),
        ({"heat_value_gj_per_km3": Decimal("10750")}, "heat_value_gj_per_km3"),  # kcal/m3
        ({"heat_value_gj_per_km3": Decimal("0")}, "heat_value_gj_per_km3"),
        ({"lpg_conversion": "isobutane"}, "lpg_conversion"),
        ({"lpg_conversion": "kg_per_m3"}, "lpg_kg_per_m3"),
        ({"lpg_kg_per_m3": Decimal("2000")}, "lpg_kg_per_m3"),  # g instead of kg
    ],
)
def test_each_bad_value_is_named(changes: dict[str, object], field: str) -> None:
    contract = SupplyContract("本社工場", "city_gas", **changes)  # type: ignore[arg-type]
    assert fields(contract) == [field]


def test_json_import_refuses_a_bad_choice_naming_the_field() -> None:
    bad = Project(
        Company("検証"), contracts=[SupplyContract("本社工場", "lpg", lpg_conversion="x")]
    )
    with pytest.raises(EcoCheckError) as info:
        project_from_json(project_to_json(bad))
    assert [m.where["field"] for m in info.value.messages] == ["contracts[0].lpg_conversion"]
    good = Project(
        Company("検証"),
        contracts=[
            SupplyContract(
                "本社工場",
                "city_gas",
                heat_value_gj_per_km3=Decimal("46.0"),
                heat_value_source="金沢市企業局",
            )
        ],
    )
    assert project_from_json(project_to_json(good)).contracts == good.contracts
