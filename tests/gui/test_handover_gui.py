"""File > Hand over a copy… and the changes-since-hand-over dialog, in Japanese.

The dialog is grabbed to a PNG under the test's tmp dir; with ECOCHECK_SCREENSHOTS=1 it is also
saved as docs/screenshots/handover-ja.png.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from ecocheck_desktop.core.model import EnergyRecord, Site
from ecocheck_desktop.store.handover import MARK_ACTION, changes_since_handover, export_handover
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from tests.store.conftest import small_project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REPO_ROOT = Path(__file__).resolve().parents[2]


def _dialogs(window: Any) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget, "handoverDialog") if w.isVisible()]


def test_menu_action_writes_the_hand_over_copy(ja_window: Any, qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "丸山製作所.ecocheck"
    ProjectFile.create(path, small_project(), user="advisor").close()
    assert not ja_window.handover_action.isEnabled()  # nothing open yet
    assert ja_window.open_project(str(path))
    assert ja_window.handover_action.isEnabled()
    assert ja_window.handover_action.text() == "引き継ぎ用のコピーを作成(&H)…"
    assert ja_window.handover_action in ja_window.file_menu.actions()

    ja_window.handover_action.trigger()
    dialog = ja_window.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    target = tmp_path / "丸山製作所-引き継ぎ.ecocheck"
    dialog.fileSelected.emit(str(target))
    dialog.close()

    assert target.is_file()
    assert load_project(target) == load_project_while_open(ja_window)
    assert str(target) in ja_window.statusBar().currentMessage()
    assert "引き継ぎ用のコピー" in ja_window.statusBar().currentMessage()
    # The open project noted the hand-over too, and nothing has changed since.
    changes = ja_window.service.handover_changes()
    assert changes.mark is not None and changes.entries == []
    ja_window.service.close()
    assert changes_since_handover(path).mark == changes.mark

    # A refused target is a clear Japanese message, and nothing is written.
    assert ja_window.open_project(str(path))
    ja_window._show_failure = lambda messages: failures.extend(messages)  # no modal box
    failures: list[Any] = []
    assert not ja_window.hand_over(str(path))
    assert [m.code for m in failures] == ["handover.same_file"]
    from ecocheck_desktop.gui.message_text import message_text

    assert "元のプロジェクトファイル" in message_text(failures[0])


def load_project_while_open(window: Any) -> Any:
    return window.service.project


def test_opening_a_returned_file_lists_the_changes(
    ja_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    source = tmp_path / "advisor.ecocheck"
    ProjectFile.create(source, small_project(), user="advisor").close()
    copy = tmp_path / "owner.ecocheck"
    mark = export_handover(source, copy, "佐藤 (支援者)")
    with ProjectFile.open(copy, user="工場長") as owner:
        record_id, record = owner.records()[0]
        owner.update_record(
            record_id,
            EnergyRecord(record.month, record.energy, Decimal("31000"), record.unit),
        )
        owner.add_record(EnergyRecord("2025-06", "electricity", Decimal("28000"), "kWh"))
        owner.upsert_site(Site("倉庫", "日立市"))

    # The advisor's own file: no notice.
    assert ja_window.open_project(str(source))
    assert _dialogs(ja_window) == []

    assert ja_window.open_project(str(copy))
    qtbot.waitUntil(lambda: len(_dialogs(ja_window)) == 1)
    (dialog,) = _dialogs(ja_window)
    assert not dialog.isModal()  # the user can keep working
    assert dialog.windowTitle() == "引き継ぎ以降の変更"
    assert "佐藤 (支援者) さんが引き継いでからの変更: 3 件" in dialog.summary.text()
    assert "引き継いで" in ja_window.statusBar().currentMessage()
    model = dialog.model
    assert model.rowCount() == 3
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(3)]
    assert [row[1] for row in rows] == ["工場長"] * 3
    assert [row[2] for row in rows] == [
        "エネルギー使用量の変更",
        "エネルギー使用量の追加",
        "事業所の追加・変更",
    ]
    assert "使用量: 30123.45 → 31000" in rows[0][4]
    assert "使用量: — → 28000" in rows[1][4] and "エネルギー: — → 電気" in rows[1][4]
    assert rows[2][3] == "sites[倉庫]"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "日時"
    assert all(e.id > mark.change_id for e in dialog.changes.entries)
    assert MARK_ACTION not in [e.action for e in dialog.changes.entries]

    dialog.resize(960, 300)
    image = dialog.grab()
    image.save(str(tmp_path / "handover-ja.png"))
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        image.save(str(REPO_ROOT / "docs" / "screenshots" / "handover-ja.png"))
    dialog.close()

    # Also reachable from the File menu at any time.
    ja_window.handover_changes_action.trigger()
    qtbot.waitUntil(lambda: len(_dialogs(ja_window)) == 1)
    assert _dialogs(ja_window)[0].model.rowCount() == 3
    _dialogs(ja_window)[0].close()


def test_a_file_never_handed_over_says_so(ja_window: Any, qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.ecocheck"
    ProjectFile.create(path, small_project(), user="someone else").close()
    assert ja_window.open_project(str(path))
    assert _dialogs(ja_window) == []  # no notice on opening
    dialog = ja_window.show_handover_changes()
    assert dialog.summary.text() == "このプロジェクトはまだ引き継ぎ（受け渡し）をしていません。"
    assert dialog.model.rowCount() == 0 and dialog.table.isHidden()
    dialog.close()
