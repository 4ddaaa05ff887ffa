"""The checks and the conversion of interval data cells into meter-days (see
:mod:`.demand_files` for the layouts). Errors (nothing may be written): a date or a value that
is not one, a negative value, a duplicated interval, times that follow daylight saving time, an
interval other than the mapping's, a wide row without its columns, a header in kW read as kWh.
Warnings: gaps and missing days, a row of totals skipped, values in kW converted, times in
another time zone converted to JST.
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.demand import SLOTS, MeterDay
from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.exchange.demand_files import (
    INTERVALS,
    DemandImport,
    DemandMapping,
    _is_total,
    _number,
    _parse_date,
    _parse_time,
    _unit_of,
    guess_mapping,
    read_cells,
)

MAX_ERRORS = 20
_NINE_HOURS = timedelta(hours=9)


class _Collector:
    def __init__(self, path: Path, header: list[str]) -> None:
        self.file = str(path)
        self.header = header
        self.result_errors: list[Message] = []
        self.more = 0

    def column(self, index: int) -> Any:
        name = self.header[index].strip() if index < len(self.header) else ""
        return name or index + 1

    def error(self, code: str, params: dict[str, Any], row: int, col: int | None = None) -> None:
        if len(self.result_errors) >= MAX_ERRORS:
            self.more += 1
            return
        where: dict[str, Any] = {"file": self.file, "row": row}
        if col is not None:
            where["column"] = self.column(col)
        self.result_errors.append(Message(code, params, where))


def _wh(value: Decimal, mapping: DemandMapping) -> int:
    kwh = value * mapping.interval_min / 60 if mapping.unit == "kW" else value
    return int((kwh * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_demand(cells: list[list[str]], mapping: DemandMapping, path: Path) -> DemandImport:
    """The meter-days of ``cells`` read with ``mapping``, with what was found on the way."""
    result = DemandImport(mapping=mapping)
    where = {"file": str(path)}
    header = cells[mapping.header_rows - 1] if mapping.header_rows else []
    log = _Collector(path, header)
    if mapping.interval_min not in INTERVALS:
        result.errors.append(
            Message("demand.interval_wrong", {"found": mapping.interval_min, "expected": 30}, where)
        )
        return result
    header_unit = _unit_of([c for row in cells[: mapping.header_rows] for c in row])
    if header_unit != mapping.unit and header_unit == "kW":
        result.errors.append(
            Message(
                "demand.unit_mismatch", {"header_unit": header_unit, "unit": mapping.unit}, where
            )
        )
    if mapping.unit == "kW":
        result.warnings.append(
            Message("demand.unit_kw", {"hours": str(Decimal(mapping.interval_min) / 60)}, where)
        )
    readings: dict[datetime, int] = {}
    rows_of: dict[datetime, int] = {}
    duplicates: list[tuple[datetime, int, int]] = []
    zones: set[timedelta] = set()
    for index in range(mapping.header_rows, len(cells)):
        row = cells[index]
        number = index + 1
        if not any(c.strip() for c in row):
            continue
        if _is_total(row):
            result.warnings.append(Message("demand.totals_row", {}, {**where, "row": number}))
            continue
        for start, wh in _row_readings(row, number, mapping, log, zones):
            if start in readings:
                duplicates.append((start, rows_of[start], number))
                continue
            readings[start] = wh
            rows_of[start] = number
    for offset in sorted(zones):
        hours = offset.total_seconds() / 3600
        result.warnings.append(Message("demand.time_zone", {"offset": f"{hours:+g}"}, where))
    _duplicates(duplicates, log)
    if mapping.layout != "wide":
        _check_step(readings, mapping, result, where)
    if log.more:
        log.result_errors.append(Message("demand.more_errors", {"count": log.more}, where))
    result.errors.extend(log.result_errors)
    if not readings and not result.errors:
        result.errors.append(Message("demand.no_data", {}, where))
    if result.errors:
        return result
    result.days = _half_hours(readings, mapping.interval_min)
    _gaps(result, where)
    return result


def _row_readings(
    row: list[str],
    number: int,
    mapping: DemandMapping,
    log: _Collector,
    zones: set[timedelta],
) -> list[tuple[datetime, int]]:
    cell = row[mapping.date_col] if mapping.date_col < len(row) else ""
    parsed = _parse_date(cell)
    if parsed is None:
        log.error("demand.bad_date", {"text": cell[:40]}, number, mapping.date_col)
        return []
    day, rest = parsed
    step = timedelta(minutes=mapping.interval_min)
    if mapping.layout == "wide":
        return _wide_readings(row, number, day, mapping, log)
    if mapping.layout == "rows":
        text, col = rest or "", mapping.date_col
    else:
        col = mapping.time_col if mapping.time_col is not None else mapping.date_col + 1
        text = row[col] if col < len(row) else ""
    clock = _parse_time(text)
    if clock is None:
        log.error("demand.bad_time", {"text": text[:40]}, number, col)
        return []
    stamp = datetime.combine(day, datetime.min.time()) + timedelta(minutes=clock[0])
    if clock[1] is not None and clock[1] != _NINE_HOURS:
        zones.add(clock[1])
        stamp = stamp - clock[1] + _NINE_HOURS
    start = stamp - step if mapping.time_label == "end" else stamp
    if (start.hour * 60 + start.minute) % mapping.interval_min:
        log.error(
            "demand.misaligned",
            {"at": start.strftime("%Y-%m-%d %H:%M"), "interval": mapping.interval_min},
            number,
            col,
        )
        return []
    value = _value(row, mapping.value_col, number, log)
    return [] if value is None else [(start, _wh(value, mapping))]


def _value(row: list[str], col: int, number: int, log: _Collector) -> Decimal | None:
    text = row[col] if col < len(row) else ""
    try:
        value = _number(text)
    except ValueError:
        log.error("demand.not_a_number", {"text": text[:40]}, number, col)
        return None
    if value is not None and value < 0:
        log.error("demand.negative", {"text": text[:40]}, number, col)
        return None
    return value


def _wide_readings(
    row: list[str], number: int, day: date, mapping: DemandMapping, log: _Collector
) -> list[tuple[datetime, int]]:
    count = 1440 // mapping.interval_min
    values = row[mapping.value_col : mapping.value_col + count]
    filled = [c for c in row[mapping.value_col + count :] if c.strip()]
    if len(values) < count:
        log.error("demand.columns", {"found": len(values), "expected": count}, number)
        return []
    if filled and not _is_extra_total(log.header, mapping.value_col + count):
        log.error("demand.columns", {"found": count + len(filled), "expected": count}, number)
        return []
    midnight = datetime.combine(day, datetime.min.time())
    out: list[tuple[datetime, int]] = []
    for offset in range(count):
        value = _value(row, mapping.value_col + offset, number, log)
        if value is not None:
            start = midnight + timedelta(minutes=offset * mapping.interval_min)
            out.append((start, _wh(value, mapping)))
    return out


def _is_extra_total(header: list[str], col: int) -> bool:
    """A column after the day's values headed 合計/total: the day's sum, ignored."""
    return col < len(header) and _is_total([header[col]])


def _duplicates(duplicates: list[tuple[datetime, int, int]], log: _Collector) -> None:
    if not duplicates:
        return
    days = {start.date() for start, _, _ in duplicates}
    span = max(s for s, _, _ in duplicates) - min(s for s, _, _ in duplicates)
    if len(days) == 1 and span < timedelta(hours=1) and len(duplicates) <= 4:
        # The hour repeated when clocks go back: times in daylight saving, not JST.
        day = days.pop().isoformat()
        log.error("demand.dst", {"day": day}, duplicates[0][2])
        return
    for start, first, row in duplicates:
        at = start.strftime("%Y-%m-%d %H:%M")
        log.error("demand.duplicate", {"at": at, "first_row": first}, row)


def _check_step(
    readings: dict[datetime, int], mapping: DemandMapping, result: DemandImport, where: dict
) -> None:
    stamps = sorted(readings)
    steps = Counter(int((b - a).total_seconds() // 60) for a, b in itertools.pairwise(stamps))
    if not steps:
        return
    found = steps.most_common(1)[0][0]
    if found != mapping.interval_min:
        result.errors.append(
            Message(
                "demand.interval_wrong", {"found": found, "expected": mapping.interval_min}, where
            )
        )


def _half_hours(readings: dict[datetime, int], interval: int) -> list[MeterDay]:
    slots: dict[date, list[int | None]] = {}
    if interval == 30:
        for start, wh in readings.items():
            slots.setdefault(start.date(), [None] * SLOTS)[_slot(start)] = wh
    elif interval == 60:
        for start, wh in readings.items():
            day = slots.setdefault(start.date(), [None] * SLOTS)
            half = wh // 2
            day[_slot(start)], day[_slot(start) + 1] = half, wh - half
    else:
        for start, wh in readings.items():
            if start.minute % 30:
                continue
            other = readings.get(start + timedelta(minutes=15))
            day = slots.setdefault(start.date(), [None] * SLOTS)
            day[_slot(start)] = None if other is None else wh + other
    return [MeterDay(day, tuple(values)) for day, values in sorted(slots.items())]


def _slot(start: datetime) -> int:
    return (start.hour * 60 + start.minute) // 30


def _gaps(result: DemandImport, where: dict[str, Any]) -> None:
    days = result.days
    if not days:
        return
    present = {d.day for d in days}
    first_day, last_day = days[0].day, days[-1].day
    missing_days = [
        first_day + timedelta(days=n)
        for n in range((last_day - first_day).days + 1)
        if first_day + timedelta(days=n) not in present
    ]
    gaps = [
        datetime.combine(d.day, datetime.min.time()) + timedelta(minutes=30 * s)
        for d in days
        for s, wh in enumerate(d.wh)
        if wh is None
    ]
    if missing_days:
        result.warnings.append(
            Message(
                "demand.missing_days",
                {"count": len(missing_days), "first": missing_days[0].isoformat()},
                where,
            )
        )
    if gaps:
        result.warnings.append(
            Message(
                "demand.gaps",
                {"count": len(gaps), "first": gaps[0].strftime("%Y-%m-%d %H:%M")},
                where,
            )
        )


def load_demand_file(path: Path, mapping: DemandMapping | None = None) -> DemandImport:
    """Read ``path`` with ``mapping`` (else the guessed one) into meter-days."""
    cells = read_cells(Path(path))
    return parse_demand(cells, mapping or guess_mapping(cells), Path(path))
