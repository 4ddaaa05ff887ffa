"""Schema v4, customers part (issue 21): a v3 file migrates with a backup, its data intact and
the customer tables present; customers, sales, products and production round-trip."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path

from ecocheck_desktop.core.model import Customer, CustomerSale, Product, ProductOutput
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.store.migrations import create_schema
from ecocheck_desktop.store.project_file import ProjectFile, load_project


def test_v3_file_migrates_to_v4_with_the_customer_tables(tmp_path: Path) -> None:
    path = tmp_path / "v3.ecocheck"
    with closing(sqlite3.connect(path)) as conn:
        create_schema(conn, version=3)
        conn.execute("INSERT INTO company (id, name) VALUES (1, 'v3 社')")
        conn.execute("INSERT INTO sites (name) VALUES ('本社')")
        conn.commit()
    old = load_project(path)  # read without migrating: the new lists are empty
    assert old.customers == [] and old.sites[0].name == "本社"
    with ProjectFile.open(path, user="u") as pf:
        assert pf.backup_path is not None and pf.backup_path.exists()
        backup = pf.backup_path
        project = pf.load()
        assert project.company.allocation_method == "sales"
        assert project.sites == old.sites and project.customers == []
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"customers", "customer_sales", "products", "product_outputs"} <= tables


def test_customer_data_round_trips_through_the_project_file(tmp_path: Path) -> None:
    project = demo_project()
    project.customers.append(Customer("丸一商事", "S-1", "メモ"))
    project.customer_sales.append(
        CustomerSale(
            "丸一商事", 2025, Decimal("1234.5"), "2025-04", "精密板金部品", Decimal("0.25")
        )
    )
    project.products.append(Product("樹脂カバー", "個"))
    project.product_outputs.append(
        ProductOutput("樹脂カバー", 2025, Decimal(10), "", Decimal("1.5"), Decimal(3))
    )
    path = tmp_path / "demo.ecocheck"
    ProjectFile.create(path, project).close()
    assert load_project(path) == project
    assert len(project.product_outputs) == 27 and project.company.allocation_method == "physical"
