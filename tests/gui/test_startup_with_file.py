"""Start-up with a project file (issue 20, item 5): the opened page paints first; the footprint,
the wheel guard and the charts' import come after that paint, and nothing changes for a user."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.gui import qt_compat
from ecocheck_desktop.gui.service import ProjectService
from ecocheck_desktop.gui.widgets import wheel_guard
from ecocheck_desktop.store.project_file import ProjectFile

# Runs the real entry point on a file; notes what had happened when the opened page painted
# and what had happened once the events after that paint were processed.
DRIVER = """
import gc, json, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from ecocheck_desktop.gui import app, file_actions, main_window
from ecocheck_desktop.gui.widgets.wheel_guard import WheelGuard

def state(window):
    qt_app = QApplication.instance()
    return {
        "guard": qt_app.findChild(WheelGuard, "wheelGuard") is not None,
        "calculation_due": window._service._calculation_due,
        "calculation_imported": "ecocheck_desktop.core.footprint" in sys.modules,
        "factors_imported": "ecocheck_desktop.core.factors" in sys.modules,
        "page": window.current_page().page_id,
        "collecting": gc.isenabled(),
    }

seen = {}

class Watch(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = state(self.window)
        return False

opened = file_actions.ProjectFileActions.open_project

def open_project(self, path):
    result = opened(self, path)
    self._watch = Watch(self)
    self.current_page().installEventFilter(self._watch)
    self._watch_window = self
    return result

file_actions.ProjectFileActions.open_project = open_project
main_window._preload_charts = lambda: seen.setdefault("preload", True)
windows = []
original_init = main_window.MainWindow.__init__

def init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    windows.append(self)

main_window.MainWindow.__init__ = init
assert app.main([sys.argv[1], "--smoke"]) == 0
deadline = time.monotonic() + 10
while "preload" not in seen and time.monotonic() < deadline:
    QApplication.instance().processEvents()
window = windows[0]
seen["after"] = state(window)
footprint = window._service.footprint
seen["total"] = str(footprint.years[-1].total_adjusted_t)
print(json.dumps(seen))
"""


def test_the_opened_page_paints_before_the_footprint_and_the_wheel_guard(
    tmp_path: Path,
) -> None:
    path = tmp_path / "demo.ecocheck"
    project = demo_project()
    ProjectFile.create(path, project, user="test").close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "APPDATA": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    painted, after = seen["painted"], seen["after"]
    assert painted["page"] == after["page"] == "energy"  # a file opens on its bills, as before
    # At the paint: not calculated, its modules and the factor library not even imported.
    assert painted["calculation_due"] and not painted["calculation_imported"]
    assert not painted["factors_imported"]
    assert not painted["guard"]
    assert not painted["collecting"]  # no pass of the cyclic collector before the first paint
    # Right after it, without anyone asking: calculated, guarded, the charts' import started.
    assert not after["calculation_due"] and after["guard"] and seen["preload"]
    assert after["collecting"]
    full = calculate(project, default_library(), strict=False)
    assert seen["total"] == str(full.years[-1].total_adjusted_t)


def test_start_up_leaves_the_cyclic_collector_as_it_found_it(tmp_path: Path) -> None:
    """main() turns the collector off until the window has painted, and back on only if it
    was on: a caller that had switched it off finds it off."""
    code = (
        "import gc\n"
        "from ecocheck_desktop.gui import app\n"
        "gc.disable()\n"
        "assert app.main(['--smoke']) == 0\n"
        "off = gc.isenabled()\n"
        "gc.enable()\n"
        "assert app.main(['--smoke']) == 0\n"
        "print(off, gc.isenabled())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env |= {"APPDATA": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False True"


def test_an_opened_project_is_calculated_on_first_use_as_a_full_calculation(
    qapp: Any, tmp_path: Path
) -> None:
    path = tmp_path / "demo.ecocheck"
    ProjectFile.create(path, demo_project(), user="test").close()
    service = ProjectService(QUndoStack(), opener=ProjectFile, user="tester")
    try:
        service.open(path)
        assert service._calculation_due  # opening alone calculates nothing
        assert service.project is not None and service.footprint is not None
        assert not service._calculation_due
        full = calculate(service.project, service.factor_library(), strict=False)
        assert service.footprint.to_json_dict() == full.to_json_dict()
        service.calculate_opened()  # nothing left to do: the same result stays
        assert service.footprint.to_json_dict() == full.to_json_dict()
    finally:
        service.close()
    assert service.footprint is None


@pytest.mark.parametrize("first_use", ["after the paint", "asked for earlier"])
def test_the_first_calculation_runs_no_collector_pass_and_leaves_the_collector_on(
    qapp: Any, tmp_path: Path, first_use: str
) -> None:
    """Its results join the bills in the permanent generation before the collector could walk
    them (the pass that followed a big project's first calculation), and the collector is on
    again afterwards, as it was."""
    path = tmp_path / "demo.ecocheck"
    ProjectFile.create(path, demo_project(), user="test").close()
    service = ProjectService(QUndoStack(), opener=ProjectFile, user="tester")
    passes: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    was_on = gc.isenabled()
    gc.enable()
    try:
        service.open(path)
        frozen = gc.get_freeze_count()
        gc.callbacks.append(note)
        try:
            if first_use == "after the paint":
                service.calculate_opened()
            else:
                assert service.footprint is not None
        finally:
            gc.callbacks.remove(note)
        assert passes == []
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
        assert service.footprint is not None and not service._calculation_due
    finally:
        service.close()
        if not was_on:
            gc.disable()


def test_an_edit_before_the_first_calculation_gives_the_full_calculation(
    qapp: Any, tmp_path: Path
) -> None:
    path = tmp_path / "demo.ecocheck"
    ProjectFile.create(path, demo_project(), user="test").close()
    service = ProjectService(QUndoStack(), opener=ProjectFile, user="tester")
    try:
        service.open(path)
        year = service.fiscal_years()[-1]
        month = service.months(year)[3]
        assert service.set_quantity(year, month, "electricity", "12345") == []
        assert service.project is not None and service.footprint is not None
        full = calculate(service.project, service.factor_library(), strict=False)
        assert service.footprint.to_json_dict() == full.to_json_dict()
    finally:
        service.close()


def test_a_guard_installed_late_also_covers_the_boxes_already_shown(qapp: Any, qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.findChild(wheel_guard.WheelGuard, "wheelGuard")
    if old is not None:  # another test's window put it on: start without it
        app.removeEventFilter(old)
        old.setParent(None)
        old.deleteLater()
    try:
        combo = QComboBox()
        qtbot.addWidget(combo)
        combo.addItems(["a", "b"])
        combo.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
        combo.show()
        qtbot.waitExposed(combo)  # polished without a guard
        assert combo.focusPolicy() == Qt.FocusPolicy.WheelFocus
        guard = wheel_guard.install()
        assert guard is not None
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    finally:
        wheel_guard.install()


def test_the_quick_source_scan_answers_as_the_binding_does() -> None:
    feature: Any = sys.modules[qt_compat.FEATURE_MODULE]
    quick = feature._mod_uses_pyside
    original = quick.__wrapped__  # put on when the gui package was imported
    assert qt_compat.scan_sources_quickly() is False  # once only
    import ecocheck_desktop.core.model as no_qt
    import ecocheck_desktop.gui.main_window as with_qt

    for module in (with_qt, no_qt, json, sys, qt_compat):
        assert quick(module) == original(module), module
    assert quick(with_qt) and not quick(no_qt)
