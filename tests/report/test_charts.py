"""Chart builders: plain Figures (no pyplot), the bundled Japanese font, the plotted values."""

from __future__ import annotations

import ast
import inspect
from decimal import Decimal

import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Text

from ecocheck_desktop import resources
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import Target
from ecocheck_desktop.core.results import YearResult
from ecocheck_desktop.report import charts
from tests.report.sample import sample_project


@pytest.fixture(scope="module")
def years() -> list[YearResult]:
    return calculate(sample_project(), strict=False).years


def test_no_pyplot_anywhere_in_the_module() -> None:
    tree = ast.parse(inspect.getsource(charts))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any("pyplot" in name for name in imported)


def test_monthly_chart_stacks_each_energy_per_month(years: list[YearResult]) -> None:
    year = years[-1]
    figure = charts.monthly_chart(year, "ja")
    assert isinstance(figure, Figure)
    axes = figure.axes[0]
    labels = [tick.get_text() for tick in axes.get_xticklabels()]
    assert labels == [f"{m}月" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]
    stacks = [c for c in axes.containers if isinstance(c, BarContainer)]
    assert len(stacks) == len(year.by_energy)
    # The top of each stack is that month's total on the adjusted basis.
    tops = [
        max(bar.get_y() + bar.get_height() for bar in group) for group in zip(*stacks, strict=False)
    ]
    expected = [float(year.by_month[m].total_adjusted_t) for m in sorted(year.by_month)]
    assert tops == pytest.approx(expected)


def test_english_labels(years: list[YearResult]) -> None:
    axes = charts.monthly_chart(years[-1], "en").axes[0]
    assert axes.get_xticklabels()[0].get_text() == "Apr"
    assert "Electricity" in [t.get_text() for t in axes.get_legend().get_texts()]


def test_text_uses_the_bundled_japanese_font(years: list[YearResult]) -> None:
    figure = charts.monthly_chart(years[-1], "ja")
    FigureCanvasAgg(figure).draw()  # draw, so tick labels exist as they will be shown
    expected = resources.font_path().resolve()
    for item in figure.findobj(Text):
        if item.get_text():
            found = font_manager.findfont(item.get_fontproperties(), fallback_to_default=False)
            assert font_manager.Path(found).resolve() == expected


def test_scope_chart_shows_three_bases(years: list[YearResult]) -> None:
    year = years[-1]
    axes = charts.scope_chart(year, "en").axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["Basic", "Adjusted", "Location"]
    scope1, scope2 = (c for c in axes.containers if isinstance(c, BarContainer))
    ends = sorted(bar.get_x() + bar.get_width() for bar in scope2)
    assert ends == pytest.approx(
        sorted(float(v) for v in (year.total_basic_t, year.total_adjusted_t, year.total_location_t))
    )
    assert len(scope1) == 3


def test_scope_chart_without_location(years: list[YearResult]) -> None:
    fy2024 = years[0]
    assert fy2024.scope2_location_t is None  # no national average for FY2024 in the library
    axes = charts.scope_chart(fy2024, "ja").axes[0]
    assert len(axes.get_yticklabels()) == 2


def test_trend_chart_bars_and_target_line(years: list[YearResult]) -> None:
    target = Target("sbt_linear", 2024, 2030, Decimal("4.2"))  # 6 years: -25.2 %
    axes = charts.trend_chart(years, "ja", targets=[target]).axes[0]
    lines = axes.get_lines()
    assert len(lines) == 1
    assert list(lines[0].get_xdata()) == list(range(2024, 2031))
    assert lines[0].get_ydata()[0] == pytest.approx(float(years[0].total_adjusted_t))
    assert lines[0].get_ydata()[-1] == pytest.approx(float(years[0].total_adjusted_t) * 0.748)


def test_empty_results_say_no_data() -> None:
    empty = calculate(sample_project(), strict=False, fiscal_years=[2019]).years
    figure = charts.trend_chart(empty, "en")
    assert "No data" in [t.get_text() for t in figure.findobj(Text)]


def test_every_target_kind_has_its_own_label() -> None:
    """A legend or table never shows two different targets under the same name."""
    from ecocheck_desktop.core.targets import KINDS
    from ecocheck_desktop.text.report import text

    for lang in ("ja", "en"):
        labels = [text(f"target.{kind}", lang) for kind in KINDS]
        assert len(set(labels)) == len(KINDS), labels
