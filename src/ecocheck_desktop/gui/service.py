"""The one application service the pages and the tests drive (STYLE.md §2).

Owns the open project file, the in-memory :class:`Project` read from it, and the current
footprint. Every edit is validated here, applied through a ``QUndoCommand`` pushed on the main
window's undo stack, written to the project file in its own transaction (that commit IS the
autosave, for undo and redo too), then recalculated; the pages only listen to the signals.

A paste from Excel is validated as a whole against the grid layout of ``grid_cells`` (the one
the table shows): a block is applied all-or-nothing, and every bad cell is reported with its
row and column.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.fiscal import fiscal_year_of, months_of_fiscal_year
from ecocheck_desktop.core.footprint import Footprint, YearResult, calculate
from ecocheck_desktop.core.limits import object_text_problems, quantity_problem
from ecocheck_desktop.core.messages import EcoCheckError, Message, register
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
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.gui.grid_cells import (
    BILL_UNITS,
    COLUMN_KINDS,
    COST,
    ESTIMATED,
    QUANTITY,
    CellKey,
    CellState,
    EnergyLine,
    GridColumn,
    bill_unit,
    parse_flag,
    split_block,
)
from ecocheck_desktop.gui.qt_compat import pin_singletons
from ecocheck_desktop.gui.undo_commands import RecordsCommand, ValueCommand

# Edits emit signals many times a session: see qt_compat for the binding defect.
pin_singletons()

__all__ = [
    "BILL_UNITS",
    "COLUMN_KINDS",
    "COST",
    "ESTIMATED",
    "QUANTITY",
    "CellKey",
    "EnergyLine",
    "GridColumn",
    "ProjectService",
    "bill_unit",
    "parse_flag",
    "split_block",
]

register(
    {
        "grid.several_records": "{month} {energy} is made of {count} bill lines; edit them"
        " through an import instead",
        "grid.cost_without_quantity": "Enter the quantity of {month} {energy} before its cost",
        "grid.no_project": "No project is open",
        "grid.no_cell": "Select the month and energy of the bill first",
        "project.not_found": "The project file {file} does not exist",
        "evidence.unavailable": "Bill scans cannot be stored by this version of the project file",
        "store.unavailable": "Project files cannot be opened: the store module is missing",
    }
)


@cache
def _fiscal_year(month: str, start_month: int) -> int:
    return fiscal_year_of(month, start_month)


class ProjectStore(Protocol):
    """What the service needs of an open project file (store.project_file.ProjectFile)."""

    def load(self) -> Project: ...
    def records(self) -> list[tuple[int, EnergyRecord]]: ...
    def add_record(self, record: EnergyRecord) -> int: ...
    def update_record(self, record_id: int, record: EnergyRecord) -> None: ...
    def delete_record(self, record_id: int) -> None: ...
    def set_company(self, company: Company) -> None: ...
    def upsert_site(self, site: Site) -> None: ...
    def set_contract(self, contract: SupplyContract) -> None: ...
    def set_fiscal_year(self, data: FiscalYearData) -> None: ...
    def set_checklist(self, checklist: dict[str, Any]) -> None: ...
    def set_measure_plan(self, plan: list[PlannedMeasure]) -> None: ...
    def set_targets(self, targets: list[Target]) -> None: ...
    def close(self) -> None: ...


class StoreOpener(Protocol):
    def create(self, path: Path, project: Project, *, user: str) -> ProjectStore: ...
    def open(self, path: Path, *, read_only: bool = False, user: str = "") -> ProjectStore: ...


def default_opener() -> StoreOpener:
    try:
        from ecocheck_desktop.store.project_file import ProjectFile
    except ImportError:  # a broken installation: say so instead of crashing
        raise EcoCheckError(Message("store.unavailable")) from None

    opener: StoreOpener = ProjectFile
    return opener


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some service accounts
        return ""


class ProjectService(QObject):
    """Open project + footprint; validated, undoable, autosaved edits."""

    project_opened = Signal(str)  # path
    project_closed = Signal()
    project_changed = Signal()
    footprint_changed = Signal()
    saved = Signal(bool)  # True: the last edit is in the file; False: it is not
    failed = Signal(object)  # a list[Message] the user must see (the file refused an edit)

    def __init__(
        self,
        undo_stack: QUndoStack | None = None,
        *,
        opener: StoreOpener | None = None,
        library: Any = None,
        user: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._opener = opener
        self._library = library
        self.user = _user_name() if user is None else user
        self.path: Path | None = None
        self.project: Project | None = None
        self.footprint: Footprint | None = None
        self.last_saved: datetime | None = None
        self._file: ProjectStore | None = None
        self._records: dict[int, EnergyRecord] = {}
        self._index: dict[CellKey, list[int]] = {}
        # Lines the user added in this session that have no value yet.
        self._extra_lines: list[EnergyLine] = []
        self._attachments: dict[CellKey, list[str]] = {}

    # -- files -------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.project is not None

    def _opener_or_default(self) -> StoreOpener:
        if self._opener is None:
            self._opener = default_opener()
        return self._opener

    def new_project(
        self,
        path: Path | str,
        company: Company,
        sites: Iterable[Site] = (),
        contracts: Iterable[SupplyContract] = (),
        first_fy: int | None = None,
    ) -> None:
        """Create ``path`` with the wizard's answers and open it (raises EcoCheckError)."""
        sites = list(sites) or [Site("本社工場")]
        contracts = list(contracts)
        problems = object_text_problems(company, "company")
        for i, item in enumerate([*sites, *contracts]):
            problems += object_text_problems(item, f"{type(item).__name__.lower()}[{i}]")
        if problems:
            raise EcoCheckError(*problems)
        project = Project(company=company, sites=sites, contracts=contracts)
        if first_fy is not None:
            project.fiscal_years[first_fy] = FiscalYearData(first_fy)
        self.create_from(path, project)

    def create_from(self, path: Path | str, project: Project) -> None:
        """Write a whole project (the demo, an import) as a new file and open it."""
        opener = self._opener_or_default()
        self.close()
        store = opener.create(Path(path), project, user=self.user)
        self._adopt(Path(path), store)

    def open(self, path: Path | str) -> None:
        """Open a project file (raises EcoCheckError; the current project stays open then)."""
        if not Path(path).is_file():
            raise EcoCheckError(Message("project.not_found", where={"file": str(path)}))
        store = self._opener_or_default().open(Path(path), user=self.user)
        self.close()
        self._adopt(Path(path), store)

    def _adopt(self, path: Path, store: ProjectStore) -> None:
        self._file = store
        self.path = path
        self.project = store.load()
        self._records = dict(store.records())
        self._extra_lines = []
        self.undo_stack.clear()
        self.last_saved = datetime.now()
        self._reindex()
        self._read_attachments(store)
        self._recalculate()
        self.project_opened.emit(str(path))
        self.project_changed.emit()
        self.footprint_changed.emit()
        self.saved.emit(True)

    def close(self) -> None:
        if self._file is None:
            return
        self.undo_stack.clear()
        try:
            self._file.close()
        except EcoCheckError as error:
            # Every edit is already committed; a failed tidy-up (checkpoint) loses nothing and
            # SQLite finishes it on the next open. Say so, but let the window close.
            self.failed.emit(list(error.messages))
        finally:
            self._file = None
            self.path = None
            self.project = None
            self.footprint = None
            self._records, self._index, self._extra_lines = {}, {}, []
            self._attachments = {}
            self.project_closed.emit()
            self.project_changed.emit()
            self.footprint_changed.emit()

    # -- hand-over (store/handover.py) -------------------------------------------------------

    def _project_file(self) -> Any:
        from ecocheck_desktop.store.project_file import ProjectFile

        if not isinstance(self._file, ProjectFile):
            raise EcoCheckError(Message("grid.no_project"))
        return self._file

    def hand_over(self, target: Path | str) -> Any:
        """Write a hand-over copy of the open project (raises EcoCheckError); the mark."""
        from ecocheck_desktop.store.handover import hand_over

        return hand_over(self._project_file(), Path(target), self.user)

    def handover_changes(self) -> Any:
        """What changed since the last hand-over of the open project (None: no project file)."""
        from ecocheck_desktop.store.handover import changes_in
        from ecocheck_desktop.store.project_file import ProjectFile

        if not isinstance(self._file, ProjectFile):
            return None
        return changes_in(self._file)

    # -- reading -----------------------------------------------------------------------------

    def _require(self) -> Project:
        if self.project is None:
            raise EcoCheckError(Message("grid.no_project"))
        return self.project

    def fiscal_years(self) -> list[int]:
        if self.project is None:
            return []
        start = self.project.company.fy_start_month
        years = set(self.project.fiscal_years)
        years.update(
            _fiscal_year(month, start) for month in {r.month for r in self._records.values()}
        )
        return sorted(years)

    def months(self, fiscal_year: int) -> list[str]:
        return months_of_fiscal_year(fiscal_year, self._require().company.fy_start_month)

    def year_result(self, fiscal_year: int) -> YearResult | None:
        if self.footprint is None:
            return None
        for year in self.footprint.years:
            if year.fiscal_year == fiscal_year:
                return year
        return None

    def previous_year_result(self, fiscal_year: int) -> YearResult | None:
        return self.year_result(fiscal_year - 1)

    def energy_lines(self, fiscal_year: int) -> list[EnergyLine]:
        """The grid's lines: contracts first, then what the year's bills hold, then additions."""
        project = self._require()
        months = set(self.months(fiscal_year))
        lines: list[EnergyLine] = []
        for contract in project.contracts:
            if contract.energy in ENERGY_TYPES:
                lines.append(EnergyLine(contract.site, contract.energy, bill_unit(contract.energy)))
        if not lines:
            lines.append(EnergyLine(project.default_site(), "electricity", "kWh"))
        for key in self._index:
            if key.month in months:
                lines.append(EnergyLine(key.site, key.energy, key.unit))
        lines.extend(self._extra_lines)
        unique = list(dict.fromkeys(lines))
        # A contract's default unit is dropped when the bills of this year use another one.
        used = {(k.site, k.energy, k.unit) for k in self._index if k.month in months}
        return [
            line
            for line in unique
            if (line.site, line.energy, line.unit) in used
            or line in self._extra_lines
            or not any((line.site, line.energy) == (s, e) for s, e, _ in used)
        ]

    def add_energy_line(
        self, energy: str, unit: str | None = None, site: str | None = None
    ) -> None:
        project = self._require()
        line = EnergyLine(site or project.default_site(), energy, unit or bill_unit(energy))
        if line not in self._extra_lines:
            self._extra_lines.append(line)
            self.project_changed.emit()

    def grid_columns(self, fiscal_year: int) -> list[GridColumn]:
        return [
            GridColumn(line, kind)
            for line in self.energy_lines(fiscal_year)
            for kind in COLUMN_KINDS
        ]

    def cell_records(self, month: str, line: EnergyLine) -> list[EnergyRecord]:
        key = CellKey(line.site, month, line.energy, line.unit)
        return [self._records[i] for i in self._index.get(key, [])]

    def cell_record(self, month: str, line: EnergyLine) -> EnergyRecord | None:
        records = self.cell_records(month, line)
        return records[0] if len(records) == 1 else None

    # -- grid edits --------------------------------------------------------------------------

    def _key(self, month: str, line: EnergyLine) -> CellKey:
        return CellKey(line.site, month, line.energy, line.unit)

    def _editable(self, month: str, line: EnergyLine) -> EnergyRecord | None:
        records = self.cell_records(month, line)
        if len(records) > 1:
            raise EcoCheckError(
                Message(
                    "grid.several_records",
                    {"count": len(records)},
                    {"month": month, "energy": line.energy, "site": line.site},
                )
            )
        return records[0] if records else None

    def set_cell(
        self, fiscal_year: int, month: str, column: GridColumn, text: str
    ) -> list[Message]:
        """Type ``text`` into one cell; [] when stored, else why not (nothing is stored)."""
        line = column.line
        where = {"month": month, "energy": line.energy, "site": line.site}
        try:
            self._require()
            before = self._editable(month, line)
            after = self._value_on(before, month, column, text)
        except EcoCheckError as error:
            return [replace(m, where={**where, **m.where}) for m in error.messages]
        if after == before:
            return []
        self._push_cells(self._describe(column), [(self._key(month, column.line), before, after)])
        return []

    def _column(
        self, fiscal_year: int, energy: str, kind: str, unit: str | None, site: str | None
    ) -> GridColumn:
        for column in self.grid_columns(fiscal_year):
            line = column.line
            if (
                column.kind == kind
                and line.energy == energy
                and (unit is None or line.unit == unit)
                and (site is None or line.site == site)
            ):
                return column
        project = self._require()
        line = EnergyLine(site or project.default_site(), energy, unit or bill_unit(energy))
        return GridColumn(line, kind)

    def set_quantity(
        self,
        fiscal_year: int,
        month: str,
        energy: str,
        text: str,
        *,
        unit: str | None = None,
        site: str | None = None,
    ) -> list[Message]:
        """Store a quantity typed as text (full-width digits, commas …); [] or the problems."""
        column = self._column(fiscal_year, energy, QUANTITY, unit, site)
        return self.set_cell(fiscal_year, month, column, text)

    def set_cost(
        self,
        fiscal_year: int,
        month: str,
        energy: str,
        text: str,
        *,
        unit: str | None = None,
        site: str | None = None,
    ) -> list[Message]:
        column = self._column(fiscal_year, energy, COST, unit, site)
        return self.set_cell(fiscal_year, month, column, text)

    def set_estimated(
        self,
        fiscal_year: int,
        month: str,
        energy: str,
        estimated: bool,
        *,
        unit: str | None = None,
        site: str | None = None,
    ) -> list[Message]:
        column = self._column(fiscal_year, energy, ESTIMATED, unit, site)
        return self.set_cell(fiscal_year, month, column, "1" if estimated else "0")

    def clear_cells(self, fiscal_year: int, cells: Iterable[tuple[int, int]]) -> list[Message]:
        """Delete key on (row, column) cells: a quantity cell removes its bill line."""
        months, columns = self.months(fiscal_year), self.grid_columns(fiscal_year)
        changes: dict[CellKey, tuple[EnergyRecord | None, EnergyRecord | None]] = {}
        problems: list[Message] = []
        for row, col in cells:
            month, column = months[row], columns[col]
            key = self._key(month, column.line)
            try:
                before = self._editable(month, column.line)
            except EcoCheckError as error:
                problems.extend(error.messages)
                continue
            if before is None:
                continue
            current = changes.get(key, (before, before))[1]
            if column.kind == QUANTITY or current is None:
                after = None
            elif column.kind == COST:
                after = replace(current, cost_yen=None)
            else:
                after = replace(current, estimated=False)
            changes[key] = (before, after)
        if problems:
            return problems
        edits = [(k, b, a) for k, (b, a) in changes.items() if a != b]
        if edits:
            self._push_cells(self.tr("Clear cells"), edits)
        return []

    def paste_block(
        self, fiscal_year: int, top_row: int, left_col: int, text: str
    ) -> list[Message]:
        """Paste an Excel block at (top_row, left_col): all cells stored, or none and why."""
        try:
            self._require()
        except EcoCheckError as error:
            return list(error.messages)
        rows = split_block(text)
        if not rows:
            return [Message("paste.empty")]
        months, columns = self.months(fiscal_year), self.grid_columns(fiscal_year)
        width = max(len(r) for r in rows)
        if top_row + len(rows) > len(months):
            return [Message("paste.too_many_rows", {"rows": len(rows), "available": 12 - top_row})]
        if left_col + width > len(columns):
            return [
                Message(
                    "paste.too_many_columns",
                    {"columns": width, "available": len(columns) - left_col},
                )
            ]
        problems: list[Message] = []
        pending: dict[CellKey, tuple[EnergyRecord | None, EnergyRecord | None]] = {}
        for r, cells in enumerate(rows):
            if not any(c.strip() for c in cells):
                problems.append(Message("paste.empty_row", {"row": r + 1}, {"row": r + 1}))
                continue
            month = months[top_row + r]
            # A row's quantity must be known before its cost: apply kinds in column order.
            ordered = sorted(
                enumerate(cells),
                key=lambda item: COLUMN_KINDS.index(columns[left_col + item[0]].kind),
            )
            for c, cell in ordered:
                column = columns[left_col + c]
                key = self._key(month, column.line)
                where = {"row": r + 1, "column": c + 1}
                try:
                    before = self._editable(month, column.line)
                    after = self._value_on(
                        pending.get(key, (before, before))[1], month, column, cell
                    )
                except EcoCheckError as error:
                    problems.extend(replace(m, where={**m.where, **where}) for m in error.messages)
                    continue
                pending[key] = (before, after)
        if problems:
            return problems
        edits = [(k, b, a) for k, (b, a) in pending.items() if a != b]
        if edits:
            self._push_cells(self.tr("Paste %n cell(s)", "", len(edits)), edits)
        return []

    def _value_on(
        self, current: EnergyRecord | None, month: str, column: GridColumn, text: str
    ) -> EnergyRecord | None:
        """Like _new_value but on a record already changed by earlier cells of the same paste."""
        line = column.line
        if current is None or column.kind == QUANTITY:
            if column.kind == QUANTITY:
                quantity = parse_quantity(text)
                # Typed or pasted, the same physical limit as every import (core.limits).
                implausible = quantity_problem(line.energy, quantity, line.unit)
                if implausible is not None:
                    raise EcoCheckError(implausible)
                if current is None:
                    return EnergyRecord(month, line.energy, quantity, line.unit, line.site)
                return replace(current, quantity=quantity)
            where = {"month": month, "energy": line.energy, "site": line.site}
            if not text.strip() or (column.kind == ESTIMATED and not parse_flag(text)):
                return None
            raise EcoCheckError(Message("grid.cost_without_quantity", where=where))
        if column.kind == COST:
            return replace(current, cost_yen=parse_quantity(text) if text.strip() else None)
        return replace(current, estimated=parse_flag(text))

    def _describe(self, column: GridColumn) -> str:
        names = {
            QUANTITY: self.tr("Edit quantity"),
            COST: self.tr("Edit cost"),
            ESTIMATED: self.tr("Mark as estimated"),
        }
        return names[column.kind]

    def _push_cells(
        self, text: str, changes: list[tuple[CellKey, EnergyRecord | None, EnergyRecord | None]]
    ) -> None:
        def state(record: EnergyRecord | None) -> CellState:
            return () if record is None else (record,)

        self.undo_stack.push(
            RecordsCommand(self, text, [(k, state(b), state(a)) for k, b, a in changes])
        )

    def import_records(self, records: list[EnergyRecord], sites: Iterable[str] = ()) -> int:
        """Add imported bill lines as one undoable step; a month already entered is replaced.

        Returns the number of grid cells changed. Sites named by the bills are added first.
        """
        project = self._require()
        known = {site.name for site in project.sites}
        for name in sites:
            if name and name not in known:
                self.upsert_site(Site(name))
                known.add(name)
        grouped: dict[CellKey, list[EnergyRecord]] = {}
        for record in records:
            key = CellKey(project.site_of(record), record.month, record.energy, record.unit)
            grouped.setdefault(key, []).append(record)
        changes = [
            (key, self._cell_state(key), tuple(new))
            for key, new in grouped.items()
            if tuple(new) != self._cell_state(key)
        ]
        if changes:
            self.undo_stack.push(
                RecordsCommand(self, self.tr("Import %n bill line(s)", "", len(records)), changes)
            )
        return len(changes)

    def _apply_cells(self, states: list[tuple[CellKey, CellState]]) -> bool:
        """Write cell states to the file, then to memory; False (and nothing kept) on failure."""
        store = self._file
        if store is None:
            return False
        done: list[tuple[CellKey, CellState]] = []
        try:
            for key, record in states:
                previous = self._cell_state(key)
                self._write_cell(store, key, record)
                done.append((key, previous))
        except EcoCheckError as error:
            # Put back what this batch already wrote so that memory and file agree.
            for key, previous in reversed(done):
                try:
                    self._write_cell(store, key, previous)
                except EcoCheckError:
                    break
            self._changed(saved=False)
            self.failed.emit(list(error.messages))
            return False
        self._changed(saved=True)
        return True

    def _cell_state(self, key: CellKey) -> CellState:
        return tuple(self._records[i] for i in self._index.get(key, []))

    def _write_cell(self, store: ProjectStore, key: CellKey, records: CellState) -> None:
        ids = list(self._index.get(key, []))
        if len(ids) == 1 and len(records) == 1:
            # One bill line edited in place keeps its id (and a readable change log).
            store.update_record(ids[0], records[0])
            self._records[ids[0]] = records[0]
            return
        for record_id in ids:
            store.delete_record(record_id)
            del self._records[record_id]
            self._index[key].remove(record_id)
        for record in records:
            record_id = store.add_record(record)
            self._records[record_id] = record
            self._index.setdefault(key, []).append(record_id)
        if not self._index.get(key):
            self._index.pop(key, None)

    # -- bill scans ----------------------------------------------------------------------------

    def attach_bill(self, month: str, line: EnergyLine, path: Path | str) -> list[Message]:
        """Store a bill scan (PDF/JPEG/PNG) in the project file, linked to a grid cell."""
        store = self._file
        if store is None or self.project is None:
            return [Message("grid.no_project")]
        key = self._key(month, line)
        ids = self._index.get(key, [])
        attach = getattr(store, "attach_evidence", None)
        if attach is None:
            return [Message("evidence.unavailable")]
        file_path = Path(path)
        try:
            attach(
                file_path, file_path.name, month=month, record_id=ids[0] if len(ids) == 1 else None
            )
        except EcoCheckError as error:
            self.failed.emit(list(error.messages))
            return list(error.messages)
        except OSError as error:
            params = {"filename": file_path.name, "reason": error.strerror or str(error)}
            message = Message("evidence.unreadable", params, {"file": str(file_path)})
            return [message]
        self._attachments.setdefault(key, []).append(file_path.name)
        self.last_saved = datetime.now()
        self.project_changed.emit()
        self.saved.emit(True)
        return []

    def attachments(self, month: str, line: EnergyLine) -> list[str]:
        """File names of the bill scans attached to a cell in this session or before."""
        whole_month = self._attachments.get(CellKey("", month, "", ""), [])
        return [*self._attachments.get(self._key(month, line), []), *whole_month]

    def _read_attachments(self, store: ProjectStore) -> None:
        """Which cells have scans, from the file's evidence list when the store offers one."""
        self._attachments = {}
        listing = getattr(store, "evidence", None)
        if not callable(listing) or self.project is None:
            return
        by_id = {record_id: record for record_id, record in self._records.items()}
        for item in listing():
            month = getattr(item, "month", None)
            record = by_id.get(getattr(item, "record_id", None) or -1)
            name = getattr(item, "filename", "") or getattr(item, "name", "")
            if record is not None:
                key = CellKey(
                    self.project.site_of(record), record.month, record.energy, record.unit
                )
                self._attachments.setdefault(key, []).append(name)
            elif month:
                # A scan of a whole month: shown on every line of that month.
                self._attachments.setdefault(CellKey("", month, "", ""), []).append(name)

    # -- company, sites, contracts, fiscal years --------------------------------------------

    def _bad_text(self, item: object, where: str) -> bool:
        """Tell the user (failed) about text over core.limits' caps or with an unpaired
        surrogate, which the file, the CSV and the PDF cannot hold; True if there was any."""
        problems = object_text_problems(item, where)
        if problems:
            self.failed.emit(problems)
        return bool(problems)

    def set_company(self, company: Company) -> None:
        project = self._require()
        # Text the file, the CSV and the PDF cannot hold (an unpaired surrogate, a name over
        # core.limits' caps) is refused with a message, never raised from the store.
        if self._bad_text(company, "company"):
            return
        if company != project.company:
            self.undo_stack.push(
                ValueCommand(
                    self, self.tr("Edit company"), self._write_company, project.company, company
                )
            )

    def _write_company(self, company: Company) -> None:
        assert self._file is not None and self.project is not None
        self._file.set_company(company)
        self.project.company = company

    def set_fiscal_year(self, data: FiscalYearData) -> None:
        project = self._require()
        if self._bad_text(data, "fiscal_year"):
            return
        before = project.fiscal_years.get(data.year)
        if data != before:
            self.undo_stack.push(
                ValueCommand(
                    self,
                    self.tr("Edit fiscal year"),
                    lambda value: self._write_fiscal_year(data.year, value),
                    before,
                    data,
                )
            )

    def _write_fiscal_year(self, year: int, data: FiscalYearData | None) -> None:
        assert self._file is not None and self.project is not None
        if data is None:  # undoing the year's first figures removes the year again
            delete = getattr(self._file, "delete_fiscal_year", None)
            if delete is not None:
                delete(year)
                self.project.fiscal_years.pop(year, None)
                return
            data = FiscalYearData(year)
        self._file.set_fiscal_year(data)
        self.project.fiscal_years[year] = data

    def set_contract(self, contract: SupplyContract) -> None:
        project = self._require()
        if self._bad_text(contract, "contract"):
            return
        before = project.contract_for(contract.site, contract.energy)
        if contract != before:
            self.undo_stack.push(
                ValueCommand(
                    self,
                    self.tr("Edit contract"),
                    lambda value: self._write_contract(contract.site, contract.energy, value),
                    before,
                    contract,
                )
            )

    def _write_contract(self, site: str, energy: str, contract: SupplyContract | None) -> None:
        assert self._file is not None and self.project is not None
        contracts = self.project.contracts
        if contract is None:
            delete = getattr(self._file, "delete_contract", None)
            if delete is None:
                contract = SupplyContract(site, energy)
            else:
                delete(site, energy)
                contracts[:] = [c for c in contracts if (c.site, c.energy) != (site, energy)]
                return
        self._file.set_contract(contract)
        for index, existing in enumerate(contracts):
            if (existing.site, existing.energy) == (site, energy):
                contracts[index] = contract
                break
        else:
            contracts.append(contract)

    def upsert_site(self, site: Site) -> None:
        project = self._require()
        if self._bad_text(site, "site"):
            return
        if site not in project.sites:
            self._run(lambda: self._write_site(site))

    def _write_site(self, site: Site) -> None:
        assert self._file is not None and self.project is not None
        self._file.upsert_site(site)
        for index, existing in enumerate(self.project.sites):
            if existing.name == site.name:
                self.project.sites[index] = site
                return
        self.project.sites.append(site)

    # -- checklist, measure plan, targets ----------------------------------------------------

    def set_checklist(self, checklist: dict[str, Any]) -> None:
        """The on-site equipment answers (削減対策); one undoable edit."""
        project = self._require()
        if checklist != project.checklist:
            self.undo_stack.push(
                ValueCommand(
                    self,
                    self.tr("Edit equipment checklist"),
                    self._write_checklist,
                    dict(project.checklist),
                    dict(checklist),
                )
            )

    def _write_checklist(self, checklist: dict[str, Any]) -> None:
        assert self._file is not None and self.project is not None
        self._file.set_checklist(checklist)
        self.project.checklist = dict(checklist)

    def set_measure_plan(self, plan: list[PlannedMeasure]) -> None:
        """The measures the company chose, with the year each takes effect."""
        project = self._require()
        if plan != project.measure_plan:
            self.undo_stack.push(
                ValueCommand(
                    self,
                    self.tr("Edit reduction plan"),
                    self._write_measure_plan,
                    list(project.measure_plan),
                    list(plan),
                )
            )

    def _write_measure_plan(self, plan: list[PlannedMeasure]) -> None:
        assert self._file is not None and self.project is not None
        self._file.set_measure_plan(plan)
        self.project.measure_plan = list(plan)

    def set_targets(self, targets: list[Target]) -> None:
        project = self._require()
        if targets != project.targets:
            self.undo_stack.push(
                ValueCommand(
                    self,
                    self.tr("Edit targets"),
                    self._write_targets,
                    list(project.targets),
                    list(targets),
                )
            )

    def _write_targets(self, targets: list[Target]) -> None:
        assert self._file is not None and self.project is not None
        self._file.set_targets(targets)
        self.project.targets = list(targets)

    def _run(self, write: Callable[[], None]) -> bool:
        try:
            write()
        except EcoCheckError as error:
            self._changed(saved=False)
            self.failed.emit(list(error.messages))
            return False
        self._changed(saved=True)
        return True

    # -- recalculation -----------------------------------------------------------------------

    def _reindex(self) -> None:
        project = self.project
        assert project is not None
        self._index = {}
        for record_id, record in self._records.items():
            key = CellKey(project.site_of(record), record.month, record.energy, record.unit)
            self._index.setdefault(key, []).append(record_id)

    def _changed(self, *, saved: bool) -> None:
        if self.project is None:
            return
        if saved:
            self.last_saved = datetime.now()
        self._recalculate()
        self.project_changed.emit()
        self.footprint_changed.emit()
        self.saved.emit(saved)

    def _recalculate(self) -> None:
        project = self.project
        assert project is not None
        project.records = list(self._records.values())
        try:
            self.footprint = calculate(project, self._library, strict=False)
        except EcoCheckError as error:  # e.g. a month the core cannot place
            self.footprint = None
            self.failed.emit(list(error.messages))

    def total_quantity(self, fiscal_year: int, line: EnergyLine) -> Decimal:
        return sum(
            (r.quantity for m in self.months(fiscal_year) for r in self.cell_records(m, line)),
            Decimal(0),
        )
