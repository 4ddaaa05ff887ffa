from __future__ import annotations

import json
import subprocess
import sys
import types
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Company, Project
from ecocheck_desktop.exchange.loading import load_input, load_project_any
from tests.exchange.bill_workbooks import write_fy2025_workbook

DATA = Path(__file__).parent / "data"


def _problem(path: Path) -> Message:
    with pytest.raises(EcoCheckError) as caught:
        load_project_any(path)
    [message] = caught.value.messages
    assert message.where["file"] == str(path)
    return message


def test_csv_becomes_a_project_named_after_the_file() -> None:
    project = load_project_any(DATA / "bills_fy2025_ja_sjis.csv")
    assert project.company.name == "bills_fy2025_ja_sjis"
    assert len(project.records) == 36
    assert sorted(project.fiscal_years) == [2025]


def test_company_name_can_be_given(tmp_path: Path) -> None:
    project = load_project_any(write_fy2025_workbook(tmp_path / "b.xlsx"), company_name="日立精工")
    assert project.company.name == "日立精工"
    assert sum(r.quantity for r in project.records if r.energy == "electricity") == 120000


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "BILLS.CSV"
    path.write_bytes((DATA / "bills_fy2024_user_factor.csv").read_bytes())
    assert len(load_project_any(path).records) == 12


def test_bill_warnings_are_returned_with_the_project() -> None:
    loaded = load_input(DATA / "bills_fy2025_en_utf8bom.csv")
    assert [w.code for w in loaded.warnings] == ["bills.column_unknown"]


@pytest.mark.parametrize("name", ["bills.txt", "bills.xls", "bills", "report.pdf"])
def test_unknown_suffix_is_refused_before_touching_the_file(tmp_path: Path, name: str) -> None:
    message = _problem(tmp_path / name)
    assert message.code == "file.unsupported_type"
    assert ".ecocheck" in message.text() and name in message.text()


@pytest.mark.parametrize("name", ["a.csv", "a.xlsx", "a.json", "a.ecocheck"])
def test_missing_file(tmp_path: Path, name: str) -> None:
    message = _problem(tmp_path / name)
    assert message.code == "file.not_found"
    assert str(tmp_path / name) in message.text()


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "bills.csv"
    folder.mkdir()
    assert _problem(folder).code == "file.not_regular"


def _fake_reader(monkeypatch: pytest.MonkeyPatch, module: str, name: str, reader: object) -> None:
    fake = types.ModuleType(module)
    setattr(fake, name, reader)
    monkeypatch.setitem(sys.modules, module, fake)


@pytest.mark.parametrize(
    ("suffix", "module", "function"),
    [
        (".json", "ecocheck_desktop.exchange.json_io", "read_json_with_meters"),
        (".ecocheck", "ecocheck_desktop.store.project_file", "load_project_and_meters"),
    ],
)
def test_json_and_project_files_go_to_their_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, module: str, function: str
) -> None:
    path = tmp_path / f"client{suffix}"
    path.write_bytes(b"{}")
    expected = Project(company=Company(name="from reader"))
    seen: list[Path] = []

    meters = (object(),)  # the meters with their 30-minute data, which both files carry

    def reader(given: Path, **_: object) -> tuple[Project, tuple[object, ...]]:
        seen.append(given)
        return expected, meters

    _fake_reader(monkeypatch, module, function, reader)
    loaded = load_input(path, company_name="ignored for these files", meters=True)
    assert loaded.project is expected and loaded.warnings == []
    assert loaded.meters is meters
    assert seen == [path]


@pytest.mark.parametrize(
    "error",
    [
        json.JSONDecodeError("Expecting value", "x", 0),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
        PermissionError(13, "Permission denied"),
    ],
)
def test_reader_failures_become_unreadable_file_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    path = tmp_path / "client.json"
    path.write_bytes(b"not json")

    def reader(_path: Path) -> Project:
        raise error

    _fake_reader(monkeypatch, "ecocheck_desktop.exchange.json_io", "read_json_with_meters", reader)
    assert _problem(path).code == "file.unreadable"


def test_corrupt_project_file_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "client.ecocheck"
    path.write_bytes(b"this is not an SQLite database" * 10)
    with pytest.raises(EcoCheckError) as caught:
        load_project_any(path)
    assert all(m.where.get("file") for m in caught.value.messages) or str(path) in str(caught.value)


def test_corrupt_json_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "client.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(EcoCheckError):
        load_project_any(path)


def test_reading_a_csv_loads_neither_openpyxl_nor_the_project_store() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ecocheck_desktop.exchange.loading import load_project_any\n"
        f"p = load_project_any(Path({str(DATA / 'bills_fy2024_user_factor.csv')!r}))\n"
        "assert p.records[0].factor_basic is not None\n"
        # store.atomic (the export writer: os and re only) is no part of the project store.
        "light = ('ecocheck_desktop.store', 'ecocheck_desktop.store.atomic')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('openpyxl', 'pandas',"
        " 'ecocheck_desktop.store', 'PySide6')) and m not in light))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_records_keep_exact_decimals() -> None:
    project = load_project_any(DATA / "bills_fy2024_user_factor.csv")
    assert {r.factor_basic for r in project.records} == {Decimal("0.000450")}
    assert {r.factor_source for r in project.records} == {"2024年4月の請求書"}
