"""Messages as codes with parameters.

The core never builds user-facing sentences: it returns a :class:`Message` (a stable code plus
named parameters and where it happened). The GUI translates it with ``tr()``, the CLI and the
report with :func:`render` (English fallback text here, Japanese via the GUI/report catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    # Where: any of "file", "row", "column", "field", "month", "site", "energy", "fiscal_year".
    where: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """Plain English rendering (CLI, logs); the GUI uses its own translations."""
        return render(self)


class EcoCheckError(Exception):
    """An expected failure caused by the user's input; carries one or more messages."""

    def __init__(self, *messages: Message) -> None:
        self.messages: tuple[Message, ...] = messages
        super().__init__("; ".join(m.text() for m in messages))


# English templates; {name} placeholders are filled from params and where.
TEMPLATES: dict[str, str] = {}


def register(templates: dict[str, str]) -> None:
    """Modules add their message templates at import time."""
    TEMPLATES.update(templates)


def render(message: Message) -> str:
    template = TEMPLATES.get(message.code, message.code)
    values = {**message.where, **message.params}
    try:
        body = template.format(**values)
    except (KeyError, IndexError, ValueError):
        body = f"{template} {values}"
    location = ", ".join(
        f"{key} {message.where[key]}"
        for key in ("file", "row", "column", "field", "site", "month", "energy")
        if key in message.where and "{" + key + "}" not in template
    )
    return f"{location}: {body}" if location else body
