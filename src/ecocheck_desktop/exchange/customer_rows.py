"""Customer and product rows in the bill import file (issue 21; docs/customer-answers.md §6).

The bill table gains optional columns. A row whose エネルギー cell is empty and which names a
customer (取引先) or a product (製品) is not a bill: it gives the customer's sales, the
product's production, or both, for a fiscal year (年度) or a month (年月). Every bad cell is a
message naming the file, the row and the column as headed, like the bill rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Customer, CustomerSale, Product, ProductOutput
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.exchange.bill_cells import parse_located, parse_month_cell
from ecocheck_desktop.exchange.sheets import as_text, is_blank

# (key, Japanese header): the columns the bill format gains; English headers are the keys.
CUSTOMER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("fiscal_year", "年度"),
    ("customer", "取引先"),
    ("supplier_code", "仕入先コード"),
    ("sales_yen", "取引先売上高"),  # 売上高 alone is the company's revenue (百万円)
    ("product", "製品"),
    ("product_unit", "製品単位"),
    ("delivered", "納入量"),
    ("production", "生産量"),
    ("submeter_kwh", "子メーターkWh"),
    ("machine_hours", "機械稼働時間"),
)


@dataclass
class CustomerData:
    """What the customer rows of one file say, in file order."""

    customers: list[Customer] = field(default_factory=list)
    customer_sales: list[CustomerSale] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    product_outputs: list[ProductOutput] = field(default_factory=list)


def is_customer_row(cell: Callable[[str], Any]) -> bool:
    return is_blank(cell("energy")) and not (
        is_blank(cell("customer")) and is_blank(cell("product"))
    )


def parse_customer_row(
    cell: Callable[[str], Any],
    where: Callable[[str], dict[str, Any]],
    data: CustomerData,
    fy_start_month: int = 4,
) -> list[Message]:
    """Add what one row says to ``data``; the problems of its cells (then nothing is added)."""
    problems: list[Message] = []

    def parse(key: str, parser: Callable[[Any], Any]) -> Any:
        value = cell(key)
        if is_blank(value):
            return None
        return parse_located(value, parser, where(key), problems)

    def text(key: str) -> str:
        return as_text(cell(key)).strip()

    month = parse("month", parse_month_cell) or ""
    year = parse("fiscal_year", _year)
    if year is None and month:
        year = fiscal_year_of(month, fy_start_month)
    if year is None and not problems:
        problems.append(Message("bills.value_required", {}, where("fiscal_year")))
    sales = parse("sales_yen", parse_quantity)
    delivered = parse("delivered", parse_quantity)
    production = parse("production", parse_quantity)
    kwh = parse("submeter_kwh", parse_quantity)
    hours = parse("machine_hours", parse_quantity)
    customer, product, unit = text("customer"), text("product"), text("product_unit")
    if customer and sales is None and not problems:
        problems.append(Message("bills.value_required", {}, where("sales_yen")))
    if product and production is None and not customer and not problems:
        problems.append(Message("bills.value_required", {}, where("production")))
    if product and not unit and not any(p.name == product for p in data.products):
        problems.append(Message("bills.value_required", {}, where("product_unit")))
    if problems:
        return problems
    if customer and not any(c.name == customer for c in data.customers):
        data.customers.append(Customer(customer, text("supplier_code")))
    if product and not any(p.name == product for p in data.products):
        data.products.append(Product(product, unit))
    if customer:
        data.customer_sales.append(CustomerSale(customer, year, sales, month, product, delivered))
    if product and production is not None:
        data.product_outputs.append(ProductOutput(product, year, production, month, kwh, hours))
    return []


def _year(value: Any) -> int:
    text = as_text(value).strip().removesuffix("年度").removeprefix("FY")
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    if text.isdigit() and 1990 <= int(text) <= 2100:
        return int(text)
    raise EcoCheckError(Message("quantity.not_a_number", {"value": as_text(value)}))
