"""The consortium summary: aggregation, the CSV (neutralised, anonymised) and the short PDF."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.exchange.portfolio import PortfolioRow
from ecocheck_desktop.report.consortium import (
    ConsortiumSummary,
    anonymous_name,
    consortium_csv,
    quantile,
)
from ecocheck_desktop.report.consortium_pdf import render_consortium_pdf, write_consortium_pdf

D = Decimal


def row(
    name: str,
    industry: str,
    total: str,
    intensity: str | None,
    *,
    energy: dict[str, str] | None = None,
    plan: str | None = None,
    target: str | None = None,
    fiscal_year: int = 2025,
) -> PortfolioRow:
    by_energy = {code: D(v) for code, v in (energy or {"electricity": total}).items()}
    return PortfolioRow(
        Path(f"/clients/{name}.ecocheck"),
        company=name,
        industry=industry,
        fiscal_year=fiscal_year,
        complete=True,
        scope1_t=by_energy.get("city_gas", D(0)),
        scope2_adjusted_t=by_energy.get("electricity", D(0)),
        total_t=D(total),
        intensity_revenue=D(intensity) if intensity is not None else None,
        energy_gj=D(100),
        by_energy_t=by_energy,
        planned_measures=2 if plan is not None else 0,
        plan_reduction_t=D(plan) if plan is not None else None,
        target_reduction_t=D(target) if target is not None else None,
    )


def sample_summary() -> ConsortiumSummary:
    summary = ConsortiumSummary()
    rows = [
        row("=Alpha", "E24 金属", "100", "0.1", energy={"electricity": "60", "city_gas": "40"},
            plan="10"),
        row("Beta", "E24 金属", "300", "0.4", plan="30", fiscal_year=2024),
        row("Gamma", "E09 食料品", "200", "0.3", target="50"),
        row("Delta", "", "400", None),
        PortfolioRow(
            Path("/clients/broken.ecocheck"),
            error=Message("store.not_a_project", {"reason": "x"}, {"file": "broken"}),
        ),
        row("Epsilon", "E09 食料品", "1000", "2.2"),
    ]  # fmt: skip
    for item in rows:
        summary.add(item)
    return summary


def test_aggregation() -> None:
    s = sample_summary()
    assert (s.files, s.readable, len(s.unreadable)) == (6, 5, 1)
    assert s.total_t == D(2000)
    assert s.scope1_t == D(40) and s.scope2_adjusted_t == D(1960)
    assert s.by_energy == {"electricity": D(1960), "city_gas": D(40)}
    metal, food, blank = s.by_industry["E24 金属"], s.by_industry["E09 食料品"], s.by_industry[""]
    assert (metal.companies, metal.total_t, metal.median_intensity) == (2, D(400), D("0.25"))
    assert (food.companies, food.total_t, food.median_intensity) == (2, D(1200), D("1.25"))
    assert (blank.companies, blank.median_intensity) == (1, None)
    assert s.with_plan == 2 and s.plan_reduction_t == D(40)
    assert s.share_with_plan_pct == D(40)
    # The target-only company is counted apart, not added to the plans' total.
    assert s.with_target_only == 1 and s.target_reduction_t == D(50)
    assert s.with_target == 1 and s.target_only_reduction_t == D(50)
    assert s.fiscal_years == (2024, 2025)
    assert [c.name for c in s.largest(2)] == ["Epsilon", "Delta"]


def test_intensity_distribution() -> None:
    s = sample_summary()
    q = s.intensity_quantiles()
    # 0.1, 0.3, 0.4, 2.2 (Delta has no revenue)
    assert q["min"] == D("0.1") and q["max"] == D("2.2")
    assert q["median"] == D("0.35") and q["p25"] == D("0.25") and q["p75"] == D("0.85")
    assert q["mean"] == D("0.75")
    assert dict(s.intensity_bands()) == {
        "0–0.1": 0,
        "0.1–0.2": 1,
        "0.2–0.5": 2,
        "0.5–1": 0,
        "1–2": 0,
        "2+": 1,
    }
    assert quantile([], D("0.5")) is None


@pytest.mark.parametrize(
    ("index", "ja", "en"),
    [(0, "企業 A", "Company A"), (25, "企業 Z", "Company Z"), (26, "企業 AA", "Company AA")],
)
def test_anonymous_names(index: int, ja: str, en: str) -> None:
    assert anonymous_name(index, "ja") == ja and anonymous_name(index, "en") == en


def read_csv(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_named_and_anonymised() -> None:
    s = sample_summary()
    rows = read_csv(consortium_csv(s))
    value = {(r["section"], r["group"], r["metric"]): r["value"] for r in rows}
    assert value[("overview", "", "total_adjusted_t")] == "2000"
    assert value[("plan", "", "share_with_plan_pct")] == "40"
    assert value[("industry", "E24 金属", "median_intensity")] == "0.25"
    assert value[("energy", "city_gas", "t_co2")] == "40"
    assert value[("company", "'=Alpha", "total_adjusted_t")] == "100"  # neutralised
    assert value[("unreadable", "broken.ecocheck", "reason")] == "store.not_a_project"

    anonymous = consortium_csv(s, anonymise=True, lang="en").decode("utf-8")
    for secret in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "broken"):
        assert secret not in anonymous
    # Letters follow the file order (the broken file is the fifth): Epsilon is Company F.
    assert "Company A," in anonymous and "Company F," in anonymous


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pdf_says_the_figures(lang: str, tmp_path: Path) -> None:
    s = sample_summary()
    path = tmp_path / "consortium.pdf"
    write_consortium_pdf(s, path, lang=lang)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and b"IPAexGothic" in data
    reader = PdfReader(path)
    assert len(reader.pages) <= 3  # short
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "2,000.000" in text  # the total
    assert "E09 食料品" in text and "Epsilon" in text
    heading = "排出原単位の分布" if lang == "ja" else "Distribution of emission intensity"
    assert heading in text
    assert ("40.0 %" in text) and ("broken.ecocheck" in text)


def test_pdf_anonymised_names_nobody() -> None:
    data = render_consortium_pdf(sample_summary(), lang="ja", anonymise=True)
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "企業 F" in text and "企業 A" in text
    for secret in ("Alpha", "Beta", "Epsilon", "broken"):
        assert secret not in text


def test_empty_summary_still_renders() -> None:
    data = render_consortium_pdf(ConsortiumSummary(), lang="en")
    assert data.startswith(b"%PDF-")


def test_pdf_uses_only_the_embedded_japanese_font() -> None:
    """No unembedded base font (the chart renderer starts in Helvetica unless told)."""
    reader = PdfReader(io.BytesIO(render_consortium_pdf(sample_summary(), lang="en")))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert names and all(name.endswith("+IPAexGothic") for name in names), names
