"""Anything that can be entered can be printed: long text wraps or is shortened with …, never
a reportlab LayoutError; a batch of reports goes on past a client whose report fails."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from ecocheck_desktop.core import limits
from ecocheck_desktop.exchange.portfolio import scan_file
from ecocheck_desktop.report.batch import batch_reports
from ecocheck_desktop.report.consortium import ConsortiumSummary
from ecocheck_desktop.report.consortium_pdf import render_consortium_pdf
from ecocheck_desktop.report.layout import MAX_CELL_HEIGHT, Styles, fit, safe
from ecocheck_desktop.report.pdf import render_report
from ecocheck_desktop.store.project_file import ProjectFile
from tests.security.long_text import long_text, long_text_project

pypdf = pytest.importorskip("pypdf")


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "".join(page.extract_text() or "" for page in reader.pages)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_4000_character_company_and_every_long_field_print(lang: str) -> None:
    project = long_text_project(4000)
    data = render_report(project, lang=lang)  # raised LayoutError before
    assert data.startswith(b"%PDF-")
    text = _text(data)
    assert "長い名前LongName長い" in text.replace("\n", "")
    assert "…" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_text_at_the_caps_prints_in_full(lang: str) -> None:
    # The caps of core.limits are the contract: a name of exactly MAX_COMPANY_NAME prints whole
    # in the company profile (wrapped, not cut).
    project = long_text_project(limits.MAX_COMPANY_NAME)
    text = _text(render_report(project, lang=lang)).replace("\n", "")
    assert project.company.name in text


def test_fit_shortens_only_what_would_overflow() -> None:
    styles = Styles("ja")
    short = fit(safe("株式会社テスト"), styles.user, 100 * mm)
    assert short.getPlainText() == "株式会社テスト"
    long = fit(safe(long_text(20_000)), styles.user, 30 * mm)
    assert long.wrap(30 * mm, 10**6)[1] <= MAX_CELL_HEIGHT
    assert long.getPlainText().endswith("…")


def test_the_consortium_pdf_prints_long_company_names(tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    project = long_text_project(4000)
    ProjectFile.create(folder / "long.ecocheck", project).close()
    summary = ConsortiumSummary()
    summary.add(scan_file(folder / "long.ecocheck"))
    for lang in ("ja", "en"):
        assert render_consortium_pdf(summary, lang=lang).startswith(b"%PDF-")


def test_a_batch_goes_on_after_a_client_whose_report_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.platypus.doctemplate import LayoutError

    from ecocheck_desktop.exchange.demo import demo_project
    from ecocheck_desktop.report import batch, pdf

    folder, out = tmp_path / "clients", tmp_path / "pdf"
    folder.mkdir()
    names = ["a", "b", "c"]
    for name in names:
        ProjectFile.create(folder / f"{name}.ecocheck", demo_project()).close()
    real = pdf.build_report

    def flaky(project: object, path: Path, **kwargs: object) -> None:
        if path.stem == "b":  # whatever reportlab may still raise for one odd client
            raise LayoutError("Flowable too large on page 3")
        real(project, path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "build_report", flaky)  # where the batch looks it up
    results = list(batch_reports([folder / f"{n}.ecocheck" for n in names], out))
    assert [r.source.stem for r in results] == names
    assert [r.error is None for r in results] == [True, False, True]
    failed = results[1].error
    assert failed is not None and failed.code == "portfolio.failed"
    assert "LayoutError" in failed.params["reason"]
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "c.pdf"]
