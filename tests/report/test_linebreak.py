"""The report's line-breaking rule (report/linebreak.py, issue 18 item 8) on real strings: the
measure catalogue's names and descriptions, measured in the report's font at the cell size."""

from __future__ import annotations

import io
import itertools
import json

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import SimpleDocTemplate

from ecocheck_desktop import resources
from ecocheck_desktop.report.layout import FONT_NAME, Styles, register_font, safe, table
from ecocheck_desktop.report.linebreak import (
    NO_END,
    NO_START,
    UNIT_AFTER_DIGIT,
    break_lines,
    break_markup,
    can_break,
    pieces,
)

SIZE = 7.5  # the table cell's font size


def measure(text: str) -> float:
    register_font()
    return float(stringWidth(text, FONT_NAME, SIZE))


def katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30fa" or char == "ー"


def real_strings() -> list[str]:
    path = resources.resource_path("measures", "catalogue.json")
    measures = json.loads(path.read_text(encoding="utf-8"))["measures"]
    out = []
    for measure_ in measures:
        for key in ("name_ja", "name_en", "description_ja", "description_en"):
            if measure_.get(key):
                out.append(measure_[key])
    out += ["年間 1,200,000 円", "削減量 12.3 t-CO2/年", "投資額 350 万円（補助金後）"]
    return out


def check_lines(text: str, lines: list[str], width: float) -> None:
    for line in lines:
        assert measure(line) <= width, (text, line)
        assert line == line.strip(" "), (text, line)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    for before, after in itertools.pairwise(lines):
        if not before or not after:
            continue
        where = f"{text!r}: {before!r} | {after!r}"
        assert not (katakana(before[-1]) and katakana(after[0])), "split katakana " + where
        assert after[0] not in NO_START, "禁則 (line start) " + where
        assert before[-1] not in NO_END, "禁則 (line end) " + where
        assert not after.startswith("円"), "lone 円 " + where
        assert not (before[-1].isdigit() and after[0] in UNIT_AFTER_DIGIT), "unit " + where


@pytest.mark.parametrize("width_mm", [14, 18, 22, 30, 45, 70])
def test_catalogue_texts_break_only_where_the_rule_allows(width_mm: float) -> None:
    width = width_mm * 72 / 25.4 - 6
    checked = 0
    for text in real_strings():
        if max(measure(p.strip(" ")) for p in pieces(text)) > width:
            continue  # a piece wider than the cell is cut as a last resort (tested below)
        check_lines(text, break_lines(text, width, measure), width)
        checked += 1
    assert checked > 40


def test_the_rule_itself() -> None:
    assert not can_break("コージェネ", 2)  # inside katakana
    assert not can_break("ボイラー", 3)  # before ー
    assert not can_break("1,200円", 5)  # before 円
    assert not can_break("350万円", 3)  # digit and its multiplier
    assert not can_break("12.3 t-CO2", 5)  # the space between a number and its unit
    assert not can_break("（工場", 1)  # after an opening bracket
    assert not can_break("更新、", 2)  # before 、
    assert not can_break("kWh", 1)  # inside a Latin word
    assert can_break("空気比改善", 2)  # between kanji
    assert can_break("LED照明", 3)  # between Latin and kanji
    assert can_break("replace lighting", 8)  # after a space


def test_a_word_wider_than_the_cell_is_cut_and_still_fits() -> None:
    text = "コージェネレーションシステム"
    width = measure("コージェネ")
    lines = break_lines(text, width, measure)
    assert "".join(lines) == text and len(lines) > 2
    assert all(measure(line) <= width for line in lines)
    assert not any(line[0] in NO_START for line in lines)


def test_markup_keeps_tags_and_entities() -> None:
    markup = "<b>LED照明への更新</b>（工場棟）&amp;年間 1,200,000 円"
    broken = break_markup(markup, measure("LED照明への更新"), measure)
    assert broken.replace("<br/>", "").replace(" ", "") == markup.replace(" ", "")
    assert broken.split("<br/>")[-1] == "1,200,000 円"
    assert "<b>LED照明への更新</b>" in broken


def test_a_narrow_table_cell_in_a_pdf_keeps_the_katakana_word_whole() -> None:
    styles = Styles("ja")
    words = "高効率パッケージエアコンへの更新"
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4)
    document.build([table(styles, ["対策", "金額"], [[safe(words), "1,200,000 円"]], [26, 14])])
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines()]
    assert any("パッケージエアコン" in line for line in lines), lines
    assert "円" not in lines
