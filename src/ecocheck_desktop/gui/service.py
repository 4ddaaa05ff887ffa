"""The one application service the pages and the tests drive (docs/architecture.md).

Owns the open project file, the in-memory :class:`Project` read from it, and the current
footprint. Every edit is validated here, applied through a ``QUndoCommand`` pushed on the main
window's undo stack, written to the project file in its own transaction (that commit IS the
autosave, for undo and redo too), then recalculated; the pages only listen to the signals.

A paste from Excel is validated as a whole against the grid layout of ``grid_cells`` (the one
the table shows): a block is applied all-or-nothing, and every bad cell is reported with its
row and column.
"""

from __future__ import annotations

import dataclasses
import getpass
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, replace
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
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.core.recalc import first_locks
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


@contextmanager
def _environment_as_message(path: Path | str) -> Iterator[None]:
    """An OSError of the machine (a name too long for the file system, a folder one may not
    enter) raised as the catalogue's file.environment naming the file, like the CLI's exit 2."""
    from ecocheck_desktop.core.limits import environment_message

    try:
        yield
    except OSError as error:
        message = environment_message(error, str(path))
        if message is None:  # pragma: no cover - every OSError has a message
            raise
        raise EcoCheckError(message) from None


def default_opener() -> StoreOpener:
    from ecocheck_desktop.store.project_file import ProjectFile  # sqlite3: not at start-up

    opener: StoreOpener = ProjectFile
    return opener


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some service accounts
        return ""


@dataclass
class _Action:
    """The user action in progress (ProjectService.transaction)."""

    snapshot: tuple[Any, ...]
    undo_index: int
    error: EcoCheckError | None = None


