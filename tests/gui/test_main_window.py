"""The main window shell: every page reachable from the navigation list, menus, About, Help.

Each page is grabbed to a PNG under the test's tmp dir so a person can look at what the user
sees; with ECOCHECK_SCREENSHOTS=1 the Home page is also copied to docs/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from ecocheck_desktop import APP_NAME
from ecocheck_desktop.gui import messages
from ecocheck_desktop.gui.app import build_parser
from ecocheck_desktop.gui.i18n import LanguageManager
from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.gui.pages import PAGES
from ecocheck_desktop.gui.settings import Settings
from ecocheck_desktop.gui.style import apply_style

# The offscreen platform plugin warns about every QMainWindow with a menu or status bar.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# The navigation names of the user's path in order; the .ts must translate to exactly these.
EXPECTED_JA_TITLES = [
    "ホーム",
    "会社情報",
    "エネルギー使用量",
    "結果",
    "削減対策",
    "デマンド",
    "目標",
    "レポート",
    "取引先",
    "ポートフォリオ",
]
EXPECTED_EN_TITLES = [
    "Home",
    "Company",
    "Energy use",
    "Results",
    "Measures",
    "Demand",
    "Targets",
    "Report",
    "Customers",
    "Portfolio",
]


@pytest.fixture(scope="module")
def compiled_catalogues(repo_root_module: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files built from the committed .ts (not from whatever is lying in translations/)."""
    out = tmp_path_factory.mktemp("qm")
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease is part of PySide6 and must be installed"
    for ts_file in (repo_root_module / "translations").glob("*.ts"):
        subprocess.run(
            [lrelease, "-silent", str(ts_file), "-qm", str(out / f"{ts_file.stem}.qm")],
            check=True,
        )
    return out


@pytest.fixture(scope="module")
def repo_root_module() -> Path:
    return Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, qapp: QApplication, compiled_catalogues: Path) -> MainWindow:
    apply_style(qapp)
    languages = LanguageManager(qapp, compiled_catalogues)
    assert languages.set_language("ja")
    main_window = MainWindow(Settings(), languages, remember_settings=False)
    qtbot.addWidget(main_window)
    main_window.resize(1100, 720)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    languages.set_language("en")


def _has_dark_text_pixels(image: QImage) -> bool:
    """A cheap check that a label grab is not blank (boxes would still pass; we look at PNGs)."""
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            if QColor(image.pixel(QPoint(x, y))).lightness() < 100:
                return True
    return False


def test_every_page_is_reachable_and_grabbed(window: MainWindow, qtbot, tmp_path: Path) -> None:
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == EXPECTED_JA_TITLES
    assert window.windowTitle() == APP_NAME

    # Only Home is built at start-up; the others on their first visit.
    assert list(window.pages) == ["home"]
    for row, entry in enumerate(PAGES):
        window.navigation.setCurrentRow(row)
        page = window.current_page()
        assert type(page).__name__ == entry.class_name
        assert page.page_id == entry.page_id
        assert page.isVisible()
        # Every page tells the user what to do next, in Japanese.
        heading, body = page.empty_state.heading.text(), page.empty_state.body.text()
        assert heading and body
        assert body.endswith("。"), body
        assert any("\u3040" <= ch <= "\u30ff" for ch in body), body  # kana: really Japanese
        assert window.navigation.item(row).toolTip()
        QApplication.processEvents()  # let the layout settle before the grab
        image = window.grab().toImage()
        assert not image.isNull()
        assert _has_dark_text_pixels(page.empty_state.heading.grab().toImage())
        image.save(str(tmp_path / f"page-{row}-{page.page_id}.png"))

    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        window.show_page("home")
        shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        window.grab().save(str(shots / "main-window-ja.png"))
        window.set_language("en")
        QApplication.processEvents()
        window.grab().save(str(shots / "main-window-en.png"))


def test_other_pages_lead_back_home(window: MainWindow, qtbot) -> None:
    window.show_page("energy")
    button = window.current_page()._home_button
    assert button is not None
    assert button.text() == "ホームへ移動"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_page().page_id == "home"
    assert window.navigation.currentRow() == 0


