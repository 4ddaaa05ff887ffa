"""Offline by construction, GUI side: opening the demo, editing a cell, the results page and
writing the report open no socket (audit-hook guard of tests/security/guard.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.security.guard import guarded

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_gui_workflow_opens_no_socket(ja_window: Any, tmp_path: Path) -> None:
    from ecocheck_desktop.report.pdf import build_report

    window = ja_window
    with guarded() as events:
        assert window.open_demo()
        service = window.service
        fiscal_year = service.fiscal_years()[-1]
        month = service.months(fiscal_year)[0]
        assert service.set_quantity(fiscal_year, month, "electricity", "12,345") == []
        window.show_page("results")
        page: Any = window.current_page()
        page.update_charts()
        QApplication.processEvents()
        report = tmp_path / "report.pdf"
        build_report(service.project, report, lang="ja", footprint=service.footprint)
        window.service.close()
    # A replaced chart canvas once became a parentless top-level widget (ChartView handed it to
    # Python with setParent(None)); restyling the application later crashed on it.
    assert not [
        w for w in QApplication.topLevelWidgets() if type(w).__name__ == "FigureCanvasQTAgg"
    ]
    assert events == []
    assert report.read_bytes().startswith(b"%PDF")
