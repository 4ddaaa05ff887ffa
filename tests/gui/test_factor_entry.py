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


def _sourced_retailer() -> tuple[int, str]:
    """A retailer among the sourced rows of a past year that has no full list (FY2024 today)."""
    from ecocheck_desktop.core.factors import list_years

    full = list_years(LIBRARY)
    partial = [e for e in LIBRARY.editions.values() if getattr(e, "partial", False)]
    for edition in sorted(partial, key=lambda e: -e.emissions_years[0]):
        year = edition.emissions_years[0]
        numbered = [r for r in LIBRARY._lists[edition.id].suppliers() if r.reg_no]
        if edition.kind == "electricity" and year not in full and numbered:
            return year, numbered[0].reg_no
    pytest.skip("no sourced past-year edition is bundled")


def test_a_retailer_of_a_sourced_past_year_list_uses_the_list(qtbot) -> None:
    """Issue 15: a past-year factor bundled from an official or utility publication is used,
    not asked for again; a retailer missing from those rows is asked for."""
    year, retailer = _sourced_retailer()
    widget = FactorEntry("electricity")
    qtbot.addWidget(widget)
    widget.set_context(year, retailer, LIBRARY)
    assert widget.has_list() and widget.use_library.isChecked()
    other = FactorEntry("electricity")
    qtbot.addWidget(other)
    other.set_context(year, "みらい電工でんき株式会社", LIBRARY)
    assert not other.has_list() and other.use_user.isChecked()


def test_the_wizard_uses_a_sourced_past_year_row_without_asking(qtbot) -> None:
    from PySide6.QtWidgets import QWizard

    from ecocheck_desktop.gui.wizard import NewCompanyWizard

    year, retailer = _sourced_retailer()
    wizard = NewCompanyWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.company_page.name.setText("past year test")
    wizard.company_page.first_fy.setValue(year)
    wizard.next()
    page = wizard.electricity_page
    assert page.factor.use_user.isChecked()  # nothing chosen yet: the factor is asked for
    page.search.setText(retailer)
    names = [page.results.item(i).text() for i in range(page.results.count())]
    page.results.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith(retailer)))
    assert page.factor.use_library.isChecked()  # the bundled sourced row settles it
    assert "published source" in page.status.text()  # and the status says so
    assert page.isComplete(), page.factor.problem()
    assert wizard.currentPage() is page
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    contract = page.contract("本社工場")
    assert contract is not None and contract.factor_choice == "" and contract.factor_basic is None
    # The project computes that year from the bundled row, complete.
    from ecocheck_desktop.core.footprint import calculate
    from ecocheck_desktop.core.model import Company, EnergyRecord, Project, Site

    months = [f"{year + (m < 4)}-{m:02d}" for m in (*range(4, 13), 1, 2, 3)]
    project = Project(
        company=Company(name="t"),
        sites=[Site("本社工場")],
        contracts=[contract],
        records=[EnergyRecord(m, "electricity", Decimal(1000), "kWh") for m in months],
    )
    result = calculate(project, LIBRARY).year(year)
    assert result.complete and result.scope2_basic_t > 0
    assert {u.edition_id for u in result.factors_used if u.unit == "t-CO2/kWh"} <= {
        e.id for e in LIBRARY.editions.values() if getattr(e, "partial", False)
    }
