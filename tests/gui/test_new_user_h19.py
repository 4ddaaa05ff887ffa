"""Issue 19, the owner's own pass: the defects found on Home, the wizard, the checklist and the
targets page, each with the check that would catch it coming back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack, QWheelEvent

from ecocheck_desktop.core.model import Company, Site
from ecocheck_desktop.gui.service import ProjectService

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_opening_the_open_file_again_is_not_in_use(qapp, opener: Any, tmp_path: Path) -> None:
    """Major 3: the app's own lock on the open file must not read as "another window"."""
    service = ProjectService(QUndoStack(), opener=opener, user="tester")
    path = tmp_path / "shop.ecocheck"
    service.new_project(path, Company("テスト製作所"), [Site("本社工場")], [], 2025)
    try:
        service.open(path)  # no store.in_use
        service.open(tmp_path / "." / "shop.ecocheck")  # another spelling of the same file
        assert service.path == path
    finally:
        service.close()


def test_double_clicking_a_recent_project_opens_it_once(ja_window: Any, qtbot, tmp_path) -> None:
    """Major 3: a double-click is one activation; two opens met the first one's lock."""
    window = ja_window
    path = tmp_path / "recent.ecocheck"
    window.service.new_project(path, Company("テスト製作所"), [Site("本社工場")], [], 2025)
    window.service.close()
    failures: list[Any] = []
    window.service.failed.connect(failures.append)
    shown: list[Any] = []
    window._show_failure = shown.append  # type: ignore[method-assign]
    window.show_page("home")
    home = window.current_page()
    home.set_recent([str(path)])
    item = home.recent.item(0)
    qtbot.waitUntil(lambda: home.recent.isVisible())
    rect = home.recent.visualItemRect(item)
    activated: list[Any] = []
    double_clicked: list[Any] = []
    home.recent.itemActivated.connect(activated.append)
    home.recent.itemDoubleClicked.connect(double_clicked.append)
    viewport = home.recent.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(double_clicked) == 1, rect
    assert window.service.path == path
    assert not shown and not failures
    window.show_page("home")
    home.recent.itemActivated.emit(item)  # again, while it is open: no warning either
    assert not shown
