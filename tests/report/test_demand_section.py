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


def test_every_meter_has_its_block_and_dm_rows_are_in_the_measures(tmp_path: Path) -> None:
    """Two meters: one block each; DM-02 with kWh, t-CO2 and yen; DM-01 and DM-02 in the
    measures section's table with their explanation, each edition in its own language."""
    from decimal import Decimal

    from ecocheck_desktop.core.demand import Meter, MeterData
    from ecocheck_desktop.core.footprint import calculate
    from ecocheck_desktop.core.measures import demand_results_latest

    project = tmp_path / "p.ecocheck"
    assert main(["demo", "-o", str(project)]) == 0
    days = load_demand_file(g.write_rows(g.generate(), tmp_path / "year.csv")).days
    main_meter = Meter("本社工場", base_charge_yen_per_kw=Decimal("3030"))
    with ProjectFile.open(project, user="t") as pf:
        pf.set_measure_plan([])
        pf.import_meter_days(main_meter, days)
        pf.import_meter_days(Meter("第二工場"), days[:60])
        loaded = pf.load()
    ja, en = tmp_path / "ja.pdf", tmp_path / "en.pdf"
    for lang, out in (("ja", ja), ("en", en)):
        assert main(["report", str(project), "-o", str(out), "--lang", lang,
                     "--sections", "demand,measures"]) == 0  # fmt: skip
    text_ja, text_en = _text(ja), _text(en)
    assert "メーター「本社工場」" in text_ja and "メーター「第二工場」" in text_ja
    assert "Meter '本社工場'" in text_en and "Meter '第二工場'" in text_en
    # DM-02 of the main meter, standalone at the footprint year's price and factor: the same
    # numbers the measures engine gives it on its own.
    years = calculate(loaded, strict=False).years
    base = next(
        r for r in demand_results_latest([MeterData(main_meter, tuple(days))], years)
        if r.measure.id == "DM-02"
    )  # fmt: skip
    assert base.saving_kwh == 70080
    line = f"年 70,080 kWh・{base.t_co2_per_year:.2f} t-CO2・{base.yen_per_year:,.0f} 円"
    assert line in text_ja.replace("\n", "")
    assert "saves 70,080 kWh" in text_en.replace("\n", " ")
    # The 60-day meter has no 11th-highest day below its peak: said, not a zero saving.
    assert "契約電力は下がりません" in text_ja
    # The measures section: both rows, DM-01 yen only, the capex labelled an estimate.
    flat_ja, flat_en = text_ja.replace("\n", ""), text_en.replace("\n", " ")
    assert "[DM-01]" in flat_ja and "[DM-02]" in flat_ja and "0（円のみ）" in flat_ja
    assert "EcoCheck の推計です" in flat_ja and "削減は円だけで CO2 は減りません" in flat_ja
    assert "0 (yen only)" in flat_en and "is an EcoCheck estimate" in flat_en
    assert "yen only" not in flat_ja and "円のみ" not in flat_en
