"""One user action = one transaction, for :class:`~ecocheck_desktop.gui.service.ProjectService`:
every write made inside :meth:`EditTransaction.transaction` is committed to the project file
together or not at all, and a failure puts memory and the undo stack back as they were. When the
project file changed under the app, the service is *detached*: edits are kept in memory only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import (
    EnergyRecord,
    Project,
)

if TYPE_CHECKING:  # sqlite3 is kept off the start-up path
    from ecocheck_desktop.store.project_file import ProjectFile


class StoreOpener(Protocol):
    """How the service creates and opens its project file: ``ProjectFile`` (the tests too)."""

    def create(
        self,
        path: Path,
        project: Project,
        *,
        user: str,
        fill: Callable[[ProjectFile], None] | None = None,
    ) -> ProjectFile: ...
    def open(self, path: Path, *, read_only: bool = False, user: str = "") -> ProjectFile: ...


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

    def transaction(self) -> AbstractContextManager[None]:
        return nullcontext()

    def close(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        if name.startswith(("set_", "delete_", "update_", "upsert_")):
            return lambda *args, **kwargs: None
        raise AttributeError(name)


class EditTransaction:
    """Part of ProjectService (its state and signals are defined there).

    Qt strings are translated in the ProjectService context, where the .ts file has them.
    """

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
        file_tx: Any = nullcontext()
        entered = body_failed = yielded = False
        try:
            try:
                file_tx = self._file.transaction()
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
        # No copy of the cell index (one list per cell: the largest cost of an edit on a big
        # project): a rolled-back action rebuilds it from the records (_undo_action).
        return (
            fields,
            dict(self._records),
            list(self._extra_lines),
            {key: list(names) for key, names in self._attachments.items()},
        )

    def _undo_action(self, tx: _Action) -> None:
        """Memory back to before the action; its undo steps leave the stack unapplied."""
        fields, records, extra, attachments = tx.snapshot
        if self.project is not None:
            for name, value in fields.items():
                setattr(self.project, name, value)
        self._records = records
        if self.project is not None:
            self._reindex()
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
