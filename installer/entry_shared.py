"""Frozen entry point of the Linux bundle's one executable, started under two names.

``ecocheck-desktop`` is the executable, ``ecocheck`` a symbolic link to it (ecocheck.spec): one
copy of the Python modules serves both. The name it was started under picks the GUI
(gui/app.py) or the command line (cli.py).
"""

import os
import sys

from frozen_startup import use_persistent_matplotlib_cache

if __name__ == "__main__":
    use_persistent_matplotlib_cache()
    if os.path.basename(sys.argv[0]).startswith("ecocheck-desktop"):
        # What PyInstaller's PySide6 run-time hook does on Linux (the spec leaves the hook out,
        # so that the command line does not load Qt): Qt's plugins and QML inside the bundle.
        qt = os.path.join(sys._MEIPASS, "PySide6", "Qt")  # type: ignore[attr-defined]
        os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
        os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")
        from ecocheck_desktop.gui.app import main

        sys.exit(main())
    from ecocheck_desktop.cli import entry

    entry()
