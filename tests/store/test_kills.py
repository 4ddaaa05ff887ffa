"""Kill tests with real processes: the GUI's service object (headless) doing one kind of user
action over and over (tests/store/kill_driver.py), killed with SIGKILL at seeded random moments.

After every kill the file must open in every EcoCheck path (the read-only paths of the command
line and the portfolio without changing it, then the app, read-write), pass
``integrity_check``, and hold exactly the state after the last action reported done or the
state after the action that was running: each action all or nothing, no saved edit lost.

``ECOCHECK_KILLS`` sets the kills per scenario (default 8); ``ECOCHECK_KILL_SEED`` the seed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core.model import Company, Project, Site, SupplyContract
from ecocheck_desktop.exchange.loading import load_input
from ecocheck_desktop.exchange.portfolio import scan_file
from ecocheck_desktop.store.project_file import ProjectFile, load_project
from ecocheck_desktop.store.schema import SCHEMA_VERSION
from tests.store.conftest import FIXTURES
from tests.store.kill_driver import SITE, state_of

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("ECOCHECK_KILLS", "8"))
SEED = int(os.environ.get("ECOCHECK_KILL_SEED", "20261201"))
# How long after "ready" the kill may come (seconds): a few actions' worth.
WINDOWS = {
    "edits": 0.4,
    "paste": 0.5,
    "import": 0.5,
    "attach": 0.25,
    "close": 0.6,
    "migration": 0.15,
}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _new_project() -> Project:
    return Project(
        company=Company("強制終了テスト"),
        sites=[Site(SITE)],
        contracts=[SupplyContract(SITE, "electricity", "A0269", "")],
    )


def _run_and_kill(scenario: str, path: Path, rng: random.Random, base: int) -> list[Any]:
    """Start the driver, kill it at a random moment; the states acceptable afterwards."""
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.store.kill_driver", scenario, str(path), str(base)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert driver.stdout is not None and driver.stderr is not None
    first = driver.stdout.readline()
    if first.strip() != "ready":
        driver.kill()
        raise AssertionError(f"driver did not start: {first!r} {driver.stderr.read()}")
    time.sleep(rng.uniform(0, WINDOWS[scenario]))
    driver.send_signal(signal.SIGKILL)
    # Through the same buffered stream as "ready" (communicate() would read the raw pipe and
    # lose what readline() already buffered); the process is dead, so these cannot block.
    out, err = driver.stdout.read(), driver.stderr.read()
    driver.wait(timeout=60)
    assert driver.returncode in (-signal.SIGKILL, 0), err
    done: Any = None
    begun: Any = None
    for line in out.splitlines():
        word, _, rest = line.partition(" ")
        if word == "begin":
            begun = json.loads(rest)
        elif word == "done":
            done, begun = begun, None
        elif word != "closed":
            raise AssertionError(f"unexpected driver output {line!r} in {out!r}")
    return [done, begun]


def _check(path: Path, scenario: str, acceptable: list[Any]) -> Any:
    """Every EcoCheck path opens the killed file, with one of the acceptable states."""
    siblings = sorted(p.name for p in path.parent.iterdir())
    before = (path.read_bytes(), siblings)
    # Read-only paths first: `ecocheck calc/report/export` (load_input / load_project) and the
    # portfolio scan. They read a recovered copy when needed and change nothing.
    with ProjectFile.open(path, read_only=True) as reader:
        read_state = state_of(reader, scenario)
    assert load_input(path).project == load_project(path)
    row = scan_file(path)
    assert row.error is None or row.error.code == "portfolio.no_data", row.error  # not refused
    assert (path.read_bytes(), sorted(p.name for p in path.parent.iterdir())) == before
    # The app (read-write): SQLite's own recovery, then the same state.
    with ProjectFile.open(path) as writer:
        write_state = state_of(writer, scenario)
    assert write_state == read_state
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    if scenario != "migration":
        candidates = [state for state in acceptable if state is not None]
        assert read_state in candidates, [_diff(read_state, state) for state in candidates]
    return read_state


def _diff(found: Any, expected: Any) -> Any:
    if not isinstance(found, dict) or not isinstance(expected, dict):
        return found, expected
    keys = sorted(set(found) | set(expected))
    return {
        key: (found.get(key), expected.get(key))
        for key in keys
        if found.get(key) != expected.get(key)
    }


@pytest.mark.parametrize("scenario", ["edits", "paste", "import", "attach", "close"])
def test_killed_at_random_moments_loses_nothing_and_halves_nothing(
    tmp_path: Path, scenario: str
) -> None:
    rng = random.Random(f"{SEED}-{scenario}")
    path = tmp_path / f"{scenario}.ecocheck"
    ProjectFile.create(path, _new_project(), user="t").close()
    with ProjectFile.open(path, read_only=True) as pf:
        state = state_of(pf, scenario)
    completed = 0
    for kill in range(KILLS):
        done, begun = _run_and_kill(scenario, path, rng, base=(kill + 1) * 10_000)
        completed += done is not None
        state = _check(path, scenario, [done if done is not None else state, begun])
    assert completed > 0  # the kills did land between and during actions
    result = subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.cli", "calc", str(path), "--json"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_killed_during_the_migration_of_an_old_file(tmp_path: Path) -> None:
    rng = random.Random(f"{SEED}-migration")
    path = tmp_path / "old.ecocheck"
    original = load_project(FIXTURES / "schema_v1.ecocheck")
    migrated = 0
    for kill in range(KILLS):
        if kill == 0 or _version(path) == SCHEMA_VERSION:
            for item in tmp_path.iterdir():
                item.unlink()
            shutil.copyfile(FIXTURES / "schema_v1.ecocheck", path)
        _run_and_kill("migration", path, rng, base=0)
        # A backup under the backup name is always a whole, checked database of the old file.
        for backup in tmp_path.glob("old.v1-backup-*.ecocheck"):
            with closing(sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)) as c:
                assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert c.execute("PRAGMA user_version").fetchone()[0] == 1
            assert load_project(backup) == original
        version_before = _version(path)
        assert load_project(path) == original
        _check(path, "migration", [])
        migrated += version_before == SCHEMA_VERSION
        assert load_project(path) == original
        assert _version(path) == SCHEMA_VERSION
        assert list(tmp_path.glob(".*.tmp")) == []  # a killed backup's leftover is cleaned


def _version(path: Path) -> int:
    # A plain connection, as the app opens the file: a kill mid-commit leaves a hot journal,
    # which is rolled back first (immutable=1 would read the half-written pages).
    with closing(sqlite3.connect(path)) as c:
        return int(c.execute("PRAGMA user_version").fetchone()[0])


def test_killed_json_import_leaves_the_whole_project_or_nothing(tmp_path: Path) -> None:
    """`ecocheck import x.json` with its scans, killed at random: never a partial project."""
    from tests.store.kill_driver import scan_png

    rng = random.Random(f"{SEED}-json-import")
    source = tmp_path / "source.ecocheck"
    scans = 40
    with ProjectFile.create(source, _new_project(), user="t") as pf:
        for n in range(scans):
            pf.attach_evidence(scan_png(n, 40_000), f"scan{n}.png", month="2025-04")
    exported = tmp_path / "export.json"
    _ecocheck("export", str(source), "-o", str(exported))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "imported.ecocheck"
    start = time.perf_counter()
    _ecocheck("import", str(exported), "-o", str(target))
    duration = time.perf_counter() - start
    outcomes: list[list[str]] = []
    for _ in range(KILLS):
        target.unlink(missing_ok=True)
        importer = subprocess.Popen(
            [sys.executable, "-m", "ecocheck_desktop.cli", "import", str(exported),
             "-o", str(target)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
        )  # fmt: skip
        time.sleep(rng.uniform(0.2 * duration, duration))
        importer.send_signal(signal.SIGKILL)
        importer.communicate(timeout=60)
        outcomes.append(sorted(p.name for p in out.iterdir()))
        if target.exists():  # then whole: every scan
            with ProjectFile.open(target, read_only=True) as pf:
                assert len(pf.evidence()) == scans
    # Nothing but the whole project and hidden temporary files of killed runs.
    names = {name for outcome in outcomes for name in outcome}
    assert all(name == target.name or name.startswith(".imported.ecocheck.") for name in names)
    # The next run cleans what killed runs left, and writes the whole project.
    target.unlink(missing_ok=True)
    _ecocheck("import", str(exported), "-o", str(target))
    with ProjectFile.open(target, read_only=True) as pf:
        assert len(pf.evidence()) == scans
    assert sorted(p.name for p in out.iterdir()) == ["imported.ecocheck"]


def _ecocheck(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ecocheck_desktop.cli", *args],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_killed_exports_and_hand_overs_leave_nothing_after_the_next_run(tmp_path: Path) -> None:
    """`ecocheck export` (JSON with scans, CSV) and `handover export`, killed while writing
    (the moment their temporary file appears, then at seeded random moments) and run again
    at once: the folder holds the whole output and nothing else (a killed JSON export's
    temporary file used to stay for 5 minutes), and the hand-over copy reads whole."""
    from tests.store.kill_driver import scan_png

    rng = random.Random(f"{SEED}-exports")
    source = tmp_path / "source.ecocheck"
    with ProjectFile.create(source, _new_project(), user="t") as pf:
        for n in range(8):
            pf.attach_evidence(scan_png(n, 1_000_000), f"scan{n}.png", month="2025-04")
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "e.json": ["export", str(source), "-o", str(out / "e.json")],
        "e.csv": ["export", str(source), "-o", str(out / "e.csv")],
        "h.ecocheck": ["handover", "export", str(source), "-o", str(out / "h.ecocheck")],
    }
    caught = 0
    for name, args in commands.items():
        for kill in range(max(2, KILLS // 2)):
            child = subprocess.Popen(
                [sys.executable, "-m", "ecocheck_desktop.cli", *args],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
            )  # fmt: skip
            deadline = time.monotonic() + 60
            while child.poll() is None and time.monotonic() < deadline:
                if any(p.name.startswith(f".{name}.") for p in out.iterdir()):
                    time.sleep(rng.uniform(0, 0.005) if kill else 0)
                    break
                time.sleep(0.001)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
            caught += any(p.name.startswith(f".{name}.") for p in out.iterdir())
        _ecocheck(*args)  # at once: no waiting for the leftovers to age
    assert caught > 0  # some kills did land while a temporary file was being written
    assert sorted(p.name for p in out.iterdir()) == sorted(commands)
    assert load_project(out / "h.ecocheck") == load_project(source)
