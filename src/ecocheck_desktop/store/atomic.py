"""Files that appear whole or not at all: temporary names, renames, and the leftovers of kills.

Owns the naming of the temporary files written beside a target (a new project, a migration
backup, every export): ``.<target name>.<pid>.tmp``, hidden, in the target's own folder so that
the final ``os.replace`` is a rename on one volume. A process killed before the rename leaves
such a file; :func:`clean_leftovers` removes the ones whose process no longer runs, so the next
run of any command that writes that target tidies up after the killed one.

:func:`write_file` is THE writer of every export (PDF, CSV, JSON, the portfolio summary): the
bytes are fsynced under the temporary name, renamed over the target and the folder is fsynced,
so a reader (a PDF viewer, a sync client, a power cut) sees the old file or the whole new one.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import suppress
from pathlib import Path

from ecocheck_desktop.core.tempfiles import remove_stale

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.tmp(-journal|-wal|-shm)?$")


def temp_path(target: Path) -> Path:
    """This process's temporary name for ``target`` (same folder, hidden)."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes  # Windows only

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists, under another user
        return True
    return True


def clean_leftovers(folder: Path, name_matches: re.Pattern[str] | None = None) -> list[Path]:
    """Remove temporary files in ``folder`` left by killed processes; returns what was removed.

    With ``name_matches``, only leftovers whose target name matches it. Files of a process that
    still runs (another EcoCheck writing right now) are left alone; so is anything else.
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or (name_matches and not name_matches.fullmatch(match["name"])):
            continue
        if _alive(int(match["pid"])):
            continue
        with suppress(OSError):
            if entry.is_file() and not entry.is_symlink():
                entry.unlink()
                removed.append(entry)
    return removed


def write_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably; raises OSError (nothing left over).

    The new file gets the mode the old one had (a plain ``open()``'s mode when there was none).
    """
    path = Path(path)
    remove_stale(path)  # what a killed earlier export of this target left behind
    temp = temp_path(path)
    try:
        temp.unlink(missing_ok=True)  # a leftover of this pid: "x" must not follow a link
        with temp.open("xb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _target_mode(path))
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    sync_folder(path.parent)


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def sync_file(path: Path) -> None:
    """fsync ``path``'s content (before a rename makes it visible under the real name)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """fsync a folder so a rename in it survives a power cut (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
