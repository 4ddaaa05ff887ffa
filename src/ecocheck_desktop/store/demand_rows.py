"""The meters and their interval data in the project file (schema v4 part ``V4_DEMAND``): one
row per meter, one row per meter-day with the 48 half-hours packed (:func:`core.demand.pack`).
An import replaces the days it brings and keeps the others; it is one change with its
change-log row.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.store.failures import _error, _reading
from ecocheck_desktop.store.rows import FilePart, _all, _one

# core.demand is imported where meters are read or written: opening a project file does
# neither, and that module costs its start-up a few milliseconds.
# core.demand (the 30-minute analysis) is imported where meter data is read or written:
# opening a file without meters, before its page paints, never loads it.
if TYPE_CHECKING:
    from ecocheck_desktop.core.demand import Meter, MeterData, MeterDay


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = _one(conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meters'"))
    return row is not None


def _decimal(value: Any) -> Decimal | None:
    return Decimal(value) if isinstance(value, str) and value else None


def _meter(row: sqlite3.Row) -> Meter:
    from ecocheck_desktop.core.demand import Meter

    try:
        mapping = json.loads(row["mapping"] or "{}")
    except ValueError:
        mapping = {}
    return Meter(
        name=row["name"],
        site=row["site"] or "",
        contract_kw=_decimal(row["contract_kw"]),
        base_charge_yen_per_kw=_decimal(row["base_charge_yen_per_kw"]),
        base_charge_source=row["base_charge_source"] or "",
        mapping=mapping if isinstance(mapping, dict) else {},
    )


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class DemandRows(FilePart):
    """Part of :class:`~ecocheck_desktop.store.project_file.ProjectFile`."""

    def meters(self) -> list[Meter]:
        """The meters, in the order they were added (none in a file older than v4)."""
        with _reading(self.path):
            conn = self._db()
            if not _has_tables(conn):
                return []
            return [_meter(row) for row in _all(conn.execute("SELECT * FROM meters ORDER BY id"))]

    def meter_days(self, name: str) -> list[MeterDay]:
        with _reading(self.path):
            conn = self._db()
            if not _has_tables(conn):
                return []
            rows = _all(
                conn.execute(
                    "SELECT d.day, d.wh FROM meter_days d JOIN meters m ON m.id = d.meter_id"
                    " WHERE m.name = ? ORDER BY d.day",
                    (name,),
                )
            )
            from ecocheck_desktop.core.demand import MeterDay, unpack

            try:
                return [MeterDay(date.fromisoformat(r["day"]), unpack(r["wh"])) for r in rows]
            except (TypeError, ValueError):
                raise _error("store.corrupt", self.path, reason=f"meter_days.{name}") from None

    def meter_data(self) -> tuple[MeterData, ...]:
        """Every meter that holds readings, with its days (the measures, the report, the JSON
        export)."""
        from ecocheck_desktop.core.demand import MeterData

        found = ((meter, self.meter_days(meter.name)) for meter in self.meters())
        return tuple(MeterData(meter, tuple(days)) for meter, days in found if days)

    def set_meter(self, meter: Meter) -> None:
        """Add the meter or change its contract, price and mapping (its data stays)."""
        with self._change("meter.set", meter.name, None, meter) as conn:
            self._upsert_meter(conn, meter)

    def _upsert_meter(self, conn: sqlite3.Connection, meter: Meter) -> int:
        values = (
            meter.site,
            _text(meter.contract_kw),
            _text(meter.base_charge_yen_per_kw),
            meter.base_charge_source,
            json.dumps(meter.mapping, ensure_ascii=False, sort_keys=True),
            meter.name,
        )
        cursor = conn.execute(
            "UPDATE meters SET site = ?, contract_kw = ?, base_charge_yen_per_kw = ?,"
            " base_charge_source = ?, mapping = ? WHERE name = ?",
            values,
        )
        if not cursor.rowcount:
            conn.execute(
                "INSERT INTO meters (site, contract_kw, base_charge_yen_per_kw,"
                " base_charge_source, mapping, name) VALUES (?, ?, ?, ?, ?, ?)",
                values,
            )
        row = _one(conn.execute("SELECT id FROM meters WHERE name = ?", (meter.name,)))
        return int(row["id"])

    def import_meter_days(self, meter: Meter, days: list[MeterDay]) -> None:
        """Store the meter (with the mapping used) and its days, replacing days already held."""
        summary = {
            "days": len(days),
            "first": min(d.day for d in days).isoformat() if days else None,
            "last": max(d.day for d in days).isoformat() if days else None,
        }
        from ecocheck_desktop.core.demand import pack

        with self._change("demand.import", meter.name, None, summary) as conn:
            meter_id = self._upsert_meter(conn, meter)
            conn.executemany(
                "INSERT OR REPLACE INTO meter_days (meter_id, day, wh) VALUES (?, ?, ?)",
                [(meter_id, d.day.isoformat(), pack(d.wh)) for d in days],
            )

    def delete_meter(self, name: str) -> None:
        with self._change("meter.delete", name, None, None) as conn:
            row = _one(conn.execute("SELECT id FROM meters WHERE name = ?", (name,)))
            if row is not None:
                conn.execute("DELETE FROM meter_days WHERE meter_id = ?", (row["id"],))
                conn.execute("DELETE FROM meters WHERE id = ?", (row["id"],))
