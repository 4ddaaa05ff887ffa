"""Replaces PyInstaller's top-level PySide6 hook: no OpenGL runtime DLLs on Windows.

The stock hook adds ANGLE (libEGL, libGLESv2, d3dcompiler) and the software OpenGL renderer
``opengl32sw.dll`` (about 20 MB). The app draws only widgets and matplotlib's Agg raster canvas,
never OpenGL, so only the ICU DLLs (when the wheel ships them) are kept.
"""

import os

from PyInstaller.utils.hooks import check_requirement
from PyInstaller.utils.hooks.qt import ensure_single_qt_bindings_package, pyside6_library_info

OPENGL_RUNTIME = ("opengl32sw", "libegl", "libglesv2", "d3dcompiler")

ensure_single_qt_bindings_package("PySide6")

if pyside6_library_info.version is not None:
    hiddenimports = ["shiboken6", "inspect"]
    if check_requirement("PySide6 >= 6.4.0"):
        # Needed for the | and & operators on Qt key and modifier enums.
        hiddenimports += ["PySide6.support.deprecated"]
    binaries = [
        (source, dest)
        for source, dest in pyside6_library_info.collect_extra_binaries()
        if not os.path.basename(source).lower().startswith(OPENGL_RUNTIME)
    ]
