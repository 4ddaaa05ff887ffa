"""The factor entry on its own: numbers as typed, the kg/t switch, the required source."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.model import SupplyContract
from ecocheck_desktop.gui.widgets.factor_entry import FactorEntry, choice_text

LIBRARY = default_library()
BASE = SupplyContract("本社工場", "electricity", "新電力テスト")


@pytest.fixture
def entry(qtbot) -> FactorEntry:
    widget = FactorEntry("electricity")
    qtbot.addWidget(widget)
    widget.set_context(2025, "新電力テスト", LIBRARY)
    widget.use_user.setChecked(True)
    return widget


def test_full_width_digits_and_a_zero_menu_factor_are_accepted(entry: FactorEntry) -> None:
    entry.basic.setText("０．０００４５")
    entry.adjusted.setText("0")  # a 100 % renewable menu's adjusted factor
    entry.source.setText("HP")
    assert entry.is_complete()
    contract = entry.apply(BASE)
    assert (contract.factor_basic, contract.factor_adjusted) == (Decimal("0.00045"), Decimal(0))


@pytest.mark.parametrize("text", ["-0.0004", "abc", "0.0004 kg"])
def test_a_value_that_is_not_a_factor_is_refused(entry: FactorEntry, text: str) -> None:
    entry.basic.setText(text)
    entry.source.setText("HP")
    assert not entry.is_complete() and entry.hint.text()


def test_a_t_value_typed_under_kg_is_caught(entry: FactorEntry) -> None:
    entry.unit.setCurrentIndex(entry.unit.findData("kg"))
    entry.basic.setText("0.00045")
    entry.source.setText("HP")
    assert not entry.is_complete() and "t-CO2/kWh" in entry.hint.text()
    entry.basic.setText("0.45")
    assert entry.is_complete()
    assert entry.apply(BASE).factor_basic == Decimal("0.00045")


def test_load_shows_a_stored_factor_in_the_chosen_unit(entry: FactorEntry) -> None:
    stored = entry.apply(BASE)  # nothing typed yet: no factor
    assert stored.factor_basic is None
    contract = SupplyContract(
        "本社工場",
        "electricity",
        "新電力テスト",
        factor_basic=Decimal("0.000431"),
        factor_adjusted=Decimal("0.000402"),
        factor_source="HP",
        factor_choice="user",
    )
    entry.unit.setCurrentIndex(entry.unit.findData("kg"))
    entry.load(contract)
    assert (entry.basic.text(), entry.adjusted.text()) == ("0.431", "0.402")
    assert entry.apply(contract) == contract


def test_city_gas_per_thousand_m3_and_no_estimate(qtbot) -> None:
    gas = FactorEntry("city_gas")
    qtbot.addWidget(gas)
    gas.set_context(2025, "A0026", LIBRARY)
    assert gas.use_estimate.isHidden()
    gas.use_user.setChecked(True)
    gas.basic.setText("2050")  # kg per 千m3 typed as t
    gas.source.setText("ガス会社HP")
    assert not gas.is_complete()
    gas.basic.setText("2.05")
    assert gas.is_complete()
    assert gas.apply(SupplyContract("本社工場", "city_gas")).factor_basic == Decimal("2.05")


def test_choice_texts(qapp) -> None:
    assert choice_text(BASE) == "Library"
    assert choice_text(BASE.__class__("a", "electricity", factor_choice="estimate")) == (
        "Estimate (substitute value of the nearest list)"
    )
    assert (
        choice_text(SupplyContract("a", "electricity", factor_basic=Decimal(0), factor_source="x"))
        == "Entered (source: x)"
    )
