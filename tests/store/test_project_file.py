"""The project file: round trip, autosave, change log, in-use detection, migrations."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Company, EnergyRecord, FiscalYearData, Site, SupplyContract
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from ecocheck_desktop.store.schema import SCHEMA_VERSION
from tests.store.conftest import FIXTURES, file_state


def codes(error: pytest.ExceptionInfo[EcoCheckError]) -> list[str]:
    return [m.code for m in error.value.messages]


def test_create_and_load_round_trip(tmp_path: Path, project) -> None:
    path = tmp_path / "a.ecocheck"
    ProjectFile.create(path, project, user="山田").close()
    assert load_project(path) == project
    # Closed means one self-contained file.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ecocheck"]
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_create_refuses_to_overwrite(tmp_path: Path, project) -> None:
    path = tmp_path / "a.ecocheck"
    path.write_bytes(b"precious")
    with pytest.raises(EcoCheckError) as error:
        ProjectFile.create(path, project)
    assert codes(error) == ["store.exists"]
    assert path.read_bytes() == b"precious"


def test_every_edit_is_committed_and_logged(tmp_path: Path, project) -> None:
    path = tmp_path / "a.ecocheck"
    pf = ProjectFile.create(path, project, user="山田")
    record = EnergyRecord("2025-06", "electricity", Decimal("100.5"), "kWh")
    record_id = pf.add_record(record)
    pf.update_record(record_id, EnergyRecord("2025-06", "electricity", Decimal("200"), "kWh"))
    first_id = pf.records()[0][0]
    pf.delete_record(first_id)
    pf.set_company(Company("新社名"))
    pf.upsert_site(Site("本社工場", "新住所"))
    pf.upsert_site(Site("倉庫"))
    pf.set_contract(SupplyContract("本社工場", "electricity", "A0001"))
    pf.set_fiscal_year(FiscalYearData(2026, Decimal(900)))
    pf.set_checklist({"compressor_count": 3})
    # Read back by a fresh reader while the writer has not closed: only committed data exists
    # in the file, so compare after close too.
    pf.close()
    loaded = load_project(path)
    assert loaded.company.name == "新社名"
    assert [s.name for s in loaded.sites] == ["本社工場", "第二工場", "倉庫"]
    assert loaded.sites[0].address == "新住所"
    assert loaded.contract_for("本社工場", "electricity").supplier == "A0001"
    assert loaded.fiscal_years[2026].revenue_million_yen == Decimal(900)
    assert loaded.checklist == {"compressor_count": 3}
    assert loaded.records[-1].quantity == Decimal("200")
    assert len(loaded.records) == len(project.records)
    with ProjectFile.open(path, read_only=True) as reader:
        log = reader.change_log()
    actions = [entry.action for entry in log]
    assert actions == [
        "project.create",
        "record.add",
        "record.update",
        "record.delete",
        "company.set",
        "site.set",
        "site.set",
        "contract.set",
        "fiscal_year.set",
        "checklist.set",
    ]
    update = log[2]
    assert update.user == "山田"
    assert update.target == f"records[{record_id}]"
    assert update.old["quantity"] == "100.5" and update.new["quantity"] == "200"
    assert log[4].old["name"] == "テスト金属工業" and log[4].new["name"] == "新社名"


def test_list_setters_replace_whole_lists(tmp_path: Path, project) -> None:
    path = tmp_path / "a.ecocheck"
    with ProjectFile.create(path, project) as pf:
        pf.set_targets([])
        pf.set_refrigerants(project.refrigerants * 2)
        pf.set_scope3([])
        pf.set_measure_plan([])
    loaded = load_project(path)
    assert loaded.targets == [] and loaded.scope3 == [] and loaded.measure_plan == []
    assert loaded.refrigerants == project.refrigerants * 2


def test_unknown_record_id_is_a_message(tmp_path: Path, project) -> None:
    with ProjectFile.create(tmp_path / "a.ecocheck", project) as pf:
        with pytest.raises(EcoCheckError) as error:
            pf.update_record(999, project.records[0])
    assert codes(error) == ["store.record_not_found"]


def test_read_only_session_refuses_writes(tmp_path: Path, project) -> None:
    path = tmp_path / "a.ecocheck"
    ProjectFile.create(path, project).close()
    before = file_state(path)
    with ProjectFile.open(path, read_only=True) as pf:
        with pytest.raises(EcoCheckError) as error:
            pf.set_company(Company("x"))
    assert codes(error) == ["store.not_writable"]
    assert file_state(path) == before


_SECOND_PROCESS = """
import sys
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.store.project_file import ProjectFile, load_project
for opener in (lambda p: ProjectFile.open(p), load_project):
    try:
        opened = opener(sys.argv[1])
        getattr(opened, "close", lambda: None)()
        print("opened")
    except EcoCheckError as error:
        print(error.messages[0].code)
