"""Which language a front end without Qt (the command line) speaks: ``"ja"`` or ``"en"``.

Japanese when the user's locale is Japanese, else English. On POSIX the locale is the first set
of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` (as gettext reads them); on Windows, where those are
usually unset, the user's display language (``GetUserDefaultUILanguage``), then the process
locale. The GUI does not use this: it follows its own View > Language setting.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Mapping

LANGUAGES = ("ja", "en")
_LANG_JAPANESE = 0x11  # the primary language id of Japanese in a Windows LANGID


def _is_japanese(name: str | None) -> bool:
    return bool(name) and str(name).lower().startswith(("ja", "japanese"))


def _windows_ui_language() -> int | None:
    """The primary language id of the user's Windows display language (None elsewhere)."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes  # Windows only: the user's display language, not the process locale

        langid = int(ctypes.windll.kernel32.GetUserDefaultUILanguage())
    except (AttributeError, OSError):
        return None
    return langid & 0x3FF


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """``"ja"`` when the user's locale is Japanese, else ``"en"``."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "ja" if _is_japanese(value) else "en"
    primary = _windows_ui_language()
    if primary is not None:
        return "ja" if primary == _LANG_JAPANESE else "en"
    try:
        name = locale.getlocale()[0]
    except ValueError:  # an unparsable locale setting is not Japanese
        name = None
    return "ja" if _is_japanese(name) else "en"
