"""Offline by construction: the whole command-line workflow opens no socket and starts no
program, checked with an audit hook that aborts any such attempt (tests/security/guard.py).
The GUI workflow has the same check in tests/gui/test_no_network_gui.py."""

from __future__ import annotations

import contextlib
import io
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from tests.security.guard import GuardTripped, guarded


def test_the_guard_really_trips() -> None:
    # Proof that a silent guard means something: each of these is refused and recorded.
    with guarded(execution=True) as events:
        with pytest.raises(GuardTripped):
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        with pytest.raises(GuardTripped):
            socket.getaddrinfo("example.invalid", 443)
        with pytest.raises(GuardTripped):
            socket.socket().bind(("127.0.0.1", 0))
        with pytest.raises(GuardTripped):
            subprocess.run(["true"], check=False)
    assert [name for name, _ in events] == [
        "socket.getaddrinfo",
        "socket.getaddrinfo",
        "socket.bind",
        "subprocess.Popen",
    ]


def _run(*argv: str) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(list(argv))


@pytest.mark.slow
def test_command_line_workflow_opens_no_socket_and_starts_no_program(
    repo_root: Path, tmp_path: Path
) -> None:
    bills = tmp_path / "bills.csv"
    shutil.copy(repo_root / "tests" / "exchange" / "data" / "bills_fy2025_ja_sjis.csv", bills)
    demo, imported, again = (tmp_path / n for n in ("demo.ecocheck", "b.ecocheck", "c.ecocheck"))
    steps = [
        ("demo", "-o", str(demo)),
        ("calc", str(demo), "--json"),
        ("calc", str(bills)),
        ("measures", str(demo), "--json"),
        ("report", str(demo), "-o", str(tmp_path / "demo.pdf"), "--lang", "en"),
        ("report", str(demo), "-o", str(tmp_path / "key.csv")),
        ("import", str(bills), "-o", str(imported)),
        ("export", str(demo), "-o", str(tmp_path / "demo.json")),
        ("export", str(demo), "-o", str(tmp_path / "demo.csv")),
        ("import", str(tmp_path / "demo.json"), "-o", str(again)),
        ("selftest",),
    ]
    with guarded(execution=True) as events:
        codes = [_run(*step) for step in steps]
    assert events == []
    assert codes == [0] * len(steps)
    assert (tmp_path / "demo.pdf").read_bytes().startswith(b"%PDF")
