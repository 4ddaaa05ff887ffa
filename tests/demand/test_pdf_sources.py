"""The PDF of a company with 30-minute data cites official or primary publishers only: every
address printed in either edition (the デマンド section's tariff source included) is on the
list of core/sources.py, and DM-01/DM-02's capex is labelled an EcoCheck estimate."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.demand import Meter, MeterData
from ecocheck_desktop.core.sources import is_primary
from ecocheck_desktop.exchange.demand_parse import load_demand_file
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.report.pdf import render_report

# An address up to the first space or bracket; a wrapped one keeps its host on the first line.
URL = re.compile(r"https?://[^\s()（）、。]+")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_cited_address_is_official_or_primary(files: dict[str, Path], lang: str) -> None:
    meter = MeterData(Meter("本社"), tuple(load_demand_file(files["rows"]).days))
    data = render_report(demo_project(), lang=lang, today=date(2026, 12, 1), demand=[meter])
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    urls = URL.findall(text)
    assert any("tepco.co.jp" in url for url in urls)  # the tariff default's source is printed
    assert [url for url in urls if not is_primary(url)] == []
    flat = "".join(text.split())
    assert ("EcoCheckの推計" if lang == "ja" else "EcoCheckestimate") in flat
