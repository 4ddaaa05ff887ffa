"""Frozen entry point of the ``ecocheck`` console executable (see ecocheck.spec)."""

from frozen_startup import use_persistent_matplotlib_cache

if __name__ == "__main__":
    use_persistent_matplotlib_cache()
    from ecocheck_desktop.cli import entry

    entry()
