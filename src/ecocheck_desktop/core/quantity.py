"""Numbers as printed on Japanese bills: parse them into exact decimals, or say what is wrong.

Accepted: ASCII or full-width digits and punctuation (``１２３４``, ``１，２３４．５``), thousands
separators in groups of three (``1,234.5``), spaces, a leading ``+``, ``int`` and ``Decimal``.
Refused with a message carrying the offending value: empty, not a number (including NaN and
Infinity, exponents, malformed separators such as ``1,23``), negative (``-``, ``−``, ``▲``, ``△``
or ``(123)``), more than 1e12 (``quantity.too_large``), and strings with more than 6 decimals
(``quantity.too_precise``: no bill prints that many, so it is a typing or pasting error).

Floats (which pandas/openpyxl hand over for Excel cells) are converted through ``repr`` (the
shortest decimal that round-trips, so ``1234.5`` stays ``1234.5``) and then rounded half-up to
6 decimals: anything beyond is binary noise from spreadsheet formulas, not information.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ecocheck_desktop.core.energy import normalize_unit
from ecocheck_desktop.core.messages import EcoCheckError, Message

MAX_QUANTITY = Decimal("1e12")
MAX_DECIMALS = 6
_SIX_PLACES = Decimal(1).scaleb(-MAX_DECIMALS)

_PLAIN = re.compile(r"\d+(?:\.\d+)?|\.\d+|\d+\.")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_NEGATIVE_MARKS = ("-", "−", "▲", "△", "ー", "‐", "–")
_SPACES = re.compile(r"[\s\u00a0\u3000]+")


def _clean(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return _SPACES.sub("", folded)


def _check_range(number: Decimal, value: object) -> Decimal:
    if number < 0:
        raise EcoCheckError(Message("quantity.negative", {"value": str(value)}))
    if number > MAX_QUANTITY:
        raise EcoCheckError(Message("quantity.too_large", {"value": str(value)}))
    # -0 and 0E-3 are both plain zero to a user.
    return number if number else Decimal(0)


def parse_quantity(value: str | int | float | Decimal) -> Decimal:
    """An exact, non-negative ``Decimal`` for a quantity as printed on a bill."""
    if isinstance(value, bool):
        raise EcoCheckError(Message("quantity.not_a_number", {"value": str(value)}))
    if isinstance(value, int):
        return _check_range(Decimal(value), value)
    if isinstance(value, float):
        number = Decimal(repr(value))
        if not number.is_finite():
            raise EcoCheckError(Message("quantity.not_a_number", {"value": repr(value)}))
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
            number = number.quantize(_SIX_PLACES, rounding=ROUND_HALF_UP)
        return _check_range(number, value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise EcoCheckError(Message("quantity.not_a_number", {"value": str(value)}))
        return _check_range(value, value)
    text = _clean(str(value))
    if not text:
        raise EcoCheckError(Message("quantity.empty", {"value": str(value)}))
    body = text
    negative = False
    if body.startswith("(") and body.endswith(")"):
        body, negative = body[1:-1], True
    elif body.startswith(_NEGATIVE_MARKS):
        body, negative = body[1:], True
    elif body.startswith("+"):
        body = body[1:]
    if _GROUPED.fullmatch(body):
        body = body.replace(",", "")
    elif not _PLAIN.fullmatch(body):
        raise EcoCheckError(Message("quantity.not_a_number", {"value": str(value)}))
    try:
        number = Decimal(body)
    except InvalidOperation:  # pragma: no cover - the patterns above admit only valid numbers
        raise EcoCheckError(Message("quantity.not_a_number", {"value": str(value)})) from None
    if negative and number:
        raise EcoCheckError(Message("quantity.negative", {"value": str(value)}))
    if "." in body and len(body.split(".", 1)[1]) > MAX_DECIMALS:
        raise EcoCheckError(
            Message("quantity.too_precise", {"value": str(value), "max_decimals": MAX_DECIMALS})
        )
    return _check_range(number, value)


_WITH_UNIT = re.compile(r"([+\-−▲△(]?[\d.,]*\d[\d.,]*\)?)(.*)")


def parse_quantity_with_unit(text: str) -> tuple[Decimal, str]:
    """Split ``"1,234 kWh"`` into ``(Decimal("1234"), "kWh")`` (unit canonicalised)."""
    cleaned = _clean(str(text))
    match = _WITH_UNIT.fullmatch(cleaned)
    if match is None:
        if not cleaned:
            raise EcoCheckError(Message("quantity.empty", {"value": str(text)}))
        raise EcoCheckError(Message("quantity.not_a_number", {"value": str(text)}))
    number_text, unit_text = match.groups()
    if not unit_text:
        raise EcoCheckError(Message("quantity.unit_missing", {"value": str(text)}))
    return parse_quantity(number_text), normalize_unit(unit_text)


YEN = "円"
_YEN_MARKS = ("¥", "\\")  # NFKC folds ￥ into ¥; a Japanese keyboard's ¥ may arrive as \
_YEN_WORDS = ("円", "JPY", "yen")


def parse_cell(value: str, unit: str) -> Decimal:
    """A number copied with its unit, as a grid cell of ``unit`` receives it.

    ``unit`` is :data:`YEN` for an amount: ``¥24,000``, ``24,000円`` and ``24000 JPY`` read as
    24000. Otherwise a unit printed after the number (``24,000 kWh``) must be that unit (in
    any spelling :func:`normalize_unit` knows); another one is refused with
    ``quantity.other_unit`` rather than read as a number in the wrong unit.
    """
    text = _clean(str(value))
    if unit == YEN:
        if text.startswith(_YEN_MARKS):
            text = text[1:]
        for word in _YEN_WORDS:
            if text.casefold().endswith(word.casefold()):
                text = text[: -len(word)]
                break
        return parse_quantity(text) if text else parse_quantity(value)
    match = _WITH_UNIT.fullmatch(text)
    if match is None or not match.group(2):
        return parse_quantity(value)
    number_text, unit_text = match.groups()
    try:
        same = normalize_unit(unit_text) == normalize_unit(unit)
    except EcoCheckError:
        same = False
    if not same:
        raise EcoCheckError(Message("quantity.other_unit", {"value": str(value), "unit": unit}))
    return parse_quantity(number_text)
