"""A network and process guard for tests: any socket or shell use while armed is an error.

Implemented as a ``sys.addaudithook`` hook (PEP 578), which sees every socket connect, bind,
name lookup and process start made through Python, however deep in a library. Hooks cannot be
removed, so one hook is installed once and only acts while a :func:`guarded` block is active.
Raising from the hook aborts the operation itself, so nothing ever leaves the machine.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

NETWORK_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.bind",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
        "socket.sendto",
        "socket.sendmsg",
        "urllib.Request",
        "http.client.connect",
        "ftplib.connect",
        "smtplib.connect",
    }
)
# Starting another program: never needed by the app's own work on a project. (Evaluating code
# from text cannot be watched here: the standard library itself exec()s generated source for
# dataclasses and namedtuples; test_no_code_execution scans our sources for it instead.)
EXECUTION_EVENTS = frozenset(
    {"os.system", "os.posix_spawn", "os.exec", "os.spawn", "os.startfile", "subprocess.Popen"}
)


# matplotlib asks fontconfig for the system's fonts once, when it builds its font cache (not on
# Windows, where the app is used): a local program that reads font files, nothing else.
ALLOWED_PROGRAMS = frozenset({"fc-list"})


class GuardTripped(RuntimeError):
    pass


class _State:
    armed = False
    events: list[tuple[str, str]] = []  # noqa: RUF012 - one shared log by design
    watch: frozenset[str] = frozenset()


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not _State.armed or event not in _State.watch:
        return
    if event == "subprocess.Popen" and args and str(args[0]) in ALLOWED_PROGRAMS:
        return
    _State.events.append((event, repr(args)[:200]))
    raise GuardTripped(f"{event} during a guarded workflow: {args!r:.200}")


_installed = False


def _install() -> None:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True


@contextmanager
def guarded(*, execution: bool = False) -> Iterator[list[tuple[str, str]]]:
    """Arm the guard; yields the list of events it refused (empty when all went well)."""
    _install()
    _State.events = []
    _State.watch = NETWORK_EVENTS | (EXECUTION_EVENTS if execution else frozenset())
    _State.armed = True
    try:
        yield _State.events
    finally:
        _State.armed = False
