"""The Japanese catalogue is complete and extraction is current (scripts/translations.py check)."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

# The navigation names are fixed (docs/guide_ja.md); a translator cannot rename them by accident.
PAGE_NAMES_JA = {
    "Home": "ホーム",
    "Company": "会社情報",
    "Energy use": "エネルギー使用量",
    "Results": "結果",
    "Measures": "削減対策",
    "Demand": "デマンド",
    "Targets": "目標",
    "Report": "レポート",
    "Customers": "取引先",
    "Portfolio": "ポートフォリオ",
}


def _load_pipeline(repo_root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ecocheck_translations_script", repo_root / "scripts" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_japanese_catalogue_is_complete_and_up_to_date(repo_root: Path) -> None:
    problems = _load_pipeline(repo_root).check()
    assert problems == [], "\n".join(
        [*problems, "fix: .venv/bin/python scripts/translations.py update, then translate"]
    )


@pytest.mark.parametrize(("source", "japanese"), PAGE_NAMES_JA.items())
def test_page_names_translate_to_the_design_names(
    repo_root: Path, source: str, japanese: str
) -> None:
    tree = ET.parse(repo_root / "translations" / "ecocheck_ja.ts")
    found = [
        message.findtext("translation")
        for context in tree.getroot().iter("context")
        if (context.findtext("name") or "").endswith("Page")
        for message in context.iter("message")
        if message.findtext("source") == source
    ]
    assert found == [japanese]


def test_placeholders_survive_translation(repo_root: Path) -> None:
    tree = ET.parse(repo_root / "translations" / "ecocheck_ja.ts")
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        for n in range(1, 10):
            marker = f"%{n}"
            assert (marker in source) == (marker in translation), (source, translation)
