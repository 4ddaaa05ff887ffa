"""Changes since the hand-over (引き継ぎ以降の変更): who changed what, when, from what to what.

Shows :class:`store.handover.HandoverChanges` in a table: the change-log entries written after
the last hand-over of the open file (or, for a file exactly as it was handed back, the sender's
changes since the hand-over before). Non-blocking: the user can keep working beside it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.gui import message_text
from ecocheck_desktop.gui.widgets.build import named, wrapped_label
from ecocheck_desktop.store.handover import changed_fields, plain_value

if TYPE_CHECKING:
    from ecocheck_desktop.store.handover import HandoverChanges
    from ecocheck_desktop.store.project_file import ChangeEntry

_CONTEXT = "HandoverDialog"

_ACTIONS = {
    "project.create": QT_TRANSLATE_NOOP("HandoverDialog", "Project created"),
    "company.set": QT_TRANSLATE_NOOP("HandoverDialog", "Company details changed"),
    "site.set": QT_TRANSLATE_NOOP("HandoverDialog", "Site added or changed"),
    "site.delete": QT_TRANSLATE_NOOP("HandoverDialog", "Site deleted"),
    "contract.set": QT_TRANSLATE_NOOP("HandoverDialog", "Supply contract changed"),
    "contract.delete": QT_TRANSLATE_NOOP("HandoverDialog", "Supply contract deleted"),
    "fiscal_year.set": QT_TRANSLATE_NOOP("HandoverDialog", "Fiscal year data changed"),
    "fiscal_year.delete": QT_TRANSLATE_NOOP("HandoverDialog", "Fiscal year deleted"),
    "record.add": QT_TRANSLATE_NOOP("HandoverDialog", "Energy use added"),
    "record.update": QT_TRANSLATE_NOOP("HandoverDialog", "Energy use changed"),
    "record.delete": QT_TRANSLATE_NOOP("HandoverDialog", "Energy use deleted"),
    "checklist.set": QT_TRANSLATE_NOOP("HandoverDialog", "Equipment checklist changed"),
    "refrigerants.set": QT_TRANSLATE_NOOP("HandoverDialog", "Refrigerant refills changed"),
    "scope3.set": QT_TRANSLATE_NOOP("HandoverDialog", "Scope 3 entries changed"),
    "targets.set": QT_TRANSLATE_NOOP("HandoverDialog", "Targets changed"),
    "measure_plan.set": QT_TRANSLATE_NOOP("HandoverDialog", "Measure plan changed"),
    "evidence.add": QT_TRANSLATE_NOOP("HandoverDialog", "Bill scan attached"),
    "evidence.delete": QT_TRANSLATE_NOOP("HandoverDialog", "Bill scan removed"),
    "handover.export": QT_TRANSLATE_NOOP("HandoverDialog", "Handed over"),
}

_FIELDS = {
    "month": QT_TRANSLATE_NOOP("HandoverDialog", "month"),
    "energy": QT_TRANSLATE_NOOP("HandoverDialog", "energy"),
    "quantity": QT_TRANSLATE_NOOP("HandoverDialog", "quantity"),
    "unit": QT_TRANSLATE_NOOP("HandoverDialog", "unit"),
    "cost_yen": QT_TRANSLATE_NOOP("HandoverDialog", "cost (yen)"),
    "site": QT_TRANSLATE_NOOP("HandoverDialog", "site"),
    "name": QT_TRANSLATE_NOOP("HandoverDialog", "name"),
    "address": QT_TRANSLATE_NOOP("HandoverDialog", "address"),
    "estimated": QT_TRANSLATE_NOOP("HandoverDialog", "estimated"),
    "note": QT_TRANSLATE_NOOP("HandoverDialog", "note"),
    "supplier": QT_TRANSLATE_NOOP("HandoverDialog", "supplier"),
    "menu": QT_TRANSLATE_NOOP("HandoverDialog", "menu"),
    "filename": QT_TRANSLATE_NOOP("HandoverDialog", "file"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def local_time(at: str) -> str:
    """An ISO 8601 UTC time of the change log as the user's local date and time."""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


