"""Conversion between the domain dataclasses and plain JSON-like values, with strict checks.

Owns the one lossless encoding shared by the project file (SQLite columns) and the JSON export:
``Decimal`` as its exact string, ``bool`` as a bool, free-form dicts (checklist, measure
parameters) as JSON values. Decoding validates every field and reports problems with a
path-like location ("records[12].quantity") instead of raising on the first bad value, so that
hostile input (wrong types, NaN, huge numbers, deep nesting, megabyte strings) gives messages,
never a traceback.
"""

from __future__ import annotations

import dataclasses
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from ecocheck_desktop.core.messages import Message

MAX_TEXT_CHARS = 10_000  # a note longer than this is not a note
MAX_DECIMAL_DIGITS = 40
MAX_DECIMAL_ABS = Decimal(10) ** 15  # 1,000 兆: no bill quantity or cost comes near
MAX_JSON_DEPTH = 8  # checklist / measure parameters are flat forms, not documents
MAX_JSON_ITEMS = 2_000
MAX_ERRORS = 50

_DECIMAL_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$")

T = TypeVar("T")


class Problems:
    """Collected validation problems; stops collecting after MAX_ERRORS."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def add(self, where: str, reason: str) -> None:
        if len(self.messages) < MAX_ERRORS:
            self.messages.append(Message("data.invalid", {"reason": reason}, {"field": where}))

    def __bool__(self) -> bool:
        return bool(self.messages)


def decimal_to_text(value: Decimal) -> str:
    return str(value)


def parse_decimal(value: Any, where: str, problems: Problems) -> Decimal | None:
    """An exact, finite, bounded decimal from a string or a JSON number."""
    if isinstance(value, bool):
        problems.add(where, "expected a number, got true/false")
        return None
    if isinstance(value, int):
        text = str(value) if abs(value) < 10**20 else "9" * 21
    elif isinstance(value, float):
        if not math.isfinite(value):
            problems.add(where, "not a finite number")
            return None
        text = repr(value)
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > 100 or not _DECIMAL_TEXT.match(text):
            problems.add(where, "not a decimal number")
            return None
    else:
        problems.add(where, f"expected a number as text, got {type(value).__name__}")
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        problems.add(where, "not a decimal number")
        return None
    if not number.is_finite() or abs(number) >= MAX_DECIMAL_ABS:
        problems.add(where, "number out of range")
        return None
    if len(number.as_tuple().digits) > MAX_DECIMAL_DIGITS:
        problems.add(where, "too many digits")
        return None
    return number


def check_json_value(value: Any, where: str, problems: Problems, depth: int = 0) -> Any:
    """A JSON value (checklist, measure parameters) within depth/size limits; None if bad."""
    if depth > MAX_JSON_DEPTH:
        problems.add(where, "nested too deeply")
        return None
    if value is None or isinstance(value, bool | int):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**18:
            problems.add(where, "number out of range")
            return None
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            problems.add(where, "not a finite number")
            return None
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            problems.add(where, f"text longer than {MAX_TEXT_CHARS} characters")
            return None
        return value
    if isinstance(value, list):
        if len(value) > MAX_JSON_ITEMS:
            problems.add(where, "too many items")
            return None
        return [
            check_json_value(v, f"{where}[{i}]", problems, depth + 1) for i, v in enumerate(value)
        ]
    if isinstance(value, dict):
        if len(value) > MAX_JSON_ITEMS:
            problems.add(where, "too many items")
            return None
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or len(key) > 200:
                problems.add(where, "bad key")
                continue
            out[key] = check_json_value(item, f"{where}.{key}", problems, depth + 1)
        return out
    problems.add(where, f"unsupported value of type {type(value).__name__}")
    return None


def to_plain(obj: Any) -> dict[str, Any]:
    """A dataclass as a dict of JSON-safe values (Decimal -> exact string)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, Decimal):
            value = decimal_to_text(value)
        elif isinstance(value, dict):
            value = dict(value)
        out[f.name] = value
    return out


def _field_value(kind: str, value: Any, where: str, problems: Problems) -> Any:
    if kind == "str":
        if not isinstance(value, str):
            problems.add(where, f"expected text, got {type(value).__name__}")
            return None
        if len(value) > MAX_TEXT_CHARS:
            problems.add(where, f"text longer than {MAX_TEXT_CHARS} characters")
            return None
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            problems.add(where, f"expected a whole number, got {type(value).__name__}")
            return None
        if not -10_000 <= value <= 10_000:
            problems.add(where, "number out of range")
            return None
        return value
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):  # SQLite stores booleans as 0/1
            return bool(value)
        problems.add(where, f"expected true/false, got {type(value).__name__}")
        return None
    if kind == "Decimal":
        return parse_decimal(value, where, problems)
    if kind == "Decimal | None":
        return None if value is None else parse_decimal(value, where, problems)
    if kind == "dict[str, Any]":
        if not isinstance(value, dict):
            problems.add(where, f"expected an object, got {type(value).__name__}")
            return None
        return check_json_value(value, where, problems, 1)
    raise TypeError(f"no codec for field type {kind}")  # a programming error, not input


def from_plain(cls: type[T], data: Any, where: str, problems: Problems) -> T | None:
    """An instance of the dataclass ``cls`` from a dict, or None (problems recorded)."""
    if not isinstance(data, dict):
        problems.add(where, f"expected an object, got {type(data).__name__}")
        return None
    before = len(problems.messages)
    known = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for key in data:
        if key not in known:
            problems.add(f"{where}.{key}" if where else str(key), "unknown field")
    values: dict[str, Any] = {}
    for name, f in known.items():
        path = f"{where}.{name}" if where else name
        if name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                problems.add(path, "missing")
            continue
        values[name] = _field_value(str(f.type), data[name], path, problems)
    if len(problems.messages) != before:
        return None
    return cls(**values)


def check_month(value: str, where: str, problems: Problems) -> None:
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if not match or not 1 <= int(match.group(2)) <= 12:
        problems.add(where, "month must be YYYY-MM")
