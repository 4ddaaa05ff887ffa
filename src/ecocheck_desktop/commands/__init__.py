"""Implementations of the ``ecocheck`` subcommands, one module each (parsing is in cli.py).

Each module has ``run(args) -> int``; expected input errors are raised as
:class:`~ecocheck_desktop.core.messages.EcoCheckError` and become exit code 2.
Messages are printed with :func:`say`, in the language ``cli.py`` chose (``--lang`` or the
locale); JSON output keeps the English text of the contract.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.text.language import system_language
from ecocheck_desktop.text.messages import render

if TYPE_CHECKING:
    from ecocheck_desktop.core.model import Project
    from ecocheck_desktop.exchange.loading import LoadedInput


def language(args: argparse.Namespace) -> str:
    """The language of the messages: ``--lang`` as cli.py resolved it, else the locale's."""
    chosen = getattr(args, "message_lang", None)
    return chosen if chosen in ("ja", "en") else system_language()


def say(message: Message, args: argparse.Namespace) -> str:
    """One message as the user reads it, with names instead of ids."""
    return render(message, language(args))


def load_project_arg(args: argparse.Namespace) -> Project:
    """The project named by ``args.input`` (a project file, bill CSV/Excel or JSON), its load
    warnings printed to stderr."""
    return load_input_arg(args).project


def load_input_arg(args: argparse.Namespace, *, meters: bool = False) -> LoadedInput:
    """:func:`load_project_arg` as the loaded input; with ``meters``, also the meters and their
    30-minute data the file carries."""
    # The bill, workbook and JSON readers (~27 ms) load only for the commands that read a file.
    from ecocheck_desktop.exchange.loading import load_input

    loaded = load_input(Path(args.input), meters=meters)
    for warning in loaded.warnings:
        print(f"ecocheck: warning: {say(warning, args)}", file=sys.stderr)
    return loaded
