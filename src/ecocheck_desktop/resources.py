"""The one module that knows where bundled files and the per-user factor folder live.

Three layouts are supported, tried in this order:

1. a PyInstaller bundle: ``resources/`` and ``translations/`` next to the frozen executable's
   data folder (``sys._MEIPASS``);
2. a source checkout (also an editable install): ``<repo>/resources`` two levels above this
   package;
3. an installed wheel: ``<prefix>/share/ecocheck-desktop/{resources,translations}`` (the wheel's
   data files).

Nothing else in the code base may look at ``sys._MEIPASS`` or build paths to these folders.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_SHARE_NAME = "ecocheck-desktop"
# The folder name of the app under the per-user data and config folders.
APP_DIR_NAME = "EcoCheck Desktop"


class ResourceNotFoundError(FileNotFoundError):
    """A bundled file is missing: the installation is broken."""


def _candidate_roots() -> list[Path]:
    roots: list[Path] = []
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        roots.append(Path(frozen_base))
    # src/ecocheck_desktop/resources.py -> repository root
    roots.append(Path(__file__).resolve().parent.parent.parent)
    roots.append(Path(sys.prefix) / "share" / _SHARE_NAME)
    return roots


@cache
def base_dir() -> Path:
    """The folder that holds ``resources/`` (and usually ``translations/``)."""
    for root in _candidate_roots():
        if (root / "resources" / "fonts").is_dir():
            return root
    tried = ", ".join(str(r) for r in _candidate_roots())
    raise ResourceNotFoundError(f"resources folder not found (tried {tried})")


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under ``resources/``; raises if it does not exist."""
    path = base_dir().joinpath("resources", *parts)
    if not path.exists():
        raise ResourceNotFoundError(f"missing bundled resource: resources/{'/'.join(parts)}")
    return path


def translations_dir() -> Path:
    """Folder of the compiled ``.qm`` files (and the ``.ts`` sources in a checkout)."""
    path = base_dir() / "translations"
    if not path.is_dir():
        raise ResourceNotFoundError("missing bundled folder: translations/")
    return path


def font_path() -> Path:
    """The bundled Japanese TrueType font (IPAexGothic)."""
    return resource_path("fonts", "ipaexg.ttf")


def font_licence_path() -> Path:
    return resource_path("fonts", "IPA_Font_License_Agreement_v1.0.txt")


def installed_factors_dir() -> Path:
    """The per-user folder of installed factor packages (not created here).

    ECOCHECK_FACTORS_DIR overrides it; otherwise the platform's user data folder
    (LOCALAPPDATA on Windows, XDG_DATA_HOME or ~/.local/share elsewhere).
    """
    override = os.environ.get("ECOCHECK_FACTORS_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(
            os.environ.get("LOCALAPPDATA")
            or os.environ.get("APPDATA")
            or Path.home() / "AppData" / "Local"
        )
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME / "factors"
