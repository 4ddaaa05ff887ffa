"""F1 help: the short user guide (docs/guide_ja.md, docs/guide_en.md) in a non-modal window.

The guide explains where each number is printed on a typical Japanese bill. It is read from the
checkout's or bundle's ``docs/`` folder next to ``resources/``; when that is missing (a bundle
built without it) a one-paragraph fallback says where the guide can be found.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ecocheck_desktop import resources
from ecocheck_desktop.text import glossary


def guide_path(language: str) -> Path | None:
    try:
        path = resources.base_dir() / "docs" / f"guide_{'ja' if language == 'ja' else 'en'}.md"
    except resources.ResourceNotFoundError:
        return None
    return path if path.is_file() else None


def guide_text(language: str) -> str:
    path = guide_path(language)
    if path is not None:
        return path.read_text(encoding="utf-8")
    return (
        "# EcoCheck Desktop\n\nガイドのファイルが見つかりません。 / The guide file is missing "
        "from this installation (docs/guide_ja.md, docs/guide_en.md)."
    )


class HelpDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        # The guide, then the glossary: every term an owner may not know, with an example.
        self.browser.setMarkdown(f"{guide_text(language)}\n\n{glossary.markdown(language)}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("EcoCheck help"))
        self.resize(720, 640)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    @classmethod
    def show_for(cls, parent: QWidget, language: str) -> HelpDialog:
        dialog = cls(language, parent)
        dialog.show()
        return dialog
