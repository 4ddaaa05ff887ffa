"""Page 1 of the report says when the year is incomplete, with the core's reasons."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.model import Company, EnergyRecord, Project, Site, SupplyContract
from ecocheck_desktop.report.pdf import render_report

SITE = "本社工場"


def project(months: int) -> Project:
    return Project(
        Company("バナー試験工業"),
        sites=[Site(SITE)],
        contracts=[SupplyContract(SITE, "electricity", "A0269")],
        records=[
            EnergyRecord(m, "electricity", Decimal(30000), "kWh", SITE)
            for m in months_of_fiscal_year(2025)[:months]
        ],
    )


def first_page(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).pages[0].extract_text() or ""


@pytest.mark.parametrize(
    ("lang", "heading", "reason"),
    [("ja", "未確定", "12か月のうち10か月分"), ("en", "Incomplete", "only 10 of its 12 months")],
)
def test_a_part_year_gets_a_banner_on_page_one(lang: str, heading: str, reason: str) -> None:
    text = first_page(render_report(project(10), lang=lang, today=date(2026, 6, 1)))
    compact = "".join(text.split())
    assert "".join(heading.split()) in compact
    assert "".join(reason.split()) in compact


def test_a_complete_year_has_no_banner() -> None:
    text = first_page(render_report(project(12), lang="ja", today=date(2026, 6, 1)))
    assert "未確定" not in text


def test_an_estimate_is_named_as_such_where_factors_are_listed() -> None:
    from ecocheck_desktop.text.report import how_text

    for how in ("estimate_substitute", "estimate_retailer"):
        assert "推計" in how_text(how, "ja")
        assert "estimate" in how_text(how, "en")
