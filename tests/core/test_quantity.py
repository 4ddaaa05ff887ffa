"""Number parsing as printed on Japanese bills (DESIGN.md: full-width digits, commas)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.quantity import parse_quantity, parse_quantity_with_unit


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234", "1234"),
        ("１２３４", "1234"),
        ("1,234.5", "1234.5"),
        ("１，２３４．５", "1234.5"),
        ("12,345,678", "12345678"),
        (" +12 ", "12"),
        ("1 234", "1234"),
        ("\u3000８，０００\u3000", "8000"),
        (".5", "0.5"),
        ("5.", "5"),
        ("0.000452", "0.000452"),
        ("-0", "0"),
        (7, "7"),
        (Decimal("3.10"), "3.10"),
        (1234.5, "1234.5"),
        (0.1 + 0.2, "0.3"),
        ("1000000000000", "1000000000000"),
    ],
)
def test_accepts_bill_numbers(value: object, expected: str) -> None:
    assert parse_quantity(value) == Decimal(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "quantity.empty"),
        ("   ", "quantity.empty"),
        ("abc", "quantity.not_a_number"),
        ("1,23", "quantity.not_a_number"),
        ("1.2.3", "quantity.not_a_number"),
        ("12kWh", "quantity.not_a_number"),
        ("NaN", "quantity.not_a_number"),
        ("Infinity", "quantity.not_a_number"),
        ("1e3", "quantity.not_a_number"),
        (True, "quantity.not_a_number"),
        (float("nan"), "quantity.not_a_number"),
        (float("inf"), "quantity.not_a_number"),
        (Decimal("NaN"), "quantity.not_a_number"),
        ("-1", "quantity.negative"),
        ("－１", "quantity.negative"),
        ("−5", "quantity.negative"),
        ("▲5", "quantity.negative"),
        ("△1,000", "quantity.negative"),
        ("(3)", "quantity.negative"),
        (-2, "quantity.negative"),
        (-2.5, "quantity.negative"),
        (Decimal("-1"), "quantity.negative"),
        ("1000000000001", "quantity.too_large"),
        (10**13, "quantity.too_large"),
        ("1.1234567", "quantity.too_precise"),
    ],
)
def test_rejects_with_a_message_carrying_the_value(value: object, code: str) -> None:
    with pytest.raises(EcoCheckError) as info:
        parse_quantity(value)  # type: ignore[arg-type]
    message = info.value.messages[0]
    assert message.code == code
    assert message.params["value"] == str(value) or message.params["value"] == repr(value)
    assert message.text()


def test_float_noise_beyond_six_decimals_is_rounded_half_up() -> None:
    assert parse_quantity(1.0000005) == Decimal("1.000001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234 kWh", (Decimal(1234), "kWh")),
        ("１２３４ｋＷｈ", (Decimal(1234), "kWh")),
        ("5 千ｍ３", (Decimal(5), "千m3")),
        ("100㎥", (Decimal(100), "m3")),
        ("20ℓ", (Decimal(20), "L")),
        ("1.5 kl", (Decimal("1.5"), "kL")),
    ],
)
def test_quantity_with_unit(text: str, expected: tuple[Decimal, str]) -> None:
    assert parse_quantity_with_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "quantity.empty"),
        ("kWh", "quantity.not_a_number"),
        ("1,234", "quantity.unit_missing"),
        ("12 furlongs", "unit.unknown"),
        ("-3 kWh", "quantity.negative"),
    ],
)
def test_quantity_with_unit_errors(text: str, code: str) -> None:
    with pytest.raises(EcoCheckError) as info:
        parse_quantity_with_unit(text)
    assert info.value.messages[0].code == code
