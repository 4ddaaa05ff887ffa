"""What every fuzz test checks of a refusal: a registered message code, rendered as a sentence."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ecocheck_desktop.core.messages import TEMPLATES, EcoCheckError

FUZZ = {"max_examples": int(__import__("os").environ.get("FUZZ_EXAMPLES", "60")), "deadline": None}


def assert_clear(error: EcoCheckError, *, file: Path | None = None) -> None:
    """A refusal the user can act on: known codes, plain text, the file named when given."""
    assert error.messages
    for message in error.messages:
        assert message.code in TEMPLATES, message.code
        text = message.text()
        assert "Traceback" not in text and text.strip()
    if file is not None:
        assert any(str(file) in m.text() for m in error.messages), error.messages


def folder_state(folder: Path) -> dict[str, str]:
    """Every file of ``folder`` with its content hash: a refused import must leave it alone."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }
