"""Leftover temporary files of killed exports and hand-overs: found and removed on the next run.

Every writer of an export (PDF, CSV, JSON, the hand-over copy) writes ``.<target name>.<x>.tmp``
next to the target and renames it into place. A process killed in between leaves that file
behind (up to the size of a project with its scans). Before writing a target again, the writer
calls :func:`remove_stale` which deletes such files of the same target that are older than
:data:`STALE_AFTER_SECONDS` (a live writer keeps touching its file), whose writer process is
gone when the name carries its pid, and that the system lets us delete (on Windows a file
another process still has open is locked and stays).
"""

from __future__ import annotations

import os
import re
import time
from contextlib import suppress
from pathlib import Path

STALE_AFTER_SECONDS = 300


def _pid_alive(pid: int) -> bool:
    """Whether the process that named a temporary file after its pid still runs."""
    if pid == os.getpid():
        return True
    if pid <= 0 or os.name != "posix":
        return False  # rely on the age and on Windows' lock of an open file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_stale(target: Path, *, now: float | None = None) -> list[Path]:
    """Delete stale ``.<target name>.*.tmp`` (and their ``-journal``) next to ``target``."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    pattern = re.compile(re.escape(prefix) + r"(?P<middle>[^/\\]*)\.tmp(-journal)?$")
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if not match:
            continue
        with suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - info.st_mtime < STALE_AFTER_SECONDS:
                continue
            middle = match.group("middle")
            if middle.isdigit() and _pid_alive(int(middle)):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed
