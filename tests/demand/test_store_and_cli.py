"""The meters and meter-days in the project file: exact round trip, size, replacing days,
the migration of a v3 file, and the command line's JSON contract."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.core.demand import Meter, MeterDay
from ecocheck_desktop.core.model import Company, Project
from ecocheck_desktop.exchange.demand_parse import load_demand_file
from ecocheck_desktop.store.migrations import create_schema
from ecocheck_desktop.store.project_file import ProjectFile
from ecocheck_desktop.store.schema import SCHEMA_VERSION
from tests.demand import generator as g


def _new(path: Path) -> None:
    ProjectFile.create(path, Project(company=Company("デマンド社")), user="t").close()


def test_round_trip_is_exact_and_a_meter_year_is_small(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    path = tmp_path / "p.ecocheck"
    _new(path)
    empty = path.stat().st_size
    days = load_demand_file(files["rows"]).days
    meter = Meter(
        "受電点1", site="本社", contract_kw=Decimal("330"),
        base_charge_yen_per_kw=Decimal("1890.00"), base_charge_source="請求書 2025年4月",
        mapping={"layout": "rows", "interval_min": 30},
    )  # fmt: skip
    with ProjectFile.open(path, user="t") as pf:
        pf.import_meter_days(meter, days)
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.meters() == [meter]
        assert pf.meter_days("受電点1") == days
        assert pf.change_log()[-1].action == "demand.import"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("VACUUM")
    assert path.stat().st_size - empty < 200_000  # well under 1 MB for 17,469 half-hours


def test_import_replaces_the_days_it_brings_and_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "p.ecocheck"
    _new(path)
    d1 = MeterDay(g.FIRST_DAY, tuple([1000] * 48))
    d2 = MeterDay(g.FIRST_DAY.replace(day=2), tuple([2000] * 47 + [None]))
    d1b = MeterDay(g.FIRST_DAY, tuple([3000] * 48))
    with ProjectFile.open(path, user="t") as pf:
        pf.import_meter_days(Meter("A"), [d1, d2])
        pf.import_meter_days(Meter("A"), [d1b])
        pf.import_meter_days(Meter("B"), [d1])
        assert pf.meter_days("A") == [d1b, d2]
        pf.delete_meter("B")
        assert [m.name for m in pf.meters()] == ["A"] and pf.meter_days("B") == []


def test_v3_file_migrates_with_a_backup_and_gains_the_demand_tables(tmp_path: Path) -> None:
    path = tmp_path / "v3.ecocheck"
    with closing(sqlite3.connect(path)) as conn:
        create_schema(conn, version=3)
        conn.execute("INSERT INTO company (id, name) VALUES (1, 'v3 社')")
        conn.execute(
            "INSERT INTO records (month, energy, quantity, unit) VALUES"
            " ('2025-04', 'electricity', '52000', 'kWh')"
        )
        conn.commit()
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.meters() == []  # a v3 file read as it is
    with ProjectFile.open(path, user="u") as pf:
        assert pf.backup_path is not None and pf.backup_path.exists()
        project = pf.load()
        assert project.company.name == "v3 社"
        assert project.records[0].quantity == Decimal("52000")
        pf.import_meter_days(Meter("M"), [MeterDay(g.FIRST_DAY, tuple([500] * 48))])
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"meters", "meter_days"} <= tables
    with closing(sqlite3.connect(pf.backup_path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3


def test_cli_import_then_show_json(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.ecocheck"
    assert main(["demo", "-o", str(path)]) == 0
    assert main(["demand", "import", str(path), str(files["wide"]), "--meter", "本社"]) == 0
    out = capsys.readouterr()
    assert "Imported 364 days" in out.out and "the bill says" in out.out
    assert "A row of totals was skipped" in out.err
    assert main(["demand", "show", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["base_load_kw"] == g.BASE_KW
    assert data["contract_kw_12m"] == 320
    assert data["monthly_peak_kw"]["2025-07"] == 320 and len(data["monthly_peak_kw"]) == 12
    assert data["top_peaks"][0] == {"at": "2025-07-24T14:00:00", "kw": 320}
    assert 0 < data["base_load_share_pct"] < 100
    # The cap at 90 % of 320 kW = 288 kW, at the TEPCO default 3,030 yen/kW per month.
    assert data["peak_cap_saving"]["yen_per_year"] == (320 - 288) * 3030 * 12
    assert "tepco" in data["base_charge_source"].lower()
    # The mapping was remembered for the meter.
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.meters()[0].mapping["layout"] == "wide"
    assert main(["demand", "show", str(path), "--meter", "nope", "--json"]) == 2
    assert "nope" in capsys.readouterr().err


def test_cli_show_on_a_project_without_data_says_how_to_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.ecocheck"
    assert main(["demo", "-o", str(path)]) == 0
    capsys.readouterr()
    assert main(["--lang", "ja", "demand", "show", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "p.ecocheck にはまだ30分値がありません" in captured.err
    assert "ecocheck demand import" in captured.err


def test_a_command_reads_the_meters_only_when_it_asks(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    """calc, answer and the CSV/JSON report do not read every 30-minute day of the file; the
    measures and the PDF do (exchange.loading.load_input's ``meters``)."""
    from ecocheck_desktop.exchange.loading import load_input

    path = tmp_path / "p.ecocheck"
    assert main(["demo", "-o", str(path)]) == 0
    assert main(["demand", "import", str(path), str(files["rows"]), "--meter", "本社"]) == 0
    assert load_input(path).meters == ()
    [meter] = load_input(path, meters=True).meters
    assert meter.meter.name == "本社" and len(meter.days) > 300


def test_the_pdf_of_a_json_export_keeps_its_demand_section(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    import io

    from pypdf import PdfReader

    path, exported, pdf = tmp_path / "p.ecocheck", tmp_path / "p.json", tmp_path / "p.pdf"
    assert main(["demo", "-o", str(path)]) == 0
    assert main(["demand", "import", str(path), str(files["rows"]), "--meter", "本社"]) == 0
    assert main(["export", str(path), "-o", str(exported)]) == 0
    assert main(["report", str(exported), "-o", str(pdf), "--lang", "ja"]) == 0
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "デマンド（30分データ）" in text and "メーター「本社」" in text
