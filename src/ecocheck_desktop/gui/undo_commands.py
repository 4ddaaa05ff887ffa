"""The undo commands of the application service: each direction writes the project file.

``QUndoStack.push`` runs ``redo()`` at once, so an edit and its redo share one code path. Each
direction of a command is one transaction of the project file (``ProjectService._run``), so
the undo of a 12-month paste is all-or-nothing like the paste. A command whose write the file
refuses (in either direction) marks itself obsolete, and the stack drops it: file, memory and
the stack stay in step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from ecocheck_desktop.gui.grid_cells import CellKey, CellState

if TYPE_CHECKING:
    from ecocheck_desktop.gui.service import ProjectService


class RecordsCommand(QUndoCommand):
    """Cells of the grid from one state to another; both directions write the project file."""

    def __init__(
        self,
        service: ProjectService,
        text: str,
        changes: list[tuple[CellKey, CellState, CellState]],
    ) -> None:
        super().__init__(text)
        self._service = service
        self._changes = changes

    def redo(self) -> None:
        if not self._service._apply_cells([(key, after) for key, _, after in self._changes]):
            self.setObsolete(True)  # the file refused it: nothing to undo

    def undo(self) -> None:
        if not self._service._apply_cells([(key, before) for key, before, _ in self._changes]):
            self.setObsolete(True)


class ValueCommand(QUndoCommand):
    """A company, site, contract or fiscal-year edit: apply(after) / apply(before)."""

    def __init__(
        self,
        service: ProjectService,
        text: str,
        apply: Callable[[Any], None],
        before: Any,
        after: Any,
    ) -> None:
        super().__init__(text)
        self._service, self._apply, self._before, self._after = service, apply, before, after

    def redo(self) -> None:
        if not self._service._run(lambda: self._apply(self._after)):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._service._run(lambda: self._apply(self._before)):
            self.setObsolete(True)
