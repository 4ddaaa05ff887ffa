"""The data-quality section names the months without data by the completeness rule, the same
months the checks below list: never 「データのない月: なし」 followed by a blank-month warning
(issue 19, seasonal kerosene)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from ecocheck_desktop.core.model import EnergyRecord, Project
from ecocheck_desktop.report.pdf import render_report
from tests.report.sample import sample_project
from tests.report.test_pdf import text_of

WINTER = ("2025-12", "2026-01", "2026-02")
FY2025 = [f"{2025 + (m < 4)}-{m:02d}" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]


def _with_kerosene(months: dict[str, int]) -> Project:
    project = sample_project()
    kerosene = [
        EnergyRecord(m, "kerosene", Decimal(q), "L", site="本社工場") for m, q in months.items()
    ]
    return replace(project, records=[*project.records, *kerosene])


def _quality(lang: str, project: Project) -> str:
    text, _ = text_of(render_report(project, lang=lang, today=date(2026, 6, 1)))
    flat = "".join(text.split())
    heading = "13.データの品質" if lang == "ja" else "13.Dataquality"  # issue 18: 12 is the loan
    return flat[flat.rindex(heading) : flat.rindex("14.")]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_blank_kerosene_months_are_named_once_and_not_called_none(lang: str) -> None:
    quality = _quality(lang, _with_kerosene({m: 200 for m in WINTER}))
    label = "データのない月:" if lang == "ja" else "Monthswithoutdata:"
    kerosene = "灯油" if lang == "ja" else "Kerosene"
    none = "なし" if lang == "ja" else "none"
    assert label + none not in quality
    assert label + kerosene + ":2025-04" in quality
    # The checks name the line once, with the same 9 months.
    assert quality.count("2025-04,2025-05") == 2


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_months_entered_as_zero_are_not_missing(lang: str) -> None:
    months = {m: (200 if m in WINTER else 0) for m in FY2025}
    quality = _quality(lang, _with_kerosene(months))
    label = "データのない月:" if lang == "ja" else "Monthswithoutdata:"
    assert label + ("なし" if lang == "ja" else "none") in quality
