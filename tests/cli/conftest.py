"""The command-line tests read the English messages: they run in a C locale.

The test-wide set-up gives every test a Japanese locale (for the GUI); the command line follows
the locale, so these tests set it back. ``test_language.py`` checks the Japanese.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
