"""The layer contract of src/ecocheck_desktop, read from the code's own imports.

Every ``import`` and ``from … import`` of every module counts: at module level, inside
functions and under ``if TYPE_CHECKING`` (a type-only import is still a dependency a reader
follows). The order, low to high (docs/architecture.md):

    base (the package, resources.py, files.py) < core < store < exchange < text < report
        < gui (and selfcheck.py) | commands < the entry point cli.py

A module may import its own layer and the layers below it, never above; ``gui`` and
``commands`` are siblings and do not import each other; nothing but the ``ecocheck`` entry point
(cli.py) imports ``commands``; ``core`` imports no PySide6, pandas or matplotlib. The import graph
of the modules has no cycle. The checker functions below are run on the real tree and, to prove
that they bite, on a copy of the tree with a back-edge added on purpose and on synthetic graphs.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

PACKAGE = "ecocheck_desktop"
SRC = Path(__file__).resolve().parents[1] / "src"

# Rank of each layer; a module may import only modules of its own rank or lower.
LAYERS: dict[str, int] = {
    "base": 0,
    "core": 1,
    "store": 2,
    "exchange": 3,
    "text": 4,  # may not exist yet in every branch: the order holds either way
    "report": 5,
    "gui": 6,
    "commands": 6,
    "entry": 7,
}
# Top-level modules of the package, by layer (sub-packages are their own layer).
TOP_LEVEL: dict[str, str] = {
    PACKAGE: "base",
    f"{PACKAGE}.resources": "base",
    f"{PACKAGE}.files": "base",
    f"{PACKAGE}.cli": "entry",
    # The installed app's Qt self-check (fonts, translations), run from gui/app.py.
    f"{PACKAGE}.selfcheck": "gui",
}
SIBLINGS = {frozenset({"gui", "commands"})}
# The only modules outside ``commands`` allowed to import it.
COMMANDS_IMPORTERS = {f"{PACKAGE}.cli"}
CORE_FORBIDDEN = ("PySide6", "pandas", "matplotlib")

# Cycles known on this branch and being removed elsewhere; each entry names who removes it.
KNOWN_CYCLES: list[frozenset[str]] = []

# Back-edges known on this branch and being removed elsewhere; each entry names who removes it.
KNOWN_BACK_EDGES: set[tuple[str, str]] = set()


# --------------------------------------------------------------------------- reading imports


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(src: Path) -> dict[str, Path]:
    return {module_name(p, src): p for p in sorted((src / PACKAGE).rglob("*.py"))}


def _imported_names(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = module.split(".")
        if not is_package:
            base.pop()
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    # ``from pkg import name``: name may be a module of pkg (resolved later), else an attribute.
    return [f"{target}.{alias.name}" for alias in node.names]


def imports_of(path: Path, module: str) -> list[tuple[str, int]]:
    """Every name ``path`` imports (ours and third-party), with its line, anywhere in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        for name in _imported_names(node, module, path.name == "__init__.py"):
            found.append((name, getattr(node, "lineno", 0)))
    return found


def _resolve(name: str, modules: Iterable[str]) -> str | None:
    """The deepest module of ours that ``name`` refers to (``a.b.func`` -> ``a.b``)."""
    known = set(modules)
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
        parts.pop()
    return None


def import_graph(src: Path) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """(edges between our modules, third-party top-level packages) each with the first line."""
    modules = package_modules(src)
    graph: dict[str, dict[str, int]] = {m: {} for m in modules}
    external: dict[str, dict[str, int]] = {m: {} for m in modules}
    for module, path in modules.items():
        for name, line in imports_of(path, module):
            if name == PACKAGE or name.startswith(PACKAGE + "."):
                target = _resolve(name, modules)
                if target is not None and target != module:
                    graph[module].setdefault(target, line)
            else:
                external[module].setdefault(name.split(".")[0], line)
    return graph, external


# --------------------------------------------------------------------------- the contract


def layer_of(module: str) -> str:
    if module in TOP_LEVEL:
        return TOP_LEVEL[module]
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in LAYERS:
        return parts[1]
    raise AssertionError(f"{module} belongs to no layer: add it to TOP_LEVEL or LAYERS")


