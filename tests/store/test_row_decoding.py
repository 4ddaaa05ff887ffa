"""The project file's rows decoded a column at a time (store/rows.py, issue 20) make the same
objects as the row-by-row decoding, and anything unexpected still gets its precise message."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import LIST_FIELDS, EnergyRecord, Project
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from ecocheck_desktop.store.rows import _decode, _decode_columns

D = Decimal
RECORDS = [
    EnergyRecord("2025-04", "electricity", D("1200.50"), "kWh", "本社工場", cost_yen=D(30000)),
    EnergyRecord("2025-05", "electricity", D("1200.5"), "kWh", "本社工場", estimated=True),
    EnergyRecord("2025-05", "city_gas", D(0), "m3", "", supplier="A0020", menu="x", note="n"),
    EnergyRecord(
        "2025-06", "electricity", D("1200.50"), "kWh", factor_basic=D("0.000450"),
        factor_adjusted=D("0.00043"), factor_source="請求書",
    ),
]  # fmt: skip


def rows_of(path: Path, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(path)) as conn:
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")
        return [c[0] for c in cursor.description], cursor.fetchall()


def test_columns_decode_to_the_objects_rows_decode_to(tmp_path: Path, project: Project) -> None:
    project.records = [*project.records, *RECORDS]
    path = tmp_path / "p.ecocheck"
    ProjectFile.create(path, project, user="t").close()
    for table, cls in LIST_FIELDS.items():
        names, rows = rows_of(path, table)
        by_columns = _decode_columns(cls, names, rows)
        by_rows = [_decode(cls, dict(zip(names, row, strict=True)), table, path) for row in rows]
        assert by_columns is not None
        assert by_columns == by_rows == getattr(project, table), table
        for made, expected in zip(by_columns, by_rows, strict=True):
            # The same object in every respect: fields, their types, hash, repr, frozen.
            assert vars(made) == vars(expected) and list(vars(made)) == list(vars(expected))
            assert [type(v) for v in vars(made).values()] == [
                type(v) for v in vars(expected).values()
            ]
            assert repr(made) == repr(expected)
            if not any(isinstance(v, dict) for v in vars(made).values()):  # (dicts: no hash)
                assert hash(made) == hash(expected)
            with pytest.raises(AttributeError):
                made.__setattr__(next(iter(vars(made))), "x")
    assert load_project(path) == project
    # Equal texts share one Decimal; "1200.5" and "1200.50" stay two different numbers' texts.
    loaded = load_project(path).records[-4:]
    assert loaded[0].quantity is loaded[3].quantity
    assert str(loaded[1].quantity) == "1200.5" and str(loaded[0].quantity) == "1200.50"


@pytest.mark.parametrize(
    ("column", "value"),
    # (a TEXT column turns a number into its text; a BLOB stays a BLOB)
    [("quantity", "NaN"), ("quantity", "abc"), ("quantity", b"12.5"), ("month", b"2025-04"),
     ("estimated", 2), ("cost_yen", "Infinity")],
)  # fmt: skip
def test_an_unexpected_value_falls_back_to_the_row_message(
    tmp_path: Path, project: Project, column: str, value: Any
) -> None:
    project.records = [*project.records, *RECORDS]
    path = tmp_path / "p.ecocheck"
    ProjectFile.create(path, project, user="t").close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(f"UPDATE records SET {column} = ? WHERE id = 3", (value,))
    names, rows = rows_of(path, "records")
    assert _decode_columns(EnergyRecord, names, rows) is None
    with pytest.raises(EcoCheckError) as error:
        load_project(path)
    assert [m.code for m in error.value.messages] == ["store.corrupt"]
    assert "records[2]" in error.value.messages[0].params["reason"]


def test_records_after_load_are_the_loaded_bills_until_a_write(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "p.ecocheck"
    ProjectFile.create(path, project, user="t").close()
    names, rows = rows_of(path, "records")
    on_disk = [
        (row[0], _decode(EnergyRecord, dict(zip(names, row, strict=True)), "r", path))
        for row in rows
    ]
    with ProjectFile.open(path, user="t") as store:
        loaded = store.load()
        pairs = store.records()
        assert pairs == on_disk
        assert all(a is b for (_, a), b in zip(pairs, loaded.records, strict=True))  # not again
        record_id = pairs[0][0]
        store.update_record(record_id, replace(pairs[0][1], quantity=D(7)))
        store.load()
        with store.transaction():  # any write: the next records() reads the file
            store.update_record(record_id, replace(pairs[0][1], quantity=D(8)))
        assert store.records()[0][1].quantity == D(8)
