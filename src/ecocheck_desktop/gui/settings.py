"""The one typed settings object of the desktop app (per user, never in the project file).

Stored as an INI file (QSettings) in the per-user config folder, found from the environment at
the moment of use (APPDATA on Windows, XDG_CONFIG_HOME or ~/.config elsewhere) — so tests, which
point those at a temp folder, never touch the real user's settings. Unknown or malformed values
fall back to the declared defaults instead of stopping the app from starting.

Neither platformdirs nor json is imported: the start-up path stays within the benchmark's aim.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from ecocheck_desktop.resources import APP_DIR_NAME

SETTINGS_FILE_NAME = "settings.ini"
LANGUAGES = ("ja", "en")
MAX_RECENT_FILES = 10


def config_dir() -> Path:
    """The per-user config folder of the app (not created here)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / APP_DIR_NAME


def default_settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


class Settings:
    """What the app remembers between sessions; the defaults are the class attributes."""

    # "" means "follow the system locale" (Japanese on a Japanese system, otherwise English).
    language: str = ""
    recent_files: tuple[str, ...] = ()
    # QMainWindow.saveGeometry() as hex text, so the file stays readable and diffable.
    window_geometry: str = ""
    # The folder the ポートフォリオ page lists ("" = none chosen yet).
    portfolio_folder: str = ""

    def __init__(
        self,
        language: str = "",
        recent_files: tuple[str, ...] = (),
        window_geometry: str = "",
        portfolio_folder: str = "",
    ) -> None:
        self.language = language
        self.recent_files = tuple(recent_files)
        self.window_geometry = window_geometry
        self.portfolio_folder = portfolio_folder

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"Settings({vars(self)!r})"

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        store = QSettings(str(path or default_settings_path()), QSettings.Format.IniFormat)
        settings = cls()
        language = store.value("language", "")
        if language in ("", *LANGUAGES):
            settings.language = str(language)
        recent = store.value("recent_files", [])
        # QSettings hands back a lone string for a one-item list.
        recent_list = [recent] if isinstance(recent, str) else recent
        if isinstance(recent_list, list):
            settings.recent_files = tuple(p for p in recent_list if isinstance(p, str) and p)[
                :MAX_RECENT_FILES
            ]
        geometry = store.value("window_geometry", "")
        if isinstance(geometry, str):
            settings.window_geometry = geometry
        folder = store.value("portfolio_folder", "")
        if isinstance(folder, str):
            settings.portfolio_folder = folder
        return settings

    def save(self, path: Path | None = None) -> bool:
        """Write the settings; False when the folder or file cannot be written."""
        path = path or default_settings_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        store = QSettings(str(path), QSettings.Format.IniFormat)
        store.setValue("language", self.language)
        store.setValue("recent_files", list(self.recent_files))
        store.setValue("window_geometry", self.window_geometry)
        store.setValue("portfolio_folder", self.portfolio_folder)
        store.sync()
        return store.status() == QSettings.Status.NoError

    def add_recent_file(self, file_path: str) -> None:
        """Put ``file_path`` first in the recent list (no duplicates, at most 10)."""
        others = (p for p in self.recent_files if p != file_path)
        self.recent_files = (file_path, *others)[:MAX_RECENT_FILES]
