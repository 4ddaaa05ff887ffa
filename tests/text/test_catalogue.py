"""The message catalogue is one table: every code once, in Japanese and in English.

The table's files are read as source (``ast``), not imported, because a dict literal that names
a code twice keeps only the last text silently: only the source shows the duplicate.
"""

from __future__ import annotations

import ast
import re

import pytest

from ecocheck_desktop.text import catalogue
from ecocheck_desktop.text.catalogue import CATALOGUE
from tests.text.test_messages import CODES, SRC

CATALOGUE_DIR = SRC / "text" / "catalogue"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def definitions(source: str, name: str) -> list[tuple[str, ast.expr]]:
    """(code, value) for every key of the module's top-level table literals, duplicates kept."""
    found: list[tuple[str, ast.expr]] = []
    for node in ast.parse(source, filename=name).body:
        value = node.value if isinstance(node, ast.AnnAssign | ast.Assign) else None
        if not isinstance(value, ast.Dict):
            continue
        for key, text in zip(value.keys, value.values, strict=True):
            assert isinstance(key, ast.Constant) and isinstance(key.value, str), name
            found.append((key.value, text))
    return found


def problems(files: dict[str, str]) -> list[str]:
    """What is wrong with a catalogue given as {file name: source}; [] when it is sound."""
    seen: dict[str, str] = {}
    wrong = []
    for name, source in files.items():
        for code, node in definitions(source, name):
            if code in seen:
                wrong.append(f"{code} is defined twice ({seen[code]}, {name})")
            seen[code] = name
            try:
                texts = ast.literal_eval(node)
            except ValueError:
                wrong.append(f"{code}: not a literal")
                continue
            if not (isinstance(texts, tuple) and len(texts) == 2):
                wrong.append(f"{code}: not a (Japanese, English) pair")
                continue
            ja, en = texts
            if not (isinstance(ja, str) and JAPANESE.search(ja)):
                wrong.append(f"{code}: no Japanese text")
            # English may quote a Japanese term (「電源構成・CO2排出係数」, はい/いいえ), but it is
            # mostly Latin letters.
            letters = len(re.findall("[A-Za-z]", en)) if isinstance(en, str) else 0
            if letters < 2 or len(JAPANESE.findall(str(en))) * 3 > letters:
                wrong.append(f"{code}: no English text")
    return wrong


def catalogue_sources() -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(CATALOGUE_DIR.glob("*.py"))
        if path.name != "__init__.py"
    }


def test_every_entry_is_once_in_both_languages() -> None:
    sources = catalogue_sources()
    assert set(sources) == {"calculation.py", "customers.py", "files.py", "app.py"}
    assert problems(sources) == []
    assert len(CATALOGUE) == sum(len(definitions(s, n)) for n, s in sources.items())


@pytest.mark.parametrize(
    ("planted", "expected"),
    [
        ('X = {"a.b": ("日本語", "English")}\nY = {"a.b": ("別の文", "Other")}', "twice"),
        ('X = {"a.b": ("日本語", "English"), "a.b": ("別の文", "Other")}', "twice"),
        ('X = {"a.b": ("日本語",)}', "pair"),
        ('X = {"a.b": ("", "English")}', "no Japanese"),
        ('X = {"a.b": ("日本語", "日本語")}', "no English"),
    ],
)
def test_the_check_catches_a_planted_fault(planted: str, expected: str) -> None:
    found = problems({"planted.py": planted})
    assert found and expected in found[0]


def test_a_code_in_two_files_stops_the_import(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from ecocheck_desktop.text.catalogue import app

    monkeypatch.setitem(app.APP, "quantity.negative", ("重複", "duplicate"))
    with pytest.raises(RuntimeError, match=r"quantity\.negative is defined twice"):
        importlib.reload(catalogue)
    monkeypatch.undo()
    importlib.reload(catalogue)


def test_every_code_the_source_creates_is_in_the_catalogue() -> None:
    assert len(CODES) >= 130  # the scan works
    assert sorted(set(CODES) - set(CATALOGUE)) == []


def test_no_other_module_holds_message_texts() -> None:
    # The English used to be register()-ed by each module and the GUI had a Qt catalogue of
    # its own ("Messages" context): both would be a second text for a code.
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(SRC).as_posix()
        if relative in ("core/messages.py", "text/messages.py"):
            continue
        if re.search(r"\bregister\(\s*\{", text) or 'TRANSLATE_NOOP("Messages"' in text:
            offenders.append(relative)
        if re.search(r"^MESSAGES_JA\b|TEMPLATES\.update", text, re.M):
            offenders.append(relative)
    assert offenders == []


def test_core_keeps_the_english_of_the_catalogue_for_logs() -> None:
    from ecocheck_desktop.core.messages import TEMPLATES, EcoCheckError, Message

    assert {code: TEMPLATES[code] for code in CATALOGUE} == {
        code: texts[1] for code, texts in CATALOGUE.items()
    }
    error = EcoCheckError(Message("quantity.negative", {"value": "-5"}))
    assert str(error) == CATALOGUE["quantity.negative"][1].format(value="-5")


def test_core_does_not_import_the_text_layer() -> None:
    for path in sorted((SRC / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("ecocheck_desktop.text"), path
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("ecocheck_desktop.text") for a in node.names)


def test_the_template_lookup_picks_the_language() -> None:
    ja, en = CATALOGUE["paste.empty"]
    assert catalogue.template("paste.empty", "ja") == ja
    assert catalogue.template("paste.empty", "en") == en
    assert catalogue.template("no.such.code", "ja") is None
