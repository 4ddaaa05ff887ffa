"""cli.main maps errors of the machine to exit 2 with the file named, and only those: a
programming error stays exit 1 (so the mapping cannot hide a defect)."""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import sqlite3

import pytest

from ecocheck_desktop import cli


def _run_with(error: BaseException, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    def handler(name: str):  # type: ignore[no-untyped-def]
        def run(args: argparse.Namespace) -> int:
            raise error

        return run

    monkeypatch.setattr(cli, "_handler", handler)
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, err.getvalue()


@pytest.mark.parametrize(
    ("error", "named"),
    [
        (
            PermissionError(errno.EACCES, "Permission denied", "/srv/clients/a.ecocheck"),
            "/srv/clients/a.ecocheck",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "out.pdf"),  # the output
        (OSError(errno.ENAMETOOLONG, "File name too long", "x" * 300), "x" * 300),
        (OSError(errno.EBUSY, "Device or resource busy"), "in.ecocheck"),  # locked: the input
        (sqlite3.OperationalError("database is locked"), "in.ecocheck"),
        (sqlite3.OperationalError("disk I/O error"), "in.ecocheck"),
        (MemoryError(), "in.ecocheck"),
    ],
)
def test_environment_errors_exit_2_naming_the_file(
    error: BaseException, named: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, err = _run_with(error, monkeypatch, "report", "in.ecocheck", "-o", "out.pdf")
    assert code == cli.EXIT_BAD_INPUT, err
    assert err.startswith("ecocheck: error: ") and named in err
    assert "Traceback" not in err
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        assert "disk is full" in err


def test_a_defect_is_still_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    code, err = _run_with(RuntimeError("a bug"), monkeypatch, "calc", "in.csv")
    assert code == cli.EXIT_UNEXPECTED
    assert "unexpected error" in err
