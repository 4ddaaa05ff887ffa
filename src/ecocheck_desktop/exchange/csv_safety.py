"""CSV cells that no spreadsheet runs as a formula: the one helper every CSV writer uses.

Owns the neutralising of text cells against formula (CSV) injection: a text that Excel,
LibreOffice or Google Sheets would evaluate (it starts with ``=``, ``+``, ``-``, ``@``, a tab,
a carriage return or a line feed, also after leading spaces, and the full-width forms an IME
types) gets a leading apostrophe, which the spreadsheet shows as text. Numbers handed over as
numbers (int, float, Decimal) stay numbers. Writers: the bills CSV export (exchange/bills.py),
the portfolio summary (exchange/portfolio.py), the lender/companion CSV (report/companion.py)
and the consortium CSV (report/consortium.py); tests/security/test_csv_writers.py finds every
``csv.writer`` in the source and feeds each formula-like text.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def needs_neutralising(text: str) -> bool:
    """True for a text a spreadsheet could run as a formula."""
    return text.startswith(FORMULA_PREFIXES) or text.lstrip(" \u3000").startswith(FORMULA_PREFIXES)


def neutralise(value: object) -> object:
    """A CSV cell no spreadsheet will run: formula-like text gets a leading apostrophe."""
    if isinstance(value, str) and needs_neutralising(value):
        return "'" + value
    return value


def neutralise_text(text: str) -> str:
    """:func:`neutralise` for text, reversible by :func:`restore_text` (also for text that
    already starts with an apostrophe before a formula, so reading back strips exactly one)."""
    if needs_neutralising(text) or (text.startswith("'") and _escaped(text[1:])):
        return "'" + text
    return text


def _escaped(text: str) -> bool:
    return needs_neutralising(text) or (text.startswith("'") and _escaped(text[1:]))


def restore_text(text: str) -> str:
    """Undo :func:`neutralise_text` (reading back a CSV the app wrote)."""
    return text[1:] if text.startswith("'") and _escaped(text[1:]) else text


def safe_row(values: Iterable[object]) -> list[object]:
    """Every cell of a row neutralised; numbers (int, float, Decimal, not bool) unchanged."""
    out: list[object] = []
    for value in values:
        if isinstance(value, bool | int | float | Decimal) or value is None:
            out.append(value)
        else:
            out.append(neutralise(str(value)))
    return out
