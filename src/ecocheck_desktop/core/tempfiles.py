"""Leftover temporary files of killed exports and hand-overs: found and removed on the next run.

Every writer of an export (PDF, CSV, JSON, the hand-over copy) writes ``.<target name>.<x>.tmp``
next to the target and renames it into place. A process killed in between leaves that file
behind (up to the size of a project with its scans). Before writing a target again, the writer
calls :func:`remove_stale` which deletes such files of the same target that are older than
:data:`STALE_AFTER_SECONDS` (a live writer keeps touching its file), whose writer process is
gone when the name carries its pid, and that the system lets us delete (on Windows a file
another process still has open is locked and stays). On POSIX a file whose name carries the pid
of a process that no longer runs is removed at once, whatever its age: a run started right
after a killed one tidies up after it.
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


def _pid_of(middle: str) -> int | None:
    """The writer's pid in a temporary name's middle part (``<pid>`` or ``<pid>-<random>``)."""
    head = middle.split("-", 1)[0]
    return int(head) if head.isdigit() else None


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
            pid = _pid_of(match.group("middle"))
            if pid is not None and _pid_alive(pid):
                continue
            writer_gone = pid is not None and os.name == "posix"
            if not writer_gone and now - info.st_mtime < STALE_AFTER_SECONDS:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed
