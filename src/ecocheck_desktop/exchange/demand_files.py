"""Interval data files (CSV or XLSX) read into meter-days of 48 half-hours in integer Wh.

Layouts (:class:`DemandMapping.layout`): ``rows`` (one row per interval, date and time in one
cell), ``date_time`` (date and time in two columns), ``wide`` (a date column and 24, 48 or 96
value columns). Values in kWh or kW per interval (kW x the interval's hours = kWh); 15-minute
intervals are summed into half-hours, an hour is split into two equal halves. Times are Japan
local time (JST, no daylight saving); a time of 24:00 or a first time of 00:30/00:15/01:00
means the times label the END of each interval.

:func:`parse_demand` returns the days with the warnings and the errors (messages naming the row
and column); the caller writes nothing while there are errors.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.demand import MeterDay
from ecocheck_desktop.core.messages import EcoCheckError, Message

JST = timezone(timedelta(hours=9))
INTERVALS = (15, 30, 60)
_DATE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*(?:[T ]\s*(.*))?$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})[:時](\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
_TOTAL_WORDS = ("合計", "総計", "小計", "計", "total", "sum")


@dataclass(frozen=True)
class DemandMapping:
    layout: str = "rows"  # rows | date_time | wide
    header_rows: int = 1
    date_col: int = 0
    time_col: int | None = None  # date_time only
    value_col: int = 1  # wide: the first of the value columns
    unit: str = "kWh"  # kWh | kW (per interval)
    interval_min: int = 30
    time_label: str = "start"  # start | end (of each interval)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DemandMapping:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class DemandImport:
    mapping: DemandMapping
    days: list[MeterDay] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    errors: list[Message] = field(default_factory=list)


def read_cells(path: Path) -> list[list[str]]:
    """The file's cells as text (CSV in UTF-8 or Shift_JIS; the first sheet of an XLSX)."""
    path = Path(path)
    where = {"file": str(path)}
    if not path.is_file():
        raise EcoCheckError(Message("file.not_found", {}, where))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if path.suffix.lower() not in (".csv", ".txt", ".tsv"):
        raise EcoCheckError(Message("file.unsupported_type", {"suffix": path.suffix}, where))
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise EcoCheckError(Message("bills.encoding_unknown", {}, where))
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    return [row for row in csv.reader(io.StringIO(text), dialect=dialect)]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "strftime"):  # a time
        return str(value.strftime("%H:%M"))
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _read_xlsx(path: Path) -> list[list[str]]:
    import openpyxl  # ~250 ms: only an Excel file pays for it, never a CSV

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:
        raise EcoCheckError(
            Message("file.unreadable", {"reason": type(error).__name__}, {"file": str(path)})
        ) from None
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


# -- parsing cells ------------------------------------------------------------------------------


def _parse_date(text: str) -> tuple[date, str | None] | None:
    match = _DATE.match(text)
    if match:
        year, month, day, rest = match.groups()
        try:
            return date(int(year), int(month), int(day)), (rest or None)
        except ValueError:
            return None
    match = _COMPACT.match(text)
    if match:
        try:
            return date(*(int(g) for g in match.groups())), None
        except ValueError:
            return None
    return None


def _parse_time(text: str) -> tuple[int, timedelta | None] | None:
    """Minutes after midnight (24:00 = 1440) and the UTC offset if one is written."""
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute, _, zone = match.groups()
    minutes = int(hour) * 60 + int(minute)
    if minutes > 1440 or int(minute) >= 60:
        return None
    offset = None
    if zone:
        if zone == "Z":
            offset = timedelta(0)
        else:
            digits = zone.replace(":", "")
            sign = -1 if digits[0] == "-" else 1
            offset = sign * timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5]))
    return minutes, offset


def _number(text: str) -> Decimal | None:
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def _is_number(text: str) -> bool:
    try:
        return _number(text) is not None
    except ValueError:
        return False


def _is_total(cells: list[str]) -> bool:
    first = " ".join(c for c in cells[:3] if c).strip().lower()
    return any(word in first for word in _TOTAL_WORDS) and _parse_date(cells[0]) is None


