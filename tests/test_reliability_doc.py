"""docs/reliability.md names, for every guarantee, tests that exist: checked here so the page
cannot promise what no test proves (a renamed or deleted test makes this fail)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

NODE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_guarantee_names_tests_that_exist(repo_root: Path) -> None:
    doc = (repo_root / "docs" / "reliability.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if re.match(r"\| [LN]\d+ \|", line)]
    assert len(rows) >= 20
    missing = []
    for row in rows:
        nodes = NODE.findall(row)
        assert nodes, f"a guarantee without a test: {row[:80]}"
        for file, name in nodes:
            path = repo_root / file
            if not path.is_file() or name not in _test_names(path):
                missing.append(f"{file}::{name}")
    assert missing == []
