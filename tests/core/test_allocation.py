"""core.allocation: the demo recomputed by hand, the sum property, and bad input refused."""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecocheck_desktop.core.allocation import OTHER_CUSTOMERS, SCOPES, allocate
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import (
    Company,
    Customer,
    CustomerSale,
    FiscalYearData,
    Product,
    ProductOutput,
    Project,
)
from ecocheck_desktop.core.results import YearResult
from ecocheck_desktop.exchange.demo import demo_project

SIX = Decimal("0.000001")


def _r6(value: Fraction | Decimal) -> Decimal:
    f = Fraction(value)
    return (Decimal(f.numerator) / Decimal(f.denominator)).quantize(SIX, rounding=ROUND_HALF_UP)


def _with_method(project: Project, method: str) -> Project:
    project.company = dataclasses.replace(project.company, allocation_method=method)
    return project


@pytest.fixture(scope="module")
def demo() -> tuple[Project, YearResult]:
    project = demo_project()
    return project, calculate(project).year(2025)


def _sums_add_up(allocation) -> None:
    for scope in SCOPES:
        total = getattr(allocation, f"t_co2_{scope}")
        parts = [getattr(c, f"t_co2_{scope}") for c in allocation.customers]
        if total is None:
            assert all(p is None for p in parts)
        else:
            assert sum(parts) == total, scope
    assert sum(c.share for c in allocation.customers) == 1


def test_demo_physical_recomputed_by_hand(demo) -> None:
    """Physical output: customer A took 600 t parts + 150 t frames of 1,920 t produced."""
    project, year = demo
    allocation = allocate(project, year)
    assert allocation.method == "physical" and allocation.key_total == 1920
    a = allocation.customer("常陸モーター株式会社（デモ）")
    assert a.share == Decimal("0.390625")  # 750 / 1920
    assert a.t_co2_scope1 == _r6(Fraction(year.scope1_t) * 750 / 1920)
    assert a.t_co2_scope2_adjusted == _r6(Fraction(year.scope2_adjusted_t) * 750 / 1920)
    other = allocation.customer(OTHER_CUSTOMERS)
    assert other.other and other.share == Decimal("0.234375")  # (1920 - 1470) / 1920
    parts = allocation.products[0]
    assert parts.kg_per_unit_scope1 == _r6(Fraction(year.scope1_t) * 1000 / 1920)
    _sums_add_up(allocation)


def test_demo_sales_uses_the_revenue_as_the_total(demo) -> None:
    _, year = demo
    allocation = allocate(_with_method(demo_project(), "sales"), year)
    a = allocation.customer("常陸モーター株式会社（デモ）")
    assert a.share == Decimal("0.4")  # 326 of 815 百万円
    assert a.sales_yen == 326_000_000
    assert allocation.customer(OTHER_CUSTOMERS).sales_yen == 163_000_000
    _sums_add_up(allocation)


def test_demo_submeter_gives_the_welding_line_its_electricity(demo) -> None:
    _, year = demo
    allocation = allocate(_with_method(demo_project(), "submeter"), year)
    s2 = Fraction(year.scope2_adjusted_t)
    plant = Fraction(year.by_energy["electricity"].quantity)
    line = s2 * 90_800 / plant  # the frames' sub-meter over the plant's kWh
    rest = s2 - line
    # 水戸建機: 200 of 600 t frames; sales 122.25 of 815 百万円 for the rest.
    c = allocation.customer("水戸建機工業株式会社（デモ）")
    assert c.t_co2_scope2_adjusted == _r6(line * 200 / 600 + rest * Fraction(12225, 81500))
    assert c.t_co2_scope1 == _r6(Fraction(year.scope1_t) * Fraction(12225, 81500))
    _sums_add_up(allocation)


def _project(sales: list[int], quantities: list[int], revenue: int | None) -> Project:
    names = [f"c{i}" for i in range(len(sales))]
    return Project(
        company=Company("x", allocation_method="physical"),
        customers=[Customer(n) for n in names],
        customer_sales=[
            CustomerSale(n, 2025, Decimal(s), product="p", quantity=Decimal(q))
            for n, s, q in zip(names, sales, quantities, strict=True)
        ],
        products=[Product("p", "個")],
        product_outputs=[ProductOutput("p", 2025, Decimal(sum(quantities) + 7))],
        fiscal_years={
            2025: FiscalYearData(
                2025, revenue_million_yen=None if revenue is None else Decimal(revenue)
            )
        },
    )


