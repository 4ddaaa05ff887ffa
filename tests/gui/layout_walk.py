"""Walk every page of the main window with the demo company open, in Japanese and English, at
one window size and the QT_SCALE_FACTOR of the environment, and report what a user would see
clipped or overlapping — by widget geometry, not by pixels:

- a label or button narrower than its sizeHint (the text is cut), unless it wraps;
- a wrapping label lower than its heightForWidth (its last lines are cut);
- two visible labels/buttons with the same parent that overlap;
- a page that scrolls sideways, or a window that cannot be as small as the screen.

Run as ``python tests/gui/layout_walk.py 1366 768`` (QT_SCALE_FACTOR set by the caller, since
Qt reads it once at start-up); prints one JSON object: {"problems": [...], "pages": n}.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QScrollArea,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]


def _text_widgets(root: QWidget) -> list[QWidget]:
    out: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text():
            out.append(widget)
        elif isinstance(widget, QAbstractButton) and widget.text():
            out.append(widget)
    return out


def _inside_scroll(widget: QWidget, root: QWidget) -> bool:
    """A widget inside a scrolled area may be partly out of view: the user scrolls."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            return True  # an item view's own widgets (editors, headers)
        parent = parent.parentWidget()
    return False


def problems_of(root: QWidget, where: str) -> list[str]:
    found: list[str] = []
    widgets = [w for w in _text_widgets(root) if not _inside_scroll(w, root)]
    for widget in widgets:
        text = widget.text().replace("\n", " ")[:40]
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.hasHeightForWidth():
                need = widget.heightForWidth(widget.width())
                if widget.height() + 1 < need:
                    found.append(f"{where}: label {text!r} {widget.height()} < {need} px high")
            continue
        if widget.width() + 1 < hint.width():
            kind = "label" if isinstance(widget, QLabel) else "button"
            found.append(f"{where}: {kind} {text!r} {widget.width()} < {hint.width()} px wide")
    by_parent: dict[int, list[QWidget]] = {}
    for widget in widgets:
        by_parent.setdefault(id(widget.parentWidget()), []).append(widget)
    for siblings in by_parent.values():
        for i, first in enumerate(siblings):
            for second in siblings[i + 1 :]:
                overlap = first.geometry().intersected(second.geometry())
                if overlap.width() > 1 and overlap.height() > 1:
                    found.append(f"{where}: {first.text()[:20]!r} overlaps {second.text()[:20]!r}")
    for area in root.findChildren(QScrollArea):
        if area.isVisibleTo(root) and area.horizontalScrollBar().isVisible():
            found.append(f"{where}: {area.objectName() or 'a scroll area'} scrolls sideways")
    return found


def _walk_wizard(
    app: QApplication, window: QWidget, lang: str, width: int, height: int
) -> list[str]:
    """The new-company wizard's four steps: in the screen, and nothing cut on any step."""
    found: list[str] = []
    wizard = window.new_project()  # type: ignore[attr-defined]
    wizard.company_page.name.setText("成形工業")
    for step in range(4):
        for _ in range(3):
            app.processEvents()
        if wizard.width() > width or wizard.height() > height:
            found.append(f"{lang} wizard: {wizard.width()}x{wizard.height()} is off the screen")
        page = wizard.currentPage()
        found += problems_of(page, f"{lang} wizard step {step + 1}")
        if step < 3:
            if step == 2:
                page.kind.setCurrentIndex(page.kind.findData(""))
            wizard.next()
    wizard.reject()
    return found


def walk(width: int, height: int) -> dict[str, object]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ecocheck-walk-")  # the demo copy
    from ecocheck_desktop.gui.i18n import LanguageManager
    from ecocheck_desktop.gui.main_window import MainWindow
    from ecocheck_desktop.gui.pages import PAGE_IDS
    from ecocheck_desktop.gui.settings import Settings
    from ecocheck_desktop.gui.style import apply_style

    apply_style(app)
    languages = LanguageManager(app, ROOT / "translations")
    problems: list[str] = []
    pages = 0
    for lang in ("ja", "en"):
        languages.set_language(lang)
        window = MainWindow(Settings(), languages, remember_settings=False)
        window.resize(width, height)
        window.show()
        app.processEvents()
        if window.width() > width or window.height() > height:
            problems.append(f"{lang}: the window is {window.width()}x{window.height()}")
        for with_project in (False, True):
            if with_project:
                window.open_demo()
            for page_id in PAGE_IDS:
                window.show_page(page_id)
                for _ in range(3):
                    app.processEvents()
                state = "open" if with_project else "empty"
                problems += problems_of(window.current_page(), f"{lang} {state} {page_id}")
                if window.width() > width or window.height() > height:
                    size = f"{window.width()}x{window.height()}"
                    problems.append(f"{lang} {state} {page_id}: the window grew to {size}")
                    window.resize(width, height)
                pages += 1
        problems += _walk_wizard(app, window, lang, width, height)
        minimum = window.minimumSizeHint()
        if minimum.height() > height or minimum.width() > width:
            problems.append(f"{lang}: the window needs {minimum.width()}x{minimum.height()}")
        window.close()
        window.deleteLater()
        app.processEvents()
    return {"problems": problems, "pages": pages}


def simulate_screen(width: int, height: int) -> None:
    """Make the offscreen platform a width x height screen less the Windows taskbar (40 px),
    so the app sizes itself (the wizard) as it would there; QT_SCALE_FACTOR scales it."""
    config = {
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": False,
        "screens": [
            {
                "name": "screen",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height - 40,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ],
    }
    path = Path(tempfile.mkdtemp(prefix="ecocheck-screen-")) / "screen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


def logical_size() -> tuple[int, int]:
    """The room for the main window on that screen in Qt's logical pixels, less the window's
    title bar (30 px at 100 %)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    room = app.primaryScreen().availableGeometry()
    scale = float(os.environ.get("QT_SCALE_FACTOR") or 1)
    return room.width(), room.height() - int(30 / scale)


if __name__ == "__main__":
    simulate_screen(int(sys.argv[1]), int(sys.argv[2]))
    size = logical_size()
    print(json.dumps({**walk(*size), "size": size}, ensure_ascii=False))
