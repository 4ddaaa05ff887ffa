"""The parts of ProjectService and MainWindow (one module each) speak Japanese like the class.

Qt looks a ``self.tr()`` text up under the class of the object (ProjectService, MainWindow),
but lupdate files it under the class it is written in (GridEdits, ProjectFileActions …): a
``self.tr()`` in a part would be translated in the .ts file and still show in English. The
parts therefore call ``QCoreApplication.translate("<the class>", …)``.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import ecocheck_desktop.gui as gui

# module of a part -> the class whose translation context it uses
PARTS = {
    "grid_edits.py": "ProjectService",
    "form_edits.py": "ProjectService",
    "edit_transaction.py": "ProjectService",
    "file_actions.py": "MainWindow",
}


def _japanese(repo_root: Path, context: str, source: str) -> str:
    tree = ET.parse(repo_root / "translations" / "ecocheck_ja.ts")
    for element in tree.getroot().iter("context"):
        if element.findtext("name") == context:
            for message in element.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    raise AssertionError(f"{source!r} is not in the {context} context of the .ts file")


@pytest.mark.parametrize(("module", "context"), PARTS.items())
def test_a_part_translates_in_the_context_of_its_class(module: str, context: str) -> None:
    tree = ast.parse((Path(gui.__file__).parent / module).read_text(encoding="utf-8"))
    self_tr = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "tr"
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    ]
    assert self_tr == [], f"{module}: use QCoreApplication.translate({context!r}, …)"
    contexts = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "translate"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert contexts <= {context}


def test_the_grid_part_names_its_undo_step_in_japanese(
    ja_window: Any, tmp_path: Path, repo_root: Path
) -> None:
    service = ja_window.service
    fiscal_year = 2025
    service.new_project(tmp_path / "a.ecocheck", _company(), first_fy=fiscal_year)
    month = service.months(fiscal_year)[0]
    assert service.set_quantity(fiscal_year, month, "electricity", "1200") == []
    expected = _japanese(repo_root, "ProjectService", "Edit quantity")
    assert expected and service.undo_stack.undoText() == expected


def test_the_file_part_of_the_window_speaks_japanese(ja_window: Any, repo_root: Path) -> None:
    ja_window.open_dropped(Path("scan.pdf"))  # no project open: a scan has nowhere to go
    expected = _japanese(
        repo_root, "MainWindow", "Open or create a project first, then import bills."
    )
    assert expected and ja_window.statusBar().currentMessage() == expected


def _company() -> Any:
    from ecocheck_desktop.core.model import Company

    return Company("テスト株式会社")