def _shallow(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


class _MemoryStore:
    """Where edits go once the project file changed under the app: nowhere but memory (the
    service holds the project); only new record ids are handed out."""

    def __init__(self, next_id: int) -> None:
        self._next_id = next_id

    def add_record(self, record: EnergyRecord) -> int:
        self._next_id += 1
        return self._next_id - 1

    def records(self) -> list[tuple[int, EnergyRecord]]:
        return []

    def close(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        if name.startswith(("set_", "delete_", "update_", "upsert_")):
            return lambda *args, **kwargs: None
        raise AttributeError(name)


def _readable_scans(
    store: Any,
) -> tuple[list[tuple[Any, bytes, EnergyRecord | None]], list[Message]]:
    """The bill scans of ``store`` that can still be read, with the record each belongs to."""
    listing = getattr(store, "evidence", None)
    if not callable(listing):
        return [], []
    problems: list[Message] = []
    try:
        infos = listing()
        records = dict(store.records())
    except EcoCheckError as error:
        return [], list(error.messages)
    scans: list[tuple[Any, bytes, EnergyRecord | None]] = []
    for info in infos:
        try:
            _, data = store.evidence_data(info.id)
        except EcoCheckError as error:
            problems.extend(error.messages)
            continue
        scans.append((info, data, records.get(info.record_id) if info.record_id else None))
    return scans, problems


class ProjectService(QObject):
    """Open project + footprint; validated, undoable, autosaved edits."""

    project_opened = Signal(str)  # path
    project_closed = Signal()
    project_changed = Signal()
    footprint_changed = Signal()
    saved = Signal(bool)  # True: the last edit is in the file; False: it is not
    # True: the project file changed under the app; edits are kept in memory only until
    # save_copy_as() (False again then).
    detached_changed = Signal(bool)
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
        self._tx: _Action | None = None  # the user action in progress (transaction())
        self._last_action_saved = True
        self._detached_from: ProjectStore | None = None  # the file that changed under us

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

    def _refuse_losing_memory_only_edits(self) -> None:
        """While the edits exist only in memory (the file changed under the app), opening or
        creating another project would drop them: the user saves a copy first."""
        if self.detached and self.path is not None:
            raise EcoCheckError(Message("store.unsaved_changes", where={"file": str(self.path)}))

    def create_from(self, path: Path | str, project: Project) -> None:
        """Write a whole project (the demo, an import) as a new file and open it."""
        self._refuse_losing_memory_only_edits()
        opener = self._opener_or_default()
        self.close()
        # Each year with bills is locked to the electricity edition it is calculated with, so
        # a list installed later changes nothing until 「新しい係数で再計算」 (issue 15).
        locks = first_locks(project, self.factor_library())
        if locks:
            project = replace(project, fiscal_years={**project.fiscal_years, **locks})
        with _environment_as_message(path):  # a too-long name, a folder one may not enter
            store = opener.create(Path(path), project, user=self.user)
        self._adopt(Path(path), store)

    def open(self, path: Path | str) -> None:
        """Open a project file (raises EcoCheckError; the current project stays open then)."""
        with _environment_as_message(path):  # a too-long name, a folder one may not enter
            is_file = Path(path).is_file()
        if not is_file:
            raise EcoCheckError(Message("project.not_found", where={"file": str(path)}))
        self._refuse_losing_memory_only_edits()
        with _environment_as_message(path):
            store = self._opener_or_default().open(Path(path), user=self.user)
        self.close()
        self._adopt(Path(path), store)

    def _adopt(self, path: Path, store: ProjectStore) -> None:
        try:
            project = store.load()
            records = dict(store.records())
        except BaseException:
            # Refused after opening: let go of it at once (no lock kept, nothing written).
            with suppress(EcoCheckError):
                store.close()
            raise
        self._file = store
        self._detached_from = None
        self.path = path
        self.project = project
        self._records = records
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
            if self._detached_from is not None:
                self._detached_from.close()
            self._file.close()
        except EcoCheckError as error:
            # Every edit is already committed; a failed tidy-up (checkpoint) loses nothing and
            # SQLite finishes it on the next open. Say so, but let the window close.
            self.failed.emit(list(error.messages))
        finally:
            self._file = None
            if self._detached_from is not None:
                self._detached_from = None
                self.detached_changed.emit(False)
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

        if self.detached and self.path is not None:
            raise EcoCheckError(Message("store.changed_on_disk", where={"file": str(self.path)}))
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
            RecordsCommand(
                self._apply_cells, text, [(k, state(b), state(a)) for k, b, a in changes]
            )
        )

    def import_records(self, records: list[EnergyRecord], sites: Iterable[str] = ()) -> int:
        """Add imported bill lines as one undoable step; a month already entered is replaced.

        Returns the number of grid cells changed. Sites named by the bills are added first.
        """
        project = self._require()
        # The new sites and every bill line: one transaction (all or nothing), one undo step.
        with self.transaction():
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
                text = self.tr("Import %n bill line(s)", "", len(records))
                self.undo_stack.push(RecordsCommand(self._apply_cells, text, changes))
        return len(changes) if self._last_action_saved or self.detached else 0

    def _apply_cells(self, states: list[tuple[CellKey, CellState]]) -> bool:
        """Write cell states to the file and to memory in one transaction; False (and nothing
        kept, unless the file changed under us: then memory keeps them) on failure."""
        if self._file is None:
            return False

        def write() -> None:
            assert self._file is not None
            for key, record in states:
                self._write_cell(self._file, key, record)

        return self._run(write)

    def _cell_state(self, key: CellKey) -> CellState:
        return tuple(self._records[i] for i in self._index.get(key, []))

    def _write_cell(self, store: ProjectStore, key: CellKey, records: CellState) -> None:
        ids = list(self._index.get(key, []))
        if len(ids) == 1 and len(records) == 1:
            # One bill line edited in place keeps its id (and a readable change log).
            store.update_record(ids[0], records[0])
            self._records[ids[0]] = records[0]
            self._lock_year_of(key.month)
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
        if records:
            self._lock_year_of(key.month)

    def _lock_year_of(self, month: str) -> None:
        """A year's first bills lock it to the edition in force, in the same transaction."""
        project = self._require()
        year = fiscal_year_of(month, project.company.fy_start_month)
        for locked_year, data in first_locks(project, self.factor_library(), [year]).items():
            self._write_fiscal_year(locked_year, data)

    # -- bill scans ----------------------------------------------------------------------------

    def attach_bill(self, month: str, line: EnergyLine, path: Path | str) -> list[Message]:
        """Store a bill scan (PDF/JPEG/PNG) in the project file, linked to a grid cell."""
        store = self._file
        if store is None or self.project is None:
            return [Message("grid.no_project")]
        key = self._key(month, line)
        ids = self._index.get(key, [])
        if self.detached:
            assert self.path is not None
            return [Message("store.changed_on_disk", where={"file": str(self.path)})]
        attach = getattr(store, "attach_evidence", None)
        if attach is None:
            return [Message("evidence.unavailable")]
        file_path = Path(path)
        try:
            attach(
                file_path, file_path.name, month=month, record_id=ids[0] if len(ids) == 1 else None
            )
        except EcoCheckError as error:
            if not self._detach_on(error):  # (which tells the user itself)
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
                    self._run,
                    self.tr("Edit company"),
                    self._write_company,
                    project.company,
                    company,
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
                    self._run,
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
                    self._run,
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
                    self._run,
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
                    self._run,
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
                    self._run,
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
        """Run one write of the file: its own transaction, or part of the current one."""
        if self._tx is not None:
            if self._tx.error is not None:
                return False  # the action already failed: the rest is not even tried
            try:
                write()
            except EcoCheckError as error:
                self._tx.error = error
                return False
            return True
        try:
            with self.transaction():
                self._run(write)
        except EcoCheckError:
            return False  # already shown (failed) by transaction()
        return self._last_action_saved or self.detached

    # -- one user action = one transaction -------------------------------------------------

    @property
    def detached(self) -> bool:
        """True once the project file changed under the app: edits are kept in memory only
        until :meth:`save_copy_as` writes them to a new file."""
        return self._detached_from is not None

    @contextmanager
    def transaction(self, text: str = "") -> Iterator[None]:
        """One user action as one transaction: every edit made inside (cells, a paste, an
        import, company or fiscal-year edits, a recalculation with new factors) is committed
        to the project file together or not at all, and with ``text`` forms one undo step.

        On failure the file and memory are as before, the undo steps pushed inside are
        dropped, ``failed`` and ``saved(False)`` are emitted once. If the file was changed
        under the app, memory keeps the edits instead (see :attr:`detached`). Nested blocks
        join the outermost. An exception raised by the body itself rolls back and propagates;
        so does the EcoCheckError of a file that refuses to begin (the body is not run then).
        """
        if self._tx is not None:
            yield
            return
        if self._file is None or self.project is None:
            raise EcoCheckError(Message("grid.no_project"))
        tx = _Action(self._memory_snapshot(), self.undo_stack.index())
        self._tx = tx
        begin = getattr(self._file, "transaction", None)
        file_tx: Any = nullcontext()
        entered = body_failed = yielded = False
        try:
            try:
                if callable(begin):
                    file_tx = begin()
                file_tx.__enter__()
                entered = True
            except EcoCheckError as error:
                if not self._detach_on(error):
                    raise
                file_tx, entered = nullcontext(), True
            if text:
                self.undo_stack.beginMacro(text)
            try:
                yielded = True
                yield
            except EcoCheckError:
                body_failed = True
                raise
            finally:
                if text:
                    self.undo_stack.endMacro()
            if tx.error is not None:
                raise tx.error
            entered = False
            file_tx.__exit__(None, None, None)  # the commit
        except EcoCheckError as error:
            self._tx = None
            if body_failed or not self._detach_on(error):
                if entered:
                    with suppress(EcoCheckError):
                        file_tx.__exit__(EcoCheckError, error, None)  # roll the file back
                self._undo_action(tx)
                self._last_action_saved = False
                self._changed(saved=False)
                self.failed.emit(list(error.messages))
                if body_failed or not yielded:
                    raise  # the body's own error, or the file refused to begin (body not run)
                return
            # The file changed under us: keep every edit of this action in memory.
            if entered:
                with suppress(EcoCheckError):
                    file_tx.__exit__(EcoCheckError, error, None)
            self._last_action_saved = False
            self._changed(saved=False)
            return
        except BaseException as error:
            self._tx = None
            if entered:
                with suppress(Exception):
                    file_tx.__exit__(type(error), error, None)
            self._undo_action(tx)
            raise
        finally:
            self._tx = None
        self._last_action_saved = not self.detached
        self._changed(saved=not self.detached)

    def _memory_snapshot(self) -> tuple[Any, ...]:
        project = self.project
        assert project is not None
        fields = {f.name: _shallow(getattr(project, f.name)) for f in dataclasses.fields(project)}
        return (
            fields,
            dict(self._records),
            {key: list(ids) for key, ids in self._index.items()},
            list(self._extra_lines),
            {key: list(names) for key, names in self._attachments.items()},
        )

    def _undo_action(self, tx: _Action) -> None:
        """Memory back to before the action; its undo steps leave the stack unapplied."""
        fields, records, index, extra, attachments = tx.snapshot
        if self.project is not None:
            for name, value in fields.items():
                setattr(self.project, name, value)
        self._records, self._index = records, index
        self._extra_lines, self._attachments = extra, attachments
        while self.undo_stack.index() > tx.undo_index:
            # An obsolete command is removed by undo() without its undo() being run.
            command = self.undo_stack.command(self.undo_stack.index() - 1)
            if command is None:
                break
            command.setObsolete(True)
            self.undo_stack.undo()

    def _detach_on(self, error: EcoCheckError) -> bool:
        """On store.changed_on_disk: stop writing the file, keep the project in memory."""
        if not any(m.code == "store.changed_on_disk" for m in error.messages):
            return False
        if self._detached_from is None:
            self._detached_from = self._file
            self._file = _MemoryStore(max(self._records, default=0) + 1)
            self.failed.emit(list(error.messages))
            self.detached_changed.emit(True)
        return True

    def save_copy_as(self, path: Path | str) -> list[Message]:
        """Write the project as this window holds it (saved and unsaved edits, the bill scans
        still readable) to the new file ``path`` and carry on in it; [] or why not.

        What the user is offered when the open file changed under the app; works at any time.
        """
        project = self._require()
        target = Path(path)
        project.records = list(self._records.values())
        source = self._detached_from if self._detached_from is not None else self._file
        scans, problems = _readable_scans(source)
        opener = self._opener_or_default()

        def fill(building: Any) -> None:
            new_ids: dict[EnergyRecord, list[int]] = {}
            for record_id, record in building.records():
                new_ids.setdefault(record, []).append(record_id)
            for info, data, record in scans:
                ids = new_ids.get(record, []) if record is not None else []
                building.attach_evidence(
                    data, info.filename, month=info.month, record_id=ids[0] if ids else None
                )

        try:
            if scans:
                store = opener.create(target, project, user=self.user, fill=fill)  # type: ignore[call-arg]
            else:
                store = opener.create(target, project, user=self.user)
        except EcoCheckError as error:
            self.failed.emit(list(error.messages))
            return list(error.messages)
        old = self._detached_from if self._detached_from is not None else self._file
        with suppress(EcoCheckError):
            if old is not None:
                old.close()
        self._detached_from = None
        self._file = store
        self.path = target
        self._records = dict(store.records())
        self._reindex()
        self._read_attachments(store)
        self.last_saved = datetime.now()
        self._recalculate()
        self.detached_changed.emit(False)
        self.project_opened.emit(str(target))
        self.project_changed.emit()
        self.footprint_changed.emit()
        self.saved.emit(True)
        return problems

    # -- recalculation -----------------------------------------------------------------------

    def _reindex(self) -> None:
        project = self.project
        assert project is not None
        self._index = {}
        for record_id, record in self._records.items():
            key = CellKey(project.site_of(record), record.month, record.energy, record.unit)
            self._index.setdefault(key, []).append(record_id)

    def _changed(self, *, saved: bool) -> None:
        if self.project is None or self._tx is not None:
            return  # inside an action: signalled once, when it ends
        saved = saved and not self.detached
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

    # -- factor library (engineer `factors`): packages and 「新しい係数で再計算」 ----------------

    def factor_library(self) -> Any:
        """The library the footprint is calculated with (bundled + installed packages)."""
        if self._library is not None:
            return self._library
        from ecocheck_desktop.core.factors import default_library

        return default_library()

    def install_factor_package(self, path: Path | str) -> Any:
        """Install a .ecofactors file (EcoCheckError on any refusal) and recalculate.

        Years stay locked to their editions; only 「新しい係数で再計算」 moves them.
        """
        from ecocheck_desktop.core.factor_packages import install_package, installed_factors_dir
        from ecocheck_desktop.core.factors import FactorLibrary, default_library

        target = installed_factors_dir()
        result = install_package(Path(path), self.factor_library(), target)
        if self._library is None:
            default_library.cache_clear()
        else:
            self._library = FactorLibrary.load(self._library.folder, installed=target)
        if self.project is not None:
            self._recalculate()
            self.footprint_changed.emit()
        return result

    def factor_comparisons(self) -> list[Any]:
        """For every fiscal year whose newest electricity edition differs from its lock: the
        year under both editions, line by line (core/recalc.py). Changes nothing."""
        from ecocheck_desktop.core.recalc import compare_editions, relock_plan

        project = self._require()
        project.records = list(self._records.values())
        library = self.factor_library()
        plan = relock_plan(project, library, self.fiscal_years())
        return [compare_editions(project, library, year) for year in sorted(plan)]

    def relock_factor_editions(self, plan: dict[int, str]) -> None:
        """Lock each fiscal year of ``plan`` to its new edition: ONE undoable step."""
        project = self._require()
        before = {year: project.fiscal_years.get(year) for year in plan}
        after = {
            year: replace(before[year] or FiscalYearData(year), factor_edition=edition)
            for year, edition in plan.items()
        }
        if before == after:
            return

        def apply(value: dict[int, FiscalYearData | None]) -> None:
            with self.transaction():  # every year re-locked in one commit, or none
                for year, data in value.items():
                    self._write_fiscal_year(year, data)

        self.undo_stack.push(
            ValueCommand(self._run, self.tr("Recalculate with newer factors"), apply, before, after)
        )
