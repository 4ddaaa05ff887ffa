"""Windows reality (issue 19): every page, ja and en, with and without a project open, on a
1366×768 screen at 100 %, 125 % and 150 % scaling and on a 1600×900 one: no label or button
narrower than its text, no wrapped label cut short, no overlapping texts, no sideways scrolling
(会社情報), a window and a new-company wizard that fit the screen (the offscreen platform is
made that screen). By widget geometry (tests/gui/layout_walk.py),
each scale in its own process: Qt reads QT_SCALE_FACTOR once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecocheck_desktop.gui.pages import PAGES

WALK = Path(__file__).with_name("layout_walk.py")


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1366, 768, "1"), (1366, 768, "1.25"), (1366, 768, "1.5"), (1600, 900, "1")],
)
def test_every_page_fits_the_screen_without_cut_text(width: int, height: int, scale: str) -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(WALK), str(width), str(height)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # Every page × 2 languages × (no project, the demo): none is left out of the walk.
    assert result["pages"] == len(PAGES) * 2 * 2
    assert result["problems"] == [], "\n".join(result["problems"])


def test_the_walk_sees_a_cut_button(qapp, qtbot) -> None:
    """The property bites: a button squeezed below its text's width is reported."""
    sys.path.insert(0, str(WALK.parent))
    try:
        import layout_walk
    finally:
        sys.path.remove(str(WALK.parent))
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

    page = QWidget()
    qtbot.addWidget(page)
    row = QHBoxLayout(page)
    button = QPushButton("エネルギー使用量の入力を続ける", page)
    label = QLabel("a label that is rather long", page)
    row.addWidget(button)
    row.addWidget(label)
    page.resize(400, 60)
    page.show()
    qtbot.waitExposed(page)
    assert layout_walk.problems_of(page, "p") == []
    button.setFixedWidth(60)
    label.setGeometry(button.geometry().adjusted(10, 0, 200, 0))  # over the button
    problems = layout_walk.problems_of(page, "p")
    assert any("button" in p and "px wide" in p for p in problems), problems
    assert any("overlaps" in p for p in problems), problems
