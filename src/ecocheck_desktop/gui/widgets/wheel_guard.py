"""The wheel guard: a combo box or spin box changes with the mouse wheel only once the user has
clicked or tabbed into it. Otherwise the wheel scrolls the page under it, so scrolling a long
form (the equipment checklist, 会社情報) never changes an answer on the way (issue 19).

One application-wide event filter does it for every window and dialog, present and future:
:func:`install` is idempotent and called by the main window and by dialogs that may be shown
alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


def _guarded(obj: QObject) -> QWidget | None:
    return obj if isinstance(obj, _GUARDED) else None


class WheelGuard(QObject):
    """Ignores the wheel on an unfocused combo/spin box, so the event goes to its parents."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish:
            widget = _guarded(obj)
            if widget is not None:
                # Here, not at module level: the first use of the Qt namespace builds its enums
                # (about 40 ms), which a start-up that shows no combo or spin box never pays.
                from PySide6.QtCore import Qt

                if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                    # The wheel must not give focus (Qt gives it before any filter runs).
                    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel:
            widget = _guarded(obj)
            if widget is not None and not widget.hasFocus():
                assert isinstance(event, QWheelEvent)
                _pass_up(widget, event)
                return True
        return False


def _pass_up(widget: QWidget, event: QWheelEvent) -> None:
    """Offer the wheel to the parents in turn, as Qt does with a wheel a widget ignores (Qt
    does not for a synthesized event, and a filtered one is not passed on either)."""
    position = event.position().toPoint()
    parent = widget.parentWidget()
    while parent is not None:
        position = widget.mapToParent(position)
        copy = QWheelEvent(
            QPointF(position),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        copy.ignore()
        QCoreApplication.sendEvent(parent, copy)
        if copy.isAccepted() or parent.isWindow():
            break
        widget, parent = parent, parent.parentWidget()
    event.accept()  # handled here: Qt does not pass it on a second time


def install(app: QCoreApplication | None = None) -> WheelGuard | None:
    """Put the guard on the application once (later calls return the same guard)."""
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    guard = app.findChild(WheelGuard, "wheelGuard")
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheelGuard")
        app.installEventFilter(guard)
    return guard
