"""Small builders for the widgets every page and dialog makes, so that one widget is one line.

``named`` gives a widget its object name (what the style sheet and the tests find it by);
``wrapped_label`` is a label whose text wraps (Japanese has no spaces to break at, so a long
line would otherwise widen the page); ``form_rows`` lays fields out in a form, each after a
label of its own; ``ok_cancel`` is a dialog's OK and Cancel buttons; ``vbox`` and ``hbox``
lay widgets and layouts out in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

_W = TypeVar("_W", bound=QObject)
_Box = TypeVar("_Box", bound=QBoxLayout)

# One part of a vbox or an hbox: a widget or a layout, either with its stretch factor as
# ``(part, stretch)``, or an int for stretchable empty space of that factor.
Part = QWidget | QLayout | tuple[QWidget | QLayout, int] | int


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


def vbox(parent: QWidget, *parts: Part) -> QVBoxLayout:
    """``parent``'s layout, without margins: ``parts`` from top to bottom (a page's content)."""
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    return _add(layout, parts)


def hbox(*parts: Part) -> QHBoxLayout:
    """``parts`` from left to right, in a layout to be put into another."""
    return _add(QHBoxLayout(), parts)


def _add(layout: _Box, parts: Sequence[Part]) -> _Box:
    for part in parts:
        if isinstance(part, int):
            layout.addStretch(part)
            continue
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)
    return layout
