"""A seeded year of 30-minute demand data with a known base load, known peaks and a few gaps,
written in each layout the import supports (the issue's test data)."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

BASE_KW = 40  # every night and weekend half-hour is this or above; 10 % are exactly this
DAY_KW = 150  # weekday daytime level, plus up to 30 kW of noise
FIRST_DAY = date(2025, 4, 1)
DAYS = 365
# Known peaks: (day, half-hour slot, kW); one per day, the highest of its month.
PEAKS = (
    (date(2025, 7, 24), 28, 320),  # 14:00
    (date(2025, 8, 6), 27, 300),  # 13:30
    (date(2026, 1, 20), 20, 280),  # 10:00
)
MISSING_SLOTS = ((date(2025, 10, 3), 10), (date(2025, 10, 3), 11), (date(2025, 12, 9), 40))
MISSING_DAY = date(2025, 11, 15)


@dataclass
class Year:
    """kW per half-hour (even integers: the kWh of a half-hour is exact); None = no reading."""

    kw: dict[date, list[int | None]] = field(default_factory=dict)

    def readings(self) -> list[tuple[datetime, int]]:
        return [
            (datetime.combine(day, datetime.min.time()) + timedelta(minutes=30 * s), v)
            for day, values in sorted(self.kw.items())
            for s, v in enumerate(values)
            if v is not None
        ]


def is_base(day: date, slot: int) -> bool:
    return day.weekday() >= 5 or slot >= 44 or slot < 12


def generate(seed: int = 22) -> Year:
    rng = random.Random(seed)
    year = Year()
    for n in range(DAYS):
        day = FIRST_DAY + timedelta(days=n)
        if day == MISSING_DAY:
            continue
        values: list[int | None] = []
        for slot in range(48):
            if is_base(day, slot):
                values.append(BASE_KW if rng.random() < 0.1 else BASE_KW + 2 * rng.randint(1, 10))
            else:
                values.append(DAY_KW + 2 * rng.randint(0, 15))
        year.kw[day] = values
    for day, slot, kw in PEAKS:
        year.kw[day][slot] = kw
    for day, slot in MISSING_SLOTS:
        year.kw[day][slot] = None
    return year


def _kwh(kw: int, minutes: int = 30) -> str:
    return str(Decimal(kw) * minutes / 60)


def write_rows(year: Year, path: Path, *, unit: str = "kWh") -> Path:
    """One row per half-hour, date and start time in one cell."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["日時", f"使用量({unit})"])
        for at, kw in year.readings():
            w.writerow([at.strftime("%Y/%m/%d %H:%M"), str(kw) if unit == "kW" else _kwh(kw)])
    return path


def write_date_time(year: Year, path: Path) -> Path:
    """Date and time in two columns, the time labelling the END of the half-hour (24:00)."""
    with path.open("w", newline="", encoding="cp932") as f:
        w = csv.writer(f)
        w.writerow(["年月日", "時刻", "電力量[kWh]"])
        for at, kw in year.readings():
            end = at + timedelta(minutes=30)
            label_day = at.date()
            minutes = (end - datetime.combine(label_day, datetime.min.time())).seconds // 60
            minutes = minutes or 1440
            w.writerow([label_day.isoformat(), f"{minutes // 60}:{minutes % 60:02d}", _kwh(kw)])
    return path


def write_wide(year: Year, path: Path) -> Path:
    """A date column plus 48 columns, a day total column and a totals row at the bottom."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["日付"] + [f"{s // 2}:{30 * (s % 2):02d}" for s in range(48)] + ["合計"])
        for day, values in sorted(year.kw.items()):
            cells = ["" if v is None else _kwh(v) for v in values]
            total = sum(Decimal(c) for c in cells if c)
            w.writerow([day.isoformat(), *cells, str(total)])
        w.writerow(["合計"] + [""] * 49)
    return path


def write_quarters(year: Year, path: Path) -> Path:
    """15-minute kWh: each half-hour split into two equal quarters."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["datetime", "kWh"])
        for at, kw in year.readings():
            for q in (0, 15):
                w.writerow([(at + timedelta(minutes=q)).isoformat(), _kwh(kw, 15)])
    return path


def write_xlsx(year: Year, path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["日時", "kWh"])
    for at, kw in year.readings():
        sheet.append([at, float(_kwh(kw))])
    book.save(path)
    return path
