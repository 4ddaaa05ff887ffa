"""The binding defect of qt_compat: many emits must not exhaust the count of True/None."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from ecocheck_desktop.gui.qt_compat import pin_singletons


class _Emitter(QObject):
    changed = Signal()


def test_a_long_session_of_signals_cannot_free_true_or_none(qapp) -> None:
    pin_singletons()
    emitter = _Emitter()
    emitter.changed.connect(lambda: None)
    for _ in range(5000):  # PySide6 6.12 on 3.11 loses one reference to True per emit
        emitter.changed.emit()
    # Without the pin, True (count ~50 at start) would have been freed and the process aborted.
    assert sys.getrefcount(True) > 10_000
    assert sys.getrefcount(None) > 10_000
