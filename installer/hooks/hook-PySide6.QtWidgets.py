"""Replaces PyInstaller's QtWidgets hook: no style plugins.

The app always uses the Fusion style (gui/style.py), which is built into QtWidgets; the stock
hook would add the Windows 11 style plugin (and on Linux nothing useful).
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if "/styles" not in dest.replace("\\", "/")]
