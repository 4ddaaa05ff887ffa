"""30-minute demand data of one meter: the model and its analysis, pure Python in exact Decimal.

A meter-day holds 48 half-hour readings in integer Wh (``None``: no reading). The analysis:

- the load profile: the mean kW per half-hour on weekdays and on weekends, and per weekday and
  hour;
- the base load: the 5th percentile (nearest rank) of the half-hour demands in the night
  (starting 22:00 to 05:30) of any day and of the whole of Saturdays and Sundays, and its share
  of the kWh of the data: base kW x the hours with a reading / the kWh;
- the peak demand per month (kW = the half-hour's kWh x 2) and the maximum over the latest 12
  months, which sets the 契約電力 of a 高圧 contract;
- the top peaks, one per day (the day's highest half-hour), highest first;
- what a lower base load saves (kW x hours x 円/kWh) and what a capped peak saves on the base
  charge (kW x 円/kW per month x 12).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

SLOTS = 48
HALF_HOUR = timedelta(minutes=30)
NIGHT_FROM_SLOT = 44  # 22:00
NIGHT_UNTIL_SLOT = 12  # 06:00 (exclusive)
BASE_PERCENTILE = 5
WH_PER_KW_HALF_HOUR = 500  # 1 kW for 30 minutes = 500 Wh


@dataclass(frozen=True)
class Meter:
    """A meter (a 受電点) with its contract and the import mapping last used for it."""

    name: str
    site: str = ""
    contract_kw: Decimal | None = None
    base_charge_yen_per_kw: Decimal | None = None  # 基本料金 単価, 円/kW per month
    base_charge_source: str = ""
    mapping: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MeterDay:
    day: date
    wh: tuple[int | None, ...]  # 48 half-hours from 00:00, integer Wh

    def __post_init__(self) -> None:
        if len(self.wh) != SLOTS:
            raise ValueError(f"a meter-day has {SLOTS} half-hours, not {len(self.wh)}")


@dataclass(frozen=True)
class MeterData:
    """A meter with its days (what the measures, the report and the JSON export read)."""

    meter: Meter
    days: tuple[MeterDay, ...]


@dataclass(frozen=True)
class Peak:
    at: datetime  # the start of the half-hour, Japan local time
    kw: Decimal


@dataclass(frozen=True)
class DemandAnalysis:
    days: int
    intervals: int  # half-hours with a reading
    missing: int  # half-hours without one, within the days present
    total_kwh: Decimal
    base_load_kw: Decimal
    base_load_share_pct: Decimal
    monthly_peak_kw: dict[str, Decimal]
    monthly_kwh: dict[str, Decimal]
    contract_kw_12m: Decimal
    contract_months: tuple[str, ...]  # the months the 12-month maximum is taken over
    top_peaks: tuple[Peak, ...]
    weekday_profile_kw: tuple[Decimal, ...]  # 48 mean kW, Monday to Friday
    weekend_profile_kw: tuple[Decimal, ...]  # 48 mean kW, Saturday and Sunday
    weekday_hour_kw: dict[int, tuple[Decimal, ...]]  # weekday 0=Mon -> 24 mean kW


def kw(wh: int) -> Decimal:
    """The demand of a half-hour in kW: its kWh x 2."""
    return Decimal(wh) / WH_PER_KW_HALF_HOUR


def percentile_nearest_rank(values: list[int], pct: int) -> int:
    """The nearest-rank percentile: the smallest value with at least pct % of values <= it."""
    ordered = sorted(values)
    rank = max(1, (pct * len(ordered) + 99) // 100)
    return ordered[rank - 1]


def is_base_slot(day: date, slot: int) -> bool:
    return day.weekday() >= 5 or slot >= NIGHT_FROM_SLOT or slot < NIGHT_UNTIL_SLOT


def slot_time(day: date, slot: int) -> datetime:
    return datetime.combine(day, time()) + slot * HALF_HOUR


def _mean_kw(total_wh: int, count: int) -> Decimal:
    return kw(total_wh) / count if count else Decimal(0)


def analyse(days: list[MeterDay], top: int = 10) -> DemandAnalysis:
    """The analysis of a meter's days (any order); an empty list gives zeros."""
    ordered = sorted(days, key=lambda d: d.day)
    base_values: list[int] = []
    total_wh = intervals = missing = 0
    month_peak: dict[str, int] = {}
    month_wh: dict[str, int] = {}
    day_peaks: list[tuple[int, datetime]] = []
    sums = {False: [0] * SLOTS, True: [0] * SLOTS}
    counts = {False: [0] * SLOTS, True: [0] * SLOTS}
    hour_sum = {w: [0] * 24 for w in range(7)}
    hour_count = {w: [0] * 24 for w in range(7)}
    for meter_day in ordered:
        month = meter_day.day.strftime("%Y-%m")
        weekend = meter_day.day.weekday() >= 5
        weekday = meter_day.day.weekday()
        best: tuple[int, int] | None = None
        for slot, wh in enumerate(meter_day.wh):
            if wh is None:
                missing += 1
                continue
            intervals += 1
            total_wh += wh
            month_wh[month] = month_wh.get(month, 0) + wh
            if wh > month_peak.get(month, -1):
                month_peak[month] = wh
            if best is None or wh > best[0]:
                best = (wh, slot)
            if is_base_slot(meter_day.day, slot):
                base_values.append(wh)
            sums[weekend][slot] += wh
            counts[weekend][slot] += 1
            hour_sum[weekday][slot // 2] += wh
            hour_count[weekday][slot // 2] += 1
        if best is not None:
            day_peaks.append((best[0], slot_time(meter_day.day, best[1])))
    base_wh = percentile_nearest_rank(base_values, BASE_PERCENTILE) if base_values else 0
    share = Decimal(base_wh * intervals * 100) / total_wh if total_wh else Decimal(0)
    months = sorted(month_peak)
    contract_months = tuple(_latest_12(months))
    contract_wh = max((month_peak[m] for m in contract_months), default=0)
    day_peaks.sort(key=lambda p: (-p[0], p[1]))
    return DemandAnalysis(
        days=len(ordered),
        intervals=intervals,
        missing=missing,
        total_kwh=Decimal(total_wh) / 1000,
        base_load_kw=kw(base_wh),
        base_load_share_pct=share,
        monthly_peak_kw={m: kw(month_peak[m]) for m in months},
        monthly_kwh={m: Decimal(month_wh[m]) / 1000 for m in months},
        contract_kw_12m=kw(contract_wh),
        contract_months=contract_months,
        top_peaks=tuple(Peak(at=at, kw=kw(wh)) for wh, at in day_peaks[:top]),
        weekday_profile_kw=tuple(_mean_kw(sums[False][s], counts[False][s]) for s in range(SLOTS)),
        weekend_profile_kw=tuple(_mean_kw(sums[True][s], counts[True][s]) for s in range(SLOTS)),
        weekday_hour_kw={
            w: tuple(
                # an hour has two half-hours: the mean kW of the hour is the mean of both
                _mean_kw(hour_sum[w][h], hour_count[w][h])
                for h in range(24)
            )
            for w in range(7)
        },
    )


def _latest_12(months: list[str]) -> list[str]:
    """The months of the data within the 12 months ending with the latest one."""
    if not months:
        return []
    year, month = (int(part) for part in months[-1].split("-"))
    index = year * 12 + month - 1
    first = index - 11
    return [m for m in months if int(m[:4]) * 12 + int(m[5:7]) - 1 >= first]


@dataclass(frozen=True)
class BaseLoadSaving:
    reduction_kw: Decimal
    hours: Decimal  # hours with a reading
    kwh: Decimal
    yen: Decimal


def base_load_saving(
    analysis: DemandAnalysis, reduction_kw: Decimal, yen_per_kwh: Decimal
) -> BaseLoadSaving:
    """A base load lower by ``reduction_kw`` around the clock: kWh = kW x the hours of data."""
    hours = Decimal(analysis.intervals) / 2
    kwh = reduction_kw * hours
    return BaseLoadSaving(reduction_kw, hours, kwh, kwh * yen_per_kwh)


@dataclass(frozen=True)
class PeakCapSaving:
    cap_kw: Decimal
    contract_kw_cut: Decimal  # the 12-month maximum minus the cap (0 when below the cap)
    yen_per_year: Decimal  # the cut x 円/kW per month x 12
    kwh_above_cap: Decimal  # the energy of the half-hours above the cap (moved, not saved)
    half_hours_above_cap: int


def peak_cap_saving(
    analysis: DemandAnalysis,
    days: list[MeterDay],
    cap_kw: Decimal,
    yen_per_kw_month: Decimal,
) -> PeakCapSaving:
    cut = max(Decimal(0), analysis.contract_kw_12m - cap_kw)
    cap_wh = cap_kw * WH_PER_KW_HALF_HOUR
    above = [Decimal(wh) - cap_wh for d in days for wh in d.wh if wh is not None and wh > cap_wh]
    return PeakCapSaving(
        cap_kw=cap_kw,
        contract_kw_cut=cut,
        yen_per_year=cut * yen_per_kw_month * 12,
        kwh_above_cap=sum(above, Decimal(0)) / 1000,
        half_hours_above_cap=len(above),
    )


def pack(wh: tuple[int | None, ...]) -> bytes:
    """48 readings as little-endian int32 (-1: none): 192 bytes."""
    return b"".join((-1 if v is None else v).to_bytes(4, "little", signed=True) for v in wh)


def unpack(blob: bytes) -> tuple[int | None, ...]:
    if len(blob) != SLOTS * 4:
        raise ValueError("a meter-day is 192 bytes")
    values = [int.from_bytes(blob[i : i + 4], "little", signed=True) for i in range(0, 192, 4)]
    return tuple(None if v < 0 else v for v in values)
