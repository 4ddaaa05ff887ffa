"""The report page: the summary preview matches the results, exports run off the UI thread."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

# Import the report modules (and matplotlib) on the main thread, once, before any worker runs.
import ecocheck_desktop.report.pdf  # noqa: F401
from ecocheck_desktop.gui.main_window import MainWindow
from ecocheck_desktop.gui.pages import report as report_module
from ecocheck_desktop.gui.widgets import output_strip
from ecocheck_desktop.text.numbers import fmt_t

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def page(ja_window: MainWindow) -> Any:
    assert ja_window.open_demo()
    ja_window.show_page("report")
    page = ja_window.current_page()
    yield page
    page.worker.wait(60)


def _answer(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> None:
    monkeypatch.setattr(report_module.ReportPage, "ask_path", classmethod(lambda *a: str(path)))


def test_the_summary_shows_the_figures_of_the_results(page: Any) -> None:
    service = page.service
    fiscal_year = page.fiscal_year()
    assert fiscal_year == service.fiscal_years()[-1]
    year = service.year_result(fiscal_year)
    values = page.summary_values
    assert values["total"].text().startswith(fmt_t(year.total_adjusted_t))
    assert values["scope1"].text().startswith(fmt_t(year.scope1_t))
    assert values["scope2_location"].text().startswith(fmt_t(year.scope2_location_t))
    assert values["company"].text() == service.project.company.name
    page.year_combo.setCurrentIndex(0)
    first = service.year_result(page.fiscal_year())
    assert values["total"].text().startswith(fmt_t(first.total_adjusted_t))


def test_the_pdf_is_written_off_the_ui_thread_with_the_screen_total(
    page: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo report"  # no suffix: the page adds .pdf
    _answer(monkeypatch, target)
    opened: list[Any] = []
    monkeypatch.setattr(output_strip.QDesktopServices, "openUrl", opened.append)
    threads: list[str] = []
    real_build = report_module.build_report

    def build(*args: Any, **kwargs: Any) -> None:
        threads.append(threading.current_thread().name)
        real_build(*args, **kwargs)

    monkeypatch.setattr(report_module, "build_report", build)
    page.prepared_edit.setText("テスト担当 <&>")
    with qtbot.waitSignal(page.export_finished, timeout=60000) as blocker:
        page.pdf_button.click()
        assert page.output.progress.isVisibleTo(page) and not page.pdf_button.isEnabled()
    kind, ok, where = blocker.args
    assert (kind, ok) == ("pdf", True)
    assert threads and threads[0] != threading.main_thread().name
    written = Path(where)
    assert written == tmp_path / "demo report.pdf"
    text = "".join(p.extract_text() for p in PdfReader(written).pages)
    total = page.service.year_result(page.fiscal_year()).total_adjusted_t
    assert fmt_t(total) in text
    assert "テスト担当 <&>" in text
    assert page.pdf_button.isEnabled() and not page.output.progress.isVisibleTo(page)
    assert page.output.open_folder_button.isVisibleTo(page)
    page.output.open_folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]


def test_the_english_edition_and_the_key_figures(
    page: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    _answer(monkeypatch, tmp_path / "en.pdf")
    with qtbot.waitSignal(page.export_finished, timeout=60000) as blocker:
        page.pdf_button.click()
    assert blocker.args[:2] == ["pdf", True]
    text = PdfReader(tmp_path / "en.pdf").pages[0].extract_text()
    assert "Scope 1" in text and "年度" not in text.split("\n")[0]

    _answer(monkeypatch, tmp_path / "figures.csv")
    with qtbot.waitSignal(page.export_finished, timeout=30000) as blocker:
        page.csv_button.click()
    assert blocker.args[:2] == ["csv", True]
    assert str(page.fiscal_year()) in (tmp_path / "figures.csv").read_text(encoding="utf-8-sig")

    _answer(monkeypatch, tmp_path / "figures")
    with qtbot.waitSignal(page.export_finished, timeout=30000) as blocker:
        page.json_button.click()
    assert blocker.args[:2] == ["json", True]
    document = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    assert document  # the schema itself is tested in tests/report/test_companion.py


def test_a_failed_export_is_shown_and_leaves_nothing(
    page: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder that does not exist: the atomic write cannot create its file there.
    target = tmp_path / "missing" / "deeper" / "r.pdf"
    _answer(monkeypatch, target)
    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(report_module, "show_message", lambda *a, **k: shown.append(a))
    with qtbot.waitSignal(page.export_finished, timeout=60000) as blocker:
        page.pdf_button.click()
    assert blocker.args[:2] == ["pdf", False]
    assert len(shown) == 1 and shown[0][2]  # a title and a text
    assert not target.exists() and not target.parent.exists()
    assert page.pdf_button.isEnabled() and not page.busy()


def test_cancelling_the_dialog_writes_nothing(
    page: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(monkeypatch, "")
    with qtbot.assertNotEmitted(page.export_finished, wait=50):
        page.pdf_button.click()
    assert not page.busy()


def test_without_data_the_empty_state_shows(ja_window: MainWindow) -> None:
    ja_window.show_page("report")
    page: Any = ja_window.current_page()
    assert page.empty_state.isVisibleTo(page) and not page.content.isVisibleTo(page)


def test_screenshots(page: Any) -> None:
    if os.environ.get("ECOCHECK_SCREENSHOTS") != "1":
        pytest.skip("screenshots are written on request (ECOCHECK_SCREENSHOTS=1)")
    window = page.window()
    page.output.status.setText("保存しました: C:\\Users\\owner\\Documents\\日立精密板金_FY2025.pdf")
    page.output.open_folder_button.show()
    for lang in ("ja", "en"):
        window.set_language(lang)
        QApplication.processEvents()
        window.grab().save(str(SHOTS / f"report-{lang}.png"))
    window.set_language("ja")


def test_closing_the_window_waits_for_a_running_export(
    page: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "closing.pdf"
    _answer(monkeypatch, target)
    release = threading.Event()
    real_build = report_module.build_report

    def slow_build(*args: Any, **kwargs: Any) -> None:
        release.wait(10)
        real_build(*args, **kwargs)

    monkeypatch.setattr(report_module, "build_report", slow_build)
    page.pdf_button.click()
    assert page.worker.running
    threading.Timer(0.2, release.set).start()
    page.window().close()
    assert not page.worker.running
    assert target.read_bytes().startswith(b"%PDF")
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_the_section_check_boxes_reach_the_export(
    page: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecocheck_desktop.report.sections import OPTIONAL_SECTIONS

    checks = page.section_checks
    assert list(checks) == list(OPTIONAL_SECTIONS)
    assert all(check.isChecked() and check.text() for check in checks.values())
    assert checks["measures"].text() == "削減対策"  # translated
    received: list[Any] = []
    real_build = report_module.build_report

    def build(*args: Any, **kwargs: Any) -> None:
        received.append(kwargs.get("sections"))
        real_build(*args, **kwargs)

    monkeypatch.setattr(report_module, "build_report", build)
    checks["roadmap"].setChecked(False)
    checks["cost"].setChecked(False)
    _answer(monkeypatch, tmp_path / "short.pdf")
    with qtbot.waitSignal(page.export_finished, timeout=60000) as blocker:
        page.pdf_button.click()
    assert blocker.args[:2] == ["pdf", True]
    assert received == [[s for s in OPTIONAL_SECTIONS if s not in ("roadmap", "cost")]]
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "short.pdf").pages)
    assert "削減対策" in text and "ロードマップ" not in text and "エネルギーコスト" not in text
