"""Writing export files (PDF, CSV, JSON) with the report's message on failure, and that message.

The writing itself is :func:`ecocheck_desktop.store.atomic.write_file`, the one atomic writer:
a reader (a PDF viewer, a file-sync client, the user double-clicking) sees either the previous
file or the complete new one, also after a power cut.
"""

from __future__ import annotations

from pathlib import Path

from ecocheck_desktop.core.messages import EcoCheckError, Message, register
from ecocheck_desktop.store import atomic

register(
    {
        "report.cannot_write": "Cannot write {path}: {reason}. Close the file if another"
        " program (a PDF viewer, Excel) has it open, or choose another folder",
        "report.no_data": "The project has no energy data to report",
        "report.fiscal_year_absent": "The data has no fiscal year {fiscal_year}",
        "report.bad_language": "Unknown report language '{lang}' (use ja or en)",
        "report.unknown_section": "Unknown report section(s) {sections} (known: {known})",
    }
)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` (:func:`store.atomic.write_file`); a failure is a message."""
    try:
        atomic.write_file(Path(path), data)
    except OSError as error:
        raise EcoCheckError(
            Message(
                "report.cannot_write",
                {"path": str(path), "reason": error.strerror or type(error).__name__},
            )
        ) from None
