"""The plain-words pass (issue 19): every term an owner may not know has a one-line
explanation with an example in both languages, is listed under F1, and wherever a page prints
it (a label, a button, a tile, a table column) the explanation is its tooltip."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QTableWidget,
    QWidget,
)

from ecocheck_desktop.gui.pages import PAGE_IDS
from ecocheck_desktop.text import glossary

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# The terms the owner did not know (issue 19), which every screen printing them must explain.
JARGON = (
    "scope1",
    "scope2",
    "adjusted_factor",
    "basic_factor",
    "sbt",
    "spt",
    "confidence",
    "legal_life",
    "cost_per_t",
    "payback",
)
ALL_TERMS = (*JARGON, "location_basis", "t_co2", "fiscal_year", "intensity")


def test_every_term_has_a_line_with_an_example_in_both_languages() -> None:
    keys = [t.key for t in glossary.TERMS]
    assert len(keys) == len(set(keys))
    assert set(ALL_TERMS) <= set(keys)
    for key in keys:
        ja, en = glossary.explanation(key, "ja"), glossary.explanation(key, "en")
        assert "例" in ja, key
        assert "Example" in en or "e.g." in en, key
        assert "\n" not in ja and "\n" not in en  # one line
        assert not any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in en)


def test_f1_lists_every_term(qapp, qtbot) -> None:
    from ecocheck_desktop.gui.help import HelpDialog

    for lang in ("ja", "en"):
        dialog = HelpDialog(lang)
        qtbot.addWidget(dialog)
        text = dialog.browser.toPlainText()
        for entry in glossary.TERMS:
            assert glossary.name(entry.key, lang) in text, (lang, entry.key)
            assert glossary.explanation(entry.key, lang)[:20] in text, (lang, entry.key)
        dialog.close()


def _spellings(key: str) -> tuple[str, ...]:
    entry = glossary.term(key)
    return (entry.ja, entry.en, *entry.shown)


def _tips_up(widget: QWidget, page: QWidget) -> str:
    tips = []
    while widget is not None:
        tips.append(widget.toolTip())
        if widget is page:
            break
        widget = widget.parentWidget()
    return "\n".join(tips)


def unexplained_terms(page: QWidget, lang: str) -> list[str]:
    """Each place on ``page`` that prints a jargon term without its explanation nearby."""
    found: list[str] = []

    def check(text: str, tips: str, where: str) -> None:
        for key in JARGON:
            if any(s in text for s in _spellings(key)):
                if glossary.explanation(key, lang) not in tips:
                    found.append(f"{where} {text!r}: {key}")

    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            check(widget.text(), _tips_up(widget, page), type(widget).__name__)
        elif isinstance(widget, QGroupBox):
            check(widget.title(), _tips_up(widget, page), "QGroupBox")
        if isinstance(widget, QAbstractItemView) and hasattr(widget, "horizontalHeader"):
            model = widget.model()
            if model is None or widget.horizontalHeader().isHidden():
                continue
            for section in range(model.columnCount()):
                title = model.headerData(section, Qt.Orientation.Horizontal)
                tip = model.headerData(
                    section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
                )
                if isinstance(widget, QTableWidget) and widget.horizontalHeaderItem(section):
                    tip = widget.horizontalHeaderItem(section).toolTip()
                check(str(title or ""), str(tip or ""), f"column of {widget.objectName()}")
    return found


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_page_explains_the_terms_it_prints(ja_window: Any, lang: str) -> None:
    window = ja_window
    if lang == "en":
        window.languages.set_language("en")
    assert window.open_demo()
    problems = []
    for page_id in PAGE_IDS:
        window.show_page(page_id)
        QApplication.processEvents()
        problems += [f"{page_id}: {p}" for p in unexplained_terms(window.current_page(), lang)]
    assert not problems, "\n".join(problems)


def test_the_measures_table_states_money_in_one_unit(ja_window: Any) -> None:
    """Major 9: investment in 万円 stood beside savings in 円/年 in the same table."""
    from decimal import Decimal

    from ecocheck_desktop.gui.models.measures_table import COLUMNS

    window = ja_window
    assert window.open_demo()
    window.show_page("measures")
    page: Any = window.current_page()
    model = page.model
    money = [
        str(model.headerData(COLUMNS.index(c), Qt.Orientation.Horizontal)) for c in ("yen", "capex")
    ]
    assert all("万円" in title for title in money), money
    row = next(
        r
        for r in range(model.rowCount())
        if model.result(r).quantified and model.result(r).yen_per_year > 10000
    )
    shown = model.index(row, COLUMNS.index("yen")).data()
    assert Decimal(shown.replace(",", "")) == (model.result(row).yen_per_year / 10000).quantize(
        Decimal("0.1")
    )
    details = page.details_html(model.result(row))
    assert "円/年" not in details.replace("万円/年", "")
