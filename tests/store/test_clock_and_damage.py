"""More faults: a system clock that goes backwards, and an attachment damaged inside the file."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Company, EnergyRecord
from ecocheck_desktop.store import project_file as project_file_module
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from tests.store.conftest import small_project

PNG = b"\x89PNG\r\n\x1a\n" + b"GOOD-SCAN" * 50
PDF = b"%PDF-1.4\n" + b"DAMAGE-ME" * 50 + b"\n%%EOF\n"


def _backwards_clock(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each reading one hour earlier than the last (a clock reset by a dead CMOS battery)."""
    readings: list[str] = []
    start = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def now() -> str:
        value = (start - timedelta(hours=len(readings))).isoformat(timespec="milliseconds")
        readings.append(value)
        return value

    monkeypatch.setattr(project_file_module, "_now", now)
    return readings


def test_clock_going_backwards_keeps_every_edit_in_the_order_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.ecocheck"
    ProjectFile.create(path, small_project(), user="u").close()
    readings = _backwards_clock(monkeypatch)
    with ProjectFile.open(path, user="u") as pf:
        first = pf.add_record(EnergyRecord("2025-06", "electricity", Decimal(1), "kWh"))
        pf.update_record(first, EnergyRecord("2025-06", "electricity", Decimal(2), "kWh"))
        pf.set_company(Company("after the clock reset"))
        pf.delete_record(first)
    assert readings == sorted(readings, reverse=True) and len(readings) >= 4
    with ProjectFile.open(path, read_only=True) as reader:
        log = reader.change_log()
        modified_at = reader.meta()["modified_at"]
    # The audit trail follows the order of the edits, not the clock; the times are the ones
    # the computer showed, kept as they were (an auditor sees the clock went back).
    assert [e.action for e in log] == [
        "project.create",
        "record.add",
        "record.update",
        "company.set",
        "record.delete",
    ]
    assert [e.id for e in log] == sorted(e.id for e in log)
    assert [e.at for e in log[1:]] == sorted((e.at for e in log[1:]), reverse=True)
    assert modified_at == log[-1].at
    loaded = load_project(path)
    assert loaded.company.name == "after the clock reset"
    assert len(loaded.records) == len(small_project().records)


def _damage_blob_on_disk(path: Path, marker: bytes) -> None:
    """Flip bytes inside the attachment's stored content, as a bad sector would."""
    data = bytearray(path.read_bytes())
    offset = data.index(marker)
    data[offset : offset + 4] = b"\x00BAD"
    path.write_bytes(bytes(data))


def _project_with_two_scans(path: Path) -> tuple[int, int]:
    with ProjectFile.create(path, small_project(), user="u") as pf:
        good = pf.attach_evidence(PNG, "good.png", month="2025-04")
        bad = pf.attach_evidence(PDF, "請求書4月.pdf", month="2025-04")
    return good, bad


@pytest.mark.parametrize("damage", ["bytes-on-disk", "blob-replaced-by-text", "type-changed"])
def test_damaged_attachment_is_named_and_the_project_still_opens(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "a.ecocheck"
    good, bad = _project_with_two_scans(path)
    if damage == "bytes-on-disk":
        _damage_blob_on_disk(path, b"DAMAGE-ME")
    else:
        value: object = "not a file" if damage == "blob-replaced-by-text" else PNG
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute("UPDATE evidence SET data = ? WHERE id = ?", (value, bad))
            if damage == "type-changed":  # a consistent hash, but not the PDF it claims
                digest = hashlib.sha256(PNG).hexdigest()
                conn.execute("UPDATE evidence SET sha256 = ? WHERE id = ?", (digest, bad))
    out = tmp_path / "out"
    out.mkdir()
    with ProjectFile.open(path, user="u") as pf:
        assert pf.load() == small_project()
        assert [info.filename for info in pf.evidence()] == ["good.png", "請求書4月.pdf"]
        with pytest.raises(EcoCheckError) as reading:
            pf.evidence_data(bad)
        with pytest.raises(EcoCheckError) as exporting:
            pf.export_evidence(bad, out)
        assert list(out.iterdir()) == []  # nothing half-written
        for error in (reading, exporting):
            message = error.value.messages[0]
            assert message.code == "evidence.damaged"
            assert "請求書4月.pdf" in message.text() and str(path) in message.text()
        # The other scan and the rest of the project are untouched and still editable.
        assert pf.export_evidence(good, out).read_bytes() == PNG
        pf.set_company(Company("still editable"))
        pf.delete_evidence(bad)
    assert load_project(path).company.name == "still editable"
