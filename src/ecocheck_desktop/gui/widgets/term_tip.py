"""The plain-words tooltip of a term (text/glossary.py) in the GUI's current language."""

from __future__ import annotations

from ecocheck_desktop.gui.message_text import language
from ecocheck_desktop.text import glossary


def term_tip(*keys: str) -> str:
    """One line per term, with its example; pages set it again in retranslate_ui."""
    return glossary.tooltip(keys, language())


def with_terms(tooltip: str, *keys: str) -> str:
    """A widget's own tooltip followed by the explanation of the terms it uses."""
    tip = term_tip(*keys)
    return f"{tooltip}\n{tip}" if tooltip else tip
