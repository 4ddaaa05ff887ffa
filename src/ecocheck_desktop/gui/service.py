"""The one application service the pages and the tests drive (docs/architecture.md).

Owns the open project file, the in-memory :class:`Project` read from it, and the current
footprint. Every edit is validated here, applied through a ``QUndoCommand`` pushed on the main
window's undo stack, written to the project file in its own transaction (that commit IS the
autosave, for undo and redo too), then recalculated; the pages only listen to the signals.

This module holds the lifecycle (new, open, close, save a copy, hand-over), the queries, the
bill scans and the recalculation; the edits live in parts of the same class, one module each:
:mod:`.grid_edits` (the energy grid: cells, an Excel paste validated as a whole, imports),
:mod:`.form_edits` (company, fiscal year, contracts, sites, checklist, plan, targets, factor
library) and :mod:`.edit_transaction` (one user action = one transaction, the detached mode).
A new edit goes into the module of its kind, built like its neighbours there (validated, one
undo command, written in one transaction).
"""

from __future__ import annotations

import gc
import getpass
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ecocheck_desktop.core.collector import collector_paused
from ecocheck_desktop.core.fiscal import fiscal_year_of, months_of_fiscal_year
from ecocheck_desktop.core.limits import environment_message, object_text_problems
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import (
    Company,
    EnergyRecord,
    FiscalYearData,
    Project,
    Site,
    SupplyContract,
)
from ecocheck_desktop.gui.customer_edits import CustomerEdits
from ecocheck_desktop.gui.edit_transaction import (
    EditTransaction,
    StoreOpener,
    _Action,
)
from ecocheck_desktop.gui.form_edits import FormEdits
from ecocheck_desktop.gui.grid_cells import CellKey, EnergyLine
from ecocheck_desktop.gui.grid_edits import GridEdits
from ecocheck_desktop.gui.qt_compat import pin_singletons

if TYPE_CHECKING:  # sqlite3 is kept off the start-up path
    from ecocheck_desktop.core.incremental import Calculated
    from ecocheck_desktop.core.results import Footprint, YearResult
    from ecocheck_desktop.store.project_file import ProjectFile

# Edits emit signals many times a session: see qt_compat for the binding defect.
pin_singletons()


@cache
def _fiscal_year(month: str, start_month: int) -> int:
    return fiscal_year_of(month, start_month)


def default_opener() -> StoreOpener:
    from ecocheck_desktop.store.project_file import ProjectFile  # sqlite3: not at start-up

    opener: StoreOpener = ProjectFile
    return opener


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some service accounts
        return ""


def _meter_data(store: ProjectFile | None) -> list[tuple[Any, list[Any]]]:
    """The meters of ``store`` with their interval data, for a copy built from the Project
    (which does not hold them); none when the file cannot be read."""
    if store is None:
        return []
    try:
        return [(meter, store.meter_days(meter.name)) for meter in store.meters()]
    except EcoCheckError:
        return []


def _readable_scans(
    store: ProjectFile | None,
) -> tuple[list[tuple[Any, bytes, EnergyRecord | None]], list[Message]]:
    """The bill scans of ``store`` that can still be read, with the record each belongs to."""
    if store is None:
        return [], []
    problems: list[Message] = []
    try:
        infos = store.evidence()
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


@contextmanager
def _environment_as_message(path: Path | str) -> Iterator[None]:
    """An OSError of the machine (a name too long for the file system, a folder one may not
    enter) raised as the catalogue's file.environment naming the file, like the CLI's exit 2."""
    try:
        yield
    except OSError as error:
        message = environment_message(error, str(path))
        if message is None:  # pragma: no cover - every OSError has a message
            raise
        raise EcoCheckError(message) from None


