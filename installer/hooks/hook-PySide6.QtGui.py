"""Replaces PyInstaller's QtGui hook: only the Qt plugins a widgets app on one desktop needs.

The stock hook collects every plugin of QtGui's types. Several of them drag whole libraries in
by their own link dependencies (the virtual keyboard plugin needs QtQuick and QtQml, the GTK
platform theme needs GTK, the EGL/Wayland integrations need Mesa and Wayland), which is tens of
MB the app never uses. Filtering here, before PyInstaller analyses the plugins' dependencies,
keeps those libraries out of the bundle too.

Kept: the native platform plugin of each OS plus ``offscreen`` (used by the smoke tests), the
ICO image reader (window icon), and on Linux the compose/ibus input contexts so Japanese can be
typed with an input method (Windows and macOS IMEs work through the platform plugin itself).
"""

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEEP_PLUGINS = {
    "platforms": {"qwindows", "qcocoa", "qxcb", "qoffscreen"},
    "platforms/darwin": {"qdarwinpermission"},  # macOS permission plugins (prefix match)
    "imageformats": {"qico"},
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
}


def _plugin_wanted(source: str, dest: str) -> bool:
    marker = "plugins/"
    dest = dest.replace("\\", "/")
    if marker not in dest:
        return True  # not a plugin: a library or data file the module itself needs
    plugin_type = dest.split(marker, 1)[1].strip("/")
    stem = os.path.basename(source).split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return any(stem.startswith(name) for name in KEEP_PLUGINS.get(plugin_type, ()))


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if _plugin_wanted(source, dest)]
