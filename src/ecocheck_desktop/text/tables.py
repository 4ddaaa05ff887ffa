"""Reads the report's word tables: ``resources/text/<name>.json``, one file per table.

Each file is one JSON object, UTF-8: an ``"about"`` line that says what the table is for, then
``"key": ["Japanese", "English"]`` in the order the report uses them. A translator edits these
files; the code that fills the ``{name}`` placeholders stays in the ``text`` modules that load
them (:mod:`ecocheck_desktop.text.report` and its neighbours).

A table is refused, not silently mended: a key given twice (``json.loads`` would keep the last
one), a value that is not a pair of non-empty strings, or a missing ``"about"``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ecocheck_desktop.resources import resource_path

Pair = tuple[str, str]


class WordTableError(ValueError):
    """A word table file is not ``{"about": ..., key: [ja, en], ...}``."""


def _refuse_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    table = dict(pairs)
    if len(table) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise WordTableError(f"{key} is defined twice")
            seen.add(key)
    return table


def parse(source: str, name: str) -> dict[str, Pair]:
    """The ``{key: (ja, en)}`` table of a file's text; ``name`` only names it in errors."""
    try:
        data = json.loads(source, object_pairs_hook=_refuse_duplicates)
    except WordTableError as error:
        raise WordTableError(f"{name}: {error}") from None
    except json.JSONDecodeError as error:
        raise WordTableError(f"{name}: not JSON ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.pop("about", None), str):
        raise WordTableError(f'{name}: not an object with an "about" line')
    table: dict[str, Pair] = {}
    for key, value in data.items():
        if not (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(text, str) and text for text in value)
        ):
            raise WordTableError(f"{name}: {key} is not a [Japanese, English] pair")
        table[key] = (value[0], value[1])
    return table


def table_path(name: str) -> Path:
    return resource_path("text", f"{name}.json")


@cache
def load(name: str) -> dict[str, Pair]:
    """The table ``resources/text/<name>.json``, read once per process."""
    return parse(table_path(name).read_text(encoding="utf-8"), f"resources/text/{name}.json")


def merged(*names: str) -> dict[str, Pair]:
    """Several tables as one, in the order given; a key in two of them is refused."""
    table: dict[str, Pair] = {}
    for name in names:
        for key, pair in load(name).items():
            if key in table:
                raise WordTableError(f"{key} is defined twice (resources/text/{name}.json)")
            table[key] = pair
    return table
