"""Evidence attachments (bill scans): type check by content, size limit, safe export names.

Owns the rules for what may be attached (PDF, JPEG, PNG recognised from their first bytes, never
from the file name) and how an attachment's stored name becomes a file name on export without
any path tricks (no folders, no "..", no device names, no overwriting).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.messages import EcoCheckError, Message

MAX_ATTACHMENT_BYTES = limits.MAX_ATTACHMENT_BYTES

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
HEIC = ("image/heic", ".heic")
# ISO base media brands of HEIF still images (iPhone photos of a bill are HEIC).
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1"}
# How far from the end a trailer may sit (scanners and cameras append padding).
_TAIL = 4096

EXTENSIONS = {media: ext for _, media, ext in _SIGNATURES}
EXTENSIONS[HEIC[0]] = HEIC[1]

_WINDOWS_DEVICES = {
    "CON", "PRN", "AUX", "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}  # fmt: skip


def _heic_brands(data: bytes) -> set[bytes]:
    """The major and compatible brands of a leading ``ftyp`` box (empty if there is none)."""
    if len(data) < 16 or data[4:8] != b"ftyp":
        return set()
    size = int.from_bytes(data[0:4], "big")
    if not 16 <= size <= min(len(data), 4096):
        return set()
    return {data[8:12], *(data[i : i + 4] for i in range(16, size - 3, 4))}


def media_type_of(data: bytes, filename: str) -> str:
    """The media type recognised from the content; evidence.bad_type otherwise."""
    for signature, media_type, _ in _SIGNATURES:
        if data.startswith(signature):
            return media_type
    if _heic_brands(data) & _HEIC_BRANDS:
        return HEIC[0]
    raise EcoCheckError(Message("evidence.bad_type", {"filename": filename}))


def check_structure(data: bytes, filename: str) -> str:
    """The media type of a new attachment, with its structure checked beyond the first bytes:
    a PDF ends with %%EOF, a JPEG with EOI (FF D9), a PNG starts with its IHDR chunk and ends
    with IEND, a HEIC starts with an ftyp box of a HEIF brand. A cut-off download or a file
    that only borrows a signature (a script named .pdf) is refused before it is stored."""
    media_type = media_type_of(data, filename)
    tail = data[-_TAIL:]
    if media_type == "application/pdf":
        whole, kind = b"%%EOF" in tail, "PDF"
    elif media_type == "image/jpeg":
        whole, kind = b"\xff\xd9" in tail, "JPEG"
    elif media_type == "image/png":
        whole = data[12:16] == b"IHDR" and data[8:12] == (13).to_bytes(4, "big")
        whole, kind = whole and b"IEND" in data[-64:], "PNG"
    else:
        whole, kind = len(data) > 32, "HEIC"
    if not whole:
        raise EcoCheckError(Message("evidence.incomplete", {"filename": filename, "kind": kind}))
    return media_type


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
    """The bytes and media type of an attachment, size and type checked.

    A path must be a regular file: it is opened non-blocking and checked on the open
    descriptor, so a FIFO, a device or a folder named scan.pdf is refused at once instead of
    hanging the app; its size is checked before reading and the read is bounded. Files from
    disk also get the structure check of :func:`check_structure`.
    """
    if isinstance(source, bytes):
        data = source
        check_size(len(data), filename)
        return data, media_type_of(data, filename)
    path = Path(source)
    try:
        # stat never blocks, even on a FIFO; read_regular_file checks again on the descriptor.
        check_size(limits.check_regular_file(path).st_size, filename)
        data = limits.read_regular_file(path, MAX_ATTACHMENT_BYTES)
    except EcoCheckError as error:
        first = error.messages[0]
        if first.code == "file.unreadable":
            reason = first.params.get("reason", "")
            raise EcoCheckError(
                Message("evidence.unreadable", {"filename": filename, "reason": reason})
            ) from None
        if first.code == "file.too_large":  # it grew between the stat and the read
            check_size(MAX_ATTACHMENT_BYTES + 1, filename)
        raise
    check_size(len(data), filename)
    return data, check_structure(data, filename)


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
