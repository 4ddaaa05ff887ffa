"""Imports inside functions are kept only where they keep a cost off a path, and say so.

An import inside a function hides the dependency from a reader of the module's head; it earns
that place only when it keeps something expensive (matplotlib, reportlab, openpyxl, the
calculation before the first paint …) off a path that is measured or tested
(docs/architecture.md, "Imports inside functions"). Two rules, read from the code with ``ast``:

* a function does not import a module the same module already imports at module level (such
  an import hides nothing), unless its comment names the cost of the name itself (the first
  use of ``PySide6.QtCore.Qt`` builds its enums);
* every import inside a function carries its reason: a comment on its line or just above its
  group of imports (a docstring says what a function does, not why it imports late). One
  note above a set of functions is allowed where listed in ``EXPLAINED_ABOVE``.

Both checks are also run on synthetic sources, so that they are seen to bite.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ecocheck_desktop"

# Modules whose deferred imports share one explanation written once above them.
EXPLAINED_ABOVE = {
    "text/messages.py": "# The names below come from core and exchange, imported where",
    "commands/selftest.py": "# Each step imports what it checks",
    "store/demand_rows.py": "# core.demand (the 30-minute analysis) is imported where meter",
    "gui/preload.py": '"""matplotlib for the pages\' charts, and reportlab',
}


def _module_level_imports(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    return [alias.name for alias in node.names]


def _inner_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    found = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    found.append(node)
    return found


def _has_reason(lines: list[str], node: ast.stmt) -> bool:
    """A comment on the import's line or above its group of imports (blank lines and other
    imports may stand between)."""
    if "#" in lines[node.lineno - 1]:
        return True
    row = node.lineno - 2
    while row >= 0:
        text = lines[row].strip()
        if text.startswith("#"):
            return True
        if text == "" or text.startswith(("import ", "from ")) or text.startswith(")"):
            row -= 1
            continue
        return False  # code or a docstring: a docstring says what, not why here
    return False


def problems(source: str, name: str) -> list[str]:
    tree = ast.parse(source)
    lines = source.splitlines()
    at_top = _module_level_imports(tree)
    explained = EXPLAINED_ABOVE.get(name)
    found = []
    seen: set[int] = set()
    for node in _inner_imports(tree):
        if node.lineno in seen:  # nested functions are walked twice
            continue
        seen.add(node.lineno)
        where = f"{name}:{node.lineno}"
        again = [module for module in _imported(node) if module in at_top]
        reason = explained is not None or _has_reason(lines, node)
        if again and not reason:  # only a named cost of the name itself (Qt's enums) excuses it
            found.append(f"{where}: {', '.join(again)} is imported at module level already")
        elif not reason:
            found.append(f"{where}: an import inside a function with no comment saying why")
    return found


def test_the_deferred_imports_of_the_source_hide_a_cost_and_say_which() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        found += problems(path.read_text(encoding="utf-8"), name)
    assert found == []


def test_the_shared_explanations_are_still_in_their_modules() -> None:
    for name, opening in EXPLAINED_ABOVE.items():
        assert opening in (SRC / name).read_text(encoding="utf-8"), name


def test_an_import_repeated_inside_a_function_is_caught() -> None:
    source = (
        "from reportlab.lib.units import mm\n\n"
        "def f():\n"
        "    x = 1\n"
        "    from reportlab.lib.units import mm\n"
        "    return mm, x\n"
    )
    assert problems(source, "x.py") == [
        "x.py:5: reportlab.lib.units is imported at module level already"
    ]


def test_a_deferred_import_without_its_reason_is_caught() -> None:
    source = "def f():\n    x = 1\n    from openpyxl import Workbook\n    return Workbook, x\n"
    assert problems(source, "x.py") == [
        "x.py:3: an import inside a function with no comment saying why"
    ]


def test_a_reason_above_the_group_is_accepted_and_a_docstring_is_not() -> None:
    grouped = (
        "def f():\n"
        "    # openpyxl (~250 ms) loads only for Excel files\n"
        "    import zipfile\n\n"
        "    from openpyxl import load_workbook\n"
        "    return zipfile, load_workbook\n"
    )
    opened = (
        'def g():\n    """Reads an Excel file: openpyxl loads here only."""\n'
        "    from openpyxl import load_workbook\n"
        "    return load_workbook\n"
    )
    assert problems(grouped, "x.py") == []
    assert problems(opened, "x.py") == [
        "x.py:3: an import inside a function with no comment saying why"
    ]
