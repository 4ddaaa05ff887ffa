"""The PDF's デマンド section: the meter's base load, 12-month maximum, top peaks and savings in
both languages; absent without interval data; the command line reads it from the project."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from ecocheck_desktop.cli import main
from ecocheck_desktop.exchange.demand_parse import load_demand_file
from ecocheck_desktop.store.project_file import ProjectFile
from tests.demand import generator as g


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_section_in_both_languages(tmp_path: Path) -> None:
    project = tmp_path / "p.ecocheck"
    assert main(["demo", "-o", str(project)]) == 0
    out = tmp_path / "plain.pdf"
    assert main(["report", str(project), "-o", str(out), "--sections", "demand"]) == 0
    assert "デマンド（30分データ）" not in _text(out)  # no data: no section
    days = load_demand_file(g.write_rows(g.generate(), tmp_path / "year.csv")).days
    from ecocheck_desktop.core.demand import Meter

    with ProjectFile.open(project, user="t") as pf:
        pf.import_meter_days(Meter("本社"), days)
    ja, en = tmp_path / "ja.pdf", tmp_path / "en.pdf"
    assert main(["report", str(project), "-o", str(ja), "--sections", "demand"]) == 0
    assert (
        main(["report", str(project), "-o", str(en), "--lang", "en", "--sections", "demand"]) == 0
    )
    text_ja = _text(ja)
    assert "デマンド（30分データ）" in text_ja and "40.0 kW" in text_ja and "320 kW" in text_ja
    assert "2025-07-24 14:00" in text_ja
    # DM-01: (320 - 180) kW x 3,030 yen x 12 = 5,090,400 yen a year.
    assert "5,090,400" in text_ja
    assert "The base load" not in text_ja
    text_en = _text(en)
    assert "Demand (30-minute data)" in text_en and "5,090,400 yen a year" in text_en
    assert "ベースロード" not in text_en
