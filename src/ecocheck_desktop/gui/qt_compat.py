"""Work-arounds for the Qt binding: a reference-count defect on Python 3.11, and the source
scan of every imported module.

PySide6 6.12.0 returns ``None``, ``True`` and ``False`` to Python (and takes them back from
Python overrides and slots) without counting the reference, as it may on Python 3.12+ where
those objects are immortal. On Python 3.11 every button click, ``emit()``, ``QUndoCommand.undo``
or model ``data()`` returning ``None`` then lowers their count by one, and after some hundred
signals (``True`` starts near 50) the interpreter aborts with "bool_dealloc" / "none_dealloc".

:func:`pin_singletons` gives the three objects a reference count no session can exhaust, which
is what Python 3.12 does for every interpreter; it does nothing on 3.12 and later.

Once PySide6 is loaded, it looks at every module imported after it for the word "PySide6" (for
its ``__feature__`` switches) with ``inspect.getsource``, which reads each file through
``linecache`` (about 25 ms of CPU for the modules a project's first page imports).
:func:`scan_sources_quickly` answers the same question by reading the file's bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

FEATURE_MODULE = "shibokensupport.feature"

_PIN = 1 << 40  # ~10^12 lost references before anything could go wrong


def pin_singletons() -> bool:
    """Make None/True/False effectively immortal on Python < 3.12; True when it did so."""
    if sys.version_info >= (3, 12) or getattr(sys, "_ecocheck_pinned", False):
        return False
    import ctypes  # here: ctypes costs a few ms of start-up

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object header.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _PIN
    sys._ecocheck_pinned = True  # type: ignore[attr-defined]
    return True


def _quick_source_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        """Whether the source of ``module`` names PySide6, as ``original`` tells."""
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(".py"):
            try:
                with open(file, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)  # no plain source file: the binding's own answer

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside


def scan_sources_quickly() -> bool:
    """Let the binding's check of each imported module read bytes instead of ``inspect``; True
    when it did so (False when this PySide6 has no such check, or it is already done)."""
    feature: Any = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original) or hasattr(original, "__wrapped__"):
        return False
    feature._mod_uses_pyside = _quick_source_check(original)
    return True
