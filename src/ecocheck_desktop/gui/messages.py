"""The one way the GUI shows a message box.

Boxes are opened with ``open()`` (window-modal, non-blocking) and answer through a callback, so
no test ever hangs on an ``exec()`` loop; tests patch ``show_message`` where it is used to see
what was said. Texts arrive already translated.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6 import QtWidgets


class Kind(Enum):
    # Plain values: naming QMessageBox at import time would cost start-up for a box that is
    # usually never shown.
    INFORMATION = "information"
    WARNING = "warning"
    ERROR = "error"
    QUESTION = "question"


def show_message(
    parent: QtWidgets.QWidget | None,
    kind: Kind,
    title: str,
    text: str,
    *,
    details: str = "",
    on_answer: Callable[[bool], None] | None = None,
) -> QtWidgets.QMessageBox:
    """Open a message box; for QUESTION, ``on_answer(True)`` is called when the user says yes."""
    box_class = QtWidgets.QMessageBox
    icons = {
        Kind.INFORMATION: box_class.Icon.Information,
        Kind.WARNING: box_class.Icon.Warning,
        Kind.ERROR: box_class.Icon.Critical,
        Kind.QUESTION: box_class.Icon.Question,
    }
    buttons = box_class.StandardButton
    box = box_class(parent)
    box.setIcon(icons[kind])
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    if kind is Kind.QUESTION:
        box.setStandardButtons(buttons.Yes | buttons.No)
        box.setDefaultButton(buttons.No)
    else:
        box.setStandardButtons(buttons.Ok)
    if on_answer is not None:
        box.finished.connect(lambda result: on_answer(result == buttons.Yes.value))
    box.finished.connect(box.deleteLater)
    box.open()
    return box
