"""The ``ecocheck`` command line (its commands: README.md "The command line").

Each subcommand's work lives in the layer that owns it; this module only parses arguments,
maps expected errors to exit code 2 (with a message naming file, row/field and problem) and
anything unexpected to exit code 1. No traceback is printed for bad input.
"""

from __future__ import annotations

import argparse
import errno
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from ecocheck_desktop import __version__
from ecocheck_desktop.core import limits
from ecocheck_desktop.core.collector import collector_paused
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.text.language import system_language
from ecocheck_desktop.text.messages import render

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_BAD_INPUT = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ecocheck",
        description="EcoCheck Desktop command line: CO2 footprint, measures and reports.",
    )
    parser.add_argument("--version", action="version", version=f"ecocheck {__version__}")
    parser.add_argument(
        "--lang",
        dest="global_lang",
        choices=["ja", "en"],
        default=None,
        help="language of the messages (default: the locale's; Japanese for a ja locale)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    calc = sub.add_parser("calc", help="calculate the footprint of a project or bill file")
    calc.add_argument("input", help=".ecocheck, .csv, .xlsx or .json")
    calc.add_argument("--fiscal-year", type=int, default=None)
    calc.add_argument("--json", action="store_true", help="print one JSON object")
    calc.set_defaults(handler="calc")

    report = sub.add_parser("report", help="write the PDF report")
    report.add_argument("input")
    report.add_argument("-o", "--output", required=True)
    report.add_argument("--lang", choices=["ja", "en"], default=None, help="default: ja")
    report.add_argument("--fiscal-year", type=int, default=None)
    report.add_argument(
        "--sections",
        default=None,
        help="optional sections to include, comma-separated (default: all); the summary,"
        " disclaimer and appendix are always included",
    )
    report.set_defaults(handler="report")

    measures = sub.add_parser("measures", help="proposed reduction measures")
    measures.add_argument("input")
    measures.add_argument("--json", action="store_true")
    measures.set_defaults(handler="measures")

    imp = sub.add_parser("import", help="import a bill file into a new project file")
    imp.add_argument("input")
    imp.add_argument("-o", "--output", required=True)
    imp.add_argument("--company", default=None)
    imp.set_defaults(handler="import")

    exp = sub.add_parser("export", help="export a project file to JSON or CSV")
    exp.add_argument("input")
    exp.add_argument("-o", "--output", required=True)
    exp.set_defaults(handler="export")

    portfolio = sub.add_parser("portfolio", help="aggregate the project files of a folder")
    portfolio.add_argument("directory")
    portfolio.add_argument("-o", "--output", required=True)
    portfolio.add_argument("--reports", default=None, help="write one PDF per company here")
    portfolio.add_argument("--consortium", default=None, help="aggregated summary, .pdf or .csv")
    portfolio.add_argument("--anonymise", action="store_true", help="企業 A / Company A")
    portfolio.add_argument("--lang", choices=["ja", "en"], default=None, help="default: ja")
    portfolio.set_defaults(handler="portfolio")

    demo = sub.add_parser("demo", help="write the bundled demo company")
    demo.add_argument("-o", "--output", required=True)
    demo.set_defaults(handler="demo")

    handover = sub.add_parser("handover", help="hand a copy over between advisor and owner")
    handover_sub = handover.add_subparsers(dest="handover_command", metavar="ACTION")
    handover_export = handover_sub.add_parser("export", help="write a hand-over copy")
    handover_export.add_argument("input")
    handover_export.add_argument("-o", "--output", required=True)
    handover_export.add_argument("--by", default=None, help="who hands it over")
    handover_changes = handover_sub.add_parser("changes", help="changes since the hand-over")
    handover_changes.add_argument("input")
    handover_changes.add_argument("--json", action="store_true")
    handover.set_defaults(handler="handover")

    factors = sub.add_parser("factors", help="the factor library and offline factor packages")
    factors_sub = factors.add_subparsers(dest="factors_command", metavar="ACTION", required=True)
    factors_list = factors_sub.add_parser("list", help="bundled and installed factor editions")
    factors_list.add_argument("--json", action="store_true", help="print one JSON object")
    factors_install = factors_sub.add_parser("install", help="install a factor package file")
    factors_install.add_argument("file", help="a .ecofactors package")
    factors.set_defaults(handler="factors")

    answer = sub.add_parser("answer", help="answer customers' CO2 requests (allocation, packs)")
    answer.add_argument("input")
    answer.add_argument("--json", action="store_true", help="print the allocation as JSON")
    answer.add_argument("--customer", default=None, help="write this customer's reply pack")
    answer.add_argument("--all", action="store_true", help="write every customer's reply pack")
    answer.add_argument("-o", "--output", default=None, help="folder of the reply packs")
    answer.add_argument("--year", "--fiscal-year", dest="fiscal_year", type=int, default=None)
    answer.add_argument("--lang", choices=["ja", "en"], default=None, help="default: ja")
    answer.set_defaults(handler="answer")
    demand = sub.add_parser("demand", help="30-minute demand data: import and analysis")
    demand_sub = demand.add_subparsers(dest="demand_command", metavar="ACTION", required=True)
    demand_import = demand_sub.add_parser("import", help="import a CSV/XLSX of interval data")
    demand_import.add_argument("input", help="the .ecocheck project file")
    demand_import.add_argument("data", help="the interval data, .csv or .xlsx")
    demand_import.add_argument("--meter", default=None, help="the meter's name")
    demand_show = demand_sub.add_parser("show", help="base load, peaks and the contract kW")
    demand_show.add_argument("input", help="the .ecocheck project file")
    demand_show.add_argument("--meter", default=None)
    demand_show.add_argument("--json", action="store_true", help="print one JSON object")
    demand.set_defaults(handler="demand")

    selftest = sub.add_parser("selftest", help="check the installation end to end")
    selftest.set_defaults(handler="selftest")
    return parser


def _handler(name: str) -> Callable[[argparse.Namespace], int]:
    # Imported lazily so that `ecocheck --version` and each command load only what they need.
    module_name = "import_bills" if name == "import" else name
    module = importlib.import_module(f"ecocheck_desktop.commands.{module_name}")
    run: Callable[[argparse.Namespace], int] = module.run
    return run


# Commands that read many files in one run (a folder of projects, the self-test's steps): the
# garbage collector stays on for them so that memory stays flat; every other command is one
# project, whose few cycles die with the process.
_COLLECTING = frozenset({"portfolio", "selftest", "import"})


def entry() -> None:
    """The ``ecocheck`` executable: :func:`main` tuned for a one-shot process, then exit.

    Python's cyclic garbage collector runs again and again over the imported modules (matplotlib,
    reportlab) while a report is built, and once more at exit, and frees almost nothing: one-shot
    commands run without it, the many-file commands with the start-up objects frozen out of its
    reach (``gc.freeze``). The process ends with ``os._exit`` after the streams are flushed: the
    files a command writes are closed (and fsync'ed) by then, so the interpreter's teardown of
    every module only costs time.
    """
    code = main(one_shot=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None, *, one_shot: bool = False) -> int:
    if not one_shot:
        return _main(argv, one_shot=False)
    with collector_paused():
        return _main(argv, one_shot=True)


def _main(argv: Sequence[str] | None, *, one_shot: bool) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Windows consoles default to a legacy code page; Japanese output must not crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = _build_parser()
    args = parser.parse_args(argv)
    _choose_languages(args)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        handler = _handler(args.handler)
        if one_shot and args.handler in _COLLECTING:
            gc.freeze()  # the modules imported so far are never garbage: out of every scan
            gc.enable()
        return handler(args)
    except EcoCheckError as error:
        for message in error.messages:
            print(f"ecocheck: error: {render(message, args.message_lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_UNEXPECTED
    except BrokenPipeError:
        # The reader went away (e.g. `ecocheck calc X | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        environment = environment_message(error, args)
        if environment is not None:
            print(f"ecocheck: error: {render(environment, args.message_lang)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"ecocheck: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_UNEXPECTED


def _choose_languages(args: argparse.Namespace) -> None:
    """``message_lang`` for what the command says: ``ecocheck --lang``, else the command's own
    ``--lang`` (report, portfolio), else the locale. The documents of report and portfolio keep
    their default, Japanese, unless a ``--lang`` asks otherwise."""
    own = getattr(args, "lang", None)
    args.message_lang = args.global_lang or own or system_language()
    if hasattr(args, "lang") and own is None:
        args.lang = args.global_lang or "ja"


def _named_file(error: BaseException, args: argparse.Namespace) -> str:
    """The file an environment error is about: the one the system names, else the output
    (a full disk, a locked target), else the input."""
    if getattr(error, "errno", None) == errno.ENOSPC and getattr(args, "output", None):
        return str(getattr(error, "filename", None) or args.output)
    for key in ("input", "directory", "output"):
        value = getattr(args, key, None)
        if value:
            return str(value)
    return "?"


def environment_message(error: BaseException, args: argparse.Namespace) -> Message | None:
    """file.environment (core.limits) for errors of the machine rather than of the app, naming
    the file; None for anything else (exit 1)."""
    return limits.environment_message(error, _named_file(error, args))


if __name__ == "__main__":
    entry()