def layer_violations(graph: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Each import against the layer order, as 'a (layer) -> b (layer) at line N: why'."""
    problems = []
    for module in sorted(graph):
        source = layer_of(module)
        for target, line in sorted(graph[module].items(), key=lambda item: item[1]):
            if (module, target) in KNOWN_BACK_EDGES:
                continue
            destination = layer_of(target)
            where = f"{module} ({source}) -> {target} ({destination}) at line {line}"
            if destination == "commands" and source != "commands":
                if module not in COMMANDS_IMPORTERS:
                    problems.append(f"{where}: nothing but cli.py imports commands")
                continue
            if source != destination and frozenset({source, destination}) in SIBLINGS:
                problems.append(f"{where}: gui and commands do not import each other")
            elif LAYERS[destination] > LAYERS[source]:
                problems.append(f"{where}: a lower layer imports a higher one")
    return problems


def core_violations(external: Mapping[str, Mapping[str, int]]) -> list[str]:
    return [
        f"{module} imports {name} at line {line}"
        for module, names in sorted(external.items())
        if layer_of(module) == "core"
        for name, line in names.items()
        if name in CORE_FORBIDDEN
    ]


def cycles(graph: Mapping[str, Mapping[str, int]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, {}))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph.get(successor, {})))))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def _first(problems: list[str]) -> str:
    return f"{len(problems)} back-edge(s); first: {problems[0]}" if problems else ""


# --------------------------------------------------------------------------- on the real tree


def test_every_module_belongs_to_a_layer() -> None:
    graph, _ = import_graph(SRC)
    assert len(graph) > 50
    for module in graph:
        layer_of(module)


def test_no_import_goes_against_the_layer_order() -> None:
    graph, _ = import_graph(SRC)
    problems = layer_violations(graph)
    assert not problems, _first(problems) + "\n" + "\n".join(problems)


def test_core_imports_no_qt_pandas_or_matplotlib() -> None:
    _, external = import_graph(SRC)
    problems = core_violations(external)
    assert not problems, "\n".join(problems)


def test_the_import_graph_has_no_cycles() -> None:
    graph, _ = import_graph(SRC)
    found = cycles(graph)
    unexpected = [sorted(c) for c in found if c not in KNOWN_CYCLES]
    assert not unexpected, f"import cycles: {unexpected}"


def test_known_cycles_and_back_edges_are_still_there() -> None:
    """An entry of KNOWN_CYCLES or KNOWN_BACK_EDGES that is gone must be dropped (no stale list)."""
    graph, _ = import_graph(SRC)
    found = cycles(graph)
    stale = [sorted(c) for c in KNOWN_CYCLES if c not in found]
    assert not stale, f"these cycles are gone: drop them from KNOWN_CYCLES: {stale}"
    gone = [edge for edge in sorted(KNOWN_BACK_EDGES) if edge[1] not in graph.get(edge[0], {})]
    assert not gone, f"these imports are gone: drop them from KNOWN_BACK_EDGES: {gone}"


# --------------------------------------------------------------------------- the contract bites


def _copy_tree(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(SRC / PACKAGE, src / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    return src


@pytest.mark.parametrize(
    ("module", "code", "expected"),
    [
        # a function-level import from core up to the GUI
        (
            "core/_backedge.py",
            "def f():\n    from ecocheck_desktop.gui import service\n",
            "ecocheck_desktop.core._backedge (core) -> ecocheck_desktop.gui.service (gui)",
        ),
        # a module-level relative import from exchange up to report
        (
            "exchange/_backedge.py",
            "from ..report import pdf\n",
            "ecocheck_desktop.exchange._backedge (exchange) -> ecocheck_desktop.report.pdf",
        ),
        # a type-only import from store up to exchange
        (
            "store/_backedge.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from ecocheck_desktop.exchange.bills import read_bills\n",
            "ecocheck_desktop.store._backedge (store) -> ecocheck_desktop.exchange.bills",
        ),
        # the GUI importing a command
        (
            "gui/_backedge.py",
            "import ecocheck_desktop.commands.demo\n",
            "nothing but cli.py imports commands",
        ),
        # a command importing the GUI
        (
            "commands/_backedge.py",
            "from ecocheck_desktop.gui.settings import config_dir\n",
            "gui and commands do not import each other",
        ),
    ],
)
def test_a_back_edge_added_on_purpose_fails_the_contract(
    tmp_path: Path, module: str, code: str, expected: str
) -> None:
    src = _copy_tree(tmp_path)
    graph, _ = import_graph(src)
    before = layer_violations(graph)
    (src / PACKAGE / module).write_text(code, encoding="utf-8")
    graph, _ = import_graph(src)
    added = [problem for problem in layer_violations(graph) if problem not in before]
    assert len(added) == 1
    assert expected in added[0]


def test_a_qt_import_added_to_core_fails(tmp_path: Path) -> None:
    src = _copy_tree(tmp_path)
    (src / PACKAGE / "core" / "_qt.py").write_text(
        "def f():\n    import matplotlib.pyplot\n", encoding="utf-8"
    )
    _, external = import_graph(src)
    assert core_violations(external) == ["ecocheck_desktop.core._qt imports matplotlib at line 2"]


def test_a_cycle_added_on_purpose_is_found(tmp_path: Path) -> None:
    src = _copy_tree(tmp_path)
    core = src / PACKAGE / "core"
    (core / "_a.py").write_text("from ecocheck_desktop.core import _b\n", encoding="utf-8")
    (core / "_b.py").write_text("def f():\n    from . import _a\n", encoding="utf-8")
    graph, _ = import_graph(src)
    assert frozenset({f"{PACKAGE}.core._a", f"{PACKAGE}.core._b"}) in cycles(graph)


def test_checker_on_a_synthetic_graph() -> None:
    p = PACKAGE
    graph = {
        f"{p}.core.a": {f"{p}.resources": 1},
        f"{p}.store.b": {f"{p}.core.a": 3},
        f"{p}.text.t": {f"{p}.exchange.e": 4},
        f"{p}.exchange.e": {f"{p}.store.b": 2, f"{p}.text.t": 9},
        f"{p}.report.r": {f"{p}.text.t": 5},
        f"{p}.gui.g": {f"{p}.report.r": 6},
        f"{p}.commands.c": {f"{p}.report.r": 7},
        f"{p}.cli": {f"{p}.commands.c": 8, f"{p}.gui.g": 8},
        f"{p}.resources": {},
    }
    assert layer_violations(graph) == [
        f"{p}.exchange.e (exchange) -> {p}.text.t (text) at line 9:"
        " a lower layer imports a higher one"
    ]
    assert cycles(graph) == [frozenset({f"{p}.exchange.e", f"{p}.text.t"})]
    del graph[f"{p}.exchange.e"][f"{p}.text.t"]
    assert layer_violations(graph) == []
    assert cycles(graph) == []
