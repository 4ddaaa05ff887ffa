"""A stand-in for store.project_file.ProjectFile with the same small API, kept in memory.

Used only while the real project file is not importable, and to simulate a file that refuses a
write (a full disk) at a chosen moment. "Files" live in a dict keyed by path, so a test can close
and reopen one.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    PlannedMeasure,
    Project,
    Site,
    SupplyContract,
    Target,
)

_FILES: dict[str, tuple[Project, dict[int, EnergyRecord]]] = {}
_EVIDENCE: dict[str, list[tuple[str, str | None, int | None, bytes]]] = {}


class MemoryProjectFile:
    fail_writes = False  # set True to make every mutating call raise store.disk_full

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.writes = 0

    @classmethod
    def create(cls, path: Path, project: Project, *, user: str) -> MemoryProjectFile:
        records = dict(enumerate(project.records, start=1))
        _FILES[str(path)] = (copy.deepcopy(replace_records(project, [])), records)
        Path(path).write_bytes(b"fake project")
        return cls(path)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, user: str = "") -> MemoryProjectFile:
        if str(path) not in _FILES:
            raise EcoCheckError(Message("store.not_found", where={"file": str(path)}))
        return cls(path)

    def _data(self) -> tuple[Project, dict[int, EnergyRecord]]:
        return _FILES[self.path]

    def _write(self) -> None:
        if MemoryProjectFile.fail_writes:
            raise EcoCheckError(Message("store.disk_full", where={"file": self.path}))
        self.writes += 1

    def load(self) -> Project:
        project, records = self._data()
        return replace_records(copy.deepcopy(project), list(records.values()))

    def records(self) -> list[tuple[int, EnergyRecord]]:
        return list(self._data()[1].items())

    def add_record(self, record: EnergyRecord) -> int:
        self._write()
        records = self._data()[1]
        record_id = max(records, default=0) + 1
        records[record_id] = record
        return record_id

    def update_record(self, record_id: int, record: EnergyRecord) -> None:
        self._write()
        self._data()[1][record_id] = record

    def delete_record(self, record_id: int) -> None:
        self._write()
        del self._data()[1][record_id]

    def set_company(self, company: Company) -> None:
        self._write()
        self._data()[0].company = company

    def upsert_site(self, site: Site) -> None:
        self._write()
        sites = self._data()[0].sites
        sites[:] = [s for s in sites if s.name != site.name] + [site]

    def set_contract(self, contract: SupplyContract) -> None:
        self._write()
        contracts = self._data()[0].contracts
        key = (contract.site, contract.energy)
        contracts[:] = [c for c in contracts if (c.site, c.energy) != key] + [contract]

    def set_fiscal_year(self, data: FiscalYearData) -> None:
        self._write()
        self._data()[0].fiscal_years[data.year] = data

    def set_checklist(self, checklist: dict[str, Any]) -> None:
        self._write()
        self._data()[0].checklist = dict(checklist)

    def set_measure_plan(self, plan: list[PlannedMeasure]) -> None:
        self._write()
        self._data()[0].measure_plan = list(plan)

    def set_targets(self, targets: list[Target]) -> None:
        self._write()
        self._data()[0].targets = list(targets)

    def attach_evidence(
        self,
        source: Path | bytes,
        filename: str,
        month: str | None = None,
        record_id: int | None = None,
    ) -> int:
        self._write()
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        _EVIDENCE.setdefault(self.path, []).append((filename, month, record_id, data))
        return len(_EVIDENCE[self.path])

    def close(self) -> None:
        pass


def replace_records(project: Project, records: list[EnergyRecord]) -> Project:
    project.records = records
    return project
