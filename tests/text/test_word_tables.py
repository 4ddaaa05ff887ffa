"""The report's word tables are data files (resources/text/*.json) a translator can read.

Each file is ``{"about": ..., "key": ["Japanese", "English"], ...}``. ``json.loads`` keeps the
last of two equal keys silently, so the loader refuses them; these tests plant each fault.
"""

from __future__ import annotations

import json

import pytest

from ecocheck_desktop.resources import resource_path
from ecocheck_desktop.text import tables
from ecocheck_desktop.text.report import TEXTS, formulas
from ecocheck_desktop.text.report_bank import BANK
from ecocheck_desktop.text.tables import WordTableError, parse

TABLES = (
    "answer",
    "report",
    "report_bank",
    "report_consortium",
    "report_demand",
    "report_formulas",
    "report_quality",
)


def test_the_folder_holds_the_tables() -> None:
    assert sorted(path.stem for path in resource_path("text").glob("*.json")) == list(TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_every_file_parses_into_pairs_of_non_empty_strings(name: str) -> None:
    source = tables.table_path(name).read_text(encoding="utf-8")
    table = parse(source, name)
    assert table
    for key, pair in table.items():
        assert isinstance(key, str) and key, name
        assert len(pair) == 2 and all(isinstance(t, str) and t.strip() for t in pair), key
    # Readable as it is: UTF-8 characters (no \u escapes), one entry per key, as json writes it.
    data = json.loads(source)
    assert isinstance(data["about"], str) and data["about"].strip()
    assert source == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(
    ("planted", "expected"),
    [
        ('{"about": "x", "a.b": ["日本語", "English"], "a.b": ["別の文", "Other"]}', "twice"),
        ('{"about": "x", "a": {"b": ["日本語", "English"], "b": ["別", "Other"]}}', "twice"),
        ('{"about": "x", "a.b": ["日本語"]}', "pair"),
        ('{"about": "x", "a.b": ["", "English"]}', "pair"),
        ('{"about": "x", "a.b": ["日本語", ""]}', "pair"),
        ('{"about": "x", "a.b": ["日本語", "English", "third"]}', "pair"),
        ('{"about": "x", "a.b": "日本語"}', "pair"),
        ('{"a.b": ["日本語", "English"]}', "about"),
        ('["日本語", "English"]', "about"),
        ('{"about": "x", "a.b": ["日本語", "English"],}', "not JSON"),
    ],
)
def test_the_loader_refuses_a_planted_fault(planted: str, expected: str) -> None:
    with pytest.raises(WordTableError, match=expected):
        parse(planted, "planted.json")


def test_a_key_in_two_merged_files_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = {"one": {"a.b": ("日本語", "English")}, "two": {"a.b": ("別の文", "Other")}}
    monkeypatch.setattr(tables, "load", fake.__getitem__)
    with pytest.raises(WordTableError, match=r"a\.b is defined twice \(resources/text/two"):
        tables.merged("one", "two")


def test_the_report_takes_the_four_tables_in_order() -> None:
    parts = [
        tables.load(n) for n in ("report", "report_consortium", "report_quality", "report_bank")
    ]
    assert list(TEXTS) == [key for part in parts for key in part]
    assert all(TEXTS[key] == pair for key, pair in BANK.items())
    assert not set(tables.load("report")) & set(BANK)


def test_the_formulas_are_the_appendix_file_in_order() -> None:
    pairs = list(tables.load("report_formulas").values())
    assert formulas("ja") == [ja for ja, _ in pairs]
    assert formulas("en") == [en for _, en in pairs]


def test_each_file_is_read_once() -> None:
    assert tables.load("report") is tables.load("report")
