"""Installation self-check: the bundled files the app cannot work without are there and load.

``ecocheck-desktop --smoke`` runs it, so the smoke tests of the frozen bundle (``.ci/run`` via
``installer/build.sh --smoke``, and the Windows workflow) fail when the bundle lost the factor
manifest, the Japanese font, our Japanese catalogue or Qt's own one. Presence alone is not
enough: a truncated font or a catalogue that Qt cannot read fail too.

Locations come from ``resources.base_dir()`` like everywhere else; nothing here knows whether it
runs frozen. The Qt checks need a QGuiApplication (the GUI has one); they never register the font
or install a translator, so running the check leaves the application unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QGuiApplication, QRawFont

from ecocheck_desktop import resources

FACTOR_MANIFEST = "resources/factors/manifest.json"
FONT = "resources/fonts/ipaexg.ttf"
JAPANESE_CATALOGUE = "translations/ecocheck_ja.qm"
# The report's words (text/tables.py reads them when the report is imported).
REPORT_WORDS = "resources/text/report.json"
REQUIRED_FILES = (FACTOR_MANIFEST, FONT, JAPANESE_CATALOGUE, REPORT_WORDS)
QT_JAPANESE_CATALOGUE = "qtbase_ja"
# A character the report and the GUI print on every page (算定); the font must have its glyph.
FONT_PROBE = "算定"


def missing_files(base: Path) -> list[str]:
    """The required files (as paths relative to ``base``) that are absent."""
    return [name for name in REQUIRED_FILES if not (base / name).is_file()]


def installation_problems(base: Path | None = None) -> list[str]:
    """One line per problem, empty when the installation is whole.

    ``base`` defaults to the folder resources.py uses (the bundle's data folder when frozen).
    """
    if base is None:
        try:
            base = resources.base_dir()
        except resources.ResourceNotFoundError as error:
            return [str(error)]
    missing = missing_files(base)
    problems = [f"missing bundled file: {name}" for name in missing]
    if FACTOR_MANIFEST not in missing:
        problems += _manifest_problems(base / FACTOR_MANIFEST)
    if FONT not in missing:
        problems += _font_problems(base / FONT)
    if JAPANESE_CATALOGUE not in missing:
        problems += _catalogue_problems(base / JAPANESE_CATALOGUE)
    problems += _qt_catalogue_problems()
    return problems


def _manifest_problems(path: Path) -> list[str]:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return [f"factor manifest unreadable: {path} ({error})"]
    return []


def _require_gui_application() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("installation_problems() needs a QGuiApplication for its Qt checks")


def _font_problems(path: Path) -> list[str]:
    _require_gui_application()
    # QRawFont reads the file without registering it, unlike QFontDatabase.addApplicationFont.
    font = QRawFont(str(path), 12)
    if not font.isValid():
        return [f"font does not load: {path}"]
    if not all(font.supportsCharacter(ord(char)) for char in FONT_PROBE):
        return [f"font lacks Japanese glyphs: {path}"]
    return []


def _catalogue_problems(path: Path) -> list[str]:
    translator = QTranslator()
    if not translator.load(str(path)) or translator.isEmpty():
        return [f"translation catalogue does not load: {path}"]
    return []


def _qt_catalogue_problems() -> list[str]:
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load(QT_JAPANESE_CATALOGUE, qt_dir):
        return [f"Qt's own catalogue {QT_JAPANESE_CATALOGUE}.qm is missing from {qt_dir}"]
    return []
