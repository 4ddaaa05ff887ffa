"""The bill scans stored in the project file: listing (a damaged row is tolerated), reading
(checked against the stored hash and type), attaching, deleting and exporting. What may be
attached and how it is named on export is :mod:`.evidence`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import EnergyRecord
from ecocheck_desktop.store import evidence as _evidence
from ecocheck_desktop.store.failures import _reading, _where
from ecocheck_desktop.store.rows import FilePart, _all, _int_or_none, _now, _one, _text_or


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    filename: str
    media_type: str
    size: int
    month: str | None
    record_id: int | None
    added_at: str
    added_by: str
    sha256: str


class EvidenceRows(FilePart):
    """Part of :class:`~ecocheck_desktop.store.project_file.ProjectFile`."""

    if TYPE_CHECKING:  # provided by ProjectFile

        def _record(self, record_id: int) -> EnergyRecord: ...

    def evidence(self) -> list[EvidenceInfo]:
        """The attachments' descriptions. Tolerates a damaged row (another program's edit, a
        bad sector) so that the project still opens; reading that attachment then says so."""
        with _reading(self.path):
            columns = {
                row["name"] for row in _all(self._db().execute("PRAGMA table_info(evidence)"))
            }
            digest = "sha256" if "sha256" in columns else "'' AS sha256"  # v1 file, read-only
            columns_sql = (
                f"id, filename, media_type, size, month, record_id, added_at, added_by, {digest}"
            )
            rows = _all(
                self._db().execute(f"SELECT {columns_sql} FROM evidence ORDER BY id")  # noqa: S608
            )
            return [
                EvidenceInfo(
                    id=row["id"],
                    filename=_text_or(row["filename"], f"attachment-{row['id']}"),
                    media_type=_text_or(row["media_type"], ""),
                    size=_int_or_none(row["size"]) or 0,
                    month=row["month"] if isinstance(row["month"], str) else None,
                    record_id=_int_or_none(row["record_id"]),
                    added_at=_text_or(row["added_at"], ""),
                    added_by=_text_or(row["added_by"], ""),
                    sha256=_text_or(row["sha256"], ""),
                )
                for row in rows
            ]

    def evidence_data(self, evidence_id: int) -> tuple[EvidenceInfo, bytes]:
        """An attachment and its bytes, checked against its stored hash and type."""
        info = {item.id: item for item in self.evidence()}.get(evidence_id)
        with _reading(self.path):
            row = _one(self._db().execute("SELECT data FROM evidence WHERE id = ?", (evidence_id,)))
        if info is None or row is None:
            raise EcoCheckError(
                Message("evidence.not_found", {"evidence_id": evidence_id}, _where(self.path))
            )
        data = row["data"]

        def damaged(reason: str) -> EcoCheckError:
            params = {"filename": info.filename, "evidence_id": evidence_id, "reason": reason}
            return EcoCheckError(Message("evidence.damaged", params, _where(self.path)))

        if not isinstance(data, bytes):
            raise damaged("the stored content is not a file")
        import hashlib  # here: opening a project without scans does not need it (a few ms)

        if info.sha256 and hashlib.sha256(data).hexdigest() != info.sha256:
            raise damaged("its content no longer matches its checksum")
        try:
            media_type = _evidence.media_type_of(data, info.filename)
        except EcoCheckError:
            raise damaged("not a PDF, JPEG or PNG file any more") from None
        if info.media_type and media_type != info.media_type:
            raise damaged("its type changed")
        return info, data

    # -- writing (one change and its change-log row each) -------------------------------------

    def attach_evidence(
        self,
        source: Path | bytes,
        filename: str,
        month: str | None = None,
        record_id: int | None = None,
    ) -> int:
        """Store a bill scan inside the file; returns its id."""
        data, media_type = _evidence.read_attachment(source, filename)
        if record_id is not None:
            self._record(record_id)
        import hashlib  # OpenSSL loads when a scan is attached, not when a file opens

        digest = hashlib.sha256(data).hexdigest()
        new = {"filename": filename, "size": len(data), "month": month, "record_id": record_id}
        with self._change("evidence.add", "evidence", None, new) as conn:
            cursor = conn.execute(
                "INSERT INTO evidence (filename, media_type, size, data, month, record_id,"
                " added_at, added_by, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    filename,
                    media_type,
                    len(data),
                    data,
                    month,
                    record_id,
                    _now(),
                    self.user,
                    digest,
                ),
            )
            evidence_id = int(cursor.lastrowid or 0)
        return evidence_id

    def delete_evidence(self, evidence_id: int) -> None:
        # From the listing, not evidence_data(): a damaged scan must be removable too.
        info = {item.id: item for item in self.evidence()}.get(evidence_id)
        if info is None:
            raise EcoCheckError(
                Message("evidence.not_found", {"evidence_id": evidence_id}, _where(self.path))
            )
        old = {"filename": info.filename, "size": info.size, "sha256": info.sha256}
        with self._change("evidence.delete", f"evidence[{evidence_id}]", old, None) as conn:
            conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))

    def export_evidence(self, evidence_id: int, folder: Path) -> Path:
        """Write an attachment into ``folder`` under a safe, new name; returns the path."""
        info, data = self.evidence_data(evidence_id)
        folder = Path(folder)
        name = _evidence.safe_filename(info.filename, info.media_type)
        try:
            target = _evidence.free_path(folder, name)
            # "x" mode: never follow or clobber something that appeared since free_path looked.
            with target.open("xb") as stream:
                stream.write(data)
        except OSError as error:
            raise EcoCheckError(
                Message(
                    "evidence.export_failed",
                    {"folder": str(folder), "reason": error.strerror or str(error)},
                )
            ) from None
        return target
