"""Evidence attachments: type from content, size limit, safe export."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import EnergyRecord
from ecocheck_desktop.store import evidence
from ecocheck_desktop.store.project_file import ProjectFile
from tests.store.conftest import small_project

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


@pytest.fixture
def project_file(tmp_path: Path):
    pf = ProjectFile.create(tmp_path / "a.ecocheck", small_project(), user="u")
    yield pf
    pf.close()


@pytest.mark.parametrize(
    ("data", "media_type"),
    [(PDF, "application/pdf"), (JPEG, "image/jpeg"), (PNG, "image/png")],
)
def test_accepted_types_round_trip(project_file, tmp_path: Path, data, media_type) -> None:
    record_id = project_file.records()[0][0]
    evidence_id = project_file.attach_evidence(
        data, "請求書.bin", month="2025-04", record_id=record_id
    )
    (info,) = project_file.evidence()
    assert (info.id, info.media_type, info.size, info.record_id) == (
        evidence_id, media_type, len(data), record_id,
    )  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    exported = project_file.export_evidence(evidence_id, out)
    assert exported.read_bytes() == data
    assert exported.parent == out
    assert exported.suffix == evidence.EXTENSIONS[media_type]
    assert project_file.change_log()[-1].action == "evidence.add"


@pytest.mark.parametrize(
    "data", [b"MZ\x90\x00 windows program", b"", b"GIF89a....", b"<html>%PDF-</html>"]
)
def test_type_is_checked_from_content_not_name(project_file, data: bytes) -> None:
    with pytest.raises(EcoCheckError) as error:
        project_file.attach_evidence(data, "bill.pdf")
    assert error.value.messages[0].code == "evidence.bad_type"
    assert "bill.pdf" in error.value.messages[0].text()
    assert project_file.evidence() == []


def test_size_limit_is_checked_before_reading(project_file, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as stream:  # sparse: no 20 MB written to the test disk
        stream.write(PDF)
        stream.truncate(evidence.MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(EcoCheckError) as error:
        project_file.attach_evidence(big, big.name)
    message = error.value.messages[0]
    assert message.code == "evidence.too_large"
    assert "20 MB" in message.text()


def test_size_limit_is_inclusive(project_file, monkeypatch: pytest.MonkeyPatch) -> None:
    # A small limit keeps the test fast; the boundary logic is the same.
    monkeypatch.setattr(evidence, "MAX_ATTACHMENT_BYTES", 1000)
    project_file.attach_evidence(PDF.ljust(1000, b" "), "exact.pdf")
    with pytest.raises(EcoCheckError) as error:
        project_file.attach_evidence(PDF.ljust(1001, b" "), "over.pdf")
    assert error.value.messages[0].code == "evidence.too_large"
    assert len(project_file.evidence()) == 1


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("..\\..\\Windows\\system32\\x.pdf", "x.pdf"),
        ("/abs/path/bill.PDF", "bill.PDF"),
        ("CON.pdf", "_CON.pdf"),
        ("a<b>c:d|e?.pdf", "a_b_c_d_e_.pdf"),
        ("bill.exe", "bill.exe.pdf"),
        ("..", "attachment.pdf"),
        ("請求書\x00.pdf", "請求書_.pdf"),
    ],
)
def test_export_names_have_no_path_tricks(project_file, tmp_path: Path, stored, expected) -> None:
    evidence_id = project_file.attach_evidence(PDF, stored)
    out = tmp_path / "out"
    out.mkdir()
    exported = project_file.export_evidence(evidence_id, out)
    assert exported.parent == out
    assert exported.name == expected


def test_export_never_overwrites(project_file, tmp_path: Path) -> None:
    evidence_id = project_file.attach_evidence(PNG, "scan.png")
    (tmp_path / "scan.png").write_bytes(b"mine")
    first = project_file.export_evidence(evidence_id, tmp_path)
    second = project_file.export_evidence(evidence_id, tmp_path)
    assert (tmp_path / "scan.png").read_bytes() == b"mine"
    assert first.name == "scan (2).png" and second.name == "scan (3).png"


def test_attachment_survives_reopen_and_record_delete(tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    with ProjectFile.create(path, small_project()) as pf:
        record_id = pf.add_record(EnergyRecord("2025-09", "electricity", Decimal(5), "kWh"))
        evidence_id = pf.attach_evidence(PNG, "scan.png", record_id=record_id)
        pf.delete_record(record_id)
    with ProjectFile.open(path, read_only=True) as pf:
        info, data = pf.evidence_data(evidence_id)
    assert data == PNG and info.record_id is None


def test_unknown_attachment(project_file, tmp_path: Path) -> None:
    with pytest.raises(EcoCheckError) as error:
        project_file.export_evidence(42, tmp_path)
    assert error.value.messages[0].code == "evidence.not_found"
