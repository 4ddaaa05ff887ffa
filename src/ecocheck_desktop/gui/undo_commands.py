"""The undo commands of the application service: each direction writes the project file.

``QUndoStack.push`` runs ``redo()`` at once, so an edit and its redo share one code path. A
command is given what it applies, not the service: a callable that writes cells, or one that
runs an edit as one transaction of the project file (the service passes its own), so the undo
of a 12-month paste is all-or-nothing like the paste. Each callable returns False when the file
refused the write; the command (in either direction) then marks itself obsolete, and the stack
drops it: file, memory and the stack stay in step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ecocheck_desktop.gui.grid_cells import CellKey, CellState

# Writes grid cells to their new states in one transaction; False when the file refused it.
WriteCells = Callable[[list[tuple[CellKey, CellState]]], bool]
# Runs an edit as one transaction of the project file; False when the file refused it.
RunTransaction = Callable[[Callable[[], None]], bool]


class RecordsCommand(QUndoCommand):
    """Cells of the grid from one state to another; both directions write the project file."""

    def __init__(
        self,
        write_cells: WriteCells,
        text: str,
        changes: list[tuple[CellKey, CellState, CellState]],
    ) -> None:
        super().__init__(text)
        self._write_cells = write_cells
        self._changes = changes

    def redo(self) -> None:
        if not self._write_cells([(key, after) for key, _, after in self._changes]):
            self.setObsolete(True)  # the file refused it: nothing to undo

    def undo(self) -> None:
        if not self._write_cells([(key, before) for key, before, _ in self._changes]):
            self.setObsolete(True)


class ValueCommand(QUndoCommand):
    """A company, site, contract or fiscal-year edit: apply(after) / apply(before)."""

    def __init__(
        self,
        run: RunTransaction,
        text: str,
        apply: Callable[[Any], None],
        before: Any,
        after: Any,
    ) -> None:
        super().__init__(text)
        self._run, self._apply, self._before, self._after = run, apply, before, after

    def redo(self) -> None:
        if not self._run(lambda: self._apply(self._after)):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._run(lambda: self._apply(self._before)):
            self.setObsolete(True)
