"""Evidence attachments (bill scans): type check by content, size limit, safe export names.

Owns the rules for what may be attached (PDF, JPEG, PNG recognised from their first bytes, never
from the file name) and how an attachment's stored name becomes a file name on export without
any path tricks (no folders, no "..", no device names, no overwriting).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ecocheck_desktop.core.messages import EcoCheckError, Message

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)

EXTENSIONS = {media: ext for _, media, ext in _SIGNATURES}

_WINDOWS_DEVICES = {
    "CON", "PRN", "AUX", "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}  # fmt: skip


def media_type_of(data: bytes, filename: str) -> str:
    """The media type recognised from the content; evidence.bad_type otherwise."""
    for signature, media_type, _ in _SIGNATURES:
        if data.startswith(signature):
            return media_type
    raise EcoCheckError(Message("evidence.bad_type", {"filename": filename}))


def check_size(size: int, filename: str) -> None:
    if size > MAX_ATTACHMENT_BYTES:
        raise EcoCheckError(
            Message(
                "evidence.too_large",
                {
                    "filename": filename,
                    "size_mb": f"{size / 1024 / 1024:.1f}",
                    "limit_mb": MAX_ATTACHMENT_BYTES // 1024 // 1024,
                },
            )
        )


def read_attachment(source: Path | bytes, filename: str) -> tuple[bytes, str]:
    """The bytes and media type of an attachment, size and type checked."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            # Check the size before reading so a 4 GB video is refused without loading it.
            check_size(source.stat().st_size, filename)
            with source.open("rb") as stream:
                data = stream.read(MAX_ATTACHMENT_BYTES + 1)
        except OSError as error:
            raise EcoCheckError(
                Message(
                    "evidence.unreadable",
                    {"filename": filename, "reason": error.strerror or str(error)},
                )
            ) from None
    check_size(len(data), filename)
    return data, media_type_of(data, filename)


def safe_filename(stored_name: str, media_type: str) -> str:
    """A plain file name for ``stored_name``: no folders, no control or reserved characters."""
    name = unicodedata.normalize("NFC", stored_name)
    name = re.split(r"[\\/]", name)[-1]  # drop any folder part, Windows or POSIX
    name = re.sub(r'[\x00-\x1f\x7f<>:"|?*]', "_", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    expected = EXTENSIONS.get(media_type, "")
    # The extension always follows the content, so a PDF stored as "x.exe" exports as .pdf.
    if f".{ext.lower()}" not in (expected, ".jpeg" if expected == ".jpg" else expected):
        stem = name
        ext = expected.lstrip(".")
    stem = stem[:120] or "attachment"
    if stem.split(".")[0].upper() in _WINDOWS_DEVICES:
        stem = f"_{stem}"
    return f"{stem}.{ext}" if ext else stem


def free_path(folder: Path, filename: str) -> Path:
    """``folder/filename``, or ``name (2).ext`` ... if that exists: never overwrite."""
    candidate = folder / filename
    stem, ext = Path(filename).stem, Path(filename).suffix
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{stem} ({counter}){ext}"
    return candidate
