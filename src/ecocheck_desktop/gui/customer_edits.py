"""The customer-table edits of :class:`~ecocheck_desktop.gui.service.ProjectService` (issue 21):
each grid change is one undo step written in its own transaction, and the allocation of a year
from the service's footprint."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ecocheck_desktop.gui.undo_commands import ValueCommand
from ecocheck_desktop.store.customer_edits import CUSTOMER_TABLES

if TYPE_CHECKING:
    from ecocheck_desktop.core.allocation import Allocation
    from ecocheck_desktop.core.model import Project


class CustomerEdits:
    """Part of ProjectService (its state and signals are defined there); Qt strings are
    translated in the ProjectService context."""

    def set_customer_list(self, table: str, items: list[Any]) -> None:
        """Replace one of the lists of ``store.customer_edits.CUSTOMER_TABLES``."""
        if table not in CUSTOMER_TABLES:
            raise KeyError(table)
        project: Project = self._require()  # type: ignore[attr-defined]
        before = list(getattr(project, table))
        if items == before:
            return
        self.undo_stack.push(  # type: ignore[attr-defined]
            ValueCommand(
                self._run,  # type: ignore[attr-defined]
                QCoreApplication.translate("ProjectService", "Edit customers"),
                lambda value: self._write_customer_list(table, value),
                before,
                list(items),
            )
        )

    def _write_customer_list(self, table: str, items: list[Any]) -> None:
        store = self._file  # type: ignore[attr-defined]
        assert store is not None and self.project is not None  # type: ignore[attr-defined]
        store.set_customer_list(table, items)
        setattr(self.project, table, list(items))  # type: ignore[attr-defined]

    def set_allocation_method(self, method: str) -> None:
        project: Project = self._require()  # type: ignore[attr-defined]
        if method != project.company.allocation_method:
            self.set_company(replace(project.company, allocation_method=method))  # type: ignore[attr-defined]

    def allocation(self, fiscal_year: int) -> Allocation | None:
        """The year's allocation; None without a footprint for the year. Raises EcoCheckError
        (with the cell) when the customer data cannot be allocated."""
        project: Project = self._require()  # type: ignore[attr-defined]
        year = self.year_result(fiscal_year)  # type: ignore[attr-defined]
        if year is None:
            return None
        from ecocheck_desktop.core.allocation import allocate  # not needed to open a project

        return allocate(project, year)
