"""``ecocheck demand import X.ecocheck DATA [--meter NAME]`` and
``ecocheck demand show X.ecocheck [--meter NAME] [--json]``: 30-minute demand data.

import: reads the CSV/XLSX with the meter's remembered mapping (else the guessed one); on any
error exit 2 with the messages naming row and column, nothing written; else the days are stored
(replacing the days already held), the warnings and the check against the bills printed.
show: the analysis of core/demand.py; ``--json`` prints one object with ``base_load_kw``,
``base_load_share_pct``, ``monthly_peak_kw`` (YYYY-MM -> kW), ``contract_kw_12m`` and
``top_peaks`` (``{"at": ISO time, "kw": ...}``), plus the fields documented in docs/demand.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from ecocheck_desktop.commands import say
from ecocheck_desktop.commands.import_bills import user_name
from ecocheck_desktop.commands.measures import _measure_json
from ecocheck_desktop.core.demand import (
    BASE_PERCENTILE,
    Meter,
    MeterData,
    analyse,
    base_load_saving,
    peak_cap_saving,
)
from ecocheck_desktop.core.demand_bill import bill_check, bill_messages, tariff_defaults
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.measures import evaluate_latest
from ecocheck_desktop.core.measures_demand import BASE_ID, PEAK_ID
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.exchange.demand_files import DemandMapping, guess_mapping, read_cells
from ecocheck_desktop.exchange.demand_parse import parse_demand
from ecocheck_desktop.store.project_file import ProjectFile


def _user() -> str:
    return user_name()


def _choose(meters: list[Meter], wanted: str | None, path: Path) -> Meter | None:
    where = {"file": str(path)}
    names = ", ".join(m.name for m in meters) or "-"
    if wanted is not None:
        for meter in meters:
            if meter.name == wanted:
                return meter
        return None
    if len(meters) > 1:
        raise EcoCheckError(Message("demand.choose_meter", {"names": names}, where))
    return meters[0] if meters else None


def _import(args: argparse.Namespace) -> int:
    project_path, data_path = Path(args.input), Path(args.data)
    with ProjectFile.open(project_path, user=_user()) as pf:
        meters = pf.meters()
        meter = _choose(meters, args.meter, project_path)
        if meter is None:
            meter = Meter(name=args.meter or data_path.stem)
        cells = read_cells(data_path)
        # The meter's remembered mapping, unless it does not fit this file: then the guess.
        mapping = DemandMapping.from_dict(meter.mapping) if meter.mapping else None
        if mapping is None or _misfit(cells, mapping):
            mapping = guess_mapping(cells)
        result = parse_demand(cells, mapping, data_path)
        if result.errors:
            raise EcoCheckError(*result.errors)
        for warning in result.warnings:
            print(f"ecocheck: warning: {say(warning, args)}", file=sys.stderr)
        stored = Meter(
            name=meter.name,
            site=meter.site,
            contract_kw=meter.contract_kw,
            base_charge_yen_per_kw=meter.base_charge_yen_per_kw,
            base_charge_source=meter.base_charge_source,
            mapping=mapping.to_dict(),
        )
        pf.import_meter_days(stored, result.days)
        records = pf.load().records
    analysis = analyse(result.days)
    for message in bill_messages(bill_check(analysis.monthly_kwh, records, meter.site)):
        print(say(message, args))
    first, last = result.days[0].day.isoformat(), result.days[-1].day.isoformat()
    params = {"meter": meter.name, "days": len(result.days), "first": first, "last": last}
    print(say(Message("demand.imported", params), args))
    return 0


def _misfit(cells: list[list[str]], mapping: DemandMapping) -> bool:
    trial = parse_demand(cells[: mapping.header_rows + 200], mapping, Path("-"))
    return bool(trial.errors)


def _n(value: Decimal, places: int = 3) -> float:
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def show_json(meter: Meter, days: list[Any]) -> dict[str, Any]:
    """The JSON object of ``demand show`` (its fields: docs/demand.md)."""
    analysis = analyse(days)
    defaults = tariff_defaults()
    base_price = meter.base_charge_yen_per_kw or defaults.base_charge_yen_per_kw_month
    source = meter.base_charge_source if meter.base_charge_yen_per_kw else defaults.source_en
    cap = (analysis.contract_kw_12m * Decimal("0.9")).quantize(Decimal(1))
    cap_saving = peak_cap_saving(analysis, days, cap, base_price)
    reduction = (analysis.base_load_kw * Decimal("0.2")).quantize(Decimal("0.1"))
    base_saving = base_load_saving(analysis, reduction, defaults.energy_yen_per_kwh)
    return {
        "meter": meter.name,
        "site": meter.site,
        "days": analysis.days,
        "intervals": analysis.intervals,
        "missing_intervals": analysis.missing,
        "total_kwh": _n(analysis.total_kwh),
        "base_load_kw": _n(analysis.base_load_kw),
        "base_load_share_pct": _n(analysis.base_load_share_pct, 2),
        "base_load_definition": (
            f"{BASE_PERCENTILE}th percentile (nearest rank) of the half-hour demand in the night"
            " (22:00-06:00) of every day and on Saturdays and Sundays"
        ),
        "monthly_peak_kw": {m: _n(v) for m, v in analysis.monthly_peak_kw.items()},
        "monthly_kwh": {m: _n(v) for m, v in analysis.monthly_kwh.items()},
        "contract_kw_12m": _n(analysis.contract_kw_12m),
        "contract_kw": None if meter.contract_kw is None else _n(meter.contract_kw),
        "top_peaks": [{"at": p.at.isoformat(), "kw": _n(p.kw)} for p in analysis.top_peaks],
        "base_charge_yen_per_kw_month": _n(base_price, 2),
        "base_charge_source": source,
        "peak_cap_saving": {
            "cap_kw": _n(cap_saving.cap_kw),
            "contract_kw_cut": _n(cap_saving.contract_kw_cut),
            "yen_per_year": _n(cap_saving.yen_per_year, 0),
            "kwh_above_cap": _n(cap_saving.kwh_above_cap),
            "half_hours_above_cap": cap_saving.half_hours_above_cap,
        },
        "base_load_saving": {
            "reduction_kw": _n(base_saving.reduction_kw),
            "kwh_per_year": _n(base_saving.kwh),
            "yen_per_year": _n(base_saving.yen, 0),
            "energy_yen_per_kwh": _n(defaults.energy_yen_per_kwh, 2),
        },
    }


def measures_json(meter: Meter, days: list[Any], project: Project) -> list[dict[str, Any]]:
    """DM-01 and DM-02 of this meter as ``ecocheck measures --json`` prints a measure: the
    rows of the project's plan (core.measures.evaluate with this meter's data), none without a
    complete fiscal year."""
    meters = (MeterData(meter, tuple(days)),)
    latest = evaluate_latest(project, calculate(project, strict=False).years, demand=meters)
    if latest is None:
        return []
    return [_measure_json(r) for r in latest.plan.measures if r.measure.id in (PEAK_ID, BASE_ID)]


def _show(args: argparse.Namespace) -> int:
    path = Path(args.input)
    with ProjectFile.open(path, read_only=True) as pf:
        project = pf.load()
        meters = pf.meters()
        meter = _choose(meters, args.meter, path)
        if meter is None and not meters:
            where = {"file": str(path)}
            raise EcoCheckError(Message("demand.no_meters", {"file": path.name}, where))
        if meter is None:
            names = ", ".join(m.name for m in meters)
            params = {"meter": args.meter or "", "names": names}
            raise EcoCheckError(Message("demand.no_meter", params, {"file": str(path)}))
        days = pf.meter_days(meter.name)
    data = show_json(meter, days)
    data["measures"] = measures_json(meter, days, project)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{data['meter']}: {data['days']} days, {data['total_kwh']:,} kWh")
    print(f"base load / ベースロード: {data['base_load_kw']} kW ({data['base_load_share_pct']} %)")
    print(f"contract kW (12 months) / 契約電力相当: {data['contract_kw_12m']} kW")
    for month, kw in data["monthly_peak_kw"].items():
        print(f"  {month}  {kw:>10,.1f} kW")
    print("top peaks / 上位ピーク:")
    for peak in data["top_peaks"]:
        print(f"  {peak['at']}  {peak['kw']:>10,.1f} kW")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.demand_command == "import":
        return _import(args)
    return _show(args)
