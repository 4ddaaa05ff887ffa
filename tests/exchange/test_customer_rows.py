"""Customer and product rows in the bill import file (issue 21): read into the project, and
a bad cell refused naming its row and column."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop import cli
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.exchange.bills import project_from_bills, read_bills

HEADER = (
    "年月,エネルギー,使用量,単位,年度,取引先,仕入先コード,取引先売上高,"
    "製品,製品単位,納入量,生産量\n"
)
BILLS = "".join(
    f"{y}-{m:02d},電気,{30000 + m},kWh,,,,,,,,\n"
    for y, months in ((2025, range(4, 13)), (2026, range(1, 4)))
    for m in months
)
CUSTOMERS = (
    ",,,,2025,A社,S-1,60000000,部品,個,4000,\n"
    ",,,,2025,B社,,30000000,部品,,2000,\n"
    ",,,,2025,,,,部品,個,,10000\n"
)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bills.csv"
    path.write_text(HEADER + BILLS + text, encoding="utf-8")
    return path


def test_customer_rows_become_the_projects_customer_lists(tmp_path: Path) -> None:
    project = project_from_bills(read_bills(_file(tmp_path, CUSTOMERS)), "テスト社")
    assert len(project.records) == 12
    assert [(c.name, c.supplier_code) for c in project.customers] == [("A社", "S-1"), ("B社", "")]
    assert [p.name for p in project.products] == ["部品"] and project.products[0].unit == "個"
    sale = project.customer_sales[0]
    assert sale.fiscal_year == 2025 and sale.sales_yen == Decimal(60_000_000)
    assert sale.product == "部品" and sale.quantity == Decimal(4000)
    assert project.product_outputs[0].quantity == Decimal(10000)


def test_answer_reads_the_imported_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, CUSTOMERS)
    assert cli.main(["answer", str(path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    # No revenue in a bill file: the listed sales are the whole, so there is no remainder row.
    assert [c["customer"] for c in document["customers"]] == ["A社", "B社"]
    assert document["customers"][0]["share"] == pytest.approx(2 / 3)


def test_a_negative_sale_names_the_row_and_column(tmp_path: Path) -> None:
    path = _file(tmp_path, ",,,,2025,A社,,-5,,,,\n")
    with pytest.raises(EcoCheckError) as error:
        read_bills(path)
    (message,) = error.value.messages
    assert message.where["row"] == 14 and message.where["column"] == "取引先売上高"
    assert message.code == "quantity.negative"
