"""How a figure is printed, on screen, on paper and in the command line.

One table of decimal places per quantity and one rounding (half-up, at display time only), so
that the GUI, the PDF and ``ecocheck calc`` agree to the digit. Calculations never round: they
keep exact decimals and hand them here. The 6-decimal figures of the JSON/CSV exports are a
file format, not a display: ``exchange/cells.py`` owns them (exchange sits below this layer).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# Decimal places shown per quantity; one table so the GUI and the PDF cannot drift apart.
PLACES_T_CO2 = 3
PLACES_GJ = 1
PLACES_KL = 3
PLACES_PERCENT = 1
PLACES_YEN = 0
PLACES_INTENSITY = 3  # the results page shows intensities with 3 decimals too

MISSING = "-"


def fmt(value: Decimal | int | float | None, places: int) -> str:
    """``1,234.568`` (half-up, thousands separators); ``-`` for a missing value."""
    if value is None:
        return MISSING
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # never print "-0.000"
    return f"{number:,.{places}f}"


def fmt_t(value: Decimal | None) -> str:
    return fmt(value, PLACES_T_CO2)


def fmt_pct(value: Decimal | None, *, signed: bool = True) -> str:
    if value is None:
        return MISSING
    text = fmt(value, PLACES_PERCENT)
    if signed and not text.startswith("-") and Decimal(text.replace(",", "")) != 0:
        text = "+" + text
    return f"{text} %"


def fmt_quantity(value: Decimal | None) -> str:
    """Activity quantities keep up to three decimals but drop trailing zeros (1,200 kWh)."""
    if value is None:
        return MISSING
    text = fmt(value, 3)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
