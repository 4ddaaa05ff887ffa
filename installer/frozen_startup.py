"""Start-up adjustments shared by both frozen executables (bundled by ecocheck.spec only).

PyInstaller's matplotlib run-time hook points MPLCONFIGDIR at a fresh temporary folder on every
start, so matplotlib would rebuild its font cache (a scan of every system font: seconds on a
Windows PC with many fonts) the first time a chart is drawn in each session. A per-user cache
folder keeps that cost to the first run after installation, as in the unfrozen app.
"""

import os

from platformdirs import user_cache_dir


def use_persistent_matplotlib_cache() -> None:
    folder = os.path.join(user_cache_dir("EcoCheck", appauthor=False), "matplotlib")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return  # keep the hook's temporary folder: the first chart is slower, but it still works
    os.environ["MPLCONFIGDIR"] = folder
