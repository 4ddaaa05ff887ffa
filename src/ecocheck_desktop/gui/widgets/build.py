"""Small builders for the widgets every page and dialog makes, so that one widget is one line.

``named`` gives a widget its object name (what the style sheet and the tests find it by).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_W = TypeVar("_W", bound=QObject)


def named(widget: _W, name: str) -> _W:
    """``widget``, with the object name ``name``."""
    widget.setObjectName(name)
    return widget
