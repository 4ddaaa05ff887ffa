"""One chart description for screen and paper: the specs, their matplotlib Figures (GUI) and the
reportlab drawing (PDF) show the same bars, ticks and legend, and the PDF needs no matplotlib."""

from __future__ import annotations

import ast
import inspect
import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from matplotlib.container import BarContainer
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import Target
from ecocheck_desktop.core.results import YearResult
from ecocheck_desktop.report import chart_pdf, chart_spec, charts
from ecocheck_desktop.report.chart_spec import ChartSpec, nice_ticks
from ecocheck_desktop.report.layout import register_font
from tests.report.sample import sample_project

TARGET = Target("sbt_linear", 2024, 2030, Decimal("4.2"))


@pytest.fixture(scope="module")
def years() -> list[YearResult]:
    return calculate(sample_project(), strict=False).years


def specs(years: list[YearResult], lang: str) -> list[ChartSpec]:
    return [
        chart_spec.monthly_chart(years[-1], lang),
        chart_spec.scope_chart(years[-1], lang),
        chart_spec.trend_chart(years, lang, targets=[TARGET]),
    ]


def _imports(module: object) -> set[str]:
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return names | {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_the_spec_module_is_plain_data() -> None:
    heavy = ("matplotlib", "PySide6", "reportlab", "numpy")
    assert not [name for name in _imports(chart_spec) if name.startswith(heavy)]
    assert not [name for name in _imports(chart_pdf) if name.startswith("matplotlib")]


def test_monthly_stacks_reach_each_months_total(years: list[YearResult]) -> None:
    year = years[-1]
    spec = chart_spec.monthly_chart(year, "ja")
    assert len(spec.bars) == len(year.by_energy)
    tops = [max(b.base[i] + b.values[i] for b in spec.bars) for i in range(len(spec.bars[0].at))]
    expected = [float(year.by_month[m].total_adjusted_t) for m in sorted(year.by_month)]
    assert tops == pytest.approx(expected)
    assert spec.y is not None and spec.y.high >= max(expected)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_screen_figure_shows_the_spec(years: list[YearResult], lang: str) -> None:
    for spec in specs(years, lang):
        axes = charts.figure_of(spec).axes[0]
        assert spec.x is not None and spec.y is not None
        assert [t.get_text() for t in axes.get_xticklabels()] == [t[1] for t in spec.x.ticks]
        assert [t.get_text() for t in axes.get_yticklabels()] == [t[1] for t in spec.y.ticks]
        assert axes.get_ylim() == pytest.approx((spec.y.low, spec.y.high))
        legend = [t.get_text() for t in axes.get_legend().get_texts()]
        assert legend == [entry.label for entry in spec.legend_entries()]
        containers = [c for c in axes.containers if isinstance(c, BarContainer)]
        for bars, container in zip(spec.bars, containers, strict=True):
            lengths = [p.get_width() if bars.horizontal else p.get_height() for p in container]
            assert lengths == pytest.approx(list(bars.values))


def _pdf_text(spec: ChartSpec) -> str:
    register_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    chart_pdf.draw_spec(spec, canvas, 40, 400, 500)
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_pdf_drawing_writes_the_specs_words(years: list[YearResult], lang: str) -> None:
    for spec in specs(years, lang):
        words = _pdf_text(spec).replace(" ", "")
        assert spec.x is not None and spec.y is not None
        expected = [spec.title, spec.x.label, spec.y.label]
        expected += [label for _, label in (*spec.x.ticks, *spec.y.ticks)]
        expected += [entry.label for entry in spec.legend_entries()]
        for label in filter(None, expected):
            assert label.replace(" ", "") in words, label


def test_no_data_is_said_on_both() -> None:
    empty = calculate(sample_project(), strict=False, fiscal_years=[2019]).years
    spec = chart_spec.trend_chart(empty, "en")
    assert spec.no_data == "No data" and not spec.bars
    assert "No data" in _pdf_text(spec)
    figure = charts.figure_of(spec)
    assert "No data" in [text.get_text() for axes in figure.axes for text in axes.texts]


@pytest.mark.parametrize(
    ("low", "high", "room", "expected"),
    [
        (0, 23.4, 133, [0, 5, 10, 15, 20]),  # 6 bins of 20 pt: steps of 5
        (0, 352.6, 147, [0, 100, 200, 300]),  # 7 bins: 50.4 a bin, so 100
        (0, 1, 133, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (2023, 2051, 400, [2025, 2030, 2035, 2040, 2045, 2050]),
    ],
)
def test_nice_ticks_follow_matplotlibs_rule(
    low: float, high: float, room: float, expected: list[float]
) -> None:
    assert nice_ticks(low, high, room, 20 if room < 200 else 30) == pytest.approx(expected)


def test_a_report_imports_no_matplotlib(tmp_path: object) -> None:
    code = (
        "import sys\n"
        "from ecocheck_desktop.exchange.demo import demo_project\n"
        "from ecocheck_desktop.report.pdf import render_report\n"
        "assert render_report(demo_project()).startswith(b'%PDF')\n"
        "print(sorted(m for m in ('matplotlib', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_reports_streams_are_binary() -> None:
    """No ASCII85 text encoding of the page streams (a pure-Python encoder, a larger file)."""
    from ecocheck_desktop.exchange.demo import demo_project
    from ecocheck_desktop.report.pdf import render_report

    data = render_report(demo_project())
    assert b"/FlateDecode" in data and b"/ASCII85Decode" not in data


def test_every_pdf_of_the_app_is_binary_without_the_reports_module() -> None:
    """The consortium summary and the customer answer (report/document.render_a4) are binary
    too, in a process that never imports report/pdf.py (the command line's)."""
    code = (
        "import sys\n"
        "from reportlab.platypus import Paragraph\n"
        "from ecocheck_desktop.report.document import render_a4\n"
        "from ecocheck_desktop.report.layout import Styles\n"
        "data = render_a4([Paragraph('x', Styles('ja').body)], title='t', lang='ja')\n"
        "assert 'ecocheck_desktop.report.pdf' not in sys.modules\n"
        "print(b'/ASCII85Decode' in data, b'/FlateDecode' in data)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True"


def test_a_report_with_interval_data_imports_no_matplotlib(tmp_path: Path) -> None:
    """The デマンド section's picture is a spec too (report/demand_chart.py)."""
    from ecocheck_desktop.cli import main
    from ecocheck_desktop.core.demand import Meter
    from ecocheck_desktop.exchange.demand_parse import load_demand_file
    from ecocheck_desktop.store.project_file import ProjectFile
    from tests.demand import generator

    project = tmp_path / "p.ecocheck"
    assert main(["demo", "-o", str(project)]) == 0
    days = load_demand_file(generator.write_rows(generator.generate(), tmp_path / "y.csv")).days
    with ProjectFile.open(project, user="t") as store:
        store.import_meter_days(Meter("本社"), days)
    out = tmp_path / "r.pdf"
    code = (
        "import sys\n"
        "from ecocheck_desktop.cli import main\n"
        f"assert main(['report', {str(project)!r}, '-o', {str(out)!r}]) == 0\n"
        "print(sorted(m for m in ('matplotlib', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "典型的な1日" in text and "月別の最大デマンド" in text
