"""The on-site equipment checklist (設備チェックリスト) an advisor fills in on a factory walk.

The questions come from the catalogue (resources/measures/checklist.json); a blank answer means
"not asked yet", and the measures that depend on it stay "to confirm". Answers are checked by
the same core function the calculation uses, and nothing is stored while one is invalid.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.catalogue import read_checklist
from ecocheck_desktop.gui.message_text import language, message_text
from ecocheck_desktop.gui.widgets import wheel_guard
from ecocheck_desktop.gui.widgets.build import named, ok_cancel, wrapped_label

if TYPE_CHECKING:
    from ecocheck_desktop.core.catalogue import Catalogue, ChecklistItem


def choice_text(value: str) -> str:
    """The plain-language label of a checklist choice (the data keeps the stable key)."""
    labels = {
        "metalwork": QCoreApplication.translate("ChecklistDialog", "Metalwork"),
        "plastics": QCoreApplication.translate("ChecklistDialog", "Plastics moulding"),
        "food": QCoreApplication.translate("ChecklistDialog", "Food"),
        "printing": QCoreApplication.translate("ChecklistDialog", "Printing"),
        "office": QCoreApplication.translate("ChecklistDialog", "Office"),
        "fluorescent": QCoreApplication.translate("ChecklistDialog", "Fluorescent"),
        "hid": QCoreApplication.translate("ChecklistDialog", "Mercury / HID lamps"),
        "led": QCoreApplication.translate("ChecklistDialog", "LED"),
        "mixed": QCoreApplication.translate("ChecklistDialog", "Mixed"),
        "load_unload": QCoreApplication.translate("ChecklistDialog", "Load/unload"),
        "inverter": QCoreApplication.translate("ChecklistDialog", "Inverter"),
        "multi_unit": QCoreApplication.translate("ChecklistDialog", "Multi-unit sequencing"),
        "city_gas": QCoreApplication.translate("ChecklistDialog", "City gas"),
        "lpg": QCoreApplication.translate("ChecklistDialog", "LPG"),
        "kerosene": QCoreApplication.translate("ChecklistDialog", "Kerosene"),
        "heavy_oil_a": QCoreApplication.translate("ChecklistDialog", "Heavy oil A"),
        "heavy_oil_bc": QCoreApplication.translate("ChecklistDialog", "Heavy oil B/C"),
        "steam": QCoreApplication.translate("ChecklistDialog", "Steam"),
        "hot_water": QCoreApplication.translate("ChecklistDialog", "Hot water"),
    }
    return labels.get(value, value)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


class ChecklistDialog(QDialog):
    """Edits a copy of the answers; ``answers()`` holds them once the dialog is accepted."""

    def __init__(
        self, catalogue: Catalogue, answers: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        wheel_guard.install()  # scrolling the list never changes an answer (issue 19)
        self.setObjectName("checklistDialog")
        self._catalogue = catalogue
        self._original = dict(answers)
        self._answers = dict(answers)
        self.editors: dict[str, QComboBox | QLineEdit] = {}
        self._labels: dict[str, QLabel] = {}
        lang = language()

        body = QWidget()
        column = QVBoxLayout(body)
        for section, names in catalogue.checklist_sections.items():
            items = [i for i in catalogue.checklist.values() if i.section == section]
            editable = [i for i in items if i.type != "end_use_split"]
            if not editable:
                continue
            box = QGroupBox(names.get(lang, names.get("en", section)), body)
            form = QFormLayout(box)
            for item in editable:
                editor = self._editor(item, answers.get(item.key), box)
                self.editors[item.key] = editor
                label = QLabel(self._label(item, lang), box)
                label.setBuddy(editor)
                self._labels[item.key] = label
                form.addRow(label, editor)
            column.addWidget(box)
        column.addStretch(1)
        scroll = named(QScrollArea(self), "checklistScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.hint = wrapped_label(self)
        self.problems = named(wrapped_label(self), "checklistProblems")
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.hide()
        self.buttons = ok_cancel(self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Equipment checklist"))
        self.hint.setText(
            self.tr(
                "Answer what you know from the site visit. A blank answer means not asked yet: "
                "the measures that need it are shown as to confirm."
            )
        )
        self.resize(860, 720)

    @staticmethod
    def _label(item: ChecklistItem, lang: str) -> str:
        text = item.label_ja if lang == "ja" else item.label_en
        return f"{text} ({item.unit})" if item.unit else text

    def _editor(self, item: ChecklistItem, value: Any, parent: QWidget) -> QComboBox | QLineEdit:
        if item.type in ("bool", "choice"):
            combo = QComboBox(parent)
            combo.addItem(self.tr("(not asked yet)"), None)
            if item.type == "bool":
                combo.addItem(self.tr("Yes"), True)
                combo.addItem(self.tr("No"), False)
            else:
                for choice in item.choices:
                    combo.addItem(choice_text(choice), choice)
            for index in range(combo.count()):
                data = combo.itemData(index)
                if data is not None and self._same(item, data, value):
                    combo.setCurrentIndex(index)
            return combo
        line = QLineEdit(_plain(value), parent)
        if item.default is not None:
            line.setPlaceholderText(
                self.tr("blank: %1 is assumed").replace("%1", str(item.default))
            )
        return line

    @staticmethod
    def _same(item: ChecklistItem, data: Any, value: Any) -> bool:
        if item.type == "bool" and not isinstance(value, bool) and value is not None:
            return str(value).strip().lower() in (
                ("true", "yes", "1") if data else ("false", "no", "0")
            )
        return bool(data == value)

    def _collect(self) -> dict[str, Any]:
        answers = dict(self._original)
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                value = editor.currentData()
            else:
                # Full-width digits and thousands separators, as typed from a Japanese form.
                text = unicodedata.normalize("NFKC", editor.text()).strip().replace(",", "")
                value = text or None
            if value is None:
                answers.pop(key, None)
            else:
                answers[key] = value
        return answers

    def validate(self) -> list[str]:
        """The problems with the current answers, each with the question it belongs to."""
        answers = self._collect()
        problems = []
        for key, editor in self.editors.items():
            if not isinstance(editor, QLineEdit) or key not in answers:
                continue
            reason = self._number_problem(self._catalogue.checklist[key], str(answers[key]))
            if reason:
                problems.append(f"{self._labels[key].text()}: {reason}")
        if not problems:  # the core's own check, so the dialog never stores what it refuses
            _typed, messages = read_checklist(answers, self._catalogue)
            problems = [message_text(m) for m in messages if m.code == "checklist.invalid_value"]
        return problems

    def _number_problem(self, item: ChecklistItem, text: str) -> str:
        try:
            number = Decimal(text)
        except InvalidOperation:
            return self.tr("'%1' is not a number").replace("%1", text)
        if not number.is_finite():
            return self.tr("'%1' is not a number").replace("%1", text)
        if item.type == "int" and number != number.to_integral_value():
            return self.tr("a whole number is needed")
        low, high = item.minimum, item.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            return (
                self.tr("must be between %1 and %2")
                .replace("%1", _plain(low if low is not None else "-"))
                .replace("%2", _plain(high if high is not None else "-"))
            )
        return ""

    def accept(self) -> None:
        problems = self.validate()
        if problems:
            self.problems.setText("\n".join(problems))
            self.problems.show()
            return
        self._answers = self._collect()
        super().accept()

    def answers(self) -> dict[str, Any]:
        return dict(self._answers)