class ProjectService(GridEdits, FormEdits, CustomerEdits, EditTransaction, QObject):
    """Open project + footprint; validated, undoable, autosaved edits."""

    project_opened = Signal(str)  # path
    project_closed = Signal()
    project_changed = Signal()
    footprint_changed = Signal()
    demand_changed = Signal()  # a meter's 30-minute data was imported (DM-01/DM-02 change)
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
        self._footprint: Footprint | None = None
        # An opened project is calculated on first use of its footprint (the window asks once
        # the opened page has painted): the page a file opens on needs none of it.
        self._calculation_due = False
        self._calculated: Calculated | None = None  # what self.footprint was calculated from
        self._calculated_project: Project | None = None
        self.last_saved: datetime | None = None
        self._file: ProjectFile | None = None
        self._records: dict[int, EnergyRecord] = {}
        self._index: dict[CellKey, list[int]] = {}
        # The cells written since the index was last rebuilt (the grid re-reads only those) and
        # what is derived from the index's keys (grid_edits.py): both reset with the index.
        self._cell_generation = 0
        self._cell_journal: list[CellKey] = []
        self._cell_caches: dict[Any, Any] = {}
        # Lines the user added in this session that have no value yet.
        self._extra_lines: list[EnergyLine] = []
        self._attachments: dict[CellKey, list[str]] = {}
        self._tx: _Action | None = None  # the user action in progress (transaction())
        self._last_action_saved = True
        self._detached_from: ProjectFile | None = None  # the file that changed under us

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
        employees: Decimal | None = None,
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
            project.fiscal_years[first_fy] = FiscalYearData(first_fy, employees=employees)
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
        from ecocheck_desktop.core.recalc import first_locks

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
        if self._is_current(Path(path)):
            # Already open here: a second open would meet this window's own lock and say
            # "open in another window" (issue 19). It stays open as it is, edits and undo kept.
            return
        self._refuse_losing_memory_only_edits()
        with _environment_as_message(path):
            store = self._opener_or_default().open(Path(path), user=self.user)
        self.close()
        self._adopt(Path(path), store)

    def _is_current(self, path: Path) -> bool:
        """Whether ``path`` names the file this service has open (same file, any spelling)."""
        if self.path is None or self._file is None:
            return False
        try:
            return path.resolve() == self.path.resolve() or path.samefile(self.path)
        except OSError:
            return False

    def _adopt(self, path: Path, store: ProjectFile) -> None:
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
        self._recalculate(now=False)  # on first use of the footprint
        # The bills just read (a big project: a million objects, none in a reference cycle)
        # out of the cyclic collector's reach: otherwise each of its full passes, which the
        # temporary objects of every edit trigger, walks all of them (most of an edit's time).
        gc.freeze()
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
            self._cells_reset()
            self._attachments = {}
            self.project_closed.emit()
            self.project_changed.emit()
            self.footprint_changed.emit()

    # -- hand-over (store/handover.py) -------------------------------------------------------

    def _project_file(self) -> ProjectFile:
        if self.detached and self.path is not None:
            raise EcoCheckError(Message("store.changed_on_disk", where={"file": str(self.path)}))
        if self._file is None:
            raise EcoCheckError(Message("grid.no_project"))
        return self._file

    def demand_store(self) -> Any:
        """The open project file, for the meters and their interval data (the デマンド page;
        store/demand_rows.py): raises as the hand-over does when there is none."""
        return self._project_file()

    def meter_data(self) -> tuple[Any, ...]:
        """The meters with their 30-minute data (core.demand.MeterData) of the open project
        file, for DM-01 and DM-02 in the measures; none without a file or when it cannot be
        read."""
        if not self.is_open:
            return ()
        try:
            return tuple(self._project_file().meter_data())
        except EcoCheckError:
            return ()

    def hand_over(self, target: Path | str) -> Any:
        """Write a hand-over copy of the open project (raises EcoCheckError); the mark."""
        # the hand-over (and the calculation it checks) load only when asked for
        from ecocheck_desktop.store.handover import hand_over

        return hand_over(self._project_file(), Path(target), self.user)

    def handover_changes(self) -> Any:
        """What changed since the last hand-over of the open project (None: no project file)."""
        # the hand-over (and the calculation it checks) load only when asked for
        from ecocheck_desktop.store.handover import changes_in

        if self._file is None:
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
        years.update(_fiscal_year(month, start) for month in self.record_months())
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
        file_path = Path(path)
        try:
            store.attach_evidence(
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
        self._cell_journal.append(key)  # the grid shows the scan's mark on that cell
        self.last_saved = datetime.now()
        self.project_changed.emit()
        self.saved.emit(True)
        return []

    def has_attachments(self) -> bool:
        """Whether any cell has a bill scan (the grid skips looking per cell when none has)."""
        return any(self._attachments.values())

    def attachments(self, month: str, line: EnergyLine) -> list[str]:
        """File names of the bill scans attached to a cell in this session or before."""
        whole_month = self._attachments.get(CellKey("", month, "", ""), [])
        return [*self._attachments.get(self._key(month, line), []), *whole_month]

    def _read_attachments(self, store: ProjectFile) -> None:
        """Which cells have scans, from the file's evidence list."""
        self._attachments = {}
        if self.project is None:
            return
        for item in store.evidence():
            month, name = item.month, item.filename
            record = self._records.get(item.record_id) if item.record_id is not None else None
            if record is not None:
                key = CellKey(
                    self.project.site_of(record), record.month, record.energy, record.unit
                )
                self._attachments.setdefault(key, []).append(name)
            elif month:
                # A scan of a whole month: shown on every line of that month.
                self._attachments.setdefault(CellKey("", month, "", ""), []).append(name)

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
        meters = _meter_data(source)
        opener = self._opener_or_default()

        def fill(building: Any) -> None:
            # What the Project does not hold is carried over from the file: the demand data.
            for meter, days in meters:
                building.import_meter_days(meter, days)
            new_ids: dict[EnergyRecord, list[int]] = {}
            for record_id, record in building.records():
                new_ids.setdefault(record, []).append(record_id)
            for info, data, record in scans:
                ids = new_ids.get(record, []) if record is not None else []
                building.attach_evidence(
                    data, info.filename, month=info.month, record_id=ids[0] if ids else None
                )

        try:
            store = opener.create(
                target, project, user=self.user, fill=fill if scans or meters else None
            )
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
        self._cells_reset()
        # Every bill line of the file (20 years x 10 sites: 19,200), before the opened page
        # can paint: project.site_of() inlined, the default site looked up once.
        default_site = project.default_site()
        index: dict[CellKey, list[int]] = {}
        for record_id, record in self._records.items():
            key = CellKey(record.site or default_site, record.month, record.energy, record.unit)
            cell = index.get(key)
            if cell is None:
                index[key] = [record_id]
            else:
                cell.append(record_id)
        self._index = index

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

    @property
    def footprint(self) -> Footprint | None:
        """The open project's footprint (None without a project or when it cannot be
        calculated); an opened project is calculated here, on first use."""
        if self._calculation_due:
            self._calculate_opened_project()
        return self._footprint

    @footprint.setter
    def footprint(self, footprint: Footprint | None) -> None:
        self._calculation_due = False
        self._footprint = footprint

    def calculate_opened(self) -> None:
        """Calculate an opened project now, if nothing has asked for its footprint yet (the
        window calls this once the opened page has painted)."""
        if self._calculation_due:
            self._calculate_opened_project()

    def _calculate_opened_project(self) -> None:
        """The opened project's first (full) calculation, its results put out of the cyclic
        collector's reach with the bills before any of its passes walks them: with the collector
        on, the first allocations after the calculation ran passes over everything it had made
        (the first calculation of bench/sizes.py's 20 x 50 file: 434 ms against 490 ms, the
        medians of 5 alternating pairs of processes)."""
        with collector_paused():
            self._calculate()
            gc.freeze()

    def _recalculate(self, *, now: bool = True) -> None:
        project = self.project
        assert project is not None
        project.records = list(self._records.values())
        self._calculation_due = True
        if now:
            self._calculate()

    def _calculate(self) -> None:
        # the calculation loads after the opened page has painted
        from ecocheck_desktop.core.incremental import recalculate

        self._calculation_due = False
        project = self.project
        if project is None:
            return
        # Only the fiscal years an edit can change are calculated again (core/incremental.py);
        # another project (opened, created) starts from a full calculation.
        last = self._calculated if self._calculated_project is project else None
        try:
            self._calculated = recalculate(last, project, self.factor_library())
            self._calculated_project = project
            self.footprint = self._calculated.footprint
        except EcoCheckError as error:  # e.g. a month the core cannot place
            self._calculated = self._calculated_project = None
            self.footprint = None
            self.failed.emit(list(error.messages))
