"""Fuzzing the JSON import and quantity parsing: a correct result or a clear refusal.

JSON documents are a valid export with one value anywhere replaced by hostile JSON (or its
text mangled); an accepted document must give a project that exports to itself again, and
``ecocheck import`` must write the whole project file or nothing.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import io
import json
import random
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ecocheck_desktop import cli
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.quantity import parse_quantity, parse_quantity_with_unit
from ecocheck_desktop.exchange.json_io import project_from_json, project_to_json, read_json
from ecocheck_desktop.store.project_file import ProjectFile
from tests.fuzz.common import FUZZ, assert_clear, folder_state
from tests.store.conftest import small_project

PDF = b"%PDF-1.4\n%%EOF\n"
SEED = project_to_json(small_project())
SEED["attachments"] = [
    {
        "filename": "請求書.pdf",
        "month": "2025-04",
        "record_index": 0,
        "data_base64": base64.b64encode(PDF).decode("ascii"),
    }
]

hostile = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(
        ["__import__('os').system('id')", "=1+1", "NaN", "1e999", "-1", "", "../../x", "\x00"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(SEED)[1:]


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    document = copy.deepcopy(document)
    node = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return document


def _check_document(document: Any) -> None:
    try:
        project = project_from_json(document)
    except EcoCheckError as error:
        assert_clear(error)
    else:
        # Accepted: the project is exactly what its own export says.
        assert project_from_json(project_to_json(project)) == project


@settings(**FUZZ)
@given(st.sampled_from(PATHS), hostile)
def test_one_hostile_value_anywhere(path: tuple[Any, ...], value: Any) -> None:
    _check_document(_replace(SEED, path, value))


@settings(**FUZZ)
@given(hostile)
def test_hostile_documents(document: Any) -> None:
    _check_document(document)


SEED_TEXT = json.dumps(SEED, ensure_ascii=False, indent=1).encode("utf-8")


@settings(**FUZZ)
@given(st.randoms(use_true_random=False), st.integers(1, 8))
def test_mangled_json_text(rng: random.Random, steps: int) -> None:
    data = bytearray(SEED_TEXT)
    for _ in range(steps):
        position = rng.randrange(len(data))
        if rng.random() < 0.5:
            data[position] = rng.choice(b'{}[]",:0123456789-e.tfn \\')
        else:
            del data[position : position + rng.randrange(1, 30)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.json"
        path.write_bytes(bytes(data))
        try:
            read_json(path)
        except EcoCheckError as error:
            assert_clear(error, file=path)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PATHS), hostile, st.booleans())
def test_cli_json_import_writes_the_whole_project_or_nothing(
    path: tuple[Any, ...], value: Any, mutate: bool
) -> None:
    document = _replace(SEED, path, value) if mutate else SEED
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "p.json"
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        output = folder / "out.ecocheck"
        before = folder_state(folder)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = cli.main(["import", str(source), "-o", str(output)])
        assert code in (0, 2)
        if code == 2:
            assert folder_state(folder) == before
            return
        assert sorted(p.name for p in folder.iterdir()) == ["out.ecocheck", "p.json"]
        with ProjectFile.open(output, read_only=True) as project_file:
            assert project_file.load() == project_from_json(document)
            attachments = document.get("attachments", [])
            assert len(project_file.evidence()) == len(attachments)


# -- quantities ------------------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789,.+", "０１２３４５６７８９，．＋")


@settings(**FUZZ)
@given(
    st.text(max_size=16)
    | st.text(alphabet="0123456789,.+-▲△()１２３４５６７８９０，． e", max_size=12)
)
def test_any_text_is_a_quantity_or_a_quantity_message(text: str) -> None:
    try:
        value = parse_quantity(text)
    except EcoCheckError as error:
        assert_clear(error)
        assert all(m.code.startswith("quantity.") for m in error.messages)
    else:
        # Only digits, separators, spaces and a sign can make a number; a minus only of zero.
        folded = unicodedata.normalize("NFKC", text)
        signs = "-−▲△ー‐–()"
        assert all(c.isdigit() or c in ",.+" + signs or c.isspace() for c in folded)
        assert value == 0 or not any(c in signs for c in folded)
        assert Decimal(0) <= value <= Decimal("1e12")
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int) and exponent >= -6


@settings(**FUZZ)
@given(
    st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False),
    st.sampled_from(["kWh", "ｋＷｈ", "m3", "m³", "千kWh", "L", "kL", "t"]),
    st.booleans(),
)
def test_quantity_with_unit_reads_what_the_bill_says(value: Decimal, unit: str, wide: bool) -> None:
    number = f"{value:,}"
    text = f"{number.translate(FULL_WIDTH) if wide else number} {unit}"
    quantity, parsed_unit = parse_quantity_with_unit(text)
    assert quantity == value
    assert parsed_unit == unicodedata.normalize("NFKC", unit).replace("³", "3")


@settings(**FUZZ)
@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(2**80), 2**80))
def test_numbers_from_spreadsheet_cells(value: float | int) -> None:
    try:
        result = parse_quantity(value)
    except EcoCheckError as error:
        assert_clear(error)
        assert value != value or abs(value) == float("inf") or value < 0 or value > 10**12
    else:
        assert Decimal(0) <= result <= Decimal("1e12")
        assert abs(result - Decimal(repr(value) if isinstance(value, float) else value)) <= Decimal(
            "0.0000005"
        )
