"""Exports are safe to open and safe to write: no spreadsheet formula in any CSV cell, no file
written anywhere but the chosen path, and a full disk leaves the previous export intact."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Company, EnergyRecord, Project, Site
from ecocheck_desktop.exchange.bills import read_bills, write_bills_csv
from ecocheck_desktop.exchange.json_io import write_json
from ecocheck_desktop.store.project_file import ProjectFile
from tests.store.conftest import small_project

FORMULAS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1", "'=already", '=HYPERLINK("x")']
STARTS = ("=", "+", "-", "@", "\t", "\r")


def _hostile_project() -> Project:
    project = small_project()
    name = "../../=evil|' /C calc'!A0"
    project.company = replace(project.company, name=name)
    project.sites = [Site(text) for text in FORMULAS]
    project.records = [
        EnergyRecord(
            "2025-04",
            "electricity",
            Decimal(100 + i),
            "kWh",
            site=text,
            supplier=text,
            menu=text,
            note=text,
        )
        for i, text in enumerate(FORMULAS)
    ]
    project.contracts = []
    return project


def _quiet(*argv: str) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(list(argv))


def _cells(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_no_csv_cell_can_start_a_formula_and_text_survives(tmp_path: Path) -> None:
    source = tmp_path / "p.ecocheck"
    ProjectFile.create(source, _hostile_project()).close()
    bills, key_figures = tmp_path / "bills.csv", tmp_path / "key.csv"
    assert _quiet("export", str(source), "-o", str(bills)) == 0
    assert _quiet("report", str(source), "-o", str(key_figures)) == 0
    for path in (bills, key_figures):
        dangerous = [c for c in _cells(path) if c.startswith(STARTS) and not _is_number(c)]
        assert dangerous == [], path.name
    # Neutralised for Excel, but reading the export back gives the user's exact text.
    assert [r.note for r in read_bills(bills).records] == FORMULAS
    assert [r.site for r in read_bills(bills).records] == FORMULAS


def test_outputs_go_only_where_the_user_chose(tmp_path: Path) -> None:
    # The company name holds "../../": no output path is ever built from project data.
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    source = work / "p.ecocheck"
    ProjectFile.create(source, _hostile_project()).close()
    outputs = [work / n for n in ("r.pdf", "k.csv", "k.json", "e.json", "e.csv")]
    assert _quiet("report", str(source), "-o", str(outputs[0]), "--lang", "en") == 0
    assert _quiet("report", str(source), "-o", str(outputs[1])) == 0
    assert _quiet("report", str(source), "-o", str(outputs[2])) == 0
    assert _quiet("export", str(source), "-o", str(outputs[3])) == 0
    assert _quiet("export", str(source), "-o", str(outputs[4])) == 0
    everything = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert everything == sorted(["a", "a/b", "a/b/p.ecocheck", *(f"a/b/{p.name}" for p in outputs)])


def _disk_full_after(limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes fail with ENOSPC once ``limit`` bytes went to a file, as on a full disk."""
    real_open = open

    class FullDisk(io.RawIOBase):
        def __init__(self, target: object, mode: str) -> None:
            self._stream = real_open(target, mode)
            self._written = 0

        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            chunk = bytes(data)  # type: ignore[call-overload]
            room = max(0, limit - self._written)
            self._stream.write(chunk[:room])
            self._written += min(room, len(chunk))
            if len(chunk) > room:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return len(chunk)

        def close(self) -> None:
            self._stream.close()
            super().close()

    def fake_open(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode or "x" in mode:
            raw = FullDisk(self, "wb")
            if "b" in mode:
                return raw
            return io.TextIOWrapper(raw, encoding=str(kwargs.get("encoding") or "utf-8"))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)


@pytest.mark.parametrize("kind", ["bills-csv", "json"])
def test_full_disk_during_export_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    path = tmp_path / ("out.csv" if kind == "bills-csv" else "out.json")
    path.write_bytes(b"previous export")
    project = small_project()
    project.records = project.records * 50  # more than the disk has room for
    _disk_full_after(512, monkeypatch)
    # write_json says so itself; the bills CSV writer leaves the wording to its caller.
    with pytest.raises((OSError, EcoCheckError)) as error:
        if kind == "bills-csv":
            write_bills_csv(project, path)
        else:
            write_json(project, path)
    monkeypatch.undo()
    assert path.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    text = str(error.value)
    assert "No space left" in text or "full" in text


def test_full_disk_during_export_is_a_clear_message_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "p.ecocheck"
    ProjectFile.create(source, small_project()).close()
    output = tmp_path / "out.csv"
    output.write_bytes(b"previous export")
    _disk_full_after(64, monkeypatch)
    assert main(["export", str(source), "-o", str(output)]) == 2
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert "No space left" in err and str(output) in err and "Traceback" not in err
    assert output.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "p.ecocheck"]


def test_company_name_is_not_a_path(tmp_path: Path) -> None:
    # Guard for the test data itself: the hostile name really would escape if used as a path.
    name = _hostile_project().company.name
    assert (tmp_path / name).resolve().parent != tmp_path.resolve()
    assert isinstance(Company(name), Company)
