"""The PySide6 desktop application."""

import PySide6.QtCore  # noqa: F401  (the binding first, then its check of later imports)

from ecocheck_desktop.gui.qt_compat import scan_sources_quickly

scan_sources_quickly()
