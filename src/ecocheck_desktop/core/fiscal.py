"""Months and fiscal years (年度): parsing usage months and mapping them to fiscal years.

A month is the string ``YYYY-MM``. A fiscal year is named by the calendar year in which it
starts: with the default April start, FY2025 (2025年度, 令和7年度) runs 2025-04 … 2026-03.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from ecocheck_desktop.core.messages import EcoCheckError, Message

# Era name -> the Gregorian year before its first year (令和1 = 2019, 平成1 = 1989).
_ERAS: dict[str, int] = {"r": 2018, "令和": 2018, "h": 1988, "平成": 1988}
_MAX_ERA_YEAR = {"r": 99, "令和": 99, "h": 31, "平成": 31}

_GREGORIAN = re.compile(
    r"(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))"  # 2025-04, 2025年4月, 202504
    r"(?:[-/.](\d{1,2})|(\d{1,2})日)?"  # an optional day, ignored (Excel dates as text)
    r"(?:t?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"  # an optional time, ignored
)
_ERA = re.compile(r"(令和|平成|r|h)(\d{1,2}|元)[-/.年](\d{1,2})月?")


def _invalid(value: object) -> EcoCheckError:
    return EcoCheckError(Message("month.invalid", {"value": str(value)}))


def _format(year: int, month: int, value: object) -> str:
    if not (1 <= month <= 12 and 1900 <= year <= 2100):
        raise _invalid(value)
    return f"{year:04d}-{month:02d}"


def parse_month(value: str | date | datetime) -> str:
    """``YYYY-MM`` for a usage month written as on a bill or in a spreadsheet."""
    if isinstance(value, date):  # datetime is a date too
        return _format(value.year, value.month, value)
    text = "".join(unicodedata.normalize("NFKC", str(value)).casefold().split())
    match = _GREGORIAN.fullmatch(text)
    if match:
        year, month_sep, month_compact = match.group(1), match.group(2), match.group(3)
        return _format(int(year), int(month_sep or month_compact), value)
    match = _ERA.fullmatch(text)
    if match:
        era, era_year_text, month = match.groups()
        era_year = 1 if era_year_text == "元" else int(era_year_text)
        if not 1 <= era_year <= _MAX_ERA_YEAR[era]:
            raise _invalid(value)
        return _format(_ERAS[era] + era_year, int(month), value)
    raise _invalid(value)


def _check_start(start_month: int) -> None:
    if not 1 <= start_month <= 12:
        raise EcoCheckError(Message("fiscal.start_month_invalid", {"value": start_month}))


def fiscal_year_of(month: str, start_month: int = 4) -> int:
    """The fiscal year a ``YYYY-MM`` month belongs to (2025-03 -> 2024 with an April start)."""
    _check_start(start_month)
    canonical = parse_month(month)
    year, month_number = int(canonical[:4]), int(canonical[5:])
    return year if month_number >= start_month else year - 1


def months_of_fiscal_year(fiscal_year: int, start_month: int = 4) -> list[str]:
    """The 12 months of a fiscal year in order (April … March by default)."""
    _check_start(start_month)
    months = []
    for offset in range(12):
        index = start_month - 1 + offset
        months.append(f"{fiscal_year + index // 12:04d}-{index % 12 + 1:02d}")
    return months


def japanese_era_year(year: int) -> str:
    """令和7年 for 2025, 令和元年 for 2019, 平成30年 for 2018, 昭和64年 for 1988 and before."""
    if year >= 2019:
        era, number = "令和", year - 2018
    elif year >= 1989:
        era, number = "平成", year - 1988
    else:
        era, number = "昭和", year - 1925
    return f"{era}{'元' if number == 1 else number}年"


def fiscal_year_label_ja(fiscal_year: int) -> str:
    """``2025年度 (令和7年度)``; FY2019 is 令和元年度 (it starts in April 2019, before 令和 began
    on 1 May, but is officially named so)."""
    return f"{fiscal_year}年度 ({japanese_era_year(fiscal_year)}度)"


def fiscal_year_label_en(fiscal_year: int) -> str:
    return f"FY{fiscal_year}"