"""


def test_second_process_is_told_the_file_is_in_use(tmp_path: Path, project) -> None:
    path = tmp_path / "a.ecocheck"
    pf = ProjectFile.create(path, project)
    pf.add_record(project.records[0])
    result = subprocess.run(
        [sys.executable, "-c", _SECOND_PROCESS, str(path)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.split() == ["store.in_use", "store.in_use"]
    pf.close()
    result = subprocess.run(
        [sys.executable, "-c", _SECOND_PROCESS, str(path)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.split() == ["opened", "opened"]


def test_v1_fixture_migrates_with_a_backup(tmp_path: Path) -> None:
    fixture = FIXTURES / "schema_v1.ecocheck"
    path = tmp_path / "old.ecocheck"
    shutil.copy(fixture, path)
    # Reading an old file does not migrate (or otherwise touch) it.
    before = file_state(path)
    old = load_project(path)
    assert file_state(path) == before
    with ProjectFile.open(path, user="u") as pf:
        assert pf.backup_path is not None and pf.backup_path.exists()
        backup = pf.backup_path
        (info,) = pf.evidence()
        _, data = pf.evidence_data(info.id)
        assert info.sha256 == hashlib.sha256(data).hexdigest()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # The backup is the old file, still at version 1, with the same content.
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert load_project(backup) == old
    migrated = load_project(path)
    assert migrated == old
    assert migrated.records[0].quantity == Decimal("30123.4")
    assert migrated.records[1].estimated is True
    assert migrated.checklist == {"compressor_count": 2, "roof_area_m2": "1500"}


def test_v2_file_gains_the_contract_choice_columns(tmp_path: Path, project) -> None:
    """Schema v3 adds how a contract's factor was chosen, the gas heat value and the LPG
    conversion; a v2 file migrates with its contracts intact, the new fields at their defaults."""
    from ecocheck_desktop.store.migrations import create_schema

    path = tmp_path / "v2.ecocheck"
    with closing(sqlite3.connect(path)) as conn:
        create_schema(conn, version=2)
        conn.execute("INSERT INTO company (id, name) VALUES (1, 'v2 社')")
        conn.execute(
            "INSERT INTO contracts (site, energy, supplier, factor_basic, factor_source)"
            " VALUES ('本社', 'electricity', 'A0269', '0.000450', '請求書 2024年4月')"
        )
        conn.commit()
    with ProjectFile.open(path, user="u") as pf:
        assert pf.backup_path is not None
        (contract,) = pf.load().contracts
        assert contract.factor_basic == Decimal("0.000450")
        assert contract.factor_choice == "" and contract.heat_value_gj_per_km3 is None
        chosen = SupplyContract(
            site="本社", energy="city_gas", supplier="金沢市企業局",
            heat_value_gj_per_km3=Decimal("46.0"), heat_value_source="供給約款",
        )  # fmt: skip
        lpg = SupplyContract(
            site="本社", energy="lpg", lpg_conversion="kg_per_m3",
            lpg_kg_per_m3=Decimal("2.08"), lpg_source="納品書",
        )  # fmt: skip
        pf.set_contract(chosen)
        pf.set_contract(lpg)
    assert load_project(path).contracts == [contract, chosen, lpg]
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        columns = {row[1] for row in conn.execute("PRAGMA table_info(contracts)")}
    assert {"factor_choice", "estimate_basis", "heat_value_gj_per_km3", "lpg_kg_per_m3"} <= columns