def action_text(action: str) -> str:
    label = _ACTIONS.get(action)
    return _tr(label) if label else action


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("HandoverDialog", "yes")
            if value
            else QCoreApplication.translate("HandoverDialog", "no")
        )
    return plain_value(value)


def change_text(entry: ChangeEntry, limit: int = 160) -> str:
    """ "field: old → new; …" with the field names in the GUI's language."""
    parts = []
    for name, old, new in changed_fields(entry.old, entry.new):
        label = _tr(_FIELDS[name]) if name in _FIELDS else name
        prefix = f"{label}: " if label else ""
        if name == "energy":
            old = message_text.energy_label(old) if isinstance(old, str) else old
            new = message_text.energy_label(new) if isinstance(new, str) else new
        parts.append(f"{prefix}{_value(old)} → {_value(new)}")
    text = "; ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary_text(changes: HandoverChanges | None) -> str:
    """The one-line headline of the dialog (also the status-bar note on opening)."""
    if changes is None or changes.mark is None:
        return QCoreApplication.translate(
            "HandoverDialog", "This project has not been handed over yet."
        )
    date, name = local_time(changes.mark.at), changes.mark.by or "—"
    if not changes.entries:
        return (
            QCoreApplication.translate(
                "HandoverDialog", "Nothing has changed since the hand-over on %1 by %2."
            )
            .replace("%1", date)
            .replace("%2", name)
        )
    return (
        QCoreApplication.translate("HandoverDialog", "%3 change(s) since the hand-over on %1 by %2")
        .replace("%1", date)
        .replace("%2", name)
        .replace("%3", str(len(changes.entries)))
    )


class ChangesModel(QAbstractTableModel):
    """The change-log entries as rows: when, who, what, item, change."""

    def __init__(self, entries: list[ChangeEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            QCoreApplication.translate("HandoverDialog", "When"),
            QCoreApplication.translate("HandoverDialog", "Who"),
            QCoreApplication.translate("HandoverDialog", "What"),
            QCoreApplication.translate("HandoverDialog", "Item"),
            QCoreApplication.translate("HandoverDialog", "Change"),
        ][section]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return local_time(entry.at)
            if column == 1:
                return entry.user or "—"
            if column == 2:
                return action_text(entry.action)
            if column == 3:
                return entry.target
            return change_text(entry)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return change_text(entry, limit=2000)
        return None


class HandoverDialog(QDialog):
    """The list of changes since the hand-over; ``show()`` it (non-modal)."""

    def __init__(self, changes: HandoverChanges | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(
            QCoreApplication.translate("HandoverDialog", "Changes since the hand-over")
        )
        self.changes = changes
        layout = QVBoxLayout(self)
        self.summary = named(QLabel(summary_text(changes), self), "handoverSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.explanation = wrapped_label(self)
        if changes is not None and changes.returned:
            self.explanation.setText(
                QCoreApplication.translate(
                    "HandoverDialog",
                    "This file is exactly as it was handed back: the list shows the changes"
                    " made before it was handed back.",
                )
            )
        elif changes is not None and changes.mark is not None:
            self.explanation.setText(
                QCoreApplication.translate(
                    "HandoverDialog",
                    "Every change is saved with who made it and when; nothing here can be lost.",
                )
            )
        else:
            self.explanation.setText(
                QCoreApplication.translate(
                    "HandoverDialog",
                    "Use File > Hand over a copy… to send the project to the owner or advisor.",
                )
            )
        layout.addWidget(self.explanation)
        self.model = ChangesModel(list(changes.entries) if changes is not None else [], self)
        self.table = named(QTableView(self), "handoverChanges")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(self.model.rowCount() > 0)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(900, 420 if self.model.rowCount() else 180)
