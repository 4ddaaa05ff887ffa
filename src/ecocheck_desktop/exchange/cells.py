"""The cells of every exported CSV and JSON file: numbers to 6 decimals, formula-safe text.

Shared by the companion (report/companion.py), the consortium CSV and the portfolio summary,
so that a number or a text reads the same in each (the bill export escapes reversibly, for
reading back: exchange/bills.py). A spreadsheet runs a cell
that starts with ``= + - @`` (or a tab or a line break) as a formula (OWASP "CSV injection"):
such text gets a leading apostrophe; numbers stay numbers.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_SIX_PLACES = Decimal("0.000001")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def json_number(value: Decimal | None) -> float | int | None:
    """``value`` rounded half-up to 6 decimals, as an int when whole (None stays None)."""
    if value is None:
        return None
    rounded = value.quantize(_SIX_PLACES, rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return float(rounded)


def neutralise(value: object) -> object:
    """A CSV cell that no spreadsheet will run as a formula; numbers are left as numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
