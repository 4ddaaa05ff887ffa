"""Every export goes through the one atomic writer (store/atomic.py ``write_file``).

Proved from the outside: ``os.fsync`` is watched, and after each kind of export the file that
now stands under the target's name must be the very file that was fsynced (same inode: the
rename keeps it), and its folder must have been fsynced after the rename (POSIX). An export that
wrote its bytes some other way — a plain ``write_bytes``, a rename without a sync — fails here.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.exchange.bills import write_bills_csv
from ecocheck_desktop.exchange.json_io import write_json
from ecocheck_desktop.exchange.portfolio import summarise, write_summaries
from ecocheck_desktop.report.companion import write_companion_csv, write_companion_json
from ecocheck_desktop.report.consortium import summarise_rows, write_consortium_csv
from ecocheck_desktop.report.consortium_pdf import write_consortium_pdf
from ecocheck_desktop.report.pdf import build_report
from ecocheck_desktop.store import atomic
from tests.report.sample import sample_project


def _bills(path: Path) -> None:
    write_bills_csv(sample_project(), path)


def _json(path: Path) -> None:
    write_json(sample_project(), path)


def _companion_csv(path: Path) -> None:
    project = sample_project()
    write_companion_csv(project, calculate(project), path)


def _companion_json(path: Path) -> None:
    project = sample_project()
    write_companion_json(project, calculate(project), path)


def _rows(path: Path) -> list[object]:
    return [summarise(path.with_name("a.ecocheck"), sample_project())]


def _summary(path: Path) -> None:
    write_summaries(_rows(path), path)  # type: ignore[arg-type]


def _consortium_csv(path: Path) -> None:
    write_consortium_csv(summarise_rows(_rows(path)), path)


def _consortium_pdf(path: Path) -> None:
    write_consortium_pdf(summarise_rows(_rows(path)), path)


def _pdf(path: Path) -> None:
    build_report(sample_project(), path, lang="en")


EXPORTS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "bills csv": ("bills.csv", _bills),
    "json export": ("project.json", _json),
    "companion csv": ("key.csv", _companion_csv),
    "companion json": ("key.json", _companion_json),
    "portfolio summary": ("portfolio.csv", _summary),
    "consortium csv": ("consortium.csv", _consortium_csv),
    "consortium pdf": ("consortium.pdf", _consortium_pdf),
    "report pdf": ("report.pdf", _pdf),
}


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_each_export_is_fsynced_file_and_folder(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, export = EXPORTS[kind]
    target = tmp_path / name
    target.write_bytes(b"previous export")
    synced: list[tuple[int, bool]] = []  # (inode, is a folder) in call order
    real_fsync = os.fsync

    def watching_fsync(fd: int) -> None:
        info = os.fstat(fd)
        synced.append((info.st_ino, stat.S_ISDIR(info.st_mode)))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watching_fsync)
    export(target)
    monkeypatch.undo()

    assert target.read_bytes() != b"previous export"
    file_syncs = [i for i, (inode, _) in enumerate(synced) if inode == target.stat().st_ino]
    assert file_syncs, f"{kind}: the exported file was never fsynced"
    if os.name == "posix":
        folder_inode = tmp_path.stat().st_ino
        folder_syncs = [
            i for i, (inode, is_dir) in enumerate(synced) if is_dir and inode == folder_inode
        ]
        assert folder_syncs and folder_syncs[-1] > file_syncs[-1], f"{kind}: folder not fsynced"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"previous export")

    def failing_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        atomic.write_file(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_the_new_file_keeps_the_mode_of_the_old_one(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX file modes")
    target = tmp_path / "shared.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic.write_file(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"new"
