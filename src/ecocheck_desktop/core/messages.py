"""Messages as codes with parameters.

The core never builds user-facing sentences: it returns a :class:`Message` (a stable code plus
named parameters and where it happened). The sentences live in one Qt-free catalogue above
core, ``ecocheck_desktop.text.catalogue`` (Japanese and English); the GUI, the PDF and the
command line render a message with ``ecocheck_desktop.text.messages.render(message, lang)``.

Core must not import that layer, so this module keeps a plain registry of English templates
that ``text.messages`` fills from the catalogue when it is imported; every front end (the
command line, the GUI, the report) imports it. The registry serves :meth:`Message.text` and the
text of an :class:`EcoCheckError` only: logs and tracebacks, with raw parameter values. Core
used on its own, without the text layer, prints the code and its parameters.
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
        """Plain English with raw values (logs); users read ``text.messages.render``."""
        return render(self)


class EcoCheckError(Exception):
    """An expected failure caused by the user's input; carries one or more messages."""

    def __init__(self, *messages: Message) -> None:
        self.messages: tuple[Message, ...] = messages
        super().__init__("; ".join(m.text() for m in messages))


# English templates (filled by ecocheck_desktop.text.messages); {name} placeholders are filled
# from params and where.
TEMPLATES: dict[str, str] = {}


def register(templates: dict[str, str]) -> None:
    """The text layer adds the catalogue's English templates at import time."""
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
