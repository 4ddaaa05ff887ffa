"""Translation pipeline: extract (lupdate), check, compile (lrelease).

    python scripts/translations.py update   refresh translations/*.ts from the sources
    python scripts/translations.py check    fail if extraction is stale or a Japanese entry
                                            is unfinished/missing
    python scripts/translations.py compile  build translations/*.qm from the .ts files

Source strings are English (``tr()``); Japanese lives in translations/ecocheck_ja.ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"
SOURCES = ROOT / "src" / "ecocheck_desktop"
LANGUAGES = ["ja"]


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; run scripts/dev.sh setup")
    return found


def _python_sources() -> list[str]:
    # Only the GUI and the report translate strings through Qt's catalogue.
    return sorted(str(p) for p in SOURCES.rglob("*.py") if "gui" in p.parts or "report" in p.parts)


def _lupdate(ts_file: Path) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            *_python_sources(),
            "-ts",
            str(ts_file),
        ],
        check=True,
        capture_output=True,
    )


def _entries(ts_file: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation text, translation type attribute)."""
    tree = ET.parse(ts_file)  # noqa: S314 - our own file
    entries: dict[tuple[str, str], tuple[str, str]] = {}
    for context in tree.getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = "" if translation is None else "".join(translation.itertext())
            kind = "" if translation is None else translation.get("type", "")
            entries[(context_name, source)] = (text, kind)
    return entries


def update() -> None:
    TS_DIR.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        _lupdate(TS_DIR / f"ecocheck_{lang}.ts")


def check() -> list[str]:
    problems: list[str] = []
    for lang in LANGUAGES:
        ts_file = TS_DIR / f"ecocheck_{lang}.ts"
        if not ts_file.exists():
            problems.append(f"{ts_file.name} is missing")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts_file.name
            shutil.copy(ts_file, fresh)
            _lupdate(fresh)
            committed, extracted = _entries(ts_file), _entries(fresh)
        for key in sorted(set(extracted) - set(committed)):
            problems.append(f"{ts_file.name}: not extracted yet: [{key[0]}] {key[1]!r}")
        for key in sorted(set(committed) - set(extracted)):
            problems.append(f"{ts_file.name}: obsolete entry: [{key[0]}] {key[1]!r}")
        for key, (text, kind) in sorted(committed.items()):
            if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
                problems.append(f"{ts_file.name}: untranslated: [{key[0]}] {key[1]!r}")
    return problems


def compile_all() -> None:
    for ts_file in sorted(TS_DIR.glob("*.ts")):
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts_file), "-qm", str(ts_file.with_suffix(".qm"))],
            check=True,
        )


def main() -> int:
    action = sys.argv[1] if len(sys.argv) > 1 else "check"
    if action == "update":
        update()
    elif action == "compile":
        compile_all()
    elif action == "check":
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(
                "run: .venv/bin/python scripts/translations.py update, then translate",
                file=sys.stderr,
            )
            return 1
        print("translations: complete and up to date")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
