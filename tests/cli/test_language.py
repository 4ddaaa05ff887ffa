"""The command line speaks the user's language: ``--lang``, else the locale (Japanese or English).

The sentences are the catalogue's (``text.catalogue``), with names instead of ids; the error
line still names the file, row and column.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecocheck_desktop import cli
from ecocheck_desktop.cli import main
from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.text import language
from ecocheck_desktop.text.catalogue import CATALOGUE
from ecocheck_desktop.text.language import system_language
from tests.cli.test_calc_completeness import FY2024, bills

BROKEN = Path(__file__).resolve().parent.parent / "exchange" / "data" / "bills_broken.csv"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "ja"}, "ja"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),  # LC_ALL wins, as in gettext
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "C"}, "ja"),
        ({"LC_ALL": "", "LANG": "ja_JP.eucJP"}, "ja"),  # an empty variable is not set
    ],
)
def test_the_locale_variables_choose_the_language(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ) == expected


def test_without_variables_windows_ui_language_then_the_process_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(language, "_windows_ui_language", lambda: 0x0411 & 0x3FF)  # ja-JP
    assert system_language({}) == "ja"
    monkeypatch.setattr(language, "_windows_ui_language", lambda: 0x0409 & 0x3FF)  # en-US
    assert system_language({}) == "en"
    monkeypatch.setattr(language, "_windows_ui_language", lambda: None)  # not Windows
    monkeypatch.setattr(language.locale, "getlocale", lambda: ("Japanese_Japan", "932"))
    assert system_language({}) == "ja"
    monkeypatch.setattr(language.locale, "getlocale", lambda: (None, None))
    assert system_language({}) == "en"


def _error_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("ecocheck")]


def test_lang_ja_prints_the_catalogue_japanese_naming_file_row_and_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "ja", "calc", str(BROKEN)]) == 2
    lines = _error_lines(capsys)
    assert lines and all(line.startswith("ecocheck: error: ") for line in lines)
    unit = [line for line in lines if "9行目" in line]
    assert unit, lines
    # file, row and column named; the energy by its Japanese name, not the id "diesel"
    assert "ファイル bills_broken.csv" in unit[0] and "「単位」列" in unit[0]
    assert "軽油" in unit[0] and "diesel" not in unit[0]
    for line in lines:
        assert "{" not in line and "column" not in line, line


def test_lang_en_prints_the_catalogue_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "calc", str(BROKEN)]) == 2
    lines = _error_lines(capsys)
    unit = [line for line in lines if "row 9" in line]
    assert unit and str(BROKEN) in unit[0] and "column unit" in unit[0]
    assert "Diesel" in unit[0]


def test_the_locale_decides_without_lang(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "ない.csv"
    ja, en = CATALOGUE["file.not_found"]
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["calc", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == "ecocheck: error: " + ja.format(file=missing)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["calc", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == "ecocheck: error: " + en.format(file=missing)
    # --lang beats the locale
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["--lang", "en", "calc", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == "ecocheck: error: " + en.format(file=missing)


def test_the_calc_table_says_why_a_year_is_incomplete_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bills(tmp_path / "part.csv", FY2024[:10], factor=True)
    assert main(["--lang", "ja", "calc", str(path)]) == 0
    table = capsys.readouterr().out
    assert "未確定 (incomplete)" in table
    assert "12か月のうち10か月分しかありません" in table and "of its 12 months" not in table
    # JSON is the contract: its message text stays English whatever the language
    assert main(["--lang", "ja", "calc", str(path), "--json"]) == 0
    (year,) = json.loads(capsys.readouterr().out)["results"]
    assert year["incomplete_reasons"][0]["code"] == "completeness.part_year"


@pytest.mark.parametrize(
    ("argv", "messages", "document"),
    [
        (["report", "x", "-o", "y.pdf"], "en", "ja"),  # the report's default stays Japanese
        (["report", "x", "-o", "y.pdf", "--lang", "en"], "en", "en"),
        (["--lang", "en", "report", "x", "-o", "y.pdf"], "en", "en"),
        (["--lang", "ja", "report", "x", "-o", "y.pdf", "--lang", "en"], "ja", "en"),
        (["report", "x", "-o", "y.pdf", "--lang", "ja"], "ja", "ja"),
        (["--lang", "ja", "calc", "x"], "ja", None),
    ],
)
def test_global_and_command_lang(argv: list[str], messages: str, document: str | None) -> None:
    args = cli._build_parser().parse_args(argv)  # the C locale of these tests: English
    cli._choose_languages(args)
    assert args.message_lang == messages
    assert getattr(args, "lang", None) == document


def test_a_message_without_a_catalogue_entry_still_prints_its_code() -> None:
    from ecocheck_desktop.text.messages import render

    assert render(Message("no.such.code", {"x": 1}), "ja").startswith("no.such.code")
