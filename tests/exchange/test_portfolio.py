"""The portfolio scan: a row per file, unreadable files as rows with a reason, nothing changed."""

from __future__ import annotations

import csv
import hashlib
import io
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.catalogue import load_catalogue
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.measures import baseline_from_year, evaluate
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import EnergyRecord
from ecocheck_desktop.exchange import portfolio
from ecocheck_desktop.exchange.cells import json_number
from ecocheck_desktop.exchange.portfolio import (
    SUMMARY_FIELDS,
    SummaryCsv,
    project_files,
    scan_file,
    scan_folder,
    summary_record,
    target_reduction_t,
)
from ecocheck_desktop.report.batch import batch_reports
from ecocheck_desktop.report.companion import key_figures
from ecocheck_desktop.store.project_file import ProjectFile
from tests.exchange.portfolio_folder import (
    EXPECTED,
    GOLDEN_NAME,
    demo_with_plan,
    make_folder,
    target_only_project,
)
from tests.store.conftest import leave_hot_journal


def six(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.000001"), ROUND_HALF_UP)


def folder_state(folder: Path) -> dict[str, str]:
    """Every name in the folder with its content hash and mtime: a scan must change none."""
    return {
        p.name: f"{p.stat().st_mtime_ns}:{hashlib.sha256(p.read_bytes()).hexdigest()}"
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    make_folder(tmp_path / "clients")
    return tmp_path / "clients"


def test_lists_project_files_only_in_name_order(folder: Path) -> None:
    names = [p.name for p in project_files(folder)]
    # No .txt/.csv, no sub-folder, no migration backup (the same company again).
    assert names == [
        "a_golden.ecocheck",
        "b_demo.ecocheck",
        "c_target.ecocheck",
        "d_broken.ecocheck",
        "e_newer.ecocheck",
        "f_locked.ecocheck",
        "g_empty.ecocheck",
    ]


def test_missing_folder_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(EcoCheckError) as error:
        project_files(tmp_path / "nope")
    assert error.value.messages[0].code == "portfolio.folder_missing"
    (tmp_path / "file.ecocheck").write_bytes(b"")
    with pytest.raises(EcoCheckError) as error:
        project_files(tmp_path / "file.ecocheck")
    assert error.value.messages[0].code == "portfolio.not_a_folder"


def test_unreadable_folder_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)  # root ignores folder permissions here
    with pytest.raises(EcoCheckError) as error:
        project_files(tmp_path)
    message = error.value.messages[0]
    assert message.code == "portfolio.folder_unreadable" and "Permission denied" in message.text()


def test_every_bad_file_is_a_row_with_its_reason_and_stays_untouched(folder: Path) -> None:
    locked = ProjectFile.open(folder / "f_locked.ecocheck")  # another window holds it
    try:
        locked.set_company(locked.load_company())  # it has written: a live journal beside it
        before = folder_state(folder)
        rows = list(scan_folder(folder))
        assert folder_state(folder) == before
    finally:
        locked.close()
    reasons = {row.file_name: (row.error.code if row.error else None) for row in rows}
    assert reasons == {
        "a_golden.ecocheck": None,
        "b_demo.ecocheck": None,
        "c_target.ecocheck": None,
        "d_broken.ecocheck": "store.not_a_project",
        "e_newer.ecocheck": "store.newer_version",
        "f_locked.ecocheck": "store.in_use",
        "g_empty.ecocheck": "portfolio.no_data",
    }
    # The reason names the file, and the empty project still shows who it is.
    assert all(str(row.path) in row.error.text() for row in rows if row.error)
    assert rows[-1].company == "データなし株式会社"


def test_a_file_locked_before_its_first_edit_is_in_use(folder: Path) -> None:
    path = folder / "f_locked.ecocheck"
    with ProjectFile.open(path):
        row = scan_file(path)
    assert row.error is not None and row.error.code == "store.in_use"


_CRASH = """
import os, sys
from ecocheck_desktop.store.project_file import ProjectFile
pf = ProjectFile.open(sys.argv[1])
pf.set_company(pf.load_company())
os._exit(0)  # a crash: the journal stays beside the file
"""


def test_a_file_left_by_a_crash_is_read_without_changing_it(folder: Path) -> None:
    path = folder / "f_locked.ecocheck"
    subprocess.run([sys.executable, "-c", _CRASH, str(path)], check=True, timeout=60)
    leave_hot_journal(path)  # and another one killed in the middle of a commit
    before = folder_state(folder)
    row = scan_file(path)
    assert row.ok and row.error is None and row.company
    assert folder_state(folder) == before  # read from a recovered copy, not recovered in place


def test_an_older_file_is_read_without_upgrading_it(folder: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "store" / "fixtures" / "schema_v1.ecocheck"
    (folder / "h_old.ecocheck").write_bytes(fixture.read_bytes())
    before = folder_state(folder)
    row = scan_file(folder / "h_old.ecocheck")
    assert row.ok and row.fiscal_year == 2025 and row.total_t is not None
    assert folder_state(folder) == before  # no migration, no backup copy beside it


def test_golden_company_row(folder: Path) -> None:
    row = scan_file(folder / "a_golden.ecocheck")
    assert row.ok and row.company == GOLDEN_NAME and row.fiscal_year == 2025 and row.complete
    assert six(row.total_t) == Decimal(EXPECTED["total_adjusted_t"])
    assert six(row.scope1_t) == Decimal(EXPECTED["scope1_t"])
    assert six(row.scope2_adjusted_t) == Decimal(EXPECTED["scope2_adjusted_t"])
    assert six(row.energy_gj) == Decimal(EXPECTED["energy_gj"])
    assert six(row.intensity_revenue) == six(Decimal(EXPECTED["total_adjusted_t"]) / 500)
    # Electricity, city gas and diesel in all twelve months.
    assert row.months_with_data == 12 and row.completeness_pct == 100
    assert row.plan_reduction_t is None and row.target_reduction_t is None
    assert (row.pcaf_option, row.pcaf_score, row.part_year) == ("1b", 2, False)


def test_figures_agree_with_the_companion(folder: Path) -> None:
    row = scan_file(folder / "b_demo.ecocheck")
    project = demo_with_plan()
    records = key_figures(project, calculate(project, strict=False))
    latest = records[-1]
    assert row.fiscal_year == latest["fiscal_year"]
    assert float(six(row.total_t)) == latest["total_adjusted_t"]
    assert float(six(row.scope1_t)) == latest["scope1_t"]
    assert float(six(row.yoy_change_pct)) == latest["yoy_change_pct"]
    assert float(six(row.intensity_revenue)) == latest["intensity_revenue_t_per_million_yen"]
    assert six(row.previous_total_t) is not None


def test_the_plans_cut_and_the_targets_ask_are_apart(folder: Path, tmp_path: Path) -> None:
    demo = scan_file(folder / "b_demo.ecocheck")
    project = demo_with_plan()
    year = calculate(project, strict=False).years[-1]
    catalogue = load_catalogue()
    plan = evaluate(project, baseline_from_year(year, catalogue), catalogue)
    assert demo.planned_measures == 2 and demo.has_plan
    assert demo.plan_reduction_t == plan.totals.t_co2_per_year > 0
    footprint = calculate(project, strict=False)
    ask = target_reduction_t(project, footprint)
    assert demo.target_reduction_t == (Decimal(str(json_number(ask))) if ask is not None else None)
    record = summary_record(demo)
    # The old column keeps the companion's one meaning: what the target asks for.
    assert record["planned_reduction_t"] == record["target_reduction_t"] == json_number(ask)
    assert record["plan_reduction_t"] == json_number(plan.totals.t_co2_per_year)

    # The target file's base year has city gas in 6 of 12 months: incomplete (core rule), so
    # no reduction in t is derived from it.
    partial = scan_file(folder / "c_target.ecocheck")
    assert not partial.complete and partial.target_reduction_t is None
    full = target_only_project()
    full.records += [
        EnergyRecord(m, "city_gas", Decimal(500), "m3") for m in months_of_fiscal_year(2025)[6:]
    ]
    path = tmp_path / "full_target.ecocheck"
    ProjectFile.create(path, full).close()
    target = scan_file(path)
    assert target.complete
    assert target.plan_reduction_t is None and not target.has_plan
    # SBT linear 5 %/yr of the base year from FY2025 to FY2030: a quarter of the FY2025 emissions.
    assert six(target.target_reduction_t) == six(target.total_t * Decimal("0.25"))


def test_completeness_counts_energy_months(folder: Path) -> None:
    row = scan_file(folder / "c_target.ecocheck")
    # Electricity 12 months + city gas 6 of 12: 18 of 24 energy-months.
    assert row.completeness_pct == 75 and row.months_with_data == 12


def test_latest_complete_year_is_chosen(tmp_path: Path) -> None:
    project = target_only_project()
    # FY2026 electricity: the library has no retailer list for it yet, so that year is
    # incomplete (factor.needed) and FY2025 stays the year shown.
    from ecocheck_desktop.core.model import EnergyRecord

    project.records.append(EnergyRecord("2026-04", "electricity", Decimal(9000), "kWh"))
    # City gas in every month, so FY2025 is complete under the core rule (no blank months).
    project.records += [
        EnergyRecord(m, "city_gas", Decimal(500), "m3") for m in months_of_fiscal_year(2025)[6:]
    ]
    path = tmp_path / "x.ecocheck"
    ProjectFile.create(path, project).close()
    footprint = calculate(project, strict=False)
    assert [y.fiscal_year for y in footprint.years if not y.complete] == [2026]
    row = scan_file(path)
    assert row.fiscal_year == 2025 and row.complete


def test_scan_reads_one_file_at_a_time(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real = portfolio.read_project

    def counting(path: Path):  # type: ignore[no-untyped-def]
        opened.append(path.name)
        return real(path)

    monkeypatch.setattr(portfolio, "read_project", counting)
    rows = scan_folder(folder)
    first = next(rows)
    assert first.file_name == "a_golden.ecocheck" and opened == ["a_golden.ecocheck"]
    assert len(list(rows)) == 6 and len(opened) == 7


def test_progress_and_cancel(folder: Path) -> None:
    seen: list[tuple[int, int]] = []
    rows = list(scan_folder(folder, progress=lambda d, t: seen.append((d, t))))
    assert len(rows) == 7 and seen[0] == (1, 7) and seen[-1] == (7, 7)
    stop_after = 2
    rows = list(scan_folder(folder, cancelled=lambda: len(seen) >= 7 + stop_after,
                            progress=lambda d, t: seen.append((d, t))))  # fmt: skip
    assert len(rows) == stop_after


def test_summary_csv_neutralises_formulas_and_anonymises(tmp_path: Path) -> None:
    project = target_only_project('=HYPERLINK("http://x")')
    path = tmp_path / "@evil.ecocheck"
    ProjectFile.create(path, project).close()
    row = scan_file(path)
    named = SummaryCsv()
    named.add(row)
    text = named.data().decode("utf-8")
    assert text.startswith("\ufeff")
    records = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(records[0]) == list(SUMMARY_FIELDS)
    assert records[0]["company"].startswith("'=") and records[0]["file"].startswith("'@")
    assert records[0]["status"] == "ok" and records[0]["completeness_pct"] == "75"

    anonymous = SummaryCsv()
    anonymous.add(row, anonymous_name="企業 A")
    text = anonymous.data().decode("utf-8")
    assert "HYPERLINK" not in text and "evil" not in text and "企業 A" in text


def test_summary_csv_row_of_an_unreadable_file(folder: Path) -> None:
    out = SummaryCsv()
    out.add(scan_file(folder / "e_newer.ecocheck"), anonymous_name="企業 E")
    record = next(csv.DictReader(io.StringIO(out.data().decode("utf-8").lstrip("\ufeff"))))
    assert record["status"] == "unreadable" and record["reason_code"] == "store.newer_version"
    assert "e_newer" not in record["reason"] and "企業 E" in record["reason"]
    assert record["total_adjusted_t"] == ""


def test_batch_reports_go_on_after_a_failure(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    files = [folder / n for n in ("a_golden.ecocheck", "d_broken.ecocheck", "c_target.ecocheck")]
    seen: list[tuple[int, int]] = []
    results = list(batch_reports(files, out, progress=lambda d, t: seen.append((d, t))))
    assert [r.error.code if r.error else None for r in results] == [
        None,
        "store.not_a_project",
        None,
    ]
    assert sorted(p.name for p in out.iterdir()) == ["a_golden.pdf", "c_target.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in out.iterdir())
    assert seen[-1] == (3, 3)


def test_batch_reports_cancel(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    files = [folder / "a_golden.ecocheck", folder / "c_target.ecocheck"]
    done: list[int] = []
    results = list(
        batch_reports(
            files, out, progress=lambda d, t: done.append(d), cancelled=lambda: bool(done)
        )
    )
    assert len(results) == 1
    assert sorted(p.name for p in out.iterdir()) == ["a_golden.pdf"]  # no temporary file left
