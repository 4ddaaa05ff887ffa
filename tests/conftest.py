"""Test-wide set-up: offscreen Qt before any QApplication, isolated settings, temp files."""

from __future__ import annotations

import os

# Must happen before any QApplication exists, or Qt aborts the process on a machine without a
# display (and pytest prints no summary).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from pathlib import Path

import pytest

# Message.text() reads the English templates the text layer registers when it is imported, as
# every entry point (the command line, the GUI) does; so does every test, whatever runs first.
import ecocheck_desktop.text.messages  # noqa: F401


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the real user's settings, recent files or caches in a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("APPDATA", str(home / "AppData"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData" / "Local"))  # installed factor packages
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture
def shared_reference(repo_root: Path) -> Path:
    """../shared/reference beside the checkout (present in CI and sessions)."""
    path = repo_root.parent / "shared" / "reference"
    if not path.is_dir():
        pytest.skip("../shared/reference is not available beside this checkout")
    return path
