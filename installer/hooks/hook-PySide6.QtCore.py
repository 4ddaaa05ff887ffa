"""Replaces PyInstaller's QtCore hook: Qt's own catalogues only for the app's two languages.

The stock hook collects qt_*.qm and qtbase_*.qm for every language Qt ships (about 60 files);
gui/i18n.py loads exactly ``qtbase_<lang>.qm`` for Japanese and English.
"""

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEEP_QT_CATALOGUES = {"qtbase_ja.qm", "qtbase_en.qm"}

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
datas = [
    (source, dest)
    for source, dest in datas
    if not source.endswith(".qm") or os.path.basename(source) in KEEP_QT_CATALOGUES
]
