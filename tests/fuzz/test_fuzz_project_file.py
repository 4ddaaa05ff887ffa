"""Fuzzing project-file opening: damaged bytes and damaged values give store.* refusals.

A real project file (with an attachment and a change log) is damaged in two ways: bytes
flipped, inserted or cut anywhere (what a bad disk, a truncated e-mail attachment or a sync
conflict leaves), and single values replaced by the wrong type inside an intact database
(what another program editing the file leaves). Every reading the app does when it opens a
project must then succeed or raise a registered message, and a refused file stays unchanged.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
from contextlib import closing
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.store.project_file import ProjectFile
from tests.fuzz.common import FUZZ, assert_clear
from tests.store.conftest import file_state, small_project

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@cache
def seed_file() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.ecocheck"
        with ProjectFile.create(path, small_project(), user="fuzz") as project_file:
            record_id = project_file.records()[0][0]
            project_file.attach_evidence(PNG, "scan.png", month="2025-04", record_id=record_id)
            project_file.set_checklist({"compressor_count": 3})
        return path.read_bytes()


def read_everything(path: Path, *, read_only: bool) -> None:
    """What opening a project does in the GUI and the CLI, plus the audit and attachment views."""
    with ProjectFile.open(path, read_only=read_only) as project_file:
        project_file.load()
        project_file.records()
        project_file.meta()
        project_file.change_log()
        for info in project_file.evidence():
            project_file.evidence_data(info.id)


def check_opening(path: Path) -> None:
    before = file_state(path)
    try:
        read_everything(path, read_only=True)
    except EcoCheckError as error:
        assert_clear(error, file=path)
        assert all(m.code.startswith(("store.", "evidence.")) for m in error.messages)
        assert file_state(path) == before
    try:
        read_everything(path, read_only=False)
    except EcoCheckError as error:
        assert_clear(error, file=path)


@settings(**FUZZ)
@given(st.randoms(use_true_random=False), st.integers(1, 6), st.booleans())
def test_damaged_bytes(rng: random.Random, steps: int, spare_header: bool) -> None:
    data = bytearray(seed_file())
    low = 100 if spare_header else 0
    for _ in range(steps):
        if len(data) < 2 * 4096:
            break  # cut down to less than two pages: nothing left worth damaging further
        kind = rng.randrange(5)
        position = rng.randrange(low, len(data))
        if kind <= 1:
            data[position] = rng.randrange(256)
        elif kind == 2:
            length = rng.randrange(1, 64)
            data[position : position + length] = rng.randbytes(length)
        elif kind == 3:
            del data[position:]
        else:
            page = 4096
            pages = len(data) // page
            a, b = rng.randrange(pages), rng.randrange(pages)
            chunk_a = data[a * page : (a + 1) * page]
            data[a * page : (a + 1) * page] = data[b * page : (b + 1) * page]
            data[b * page : (b + 1) * page] = chunk_a
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.ecocheck"
        path.write_bytes(bytes(data))
        check_opening(path)


COLUMNS = {
    "company": ["name", "fy_start_month", "city"],
    "records": ["month", "energy", "quantity", "unit", "cost_yen", "estimated", "note"],
    "fiscal_years": ["year", "revenue_million_yen", "employees"],
    "contracts": ["energy", "factor_basic"],
    "targets": ["base_year", "reduction_pct", "basis"],
    "measure_plan": ["parameters", "planned_year"],
    "checklist": ["data"],
    "evidence": ["filename", "media_type", "size", "data", "month", "sha256", "record_id"],
    "change_log": ["at", "old", "new", "action"],
    "meta": ["value"],
}
wrong_values = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.binary(max_size=12),
    st.sampled_from(["NaN", "-1", "1e999", "{", "[]", "{}", "2025-13", "../../etc/passwd"]),
)


@settings(**FUZZ)
@given(
    st.sampled_from(sorted((t, c) for t, columns in COLUMNS.items() for c in columns)),
    wrong_values,
)
def test_wrong_values_inside_an_intact_database(column: tuple[str, str], value: object) -> None:
    table, name = column
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edited.ecocheck"
        path.write_bytes(seed_file())
        with closing(sqlite3.connect(path)) as conn:
            # Another program editing the file ignores our NOT NULL / CHECK rules.
            conn.execute("PRAGMA ignore_check_constraints = ON")
            try:
                with conn:
                    conn.execute(f"UPDATE {table} SET {name} = ?", (value,))
            except sqlite3.IntegrityError:
                return  # SQLite itself refused this edit (NOT NULL); nothing to open
        check_opening(path)
