"""The company's Scope 1 and Scope 2 split among its customers and its product units (issue 21).

This is a corporate-level allocation, not a cradle-to-gate product footprint (ISO 14067): the
footprint of one fiscal year (Scope 1, Scope 2 on the SHK adjusted basis and on the location
basis) is cut into pools, and each pool is shared out by a key:

- ``sales``: the whole footprint by sales (円); the key's total is the year's 売上高
  (``FiscalYearData.revenue_million_yen``), else the sum of the listed sales;
- ``physical``: by physical output: a customer's delivered quantity over the year's production
  (every product in one unit, so that the units are comparable);
- ``submeter``: an energy-intensive line's Scope 2 by its sub-meter kWh over the company's
  electricity kWh, delivered to customers by quantity; the rest (all of Scope 1 and the rest of
  Scope 2) by sales;
- ``machine_hours``: all of Scope 1 and 2 to the products by their machine hours, then to the
  customers by the quantity delivered (an activity key when the lines differ in energy use).

What the listed customers do not take goes to one remainder row, 「その他の販売先」. The
arithmetic is exact (``Fraction``); the figures are then rounded to 6 places by the largest
remainder, so the customers always add back to the company total (rounded the same way) to the
last digit, and the shares to exactly 1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import ALLOCATION_METHODS, Project
from ecocheck_desktop.core.results import YearResult

OTHER_CUSTOMERS = "その他の販売先"  # the remainder row ("Other customers" in English words)
PLACES = 6
SCOPES = ("scope1", "scope2_adjusted", "scope2_location")
_ULP = Fraction(1, 10**PLACES)


@dataclass(frozen=True)
class CustomerAllocation:
    """One customer's part of the company's emissions (t-CO2, rounded to ``PLACES``)."""

    customer: str
    share: Decimal  # of Scope 1 + Scope 2 adjusted; all shares add up to exactly 1
    t_co2_scope1: Decimal
    t_co2_scope2_adjusted: Decimal
    t_co2_scope2_location: Decimal | None
    sales_yen: Decimal
    quantities: dict[str, Decimal] = field(default_factory=dict)  # product -> delivered
    supplier_code: str = ""
    other: bool = False  # the remainder row 「その他の販売先」

    @property
    def t_co2_total_adjusted(self) -> Decimal:
        return self.t_co2_scope1 + self.t_co2_scope2_adjusted


@dataclass(frozen=True)
class ProductIntensity:
    """kg-CO2 per unit of one product (rounded to ``PLACES``); None where it has no output."""

    product: str
    unit: str
    quantity: Decimal
    kg_per_unit_scope1: Decimal | None
    kg_per_unit_scope2_adjusted: Decimal | None
    kg_per_unit_scope2_location: Decimal | None

    @property
    def kg_per_unit_total_adjusted(self) -> Decimal | None:
        if self.kg_per_unit_scope1 is None or self.kg_per_unit_scope2_adjusted is None:
            return None
        return self.kg_per_unit_scope1 + self.kg_per_unit_scope2_adjusted


@dataclass(frozen=True)
class Allocation:
    fiscal_year: int
    method: str
    t_co2_scope1: Decimal
    t_co2_scope2_adjusted: Decimal
    t_co2_scope2_location: Decimal | None
    customers: list[CustomerAllocation]
    products: list[ProductIntensity]
    flags: tuple[str, ...]  # data quality of the footprint (see ``quality_flags``)
    key_total: Decimal  # the key's total: 円, output units or kWh
    key_unit: str
    factor_editions: tuple[str, ...] = ()

    def customer(self, name: str) -> CustomerAllocation:
        for row in self.customers:
            if row.customer == name:
                return row
        raise KeyError(name)

    def to_json_dict(self) -> dict[str, Any]:
        """The ``ecocheck answer --json`` object (docs/customer-answers.md)."""
        return {
            "fiscal_year": self.fiscal_year,
            "method": self.method,
            "company": {
                "t_co2_scope1": _number(self.t_co2_scope1),
                "t_co2_scope2_adjusted": _number(self.t_co2_scope2_adjusted),
                "t_co2_scope2_location": _number(self.t_co2_scope2_location),
            },
            "customers": [
                {
                    "customer": row.customer,
                    "share": _number(row.share),
                    "t_co2_scope1": _number(row.t_co2_scope1),
                    "t_co2_scope2_adjusted": _number(row.t_co2_scope2_adjusted),
                    "t_co2_scope2_location": _number(row.t_co2_scope2_location),
                    "other": row.other,
                    "supplier_code": row.supplier_code,
                    "sales_yen": _number(row.sales_yen),
                }
                for row in self.customers
            ],
            "products": [
                {
                    "product": p.product,
                    "unit": p.unit,
                    "quantity": _number(p.quantity),
                    "kg_co2_per_unit_scope1": _number(p.kg_per_unit_scope1),
                    "kg_co2_per_unit_scope2_adjusted": _number(p.kg_per_unit_scope2_adjusted),
                    "kg_co2_per_unit_scope2_location": _number(p.kg_per_unit_scope2_location),
                }
                for p in self.products
            ],
            "data_quality_flags": list(self.flags),
            "key_total": _number(self.key_total),
            "key_unit": self.key_unit,
        }


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True)
class _Pool:
    """An amount per scope shared out by one key: ``sales``, or ``quantity`` of all products
    (``product`` None) or of one product."""

    amounts: dict[str, Fraction | None]
    key: str
    product: str | None = None


def quality_flags(year: YearResult) -> tuple[str, ...]:
    """The footprint's data-quality flags the answer carries: ``incomplete`` (the year is not
    complete, core.completeness), ``estimated_bills`` (a bill entered as an estimate),
    ``estimated_factors`` (an electricity factor estimated from the nearest list), ``user_factors``
    (a factor typed in from the supplier), ``no_location_basis``."""
    flags: list[str] = []
    if not year.complete:
        flags.append("incomplete")
    if any(line.estimated for line in year.lines):
        flags.append("estimated_bills")
    if any(line.provenance.startswith("estimate") for line in year.lines):
        flags.append("estimated_factors")
    if any(line.provenance == "user" for line in year.lines):
        flags.append("user_factors")
    if year.scope2_location_t is None:
        flags.append("no_location_basis")
    return tuple(flags)


def check_inputs(project: Project, fiscal_year: int) -> None:
    """Refuse what cannot be allocated, naming the row and the column: negative sales,
    quantities or kWh, unknown customers or products, a month missing from monthly production."""
    problems: list[Message] = []
    customers = {c.name for c in project.customers}
    products = {p.name for p in project.products}
    for i, sale in enumerate(project.customer_sales):
        if sale.fiscal_year != fiscal_year:
            continue
        cell = {"customer": sale.customer, "row": i + 1}
        if sale.customer not in customers:
            problems.append(Message("allocation.unknown_customer", cell))
        if sale.sales_yen < 0:
            problems.append(
                Message(
                    "allocation.negative", {**cell, "column": "sales_yen", "value": sale.sales_yen}
                )
            )
        if sale.quantity is not None and sale.quantity < 0:
            problems.append(
                Message(
                    "allocation.negative", {**cell, "column": "quantity", "value": sale.quantity}
                )
            )
        if sale.product and sale.product not in products:
            problems.append(
                Message("allocation.unknown_product", {**cell, "product": sale.product})
            )
    months: dict[str, set[str]] = defaultdict(set)
    for i, output in enumerate(project.product_outputs):
        if output.fiscal_year != fiscal_year:
            continue
        if output.product not in products:
            problems.append(
                Message(
                    "allocation.unknown_product",
                    {"customer": "-", "row": i + 1, "product": output.product},
                )
            )
        for column in ("quantity", "submeter_kwh", "machine_hours"):
            value = getattr(output, column)
            if value is not None and value < 0:
                problems.append(
                    Message(
                        "allocation.negative_output",
                        {"product": output.product, "row": i + 1, "column": column, "value": value},
                    )
                )
        if output.month:
            months[output.product].add(output.month)
    expected = months_of_fiscal_year(fiscal_year, project.company.fy_start_month)
    for product, present in months.items():
        for month in expected:
            if month not in present:
                problems.append(
                    Message(
                        "allocation.production_month_missing",
                        {"product": product, "month": month, "fiscal_year": fiscal_year},
                    )
                )
                break
    if project.company.allocation_method not in ALLOCATION_METHODS:
        problems.append(
            Message("allocation.unknown_method", {"method": project.company.allocation_method})
        )
    if problems:
        raise EcoCheckError(*problems)


def _sum(values: Iterable[Decimal]) -> Fraction:
    return sum((Fraction(v) for v in values), Fraction(0))


def allocate(project: Project, year: YearResult) -> Allocation:
    """The allocation of ``year`` (a result of ``core.footprint.calculate``) by the company's
    method; EcoCheckError (nothing changed) when the input or the key cannot be used."""
    fy = year.fiscal_year
    method = project.company.allocation_method
    check_inputs(project, fy)
    sales = [s for s in project.customer_sales if s.fiscal_year == fy]
    outputs = [o for o in project.product_outputs if o.fiscal_year == fy]
    units = {p.name: p.unit for p in project.products}
    names = [c.name for c in project.customers]

    sales_by: dict[str, Fraction] = defaultdict(Fraction)
    qty_by: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    sales_of_product: dict[str, Fraction] = defaultdict(Fraction)
    for sale in sales:
        sales_by[sale.customer] += Fraction(sale.sales_yen)
        if sale.product:
            sales_of_product[sale.product] += Fraction(sale.sales_yen)
            if sale.quantity is not None:
                qty_by[(sale.customer, sale.product)] += Fraction(sale.quantity)
    produced: dict[str, Fraction] = defaultdict(Fraction)
    kwh: dict[str, Fraction] = defaultdict(Fraction)
    hours: dict[str, Fraction] = defaultdict(Fraction)
    for output in outputs:
        produced[output.product] += Fraction(output.quantity)
        if output.submeter_kwh is not None:
            kwh[output.product] += Fraction(output.submeter_kwh)
        if output.machine_hours is not None:
            hours[output.product] += Fraction(output.machine_hours)

    listed_sales = sum(sales_by.values(), Fraction(0))
    fiscal = project.fiscal_years.get(fy)
    revenue = fiscal.revenue_million_yen if fiscal is not None else None
    sales_total = Fraction(revenue) * 1_000_000 if revenue is not None else listed_sales
    if sales_total < listed_sales:
        raise EcoCheckError(
            Message(
                "allocation.sales_above_revenue",
                {"fiscal_year": fy, "sales": _dec(listed_sales), "revenue": _dec(sales_total)},
            )
        )
    company = {
        "scope1": Fraction(year.scope1_t),
        "scope2_adjusted": Fraction(year.scope2_adjusted_t),
        "scope2_location": (
            None if year.scope2_location_t is None else Fraction(year.scope2_location_t)
        ),
    }

    def zero_key(what: str) -> EcoCheckError:
        return EcoCheckError(
            Message("allocation.key_zero", {"method": method, "key": what, "fiscal_year": fy})
        )

    pools: list[_Pool] = []
    key_unit = "円"
    key_total = sales_total
    if method == "sales":
        if sales_total == 0:
            raise zero_key("sales_yen")
        pools.append(_Pool(dict(company), "sales"))
    elif method == "physical":
        made = {units[p] for p, q in produced.items() if q}
        if len(made) > 1:
            raise EcoCheckError(
                Message(
                    "allocation.units_differ", {"units": ", ".join(sorted(made)), "fiscal_year": fy}
                )
            )
        key_total = sum(produced.values(), Fraction(0))
        key_unit = next(iter(made), "")
        if key_total == 0:
            raise zero_key("quantity")
        _check_delivered(qty_by, produced, fy)
        pools.append(_Pool(dict(company), "quantity"))
    elif method == "machine_hours":
        key_total, key_unit = sum(hours.values(), Fraction(0)), "h"
        if key_total == 0:
            raise zero_key("machine_hours")
        _check_delivered(qty_by, produced, fy)
        for product in sorted(hours):
            if not hours[product]:
                continue
            if not produced[product]:
                raise zero_key(f"quantity ({product})")
            part = hours[product] / key_total
            amounts = {scope: _times(company[scope], part) for scope in SCOPES}
            pools.append(_Pool(amounts, "quantity", product))
    else:  # submeter
        plant = year.by_energy.get("electricity")
        plant_kwh = Fraction(plant.quantity) if plant is not None else Fraction(0)
        keyed = sum(kwh.values(), Fraction(0))
        if keyed == 0 or plant_kwh == 0:
            raise zero_key("submeter_kwh")
        if keyed > plant_kwh:
            raise EcoCheckError(
                Message(
                    "allocation.submeter_above_plant",
                    {"kwh": _dec(keyed), "plant_kwh": _dec(plant_kwh), "fiscal_year": fy},
                )
            )
        if sales_total == 0:
            raise zero_key("sales_yen")
        _check_delivered(qty_by, produced, fy)
        key_total, key_unit = keyed, "kWh"
        for product in sorted(kwh):
            if not kwh[product]:
                continue
            if not produced[product]:
                raise zero_key(f"quantity ({product})")
            part = kwh[product] / plant_kwh
            pools.append(
                _Pool(
                    {
                        "scope1": Fraction(0),
                        "scope2_adjusted": company["scope2_adjusted"] * part,  # type: ignore[operator]
                        "scope2_location": _times(company["scope2_location"], part),
                    },
                    "quantity",
                    product,
                )
            )
        rest = 1 - keyed / plant_kwh
        pools.append(
            _Pool(
                {
                    "scope1": company["scope1"],
                    "scope2_adjusted": company["scope2_adjusted"] * rest,  # type: ignore[operator]
                    "scope2_location": _times(company["scope2_location"], rest),
                },
                "sales",
            )
        )

    total_qty = sum(produced.values(), Fraction(0))

    def pool_total(pool: _Pool) -> Fraction:
        if pool.key == "sales":
            return sales_total
        return total_qty if pool.product is None else produced[pool.product]

    def weight(pool: _Pool, customer: str) -> Fraction:
        if pool.key == "sales":
            return sales_by.get(customer, Fraction(0))
        return sum(
            (q for (c, p), q in qty_by.items() if c == customer and pool.product in (None, p)),
            Fraction(0),
        )

    exact: dict[str, dict[str, Fraction | None]] = {}
    for name in names:
        exact[name] = {
            scope: _share_of(pools, scope, lambda p, n=name: weight(p, n) / pool_total(p))
            for scope in SCOPES
        }
    other = {scope: _minus(company[scope], [exact[n][scope] for n in names]) for scope in SCOPES}
    rows = list(names)
    has_other = any(v for v in other.values() if v is not None)
    if has_other:
        exact[OTHER_CUSTOMERS] = other
        rows.append(OTHER_CUSTOMERS)

    rounded = {
        scope: _largest_remainder([exact[r][scope] for r in rows], company[scope])
        for scope in SCOPES
    }
    total = company["scope1"] + company["scope2_adjusted"]  # type: ignore[operator]
    if total:
        shares = _largest_remainder(
            [(exact[r]["scope1"] + exact[r]["scope2_adjusted"]) / total for r in rows],  # type: ignore[operator]
            Fraction(1),
        )
    else:
        shares = (
            _largest_remainder([Fraction(1, len(rows))] * len(rows), Fraction(1)) if rows else []
        )
    codes = {c.name: c.supplier_code for c in project.customers}
    customers = [
        CustomerAllocation(
            customer=r,
            share=shares[i],  # type: ignore[arg-type]
            t_co2_scope1=rounded["scope1"][i],  # type: ignore[arg-type]
            t_co2_scope2_adjusted=rounded["scope2_adjusted"][i],  # type: ignore[arg-type]
            t_co2_scope2_location=rounded["scope2_location"][i],
            sales_yen=_dec(
                sales_total - listed_sales if r == OTHER_CUSTOMERS else sales_by.get(r, Fraction(0))
            ),
            quantities={p: _dec(q) for (c, p), q in sorted(qty_by.items()) if c == r},
            supplier_code=codes.get(r, ""),
            other=r == OTHER_CUSTOMERS,
        )
        for i, r in enumerate(rows)
    ]

    def product_share(pool: _Pool, product: str) -> Fraction:
        if pool.key == "sales":
            # Among products, the sales pool goes by each product's share of the sales that
            # name a product (the remainder customers' sales name none).
            named = sum(sales_of_product.values(), Fraction(0))
            return sales_of_product.get(product, Fraction(0)) / named if named else Fraction(0)
        if pool.product is None:
            return produced[product] / total_qty
        return Fraction(1 if pool.product == product else 0)

    products = []
    for item in project.products:
        quantity = produced.get(item.name, Fraction(0))
        per_unit: dict[str, Decimal | None] = {}
        for scope in SCOPES:
            amount = _share_of(pools, scope, lambda p, n=item.name: product_share(p, n))
            if not quantity or amount is None:
                per_unit[scope] = None
            else:
                per_unit[scope] = _dec(amount * 1000 / quantity)
        products.append(
            ProductIntensity(
                product=item.name,
                unit=item.unit,
                quantity=_dec(quantity),
                kg_per_unit_scope1=per_unit["scope1"],
                kg_per_unit_scope2_adjusted=per_unit["scope2_adjusted"],
                kg_per_unit_scope2_location=per_unit["scope2_location"],
            )
        )
    return Allocation(
        fiscal_year=fy,
        method=method,
        t_co2_scope1=_dec(company["scope1"]),  # type: ignore[arg-type]
        t_co2_scope2_adjusted=_dec(company["scope2_adjusted"]),  # type: ignore[arg-type]
        t_co2_scope2_location=None
        if company["scope2_location"] is None
        else _dec(company["scope2_location"]),
        customers=customers,
        products=products,
        flags=quality_flags(year),
        key_total=_dec(key_total, exact_places=False),
        key_unit=key_unit,
        factor_editions=tuple(year.factor_editions),
    )


def _check_delivered(
    qty_by: dict[tuple[str, str], Fraction], produced: dict[str, Fraction], fy: int
) -> None:
    delivered: dict[str, Fraction] = defaultdict(Fraction)
    for (_, product), quantity in qty_by.items():
        delivered[product] += quantity
    for product, quantity in delivered.items():
        if quantity > produced.get(product, Fraction(0)):
            raise EcoCheckError(
                Message(
                    "allocation.delivered_above_output",
                    {
                        "product": product,
                        "delivered": _dec(quantity, exact_places=False),
                        "produced": _dec(produced.get(product, Fraction(0)), exact_places=False),
                        "fiscal_year": fy,
                    },
                )
            )


def _times(value: Fraction | None, factor: Fraction) -> Fraction | None:
    return None if value is None else value * factor


def _share_of(pools: list[_Pool], scope: str, fraction: Any) -> Fraction | None:
    total = Fraction(0)
    for pool in pools:
        amount = pool.amounts[scope]
        if amount is None:
            return None
        if amount:
            total += amount * fraction(pool)
    return total


def _minus(total: Fraction | None, parts: list[Fraction | None]) -> Fraction | None:
    if total is None:
        return None
    return total - sum((p for p in parts if p is not None), Fraction(0))


def _largest_remainder(
    values: list[Fraction | None], total: Fraction | None
) -> list[Decimal | None]:
    """``values`` rounded to ``PLACES`` so that they add up to ``total`` rounded half-up to
    ``PLACES``: each is floored, then the units left go to the largest remainders (the first
    on a tie)."""
    if total is None or any(v is None for v in values):
        return [None] * len(values)
    exact = [v for v in values if v is not None]
    units = [(v / _ULP).__floor__() for v in exact]
    target = int(_dec(total).scaleb(PLACES))
    left = target - sum(units)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] / _ULP - units[i]), i))
    step = 1 if left >= 0 else -1
    while left and order:
        for i in order if step > 0 else reversed(order):
            if not left:
                break
            units[i] += step
            left -= step
    return [Decimal(u).scaleb(-PLACES) for u in units]


def _dec(value: Fraction, *, exact_places: bool = True) -> Decimal:
    """A fraction as a Decimal rounded half-up to ``PLACES`` (``exact_places`` False: the
    shortest exact form for whole numbers such as yen and kWh)."""
    number = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = number.quantize(Decimal(1).scaleb(-PLACES), rounding=ROUND_HALF_UP)
    if not exact_places and rounded == rounded.to_integral_value():
        return rounded.quantize(Decimal(1))
    return rounded