def test_menus_use_the_standard_shortcuts(window: MainWindow) -> None:
    keys = QKeySequence.StandardKey
    expected = {
        window.new_action: keys.New,
        window.open_action: keys.Open,
        window.save_action: keys.Save,
        window.quit_action: keys.Quit,
        window.undo_action: keys.Undo,
        window.redo_action: keys.Redo,
        window.paste_action: keys.Paste,
        window.help_action: keys.HelpContents,
    }
    for action, key in expected.items():
        assert action.shortcut() == QKeySequence(key), action.text()
    assert window.help_action.shortcut() == QKeySequence("F1")
    assert window.new_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["ファイル(&F)", "編集(&E)", "表示(&V)", "ヘルプ(&H)"]
    # Nothing to undo before the first edit.
    assert not window.undo_action.isEnabled()


def test_status_bar_shows_the_autosave_state_and_notes(window: MainWindow) -> None:
    assert window.autosave_label.text() == "プロジェクト未選択"
    window.save_action.trigger()
    assert "自動で保存" in window.statusBar().currentMessage()
    # A file that cannot be opened is named in the note (and in a non-blocking message box).
    assert not window.open_project("/tmp/does-not-exist/example.ecocheck")
    assert "/tmp/does-not-exist/example.ecocheck" in window.statusBar().currentMessage()
    assert window.autosave_label.text() == "プロジェクト未選択"


def test_about_shows_versions_and_the_font_licence(window: MainWindow, qtbot, tmp_path) -> None:
    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    versions = dialog.versions_label.text()
    assert "Qt 6." in versions and "Python 3." in versions and "PySide6 6." in versions
    assert "IPAフォントライセンスv1.0" in dialog.licence_text.toPlainText()
    assert "IPA" in dialog.font_label.text()
    QApplication.processEvents()
    dialog.grab().save(str(tmp_path / "about.png"))
    dialog.reject()
    assert not dialog.isVisible()


def test_help_opens_the_user_guide_without_blocking(window: MainWindow, qtbot) -> None:
    window.show_page("results")
    dialog = window.help_action.trigger() or window.findChild(QWidget, "helpDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    # The Japanese guide says where the numbers are printed on a bill.
    assert "ご使用量" in text and "契約電力" in text and "ご請求金額" in text
    dialog.close()


def test_message_helper_opens_without_blocking(qtbot) -> None:
    answers: list[bool] = []
    box = messages.show_message(
        None, messages.Kind.QUESTION, "t", "question?", on_answer=answers.append
    )
    qtbot.waitExposed(box)
    assert box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert answers == [True]


def test_japanese_labels_use_the_bundled_font(window: MainWindow) -> None:
    label = window.current_page().empty_state.body
    assert isinstance(label, QLabel)
    assert "IPAexGothic" in label.font().families()
    assert label.font().pointSizeF() >= 10.5


def test_window_geometry_is_remembered_between_sessions(
    qtbot, qapp: QApplication, compiled_catalogues: Path
) -> None:
    languages = LanguageManager(qapp, compiled_catalogues)
    first = MainWindow(Settings.load(), languages)
    qtbot.addWidget(first)
    first.resize(760, 560)  # fits the offscreen 800x600 screen, unlike the 1100x720 default
    first.show()
    qtbot.waitExposed(first)
    size_at_close = first.size()
    first.close()
    saved = Settings.load()
    assert saved.window_geometry

    second = MainWindow(saved, languages)
    qtbot.addWidget(second)
    assert second.size() == size_at_close
    assert second.width() < 1100


def test_command_line_is_the_documented_one() -> None:
    parser = build_parser()
    args = parser.parse_args(["client.ecocheck", "--lang", "en"])
    assert (args.project, args.lang, args.demo, args.smoke) == (
        "client.ecocheck",
        "en",
        False,
        False,
    )
    args = parser.parse_args(["--demo", "--smoke"])
    assert (args.project, args.lang, args.demo, args.smoke) == (None, None, True, True)
    with pytest.raises(SystemExit):
        parser.parse_args(["--lang", "fr"])
