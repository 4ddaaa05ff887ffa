"""Work-around for a reference-count defect of the Qt binding on Python 3.11.

PySide6 6.12.0 returns ``None``, ``True`` and ``False`` to Python (and takes them back from
Python overrides and slots) without counting the reference, as it may on Python 3.12+ where
those objects are immortal. On Python 3.11 every button click, ``emit()``, ``QUndoCommand.undo``
or model ``data()`` returning ``None`` then lowers their count by one, and after some hundred
signals (``True`` starts near 50) the interpreter aborts with "bool_dealloc" / "none_dealloc".

:func:`pin_singletons` gives the three objects a reference count no session can exhaust, which
is what Python 3.12 does for every interpreter; it does nothing on 3.12 and later.
"""

from __future__ import annotations

import ctypes
import sys

_PIN = 1 << 40  # ~10^12 lost references before anything could go wrong


def pin_singletons() -> bool:
    """Make None/True/False effectively immortal on Python < 3.12; True when it did so."""
    if sys.version_info >= (3, 12) or getattr(sys, "_ecocheck_pinned", False):
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object header.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _PIN
    sys._ecocheck_pinned = True  # type: ignore[attr-defined]
    return True
