"""Numbers in every exported CSV and JSON file: rounded half-up to 6 decimals, kept numbers.

Shared by the companion (report/companion.py) and the portfolio summary (exchange/portfolio.py),
so that a figure reads the same in each (the precision of ``ecocheck calc --json`` too). Text
cells are neutralised against formula injection by exchange/csv_safety.py.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_SIX_PLACES = Decimal("0.000001")


def json_number(value: Decimal | None) -> float | int | None:
    """``value`` rounded half-up to 6 decimals, as an int when whole (None stays None)."""
    if value is None:
        return None
    rounded = value.quantize(_SIX_PLACES, rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return float(rounded)