def _year(s1: Decimal, s2: Decimal, s2l: Decimal | None) -> YearResult:
    base = calculate(demo_project()).year(2025)
    return dataclasses.replace(base, scope1_t=s1, scope2_adjusted_t=s2, scope2_location_t=s2l)


amounts = st.decimals(min_value=0, max_value=10**6, places=9, allow_nan=False)


@settings(max_examples=150, deadline=None)
@given(
    sales=st.lists(st.integers(0, 10**9), min_size=1, max_size=9),
    quantities=st.data(),
    s1=amounts,
    s2=amounts,
    s2l=st.none() | amounts,
    method=st.sampled_from(["sales", "physical"]),
)
def test_allocations_always_add_back_to_the_company_total(
    sales, quantities, s1, s2, s2l, method
) -> None:
    qty = quantities.draw(st.lists(st.integers(0, 10**6), min_size=len(sales), max_size=len(sales)))
    if sum(sales) == 0:
        sales[0] = 1
    project = _with_method(_project(sales, qty, sum(sales) // 10**6 + 1), method)
    if s1 + s2 == 0:
        s1 = Decimal(1)
    allocation = allocate(project, _year(s1, s2, s2l))
    assert allocation.t_co2_scope1 == _r6(s1)
    _sums_add_up(allocation)


def _codes(error: pytest.ExceptionInfo[EcoCheckError]) -> list[str]:
    return [m.code for m in error.value.messages]


def test_negative_sales_are_refused_naming_the_row_and_column(demo) -> None:
    _, year = demo
    bad = demo_project()
    bad.customer_sales[7] = dataclasses.replace(bad.customer_sales[7], sales_yen=Decimal(-5))
    before = dataclasses.replace(bad)
    with pytest.raises(EcoCheckError) as error:
        allocate(bad, year)
    (message,) = error.value.messages
    assert message.code == "allocation.negative"
    assert message.params["row"] == 8 and message.params["column"] == "sales_yen"
    assert message.params["customer"] == bad.customer_sales[7].customer
    assert bad == before  # nothing changed


def test_a_month_missing_from_monthly_production_is_named(demo) -> None:
    _, year = demo
    bad = demo_project()
    bad.product_outputs = [o for o in bad.product_outputs if o.month != "2025-09"]
    with pytest.raises(EcoCheckError) as error:
        allocate(bad, year)
    assert _codes(error) == ["allocation.production_month_missing"] * 2
    assert error.value.messages[0].params["month"] == "2025-09"


def test_a_key_summing_to_zero_is_refused(demo) -> None:
    _, year = demo
    bad = _with_method(demo_project(), "submeter")
    bad.product_outputs = [dataclasses.replace(o, submeter_kwh=None) for o in bad.product_outputs]
    with pytest.raises(EcoCheckError) as error:
        allocate(bad, year)
    assert _codes(error) == ["allocation.key_zero"]
    zero = _with_method(demo_project(), "physical")
    zero.product_outputs = [
        dataclasses.replace(o, quantity=Decimal(0)) for o in zero.product_outputs
    ]
    zero.customer_sales = [dataclasses.replace(s, quantity=Decimal(0)) for s in zero.customer_sales]
    with pytest.raises(EcoCheckError) as error:
        allocate(zero, year)
    assert _codes(error) == ["allocation.key_zero"]


def test_products_in_different_units_cannot_be_allocated_physically(demo) -> None:
    _, year = demo
    bad = demo_project()
    bad.products[1] = dataclasses.replace(bad.products[1], unit="個")
    with pytest.raises(EcoCheckError) as error:
        allocate(bad, year)
    assert _codes(error) == ["allocation.units_differ"]


def test_machine_hours_key_recomputed_by_hand(demo) -> None:
    """Parts 3,000 h, frames 960 h: 3,000/3,960 of every scope to the parts, by tonnes."""
    _, year = demo
    project = _with_method(demo_project(), "machine_hours")
    project.product_outputs = [
        dataclasses.replace(o, machine_hours=Decimal(250 if o.product == "精密板金部品" else 80))
        if o.fiscal_year == 2025
        else o
        for o in project.product_outputs
    ]
    allocation = allocate(project, year)
    s1 = Fraction(year.scope1_t)
    hours = sum(Fraction(o.machine_hours) for o in project.product_outputs if o.machine_hours)
    parts = Fraction(3000) / hours
    a = allocation.customer("常陸モーター株式会社（デモ）")
    expected = s1 * parts * 600 / 1320 + s1 * (1 - parts) * 150 / 600
    assert abs(Fraction(a.t_co2_scope1) - expected) <= Fraction(1, 10**6)
    assert allocation.key_unit == "h"
    _sums_add_up(allocation)
