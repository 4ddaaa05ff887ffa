"""Writing export files atomically (PDF and companion), and the report's error messages.

A reader (a PDF viewer, a file-sync client, the user double-clicking) sees either the previous
file or the complete new one: the bytes go to a temporary file in the target's folder, are
flushed to disk, and the temporary file is then renamed over the target.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ecocheck_desktop.core.messages import EcoCheckError, Message, register
from ecocheck_desktop.core.tempfiles import remove_stale

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
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half."""
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale(path)  # what a killed earlier export left behind
    temp_name: str | None = None
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=folder
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temp_name, _target_mode(path))
        os.replace(temp_name, path)
        temp_name = None
    except OSError as error:
        raise EcoCheckError(
            Message(
                "report.cannot_write",
                {"path": str(path), "reason": error.strerror or type(error).__name__},
            )
        ) from None
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
