"""Which language the GUI speaks, and switching it while the app runs.

Source strings are English; Japanese comes from ``translations/ecocheck_ja.qm`` (compiled from the
committed ``.ts``) plus Qt's own ``qtbase_ja.qm`` for standard buttons and dialogs. Installing or
removing a translator makes Qt send ``QEvent.LanguageChange`` to every widget; each of our widgets
re-reads its texts in ``changeEvent``, so View > Language works without a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ecocheck_desktop import resources

_log = logging.getLogger(__name__)

JAPANESE = "ja"
ENGLISH = "en"
LANGUAGES = (JAPANESE, ENGLISH)
CATALOGUE_BASENAME = "ecocheck"


def system_language() -> str:
    """Japanese on a Japanese system, English everywhere else."""
    return JAPANESE if QLocale.system().language() == QLocale.Language.Japanese else ENGLISH


def choose_language(requested: str | None, saved: str) -> str:
    """The command line wins, then the saved setting, then the system locale."""
    for candidate in (requested, saved):
        if candidate in LANGUAGES:
            return candidate
    return system_language()


class LanguageManager:
    """Owns the installed translators of one QCoreApplication."""

    def __init__(self, app: QCoreApplication, catalogue_dir: Path | None = None) -> None:
        self._app = app
        self._catalogue_dir = catalogue_dir
        self._installed: list[QTranslator] = []
        self.language = ENGLISH

    def catalogue_dir(self) -> Path:
        return self._catalogue_dir or resources.translations_dir()

    def set_language(self, language: str) -> bool:
        """Switch to ``language``; False when its catalogue is missing (English is then used)."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language: {language!r}")
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()
        self.language = ENGLISH
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Japan))
        if language == ENGLISH:
            return True

        ours = QTranslator(self._app)
        qm_file = self.catalogue_dir() / f"{CATALOGUE_BASENAME}_{language}.qm"
        if not ours.load(str(qm_file)):
            # A checkout where nobody ran `scripts/translations.py compile`: say so, stay usable.
            _log.warning("translation catalogue not found: %s (showing English)", qm_file)
            return False
        qt_own = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        self._app.installTranslator(ours)
        self._installed.append(ours)
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
        self.language = language
        return True
