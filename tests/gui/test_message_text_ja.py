"""The Japanese window shows core messages as Japanese sentences, row and column said once."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from ecocheck_desktop.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_import_preview_explains_bad_rows_in_japanese(
    ja_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    from ecocheck_desktop.core.model import Company
    from ecocheck_desktop.gui.dialogs.import_preview import ImportPreviewDialog

    window = ja_window
    window.service.new_project(tmp_path / "m.ecocheck", Company("取込"), first_fy=2025)
    bills = tmp_path / "請求書.csv"
    bills.write_text(
        "年月,エネルギー,使用量,単位,金額\n"
        "2025-04,電気,1000,kWh,30000\n"
        "2025-13,電気,5,kWh,\n"
        "2025-05,都市ガス,100,kWh,abc\n",
        encoding="utf-8",
    )
    dialog = ImportPreviewDialog(window.service, bills, window)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.rows.rowCount() == 1 and dialog.problems.count() >= 3)
    lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert (
        "3 行目・「年月」列：「2025-13」は年月として読めません（例: 2025-04、2025年4月、R7.4）。"
        in lines
    )
    unit = "4 行目・「単位」列：単位「kWh」は都市ガスには使えません"
    assert unit + "（使える単位: m³、千m³、Nm³、千Nm³）。" in lines
    assert "4 行目・「金額」列：「abc」は金額（円）として読めません。" in lines
    for line in lines:
        assert line.count("行目") == 1, line  # the row is said once
        assert "Row" not in line and "city_gas" not in line and "column" not in line, line
    if os.environ.get("ECOCHECK_SCREENSHOTS"):
        dialog.grab().save(str(Path(os.environ["ECOCHECK_SCREENSHOTS"]) / "import-ja.png"))


def test_opening_a_newer_project_file_says_why_in_japanese(
    ja_window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ecocheck_desktop.store.migrations import create_schema
    from ecocheck_desktop.store.schema import SCHEMA_VERSION

    path = tmp_path / "新しい.ecocheck"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    create_schema(connection)
    connection.execute("INSERT INTO company (id, name) VALUES (1, 'x')")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.execute("COMMIT")
    connection.close()
    window = ja_window
    assert window.open_project(str(path)) is False
    status = window.statusBar().currentMessage()
    assert status.startswith(f"プロジェクトファイル {path} は新しいバージョンの EcoCheck"), status
    assert "EcoCheck を更新してから開いてください。ファイルは変更していません。" in status
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and boxes[-1].text() == status
    for box in boxes:
        box.close()


def test_every_code_reads_japanese_in_the_japanese_window(ja_window: MainWindow) -> None:
    from ecocheck_desktop.core.messages import Message
    from ecocheck_desktop.gui.message_text import message_text, messages_text
    from tests.text.test_messages import EXAMPLES, JAPANESE

    # The store creates this code without the {file} the Qt catalogue's sentence names: the
    # report catalogue's Japanese takes over (it used to fall back to English).
    store = Message("evidence.unreadable", {"filename": "bill.pdf", "reason": "No such file"})
    assert message_text(store) == "添付ファイル bill.pdf を読み込めません（詳細: No such file）。"
    for code, (params, where) in EXAMPLES.items():
        text = messages_text([Message(code, dict(params), dict(where))])
        assert JAPANESE.search(text) and "{" not in text, (code, text)
