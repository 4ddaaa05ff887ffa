"""Frozen entry point of the windowed ``ecocheck-desktop`` executable (see ecocheck.spec)."""

import sys

from frozen_startup import use_persistent_matplotlib_cache

if __name__ == "__main__":
    use_persistent_matplotlib_cache()
    from ecocheck_desktop.gui.app import main

    sys.exit(main())
