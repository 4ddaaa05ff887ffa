"""The デマンド page: import through the preview (nothing written before Import, nothing on
errors), the heat map, the profile, the monthly peaks and the top-10 table, a click on a peak
showing that day's curve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ecocheck_desktop.gui.main_window import MainWindow
from tests.demand import generator as g


def list_index(model: Any, name: str) -> int:
    from ecocheck_desktop.gui.models.measures_table import COLUMNS

    return COLUMNS.index(name)


pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _year_file(tmp_path: Path) -> Path:
    return g.write_wide(g.generate(), tmp_path / "wide.csv")


def test_import_preview_then_the_page_shows_the_year(
    ja_window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    assert ja_window.open_demo()
    ja_window.show_page("demand")
    page: Any = ja_window.current_page()
    assert page.analysis is None and page.top_table.rowCount() == 0
    # No meter yet: a heading, one line and the import button instead of empty chart frames.
    assert page.no_data.isVisibleTo(page) and not page.charts.isVisibleTo(page)
    assert page.no_data.heading.text() == "まだ30分データがありません"
    assert page.no_data_import.text() == page.import_button.text()
    assert not page.import_button.isVisibleTo(page)
    dialog = page.preview(str(_year_file(tmp_path)))
    assert dialog.worker.wait(60)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert dialog.mapping().layout == "wide"
    store = page.service.demand_store()
    assert store.meters() == []  # the preview writes nothing
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    # A wrong mapping is an error: Import is disabled.
    dialog.interval_combo.setCurrentIndex(dialog.interval_combo.findData(15))
    assert dialog.result.errors and not ok.isEnabled()
    dialog.interval_combo.setCurrentIndex(dialog.interval_combo.findData(30))
    assert not dialog.result.errors and ok.isEnabled()
    dialog.accept()
    (meter,) = store.meters()
    assert meter.mapping["layout"] == "wide"
    assert page.analysis is not None and page.analysis.base_load_kw == g.BASE_KW
    assert page.charts.isVisibleTo(page) and not page.no_data.isVisibleTo(page)
    assert page.top_table.rowCount() == 10
    assert page.top_table.item(0, 0).text() == "2025-07-24 14:00"
    assert not page.heat_map.pixmap().isNull()
    assert page.peaks_chart.data.reference == 320.0
    page.top_table.setCurrentCell(2, 0)  # the third peak: 2026-01-20 10:00, 280 kW
    assert "2026-01-20" in page.day_chart.title
    assert max(page.day_chart.data.series[0].values) == 280.0
    assert "ベースロード" in page.summary.text()
    # The report page hands the same data to the PDF's デマンド section.
    ja_window.show_page("report")
    report_page: Any = ja_window.current_page()
    (data,) = report_page._demand_data()
    assert data.meter.name == meter.name and len(data.days) == 364
    # The 対策 page ranks DM-01 and DM-02 from the imported data, DM-01 saying yen only.
    ja_window.show_page("measures")
    measures: Any = ja_window.current_page()
    qtbot.waitUntil(lambda: measures.plan is not None and not measures._stale, timeout=10_000)
    qtbot.waitUntil(
        lambda: any(r.measure.id == "DM-01" for r in measures.plan.measures), timeout=10_000
    )
    rows = {r.measure.id: i for i, r in enumerate(measures.model.results())}
    column = list_index(measures.model, "t_co2")
    cell = measures.model.index(rows["DM-01"], column)
    assert measures.model.data(cell) == "0（円のみ）"
    assert "CO2 は減りません" in measures.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "DM-01：12か月の最大 320 kW" in measures.details_html(measures.plan.result("DM-01"))
    assert report_page.section_checks["demand"].text() == "デマンド（30分データ）"
