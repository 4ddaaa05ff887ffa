"""One cell of a bill table as a value: the month (also "2025年4月分" and Excel dates), a cost
in yen, an emission factor (a kg-CO2/kWh figure in the t-CO2/kWh column is caught), the
estimated flag. Each returns the value or raises EcoCheckError with the reason; the row and
column are added by :mod:`.bills`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ecocheck_desktop.core.fiscal import parse_month
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.exchange.sheets import as_text

_TRUE = {"1", "true", "yes", "y", "はい", "○", "〇", "◯", "推計", "見込", "見込み", "概算"}
_FALSE = {"0", "false", "no", "n", "いいえ", "×", "-", "ー", "", "実績", "確定"}

# Grid factors stay below 0.001 t-CO2/kWh; 10x that is physically impossible, so a value above
# it is a kg-CO2/kWh figure typed into a t-CO2/kWh column (1000x too large a footprint).
MAX_ELECTRICITY_FACTOR = Decimal("0.01")

_YEN_MARKS = re.compile(r"[¥￥円\\]")


def parse_month_cell(value: Any) -> str:
    if isinstance(value, datetime | date):
        return parse_month(value)
    text = as_text(value).strip()
    # Bills print the usage month as "2025年4月分" (the bill "for" April).
    if text.endswith("分") and len(text) > 1:
        try:
            return parse_month(text[:-1])
        except EcoCheckError:
            pass
    return parse_month(text)


def _renamed(error: EcoCheckError, prefix: str) -> EcoCheckError:
    # parse_quantity speaks of "quantity"; in a cost or factor column the user needs that word.
    messages = []
    for message in error.messages:
        suffix = message.code.split(".", 1)[-1]
        if suffix not in {"negative", "too_large"}:
            suffix = "not_a_number"  # also too_precise: no bill prints fractions of a sen
        code = f"{prefix}.{suffix}"
        messages.append(Message(code, message.params, message.where))
    return EcoCheckError(*messages)


def parse_cost(value: Any) -> Decimal:
    if isinstance(value, str):
        value = _YEN_MARKS.sub("", unicodedata.normalize("NFKC", value))
    try:
        return parse_quantity(value)
    except EcoCheckError as error:
        raise _renamed(error, "cost") from None


def parse_factor(value: Any) -> Decimal:
    """A non-negative decimal of any precision (official factors have 6 decimals or more)."""
    if isinstance(value, bool):
        raise EcoCheckError(Message("factor.not_a_number", {"value": str(value)}))
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = "".join(unicodedata.normalize("NFKC", str(value)).split()).replace(",", "")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise EcoCheckError(Message("factor.not_a_number", {"value": str(value)}))
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            raise EcoCheckError(Message("factor.not_a_number", {"value": str(value)})) from None
    if not number.is_finite():
        raise EcoCheckError(Message("factor.not_a_number", {"value": str(value)}))
    if number < 0:
        raise EcoCheckError(Message("factor.negative", {"value": str(value)}))
    return number if number else Decimal(0)


def parse_estimated(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = "".join(unicodedata.normalize("NFKC", as_text(value)).casefold().split())
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise EcoCheckError(Message("estimated.invalid", {"value": as_text(value)}))


# ---------------------------------------------------------------------------------------------
# The import


def parse_located(
    value: Any, parser: Callable[[Any], Any], where: dict[str, Any], problems: list[Message]
) -> Any:
    """``parser(value)``; on an EcoCheckError its messages, placed at ``where`` (file, row,
    column), are added to ``problems`` and None is returned."""
    try:
        return parser(value)
    except EcoCheckError as error:
        problems.extend(Message(m.code, m.params, where) for m in error.messages)
        return None
