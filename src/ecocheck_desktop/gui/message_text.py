"""Messages (codes + parameters) as sentences in the GUI's language.

The words are not here: they are the Qt-free catalogue of :mod:`ecocheck_desktop.text`, which
the PDF and the command line use too. This module only picks the language the way the rest of
the GUI does (the installed Qt translator sets ``QLocale``, so View > Language applies) and
hands each message to :func:`ecocheck_desktop.text.messages.render`.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.text import messages as text_messages
from ecocheck_desktop.text.report import energy_name


def is_japanese() -> bool:
    return QLocale().language() == QLocale.Language.Japanese


def language() -> str:
    return "ja" if is_japanese() else "en"


def energy_label(code: str) -> str:
    return energy_name(code, language())


# A problem with the cell being typed in or pasted into is shown at that cell: its site, month
# and energy need not be said again.
_SHOWN_AT_THE_CELL = ("quantity.", "paste.", "grid.")


def message_text(message: Message) -> str:
    """One sentence for the user, in the current language."""
    at_the_cell = message.code.startswith(_SHOWN_AT_THE_CELL)
    return text_messages.render(message, language(), say_where=not at_the_cell)


def located_text(message: Message) -> str:
    """The sentence after its row/column, said once."""
    return text_messages.located(message, language())


def messages_text(messages: list[Message]) -> str:
    return "\n".join(located_text(m) for m in messages)
