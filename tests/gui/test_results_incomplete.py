"""The results page shows an incomplete year as 「未確定」 with its reasons, never a bare 0.000."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ecocheck_desktop.core.model import Company, EnergyRecord, Site, SupplyContract
from ecocheck_desktop.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SITE = "本社工場"
SOURCE = "東京電力エナジーパートナー「電源構成・CO2排出係数」2024年度実績"


@pytest.fixture
def fy2024(ja_window: MainWindow, tmp_path: Path) -> MainWindow:
    """A new user's FY2024 company: 東京電力EP electricity (no bundled FY2024 list) and 灯油."""
    window = ja_window
    window.service.new_project(
        tmp_path / "fy2024.ecocheck",
        Company("成形テスト工業"),
        [Site(SITE)],
        [SupplyContract(SITE, "electricity", "A0269")],
        2024,
    )
    months = window.service.months(2024)
    window.service.import_records(
        [EnergyRecord(m, "electricity", Decimal(30000), "kWh", SITE) for m in months]
        + [EnergyRecord(m, "kerosene", Decimal(100), "L", SITE) for m in months]
    )
    return window


def test_unresolved_electricity_shows_incomplete_tiles_and_the_reason(
    fy2024: MainWindow, tmp_path: Path
) -> None:
    window = fy2024
    window.show_page("results")
    page: Any = window.current_page()
    year = window.service.year_result(2024)
    assert year is not None and not year.complete
    # Scope 2 and the total are not shown as a number; Scope 1 (kerosene) still is.
    for key in ("scope2_adjusted", "scope2_location", "total"):
        assert page.tiles[key].value.text() == "未確定"
        assert "電気" in page.tiles[key].caption.text()
    assert page.tiles["scope1"].value.text() not in ("未確定", "-", "0.000")
    assert page.incomplete_banner.isVisibleTo(page)
    banner = page.incomplete_banner.text()
    assert banner.startswith("未確定")
    assert "電源構成・CO2排出係数" in banner and "2024年度" in banner
    page.update_charts()
    QApplication.processEvents()
    window.grab().save(str(tmp_path / "results-incomplete-ja.png"))
    window.set_language("en")
    assert page.tiles["total"].value.text() == "Incomplete"
    assert page.incomplete_banner.text().startswith("Incomplete")
    if os.environ.get("ECOCHECK_SCREENSHOTS") == "1":
        shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
        page.update_charts()
        QApplication.processEvents()
        window.grab().save(str(shots / "results-incomplete-en.png"))
        window.set_language("ja")
        page.update_charts()
        QApplication.processEvents()
        window.grab().save(str(shots / "results-incomplete-ja.png"))
    window.set_language("ja")

    # The retailer's published figure, with its source: complete, the banner goes.
    window.service.set_contract(
        SupplyContract(
            SITE,
            "electricity",
            "A0269",
            factor_choice="user",
            factor_basic=Decimal("0.000457"),
            factor_adjusted=Decimal("0.000457"),
            factor_source=SOURCE,
        )
    )
    year = window.service.year_result(2024)
    assert year is not None and year.complete
    assert page.tiles["total"].value.text() not in ("未確定", "-")
    assert not page.incomplete_banner.isVisibleTo(page)


def test_a_part_year_keeps_its_figure_but_says_incomplete(
    ja_window: MainWindow, tmp_path: Path
) -> None:
    window = ja_window
    estimate = SupplyContract(
        SITE, "electricity", "A0269", factor_choice="estimate", estimate_basis="substitute"
    )
    window.service.new_project(
        tmp_path / "part.ecocheck", Company("途中年度工業"), [Site(SITE)], [estimate], 2024
    )
    months = window.service.months(2024)[:11]  # March not yet billed
    window.service.import_records(
        [EnergyRecord(m, "electricity", Decimal(30000), "kWh", SITE) for m in months]
    )
    window.show_page("results")
    page: Any = window.current_page()
    year = window.service.year_result(2024)
    assert year is not None and not year.complete
    total = page.tiles["total"]
    assert total.value.text() not in ("未確定", "-")
    assert "未確定" in total.caption.text() and "11" in total.caption.text()
    assert "t-CO2" in total.caption.text()  # the unit stays visible
    assert "推計" in "".join(f.label for f in year.factors_used)
