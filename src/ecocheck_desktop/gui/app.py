"""``ecocheck-desktop``: start the GUI (style, font, language, main window).

The start-up path imports no pandas, matplotlib or reportlab: those load only when a page first
needs them, so the window appears about as fast as a bare Qt window (see bench/startup.py).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ecocheck_desktop import APP_NAME, __version__
from ecocheck_desktop.core.collector import collector_paused
from ecocheck_desktop.gui.i18n import LANGUAGES, LanguageManager, choose_language
from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.gui.preload import AfterPaint
from ecocheck_desktop.gui.settings import Settings
from ecocheck_desktop.gui.style import STYLE_ARGUMENTS, apply_style

SMOKE_OK = "smoke ok"
# Printed by --smoke as soon as the window is on screen (bench/startup.py times this line).
WINDOW_SHOWN = "window shown"
# Set to 1 and --smoke also prints which heavy libraries were loaded when the window was shown.
REPORT_MODULES_ENV = "ECOCHECK_SMOKE_REPORT_MODULES"
HEAVY_MODULES = ("pandas", "matplotlib", "reportlab")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ecocheck-desktop", description=f"{APP_NAME} (GUI)")
    parser.add_argument("project", nargs="?", help="a project file (.ecocheck) to open")
    parser.add_argument("--demo", action="store_true", help="open the bundled demo company")
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: settings, system)")
    parser.add_argument(
        "--smoke", action="store_true", help="show the window, print 'smoke ok' and exit"
    )
    parser.add_argument("--version", action="version", version=f"ecocheck-desktop {__version__}")
    return parser


def _say(text: str) -> None:
    # A windowed (pythonw / frozen GUI) process may have no stdout at all.
    if sys.stdout is not None:
        print(text, flush=True)


def create_application() -> tuple[QApplication, bool]:
    """The application object, and whether it was created here (with our style arguments)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing, False
    # High DPI: Qt 6 scales by the monitor's factor, fractional (125 %, 150 %) ones included
    # (rounding policy PassThrough is its default), so nothing needs switching on here.
    QCoreApplication.setOrganizationName("EcoCheck")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication([sys.argv[0] if sys.argv else "ecocheck-desktop", *STYLE_ARGUMENTS])
    return app, True


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Until the window has painted, the cyclic collector is off. Start-up allocates much and
    # frees little (Qt's enums, the window's classes, every bill of the file just opened): the
    # collector's passes found nothing to free and cost 7 ms before the first paint of a 5-year
    # file, 22 ms at 20 years x 10 sites.
    with collector_paused() as resume:
        return _run(args, resume=resume)


def _run(args: argparse.Namespace, *, resume: Callable[[], None]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    app, created = create_application()
    apply_style(app, style_from_arguments=created)
    settings = Settings.load()
    languages = LanguageManager(app)
    languages.set_language(choose_language(args.lang, settings.language))

    window = MainWindow(settings, languages, remember_settings=not args.smoke)
    AfterPaint(window, resume)
    window.show()
    demo_failed = False
    if args.project:
        window.open_project(args.project)
    elif args.demo and window.open_demo() is False:
        demo_failed = True

    if args.smoke:
        app.processEvents()
        _say(WINDOW_SHOWN)
        # The frozen bundle's smoke tests rely on this: a lost font, catalogue or factor file
        # must fail the smoke run, not only show up later as English text or a broken PDF.
        from ecocheck_desktop.selfcheck import installation_problems

        problems = installation_problems()
        if demo_failed:
            problems.append("the demo company did not open")
        if problems:
            if sys.stderr is not None:  # None in a windowed frozen app: the exit code tells
                for problem in problems:
                    print(f"smoke failed: {problem}", file=sys.stderr)
            return 1
        if os.environ.get(REPORT_MODULES_ENV) == "1":
            import json  # only for this report: json is not needed to show the window

            loaded = sorted(m for m in HEAVY_MODULES if m in sys.modules)
            _say(json.dumps({"heavy_modules": loaded, "language": languages.language}))
        _say(SMOKE_OK)
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
