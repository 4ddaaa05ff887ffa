"""Fixtures of the GUI tests: the project-file opener the service writes through."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.store.project_file import ProjectFile


@pytest.fixture
def opener() -> Any:
    """The real project file: each test creates its own under its tmp_path."""
    return ProjectFile


@pytest.fixture(scope="session")
def qm_catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files built from the committed .ts (not whatever lies in translations/)."""
    repo_root = Path(__file__).resolve().parents[2]
    out = tmp_path_factory.mktemp("qm")
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease
    ts_file = repo_root / "translations" / "ecocheck_ja.ts"
    subprocess.run(
        [lrelease, "-silent", str(ts_file), "-qm", str(out / "ecocheck_ja.qm")], check=True
    )
    return out


@pytest.fixture
def ja_window(qtbot: Any, qapp: Any, qm_catalogues: Path, opener: Any) -> Any:
    """A Japanese main window whose service writes through ``opener``."""
    from ecocheck_desktop.gui.i18n import LanguageManager
    from ecocheck_desktop.gui.main_window import MainWindow
    from ecocheck_desktop.gui.settings import Settings
    from ecocheck_desktop.gui.style import apply_style

    apply_style(qapp)
    languages = LanguageManager(qapp, qm_catalogues)
    assert languages.set_language("ja")
    window = MainWindow(Settings(), languages, remember_settings=False)
    window.store_opener = opener
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    languages.set_language("en")
    # Delete the window and everything it owns now, while its children are intact: a style
    # animation or timer of a half-torn-down window firing in a later test crashes the process.
    from PySide6.QtCore import QCoreApplication, QEvent

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
