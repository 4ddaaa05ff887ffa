"""The edits of the project file, one per domain object: each call is one change with its
change-log row (:meth:`ProjectFile._change`), in its own durable transaction or the
caller's :meth:`ProjectFile.transaction`.
"""

from __future__ import annotations

from typing import Any

from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    PlannedMeasure,
    RefrigerantRefill,
    Scope3Entry,
    Site,
    SupplyContract,
    Target,
)
from ecocheck_desktop.store.codec import to_plain
from ecocheck_desktop.store.failures import _error
from ecocheck_desktop.store.rows import (
    FilePart,
    _find,
    _insert,
    _read_checklist,
    _read_company,
    _read_list,
    _row_values,
    _upsert_company,
    _write_checklist,
)


class ProjectEdits(FilePart):
    """Part of :class:`~ecocheck_desktop.store.project_file.ProjectFile`."""

    def set_company(self, company: Company) -> None:
        old = self.load_company()
        with self._change("company.set", "company", old, company) as conn:
            _upsert_company(conn, company)

    def load_company(self) -> Company:
        return _read_company(self._db(), self.path)

    def upsert_site(self, site: Site) -> None:
        conn = self._db()
        old = _find(conn, "sites", Site, self.path, "name = ?", (site.name,))
        with self._change("site.set", f"sites[{site.name}]", old, site) as conn:
            if old is None:
                _insert(conn, "sites", site)
            else:
                conn.execute(
                    "UPDATE sites SET address = ? WHERE name = ?", (site.address, site.name)
                )

    def delete_site(self, name: str) -> None:
        old = _find(self._db(), "sites", Site, self.path, "name = ?", (name,))
        with self._change("site.delete", f"sites[{name}]", old, None) as conn:
            conn.execute("DELETE FROM sites WHERE name = ?", (name,))

    def set_contract(self, contract: SupplyContract) -> None:
        key = (contract.site, contract.energy)
        old = _find(
            self._db(), "contracts", SupplyContract, self.path, "site = ? AND energy = ?", key
        )
        target = f"contracts[{contract.site}/{contract.energy}]"
        with self._change("contract.set", target, old, contract) as conn:
            values = _row_values(contract)
            if old is None:
                _insert(conn, "contracts", contract)
            else:
                assignments = ", ".join(f"{column} = :{column}" for column in values)
                conn.execute(
                    f"UPDATE contracts SET {assignments}"  # noqa: S608 - dataclass field names
                    " WHERE site = :site AND energy = :energy",
                    values,
                )

    def delete_contract(self, site: str, energy: str) -> None:
        key = (site, energy)
        old = _find(
            self._db(), "contracts", SupplyContract, self.path, "site = ? AND energy = ?", key
        )
        with self._change("contract.delete", f"contracts[{site}/{energy}]", old, None) as conn:
            conn.execute("DELETE FROM contracts WHERE site = ? AND energy = ?", key)

    def set_fiscal_year(self, data: FiscalYearData) -> None:
        old = _find(self._db(), "fiscal_years", FiscalYearData, self.path, "year = ?", (data.year,))
        with self._change("fiscal_year.set", f"fiscal_years[{data.year}]", old, data) as conn:
            conn.execute("DELETE FROM fiscal_years WHERE year = ?", (data.year,))
            _insert(conn, "fiscal_years", data)

    def delete_fiscal_year(self, year: int) -> None:
        old = _find(self._db(), "fiscal_years", FiscalYearData, self.path, "year = ?", (year,))
        with self._change("fiscal_year.delete", f"fiscal_years[{year}]", old, None) as conn:
            conn.execute("DELETE FROM fiscal_years WHERE year = ?", (year,))

    def add_record(self, record: EnergyRecord) -> int:
        record_id = 0
        # The log row is written after the insert: its target names the new id (an UPDATE of
        # the newest log row here would rename the previous edit's row instead).
        with self._change("record.add", lambda: f"records[{record_id}]", None, record) as conn:
            record_id = _insert(conn, "records", record)
        return record_id

    def _record(self, record_id: int) -> EnergyRecord:
        old = _find(self._db(), "records", EnergyRecord, self.path, "id = ?", (record_id,))
        if old is None:
            raise _error("store.record_not_found", self.path, record_id=record_id)
        return old

    def update_record(self, record_id: int, record: EnergyRecord) -> None:
        old = self._record(record_id)
        with self._change("record.update", f"records[{record_id}]", old, record) as conn:
            values = _row_values(record)
            assignments = ", ".join(f"{column} = :{column}" for column in values)
            conn.execute(
                f"UPDATE records SET {assignments} WHERE id = :id",  # noqa: S608 - field names
                {**values, "id": record_id},
            )

    def delete_record(self, record_id: int) -> None:
        old = self._record(record_id)
        with self._change("record.delete", f"records[{record_id}]", old, None) as conn:
            conn.execute("DELETE FROM records WHERE id = ?", (record_id,))

    def set_checklist(self, checklist: dict[str, Any]) -> None:
        old = _read_checklist(self._db(), self.path)
        with self._change("checklist.set", "checklist", old, checklist) as conn:
            _write_checklist(conn, checklist)

    def _replace_list(self, table: str, cls: type[Any], items: list[Any]) -> None:
        old = [item for _, item in _read_list(self._db(), table, cls, self.path)]
        with self._change(
            f"{table}.set", table, [to_plain(o) for o in old], [to_plain(i) for i in items]
        ) as conn:
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            for item in items:
                _insert(conn, table, item)

    def set_refrigerants(self, refills: list[RefrigerantRefill]) -> None:
        self._replace_list("refrigerants", RefrigerantRefill, refills)

    def set_scope3(self, entries: list[Scope3Entry]) -> None:
        self._replace_list("scope3", Scope3Entry, entries)

    def set_targets(self, targets: list[Target]) -> None:
        self._replace_list("targets", Target, targets)

    def set_measure_plan(self, plan: list[PlannedMeasure]) -> None:
        self._replace_list("measure_plan", PlannedMeasure, plan)
