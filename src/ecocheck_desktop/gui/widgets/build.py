"""Small builders for the widgets every page and dialog makes, so that one widget is one line.

``named`` gives a widget its object name (what the style sheet and the tests find it by);
``wrapped_label`` is a label whose text wraps (Japanese has no spaces to break at, so a long
line would otherwise widen the page); ``form_rows`` lays fields out in a form, each after a
label of its own; ``ok_cancel`` is a dialog's OK and Cancel buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

_W = TypeVar("_W", bound=QObject)


def named(widget: _W, name: str) -> _W:
    """``widget``, with the object name ``name``."""
    widget.setObjectName(name)
    return widget


def wrapped_label(parent: QWidget) -> QLabel:
    """A label that wraps its text at the width it is given."""
    label = QLabel(parent)
    label.setWordWrap(True)
    return label


def form_rows(form: QFormLayout, parent: QWidget, fields: Sequence[QWidget]) -> list[QLabel]:
    """One row of ``form`` per field, each with a new label of ``parent`` before it; returns
    the labels in the order of the fields (their texts are set when the widget is translated)."""
    labels = []
    for field in fields:
        label = QLabel(parent)
        form.addRow(label, field)
        labels.append(label)
    return labels


def ok_cancel(dialog: QDialog, on_ok: Callable[[], object]) -> QDialogButtonBox:
    """OK runs ``on_ok`` (``dialog.accept``, or a check that accepts), Cancel rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons
