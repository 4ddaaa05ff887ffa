"""The small widget builders the pages and dialogs share (gui/widgets/build.py, output_strip.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from ecocheck_desktop.gui.widgets import output_strip
from ecocheck_desktop.gui.widgets.build import (
    form_rows,
    hbox,
    named,
    ok_cancel,
    vbox,
    wrapped_label,
)
from ecocheck_desktop.gui.widgets.output_strip import OutputStrip


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_named_gives_the_object_name_and_returns_the_same_widget(parent: QWidget) -> None:
    edit = QLineEdit(parent)
    assert named(edit, "heatValue") is edit
    assert parent.findChild(QLineEdit, "heatValue") is edit


def test_wrapped_label_wraps(parent: QWidget) -> None:
    label = wrapped_label(parent)
    assert label.wordWrap() and label.parent() is parent


def test_form_rows_puts_a_label_of_its_own_before_each_field(parent: QWidget) -> None:
    form = QFormLayout(parent)
    fields = (QLineEdit(parent), QComboBox(parent), QLineEdit(parent))
    labels = form_rows(form, parent, fields)
    assert form.rowCount() == 3 and len(set(labels)) == 3
    for row, (label, field) in enumerate(zip(labels, fields, strict=True)):
        assert form.labelForField(field) is label and label.parent() is parent
        assert form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget() is field


def test_vbox_and_hbox_lay_parts_out_in_order_with_their_stretch(parent: QWidget) -> None:
    first, second, third = (QLineEdit(parent) for _ in range(3))
    inner = hbox(first, 2, (second, 1))
    column = vbox(parent, inner, (third, 3))
    assert parent.layout() is column and column.contentsMargins().left() == 0
    assert column.itemAt(0).layout() is inner and column.stretch(0) == 0
    assert column.itemAt(1).widget() is third and column.stretch(1) == 3
    assert inner.count() == 3 and inner.itemAt(0).widget() is first
    assert inner.itemAt(1).spacerItem() is not None and inner.stretch(1) == 2
    assert inner.itemAt(2).widget() is second and inner.stretch(2) == 1


def test_ok_cancel_runs_the_check_on_ok_and_rejects_on_cancel(qtbot: Any) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    checked: list[bool] = []
    buttons = ok_cancel(dialog, lambda: checked.append(True))
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert checked == [True]
    assert dialog.result() == 0  # OK ran the check only; it did not accept by itself
    dialog.show()
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_output_strip_busy_saved_and_open_folder(
    parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    strip = OutputStrip(parent, "someStatus", bar_width=150)
    assert strip.status.objectName() == "someStatus" and strip.status.wordWrap()
    assert strip.progress.maximumWidth() == 150
    assert not strip.progress.isVisibleTo(parent)
    assert not strip.open_folder_button.isVisibleTo(parent)

    strip.busy("writing")
    assert strip.progress.isVisibleTo(parent) and strip.progress.maximum() == 0  # no steps
    assert strip.status.text() == "writing"
    strip.idle()
    assert not strip.progress.isVisibleTo(parent) and strip.progress.maximum() == 1

    opened: list[Any] = []
    monkeypatch.setattr(output_strip.QDesktopServices, "openUrl", opened.append)
    strip.open_folder_button.click()  # nothing written yet: nothing to open
    assert opened == []
    strip.saved("saved", tmp_path)
    assert strip.status.text() == "saved" and strip.open_folder_button.isVisibleTo(parent)
    strip.open_folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]
    strip.busy("again")  # a new job hides the button until its file is written
    assert not strip.open_folder_button.isVisibleTo(parent)
