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
        from ecocheck_desktop.gui.app import main

        sys.exit(main())
    from ecocheck_desktop.cli import entry

    entry()
