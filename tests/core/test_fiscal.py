"""Usage months and fiscal years (年度)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ecocheck_desktop.core.fiscal import (
    fiscal_year_label_en,
    fiscal_year_label_ja,
    fiscal_year_of,
    japanese_era_year,
    months_of_fiscal_year,
    parse_month,
)
from ecocheck_desktop.core.messages import EcoCheckError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04", "2025-04"),
        ("2025/4", "2025-04"),
        ("2025.4", "2025-04"),
        ("2025年4月", "2025-04"),
        ("2025 年 12 月", "2025-12"),
        ("R7.4", "2025-04"),
        ("r7/4", "2025-04"),
        ("Ｒ７．４", "2025-04"),
        ("令和7年4月", "2025-04"),
        ("令和元年5月", "2019-05"),
        ("H31.4", "2019-04"),
        ("平成30年3月", "2018-03"),
        ("２０２５年４月", "2025-04"),
        ("2025-04-01", "2025-04"),
        ("2025-04-01 00:00:00", "2025-04"),
        ("2025-04-01T00:00:00", "2025-04"),
        ("2025年4月1日", "2025-04"),
        ("202504", "2025-04"),
        (datetime(2025, 4, 1, 0, 0), "2025-04"),
        (date(2026, 3, 31), "2026-03"),
    ],
)
def test_parse_month(value: object, expected: str) -> None:
    assert parse_month(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    ["", "2025", "2025-13", "2025-00", "R0.4", "H32.1", "R7.13", "April 2025", "1899-01", "x"],
)
def test_parse_month_rejects(value: str) -> None:
    with pytest.raises(EcoCheckError) as info:
        parse_month(value)
    assert info.value.messages[0].code == "month.invalid"
    assert info.value.messages[0].params["value"] == value


def test_fiscal_year_of() -> None:
    assert fiscal_year_of("2025-03") == 2024
    assert fiscal_year_of("2025-04") == 2025
    assert fiscal_year_of("2026-03") == 2025
    assert fiscal_year_of("2025-03", start_month=1) == 2025
    assert fiscal_year_of("2025-12", start_month=1) == 2025
    assert fiscal_year_of("2025/9", start_month=10) == 2024


def test_months_of_fiscal_year() -> None:
    months = months_of_fiscal_year(2025)
    assert len(months) == 12
    assert months[0] == "2025-04"
    assert months[8] == "2025-12"
    assert months[-1] == "2026-03"
    assert months_of_fiscal_year(2025, start_month=1)[-1] == "2025-12"
    assert all(fiscal_year_of(m) == 2025 for m in months)


@pytest.mark.parametrize("start", [0, 13])
def test_invalid_start_month(start: int) -> None:
    with pytest.raises(EcoCheckError):
        months_of_fiscal_year(2025, start_month=start)
    with pytest.raises(EcoCheckError):
        fiscal_year_of("2025-04", start_month=start)


@pytest.mark.parametrize(
    ("year", "label"),
    [
        (2025, "2025年度 (令和7年度)"),
        (2019, "2019年度 (令和元年度)"),
        (2018, "2018年度 (平成30年度)"),
        (1989, "1989年度 (平成元年度)"),
        (2013, "2013年度 (平成25年度)"),
        (1988, "1988年度 (昭和63年度)"),
    ],
)
def test_labels(year: int, label: str) -> None:
    assert fiscal_year_label_ja(year) == label
    assert fiscal_year_label_en(year) == f"FY{year}"


def test_era_year() -> None:
    assert japanese_era_year(2020) == "令和2年"
