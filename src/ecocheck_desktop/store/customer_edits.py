"""The edits of the customer tables (issue 21): each list replaced as one change with its
change-log row, like the targets and the measure plan (:mod:`.edits`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.model import Customer, CustomerSale, Product, ProductOutput

# The customer lists by table name: what each holds.
CUSTOMER_TABLES: dict[str, type[Any]] = {
    "customers": Customer,
    "customer_sales": CustomerSale,
    "products": Product,
    "product_outputs": ProductOutput,
}


class CustomerEdits:
    """Part of :class:`~ecocheck_desktop.store.project_file.ProjectFile`."""

    if TYPE_CHECKING:  # provided by ProjectEdits

        def _replace_list(self, table: str, cls: type[Any], items: list[Any]) -> None: ...

    def set_customer_list(self, table: str, items: list[Any]) -> None:
        """Replace one of the customer lists (``CUSTOMER_TABLES``) in one transaction."""
        cls = CUSTOMER_TABLES[table]
        if any(not isinstance(item, cls) for item in items):
            raise TypeError(f"{table} holds {cls.__name__} only")
        self._replace_list(table, cls, items)
