"""Look and feel: Fusion style, a light palette with one accent colour, the base font.

The bundled IPAexGothic is registered with Qt at start-up so Japanese never renders as boxes;
on Windows the system's Yu Gothic UI / Meiryo UI are preferred and IPAexGothic is the fallback.
"""

from __future__ import annotations

import logging
import sys
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from ecocheck_desktop import resources

_log = logging.getLogger(__name__)

BASE_POINT_SIZE = 10.5
ACCENT = "#1f7a5c"  # a calm green: "eco" without shouting
BUNDLED_FAMILY = "IPAexGothic"
WINDOWS_FAMILIES = ("Yu Gothic UI", "Meiryo UI")


@cache
def register_bundled_font() -> str:
    """Register IPAexGothic with Qt once; returns its family ("" if the file failed to load)."""
    font_id = QFontDatabase.addApplicationFont(str(resources.font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        _log.warning("could not register the bundled font %s", resources.font_path())
        return ""
    return families[0]


def base_font(bundled_family: str) -> QFont:
    available = set(QFontDatabase.families())
    preferred = [f for f in WINDOWS_FAMILIES if f in available] if sys.platform == "win32" else []
    families = [*preferred, bundled_family] if bundled_family else preferred
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(BASE_POINT_SIZE)
    return font


def light_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f5f7f6",
        QPalette.ColorRole.WindowText: "#1d2623",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eef3f1",
        QPalette.ColorRole.Text: "#1d2623",
        QPalette.ColorRole.PlaceholderText: "#6b7774",
        QPalette.ColorRole.Button: "#e9eeec",
        QPalette.ColorRole.ButtonText: "#1d2623",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.ToolTipBase: "#fffdf0",
        QPalette.ColorRole.ToolTipText: "#1d2623",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#f0f3f2",
        QPalette.ColorRole.Mid: "#c5cecb",
        QPalette.ColorRole.Dark: "#9aa5a2",
        QPalette.ColorRole.Shadow: "#5f6b68",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#98a29f")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


# Only what the palette cannot say: roomy navigation rows and the empty-state heading.
STYLE_SHEET = f"""
QListWidget#navigation {{
    background: #ffffff;
    border: none;
    border-right: 1px solid #d5dcda;
    padding-top: 8px;
    outline: 0;
}}
QListWidget#navigation::item {{
    padding: 9px 14px;
    border-left: 4px solid transparent;
}}
QListWidget#navigation::item:selected {{
    background: #e3f1ec;
    color: #12402f;
    border-left: 4px solid {ACCENT};
}}
QPushButton {{
    padding: 5px 14px;
}}
QLabel#emptyStateHeading {{
    font-size: 15pt;
    font-weight: bold;
    color: #12402f;
}}
QLabel#emptyStateBody {{
    color: #35403d;
}}
QLabel#pageTitle {{
    font-size: 15pt;
    font-weight: bold;
    color: #12402f;
}}
QFrame#kpiTile {{
    background: #ffffff;
    border: 1px solid #d5dcda;
    border-top: 3px solid {ACCENT};
    border-radius: 4px;
}}
QLabel#kpiTitle {{
    color: #35403d;
}}
QLabel#kpiValue {{
    font-size: 17pt;
    font-weight: bold;
    color: #12402f;
}}
QLabel#kpiCaption {{
    color: #5c6663;
    font-size: 9pt;
}}
"""


STYLE_NAME = "Fusion"
# For a QApplication created by us: asking for the style on the command line avoids handing a
# QStyle object to Python, which makes PySide build QStyle's many enums (~15 ms of start-up).
STYLE_ARGUMENTS = ["-style", STYLE_NAME]


def apply_style(app: QApplication, *, style_from_arguments: bool = False) -> None:
    """Style, palette, font; ``style_from_arguments`` when the app got ``STYLE_ARGUMENTS``."""
    # Replacing the style of a running application deletes the old QStyle while style-sheet
    # caches may still point at it (a crash in the next setStyleSheet): set it only once.
    if not style_from_arguments and app.style().name().lower() != STYLE_NAME.lower():
        app.setStyle(STYLE_NAME)
    app.setPalette(light_palette())
    app.setFont(base_font(register_bundled_font()))
    if app.styleSheet() != STYLE_SHEET:  # re-applying re-polishes every widget for nothing
        app.setStyleSheet(STYLE_SHEET)
