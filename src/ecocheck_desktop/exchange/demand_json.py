"""The meters and their 30-minute data in the ``ecocheck-project`` JSON export (key ``meters``).

Each meter is its fields (core.demand.Meter, decimals as exact strings) and ``days``: an object
from the ISO date to the day's 48 half-hour readings in integer Wh from 00:00 (``null``: no
reading), as the project file holds them. Reading checks every meter and every day before
anything is built; problems are located like ``meters[0].days.2025-04-01[13]``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.demand import SLOTS, Meter, MeterData, MeterDay
from ecocheck_desktop.store.codec import Problems, from_plain, to_plain

MAX_METERS = 100
MAX_DAYS = 3700  # ten years a meter
MAX_WH = 2**31 - 1  # the project file packs a reading as int32


def meters_to_json(meters: tuple[MeterData, ...] | list[MeterData]) -> list[dict[str, Any]]:
    return [
        {
            **to_plain(data.meter),
            "days": {d.day.isoformat(): list(d.wh) for d in sorted(data.days, key=lambda d: d.day)},
        }
        for data in meters
    ]


def _day(key: Any, values: Any, where: str, problems: Problems) -> MeterDay | None:
    try:
        day = date.fromisoformat(key) if isinstance(key, str) and len(key) == 10 else None
    except ValueError:
        day = None
    if day is None:
        problems.add(where, "expected an ISO date (YYYY-MM-DD) as the key")
        return None
    if not isinstance(values, list) or len(values) != SLOTS:
        problems.add(f"{where}.{key}", f"expected a list of {SLOTS} readings (Wh or null)")
        return None
    for i, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_WH:
            problems.add(f"{where}.{key}[{i}]", "expected a whole number of Wh (0 or more) or null")
            return None
    return MeterDay(day, tuple(values))


def meters_from_json(items: Any, problems: Problems) -> tuple[MeterData, ...]:
    """The meters of a parsed ``meters`` list; problems are added, nothing is raised."""
    if not isinstance(items, list):
        problems.add("meters", f"expected a list, got {type(items).__name__}")
        return ()
    if len(items) > MAX_METERS:
        problems.add("meters", "too many meters")
        return ()
    found: list[MeterData] = []
    names: set[str] = set()
    for i, item in enumerate(items):
        where = f"meters[{i}]"
        if not isinstance(item, dict):
            problems.add(where, f"expected an object, got {type(item).__name__}")
            continue
        fields = {k: v for k, v in item.items() if k != "days"}
        meter = from_plain(Meter, fields, where, problems)
        raw_days = item.get("days", {})
        if not isinstance(raw_days, dict) or len(raw_days) > MAX_DAYS:
            problems.add(f"{where}.days", f"expected an object of at most {MAX_DAYS} days")
            continue
        days = [_day(k, v, f"{where}.days", problems) for k, v in raw_days.items()]
        if meter is None:
            continue
        if not meter.name.strip() or len(meter.name) > limits.MAX_COMPANY_NAME:
            problems.add(f"{where}.name", f"must be 1 to {limits.MAX_COMPANY_NAME} characters")
        elif meter.name in names:
            problems.add(f"{where}.name", "meter names must be unique")
        names.add(meter.name)
        found.append(MeterData(meter, tuple(d for d in days if d is not None)))
    return tuple(found)