def _unit_of(header: list[str]) -> str:
    text = " ".join(header).lower().replace("ｋ", "k").replace("ｗ", "w")
    if "kwh" in text:
        return "kWh"
    if re.search(r"kw(?!h)", text):
        return "kW"
    return "kWh"


# -- guessing the layout ------------------------------------------------------------------------


def guess_mapping(cells: list[list[str]]) -> DemandMapping:
    """The layout a file most likely has: the first row whose first cells hold a date starts
    the data; the cells of that row tell the layout; the header's words tell kWh or kW."""
    header_rows = 0
    for index, row in enumerate(cells[:20]):
        if any(_parse_date(c) for c in row[:2]):
            header_rows = index
            break
    data = cells[header_rows] if header_rows < len(cells) else []
    header = [c for row in cells[:header_rows] for c in row]
    unit = _unit_of(header)
    date_col = 0 if data and _parse_date(data[0]) else 1
    parsed = _parse_date(data[date_col]) if data else None
    numeric = [i for i, c in enumerate(data) if i > date_col and _is_number(c)]
    if parsed and parsed[1]:
        layout, time_col, value_col = "rows", None, (numeric[0] if numeric else date_col + 1)
    elif len(data) > date_col + 1 and _parse_time(data[date_col + 1]):
        layout, time_col = "date_time", date_col + 1
        value_col = next((i for i in numeric if i > date_col + 1), date_col + 2)
    else:
        layout, time_col = "wide", None
        value_col = numeric[0] if numeric else date_col + 1
    interval = 30
    if layout == "wide":
        count = _wide_count(cells, header_rows, value_col)
        interval = {96: 15, 48: 30, 24: 60}.get(count, 30)
    else:
        interval = _step_guess(cells[header_rows : header_rows + 50], layout, date_col, time_col)
    label = _label_guess(cells[header_rows : header_rows + 200], layout, date_col, time_col)
    return DemandMapping(layout, header_rows, date_col, time_col, value_col, unit, interval, label)


def _wide_count(cells: list[list[str]], header_rows: int, value_col: int) -> int:
    """The number of value columns: the header's slot columns, else the data row's numbers."""
    if header_rows:
        header = cells[header_rows - 1][value_col:]
        count = 0
        for text in header:
            if _parse_time(text) is None and not re.match(r"^\s*\d", text or ""):
                break
            count += 1
        if count in (24, 48, 96):
            return count
    row = cells[header_rows][value_col:] if header_rows < len(cells) else []
    return len(row) if len(row) in (24, 48, 96) else min(len(row), 48)


def _stamp(row: list[str], layout: str, date_col: int, time_col: int | None) -> datetime | None:
    try:
        parsed = _parse_date(row[date_col])
        if parsed is None:
            return None
        day, rest = parsed
        text = rest if layout == "rows" else (row[time_col] if time_col is not None else None)
        clock = _parse_time(text or "")
        if clock is None:
            return None
        return datetime.combine(day, datetime.min.time()) + timedelta(minutes=clock[0])
    except IndexError:
        return None


def _step_guess(rows: list[list[str]], layout: str, date_col: int, time_col: int | None) -> int:
    stamps = [s for s in (_stamp(r, layout, date_col, time_col) for r in rows) if s]
    steps = Counter(int((b - a).total_seconds() // 60) for a, b in itertools.pairwise(stamps))
    return steps.most_common(1)[0][0] if steps else 30


def _label_guess(rows: list[list[str]], layout: str, date_col: int, time_col: int | None) -> str:
    if layout == "wide":
        return "start"
    stamps = [s for s in (_stamp(r, layout, date_col, time_col) for r in rows) if s]
    if not stamps:
        return "start"
    first = stamps[0]
    minute = first.hour * 60 + first.minute
    if any(s.hour == 0 and s.minute == 0 and s.date() != first.date() for s in stamps):
        # 00:00 of the next day written as 24:00 or as the next date: the first is the end?
        return "end" if minute in INTERVALS else "start"
    return "end" if minute in INTERVALS else "start"
