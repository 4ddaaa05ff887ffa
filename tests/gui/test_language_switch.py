"""View > Language switches the whole window at runtime, and the choice is remembered."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ecocheck_desktop.gui import i18n
from ecocheck_desktop.gui.app import REPORT_MODULES_ENV
from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.gui.settings import Settings, default_settings_path
from ecocheck_desktop.gui.style import apply_style

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
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
def languages(qapp: QApplication, catalogues: Path) -> i18n.LanguageManager:
    apply_style(qapp)
    manager = i18n.LanguageManager(qapp, catalogues)
    yield manager
    manager.set_language(i18n.ENGLISH)


def _nav_titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_switching_ja_to_en_relabels_the_window(qtbot, languages: i18n.LanguageManager) -> None:
    assert languages.set_language(i18n.JAPANESE)
    window = MainWindow(Settings(), languages)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("company")
    assert _nav_titles(window)[:3] == ["ホーム", "会社情報", "エネルギー使用量"]
    assert window.language_actions[i18n.JAPANESE].isChecked()
    japanese_heading = window.current_page().empty_state.heading.text()

    with qtbot.waitSignal(window.language_changed) as blocker:
        window.language_actions[i18n.ENGLISH].trigger()
    assert blocker.args == [i18n.ENGLISH]

    assert _nav_titles(window) == [
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
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.autosave_label.text() == "No project open"
    # Pages retranslate themselves too (LanguageChange), not just what the window relabels.
    heading = window.current_page().empty_state.heading.text()
    assert heading == "No company information yet" != japanese_heading
    assert window.language_actions[i18n.ENGLISH].isChecked()
    assert window.current_page().page_id == "company"  # the user stays where they were
    window.show_page("targets")  # a page first built after the switch speaks English too
    assert window.current_page().empty_state.heading.text() == "No targets set yet"
    window.show_page("company")

    # The choice is remembered for the next start.
    assert Settings.load().language == i18n.ENGLISH
    assert default_settings_path().is_file()

    window.language_actions[i18n.JAPANESE].trigger()
    assert _nav_titles(window)[0] == "ホーム"
    assert window.current_page().empty_state.heading.text() == japanese_heading


def test_missing_catalogue_falls_back_to_english(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    manager = i18n.LanguageManager(qapp, tmp_path)
    assert manager.set_language(i18n.JAPANESE) is False
    assert manager.language == i18n.ENGLISH
    assert "ecocheck_ja.qm" in caplog.text


@pytest.mark.parametrize(
    ("requested", "saved", "system", "expected"),
    [
        ("en", "ja", "ja", "en"),  # the command line wins
        (None, "en", "ja", "en"),  # then the saved choice
        (None, "", "ja", "ja"),  # then the system locale
        (None, "", "en", "en"),
        (None, "xx", "ja", "ja"),  # junk in the settings file is ignored
    ],
)
def test_choose_language(
    monkeypatch: pytest.MonkeyPatch, requested: str | None, saved: str, system: str, expected: str
) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda: system)
    assert i18n.choose_language(requested, saved) == expected


@pytest.mark.parametrize(("lang_env", "expected"), [("ja_JP.UTF-8", "ja"), ("en_US.UTF-8", "en")])
def test_default_language_follows_the_system_locale(lang_env: str, expected: str) -> None:
    # QLocale reads the locale once per process, so only a fresh process shows the real default.
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update({"LANG": lang_env, REPORT_MODULES_ENV: "1", "QT_QPA_PLATFORM": "offscreen"})
    result = subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.gui.app", "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-2])["language"] == expected


def test_settings_round_trip_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    assert Settings.load(path) == Settings()
    settings = Settings(language="en", window_geometry="abcd")
    for n in range(12):
        settings.add_recent_file(f"/p/{n}.ecocheck")
    settings.add_recent_file("/p/5.ecocheck")
    assert settings.save(path)
    loaded = Settings.load(path)
    assert loaded == settings
    assert loaded.recent_files[0] == "/p/5.ecocheck"
    assert len(loaded.recent_files) == 10
    assert loaded.recent_files.count("/p/5.ecocheck") == 1

    one = Settings(recent_files=("/only/one.ecocheck",))
    one.save(path)
    assert Settings.load(path).recent_files == ("/only/one.ecocheck",)

    path.write_text("[General]\nlanguage=fr\nwindow_geometry=1, 2\n", encoding="utf-8")
    assert Settings.load(path) == Settings()
    path.write_bytes(b"\x00\xff not an ini file")
    assert Settings.load(path) == Settings()


def test_settings_live_in_the_per_user_config_folder(tmp_path: Path) -> None:
    # conftest points HOME/XDG_CONFIG_HOME/APPDATA at a temp folder for every test.
    assert default_settings_path().is_relative_to(Path(os.environ["HOME"]))
