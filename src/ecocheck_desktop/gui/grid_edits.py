"""The energy grid's part of :class:`~ecocheck_desktop.gui.service.ProjectService`: its lines
(contracts, the year's bills, lines added in the session), typing into a cell, clearing cells,
an Excel paste validated as a whole against the layout of :mod:`.grid_cells` (all cells or none,
every bad cell reported with its row and column; a blank quantity is a month without data),
bill imports, and the writes of cell states to the project file and to memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.limits import quantity_problem
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import EnergyRecord, Site
from ecocheck_desktop.core.quantity import YEN, parse_cell
from ecocheck_desktop.gui.grid_cells import (
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
from ecocheck_desktop.gui.undo_commands import RecordsCommand

if TYPE_CHECKING:  # sqlite3 is kept off the start-up path
    from ecocheck_desktop.store.project_file import ProjectFile


class GridEdits:
    """Part of ProjectService (its state and signals are defined there).

    Qt strings are translated in the ProjectService context, where the .ts file has them.
    """

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
        year_keys = self._year_keys(months)
        lines.extend(EnergyLine(*key) for key in dict.fromkeys(year_keys))
        lines.extend(self._extra_lines)
        unique = list(dict.fromkeys(lines))
        # A contract's default unit is dropped when the bills of this year use another one.
        used = set(year_keys)
        return [
            line
            for line in unique
            if (line.site, line.energy, line.unit) in used
            or line in self._extra_lines
            or not any((line.site, line.energy) == (s, e) for s, e, _ in used)
        ]

    def _year_keys(self, months: set[str]) -> list[tuple[str, str, str]]:
        """(site, energy, unit) of every cell of the months, in the index's order: one pass over
        the cells (one per bill line on a big project), remembered until a cell is added to or
        removed from the index (an edit of a cell's value keeps the order and the keys)."""
        wanted = frozenset(months)
        cached = self._cell_caches.get(wanted)
        if cached is not None:
            return cached
        keys = [(k.site, k.energy, k.unit) for k in self._index if k.month in wanted]
        self._cell_caches[wanted] = keys
        return keys

    def record_months(self) -> set[str]:
        """The months that have bills (remembered like :meth:`_year_keys`)."""
        cached = self._cell_caches.get("months")
        if cached is None:
            cached = self._cell_caches["months"] = {key.month for key in self._index}
        return set(cached)

    def _cells_reset(self) -> None:
        """The cell index was rebuilt (opened, rolled back, closed): every cell may differ."""
        self._cell_generation += 1
        self._cell_journal = []
        self._cell_caches = {}

    def cell_mark(self) -> tuple[int, int]:
        """Where the journal of written cells stands, for :meth:`cells_written_since`."""
        return self._cell_generation, len(self._cell_journal)

    def cells_written_since(self, mark: tuple[int, int]) -> list[CellKey] | None:
        """The cells written since ``mark`` (in memory, undo and redo included), or None when
        the index was rebuilt since, so that any cell may have changed."""
        generation, position = mark
        if generation != self._cell_generation or position > len(self._cell_journal):
            return None
        return self._cell_journal[position:]

    def add_energy_line(
        self, energy: str, unit: str | None = None, site: str | None = None
    ) -> None:
        project = self._require()
        line = EnergyLine(site or project.default_site(), energy, unit or bill_unit(energy))
        if line not in self._extra_lines:
            self._extra_lines.append(line)
            self.project_changed.emit()

    def grid_columns(self, fiscal_year: int) -> list[GridColumn]:
        lines = self.energy_lines(fiscal_year)
        # The same lines give the same columns, the very objects (a big project has 1,200):
        # the grid compares its columns after every edit, equal at once when they are these.
        kept = self._cell_caches.get("columns")
        if kept is not None and kept[0] == lines:
            return list(kept[1])
        columns = [GridColumn(line, kind) for line in lines for kind in COLUMN_KINDS]
        self._cell_caches["columns"] = (lines, columns)
        return list(columns)

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
        kind: str = QUANTITY,
    ) -> list[Message]:
        """Store a quantity typed as text (full-width digits, commas …) — or, with
        ``kind=COST``, the bill's amount in yen; [] or the problems."""
        column = self._column(fiscal_year, energy, kind, unit, site)
        return self.set_cell(fiscal_year, month, column, text)

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
            self._push_cells(QCoreApplication.translate("ProjectService", "Clear cells"), edits)
        return []

    def mark_not_used(self, fiscal_year: int, cells: Iterable[tuple[int, int]]) -> int:
        """「この月は使用なし」: a 0 in each blank month of the (row, column) cells' lines, so a
        month the energy was not used is told apart from a month not entered. One undo step;
        months with a value are left alone. Returns the number of months marked."""
        months, columns = self.months(fiscal_year), self.grid_columns(fiscal_year)
        wanted = dict.fromkeys((months[row], columns[col].line) for row, col in cells)
        return self._zero_months(list(wanted))

    def fill_not_used(self, fiscal_year: int, line: EnergyLine) -> int:
        """「使っていない月は 0」: every blank month of ``line`` in the year gets a 0."""
        return self._zero_months([(month, line) for month in self.months(fiscal_year)])

    def _zero_months(self, cells: list[tuple[str, EnergyLine]]) -> int:
        self._require()
        edits = [
            (
                self._key(month, line),
                None,
                EnergyRecord(month, line.energy, Decimal(0), line.unit, line.site),
            )
            for month, line in cells
            if not self.cell_records(month, line)
        ]
        if edits:
            text = QCoreApplication.translate(
                "ProjectService", "Mark %n month(s) as not used", "", len(edits)
            )
            self._push_cells(text, edits)
        return len(edits)

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
                    if column.kind == QUANTITY and not cell.strip():
                        after = None  # a blank month pastes as "no data for that month"
                    else:
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
            self._push_cells(
                QCoreApplication.translate("ProjectService", "Paste %n cell(s)", "", len(edits)),
                edits,
            )
        return []

    def _value_on(
        self, current: EnergyRecord | None, month: str, column: GridColumn, text: str
    ) -> EnergyRecord | None:
        """Like _new_value but on a record already changed by earlier cells of the same paste."""
        line = column.line
        if current is None or column.kind == QUANTITY:
            if column.kind == QUANTITY:
                quantity = parse_cell(text, line.unit)
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
            return replace(current, cost_yen=parse_cell(text, YEN) if text.strip() else None)
        return replace(current, estimated=parse_flag(text))

    def _describe(self, column: GridColumn) -> str:
        names = {
            QUANTITY: QCoreApplication.translate("ProjectService", "Edit quantity"),
            COST: QCoreApplication.translate("ProjectService", "Edit cost"),
            ESTIMATED: QCoreApplication.translate("ProjectService", "Mark as estimated"),
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
                text = QCoreApplication.translate(
                    "ProjectService", "Import %n bill line(s)", "", len(records)
                )
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

    def _write_cell(self, store: ProjectFile, key: CellKey, records: CellState) -> None:
        ids = list(self._index.get(key, []))
        self._cell_journal.append(key)
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
        if not ids and records:
            self._cell_caches = {}  # a new cell: the keys of its months change
        for record in records:
            record_id = store.add_record(record)
            self._records[record_id] = record
            self._index.setdefault(key, []).append(record_id)
        if not self._index.get(key):
            self._index.pop(key, None)
            self._cell_caches = {}
        if records:
            self._lock_year_of(key.month)

    def _lock_year_of(self, month: str) -> None:
        """A year's first bills lock it to the edition in force, in the same transaction."""
        # Here, not at module level: an edit needs it, opening a file to its first paint does not.
        from ecocheck_desktop.core.recalc import first_locks

        project = self._require()
        year = fiscal_year_of(month, project.company.fy_start_month)
        for locked_year, data in first_locks(project, self.factor_library(), [year]).items():
            self._write_fiscal_year(locked_year, data)

    def total_quantity(self, fiscal_year: int, line: EnergyLine) -> Decimal:
        return sum(
            (r.quantity for m in self.months(fiscal_year) for r in self.cell_records(m, line)),
            Decimal(0),
        )
