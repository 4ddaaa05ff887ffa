"""Implementations of the ``ecocheck`` subcommands, one module each (parsing is in cli.py).

Each module has ``run(args) -> int``; expected input errors are raised as
:class:`~ecocheck_desktop.core.messages.EcoCheckError` and become exit code 2.
"""
