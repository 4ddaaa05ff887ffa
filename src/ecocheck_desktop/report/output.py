"""Writing export files (PDF, CSV, JSON) with the report's message on failure, and that message.

The writing itself is :func:`ecocheck_desktop.store.atomic.write_file`, the one atomic writer:
a reader (a PDF viewer, a file-sync client, the user double-clicking) sees either the previous
file or the complete new one, also after a power cut.
"""

from __future__ import annotations

from pathlib import Path

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.store import atomic


def cannot_write(path: Path, error: OSError) -> EcoCheckError:
    """The report's message for an export that the system refused to write."""
    return EcoCheckError(
        Message(
            "report.cannot_write",
            {"path": str(path), "reason": error.strerror or type(error).__name__},
        )
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` (:func:`store.atomic.write_file`); a failure is a message."""
    try:
        atomic.write_file(Path(path), data)
    except OSError as error:
        raise cannot_write(path, error) from None


def make_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) for exports; a failure is the report's message."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cannot_write(folder, error) from None
    return folder
