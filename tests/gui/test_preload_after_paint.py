"""The background matplotlib import starts only once the opened project's page has painted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.gui import main_window as main_window_module
from ecocheck_desktop.gui.i18n import LanguageManager
from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.gui.settings import Settings
from ecocheck_desktop.store.project_file import ProjectFile


def test_preload_waits_for_the_first_paint(
    qtbot: Any, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []
    monkeypatch.setattr(main_window_module, "_preload_charts", lambda: started.append(True))
    path = tmp_path / "demo.ecocheck"
    ProjectFile.create(path, demo_project(), user="test").close()
    window = MainWindow(Settings(), LanguageManager(qapp), remember_settings=False)
    qtbot.addWidget(window)
    window.store_opener = ProjectFile
    window.show()
    qtbot.waitExposed(window)
    assert window.open_project(str(path))
    assert started == []  # opened, not painted yet
    qtbot.waitUntil(lambda: bool(started), timeout=2000)  # before the 3 s fallback


def test_the_preload_also_readies_the_pdf() -> None:
    """The first export after opening a project costs what the next one does: reportlab and the
    report's font are loaded by the same background preload as matplotlib."""
    from ecocheck_desktop.report import layout

    layout.register_font.cache_clear()
    from ecocheck_desktop.gui.preload import preload_modules

    preload_modules()
    assert layout.register_font.cache_info().currsize == 1
