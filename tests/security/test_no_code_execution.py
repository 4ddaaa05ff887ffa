"""No project or import file can make the app run code: no deserialiser that executes
(pickle, marshal, shelve, yaml.load), no eval/exec/compile of text, no shell; hostile text
in every input format comes back as the same text and nothing runs."""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
from pathlib import Path

import pytest
from openpyxl import Workbook

from ecocheck_desktop.cli import main
from ecocheck_desktop.exchange.bills import read_bills
from ecocheck_desktop.exchange.json_io import project_to_json
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from tests.security.guard import guarded
from tests.store.conftest import small_project

SRC = Path(__file__).resolve().parents[2] / "src" / "ecocheck_desktop"
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "yaml", "jsonpickle"}
# Network clients: the app is offline by design, and Qt's own networking would bypass the
# audit-hook guard of test_no_network, so it is refused here at the source.
NETWORK_MODULES = {"socket", "ssl", "urllib", "http", "requests", "ftplib", "smtplib", "xmlrpc"}
NETWORK_MODULES |= {"PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebSockets"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}
FORBIDDEN_ATTRIBUTES = {("os", "system"), ("os", "popen"), ("os", "startfile")}
# importlib.import_module with names from fixed tables: argparse's subcommands, the page list.
ALLOWED_DYNAMIC_IMPORTS = {"cli.py", "gui/pages/__init__.py"}


def findings_in(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
            )
            found += [
                f"import {m}"
                for m in modules
                if m.split(".")[0] in FORBIDDEN_MODULES
                or m.split(".")[0] in NETWORK_MODULES
                or ".".join(m.split(".")[:2]) in NETWORK_MODULES
            ]
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{func.id}()")
            if isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else ""
                if (owner, func.attr) in FORBIDDEN_ATTRIBUTES:
                    found.append(f"{owner}.{func.attr}()")
                if func.attr == "import_module" and name not in ALLOWED_DYNAMIC_IMPORTS:
                    found.append("importlib.import_module()")
            for keyword in node.keywords:
                if keyword.arg == "shell" and not (
                    isinstance(keyword.value, ast.Constant) and keyword.value.value is False
                ):
                    found.append("shell=True")
    return [f"{name}: {finding}" for finding in found]


def test_the_scanner_finds_what_it_looks_for() -> None:
    hostile = (
        "import pickle\nfrom yaml import load\nimport os\n"
        "eval(x)\nexec(y)\nos.system('a')\nsubprocess.run(c, shell=True)\n"
        "importlib.import_module(n)\nfrom PySide6 import QtNetwork\nimport urllib.request\n"
    )
    found = " ".join(findings_in(hostile, "x.py"))
    for kind in (
        "import pickle",
        "import yaml",
        "eval()",
        "exec()",
        "os.system()",
        "shell=True",
        "importlib.import_module()",
        "import PySide6.QtNetwork",
        "import urllib.request",
    ):
        assert kind in found, kind


def test_sources_have_no_code_executing_calls() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 40
    findings = [
        finding
        for path in files
        for finding in findings_in(path.read_text("utf-8"), path.relative_to(SRC).as_posix())
    ]
    assert findings == []


HOSTILE = [
    "__import__('os').system('touch PWNED')",
    "eval(compile('open(\"PWNED\",\"w\")', 'x', 'exec'))",
    "=cmd|' /C calc'!A0",
    "{{7*7}} ${7*7} %(x)s {0.__class__}",
    "cos\nsystem\n(S'touch PWNED'\ntR.",  # a pickle program, as text
    "'); DROP TABLE records; --",
]


def _quiet(*argv: str) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(list(argv))


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json"])
def test_hostile_text_is_just_data(tmp_path: Path, kind: str, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # "touch PWNED" would land here
    header = ["month", "energy", "quantity", "unit", "site", "supplier", "note"]
    rows = [["2025-04", "電気", "100", "kWh", text, text, text] for text in HOSTILE]
    source = tmp_path / f"hostile.{kind}"
    if kind == "csv":
        import csv

        with source.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows([header, *rows])
    elif kind == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        for r, row in enumerate([header, *rows], start=1):
            for c, value in enumerate(row, start=1):
                sheet.cell(r, c, value).data_type = "s"  # text, as typed after an apostrophe
        workbook.save(source)
    else:
        project = small_project()
        document = project_to_json(project)
        document["company"]["name"] = HOSTILE[0]
        for record, text in zip(document["records"], HOSTILE, strict=False):
            record["note"] = text
        document["checklist"] = {text: text for text in HOSTILE}
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    output = tmp_path / "p.ecocheck"
    with guarded(execution=True) as events:
        assert _quiet("import", str(source), "-o", str(output)) == 0
        assert _quiet("calc", str(output), "--json") == 0
        assert _quiet("report", str(output), "-o", str(tmp_path / "r.pdf"), "--lang", "en") == 0
        assert _quiet("export", str(output), "-o", str(tmp_path / "out.json")) == 0
    assert events == []
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()
    project = load_project(output)
    if kind == "json":
        assert project.company.name == HOSTILE[0]
        assert set(project.checklist) == set(HOSTILE)
    else:
        assert [r.note for r in project.records] == HOSTILE
        assert [r.supplier for r in project.records] == HOSTILE
        assert read_bills(source).records == project.records
    with ProjectFile.open(output, read_only=True) as pf:
        assert pf.change_log()[0].action == "project.create"
    assert os.path.getsize(tmp_path / "r.pdf") > 0
