"""``ecocheck selftest``: check an installation end to end, in a temporary folder.

demo -> .ecocheck -> load -> calculate (totals positive, the calc JSON contract keys present)
-> JSON export/import round trip -> PDF when the report module is installed, with reportlab's C
helpers. Uses only the bundled resources (via resources.py), so it runs from a frozen bundle
too. Prints one OK/FAIL line per step; exit 0 when all pass, 1 otherwise.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.results import SCOPE_TOTALS

CALC_KEYS = (
    "fiscal_year",
    *SCOPE_TOTALS,
    "energy_gj",
    "crude_oil_kl",
    "by_energy",
    "by_month",
    "factor_editions",
    "warnings",
)


def _steps(folder: Path) -> list[tuple[str, Callable[[], str]]]:
    # Each step imports what it checks: a module missing from a bundle fails its own step, with
    # the error on its FAIL line, and the steps before it still report OK.
    state: dict[str, Any] = {}
    project_path = folder / "demo.ecocheck"

    def write_demo() -> str:
        from ecocheck_desktop.exchange.demo import write_demo

        project = write_demo(project_path, user="selftest")
        state["records"] = len(project.records)
        return f"{state['records']} records"

    def load() -> str:
        from ecocheck_desktop.store.project_file import load_project

        project = load_project(project_path)
        assert len(project.records) == state["records"], "records lost"
        assert not list(folder.glob("*-wal")), "a -wal file was left behind"
        state["project"] = project
        return project.company.name

    def calc() -> str:
        from ecocheck_desktop.core.footprint import calculate

        document = calculate(state["project"]).to_json_dict()
        results = document["results"]
        assert results, "no fiscal year calculated"
        for result in results:
            missing = [key for key in CALC_KEYS if key not in result]
            assert not missing, f"missing keys {missing}"
            for key in ("scope1_t", "scope2_adjusted_t", "total_adjusted_t", "energy_gj"):
                assert result[key] is not None and result[key] > 0, f"{key} not positive"
        return ", ".join(f"FY{r['fiscal_year']} {r['total_adjusted_t']:.1f} t-CO2" for r in results)

    def json_round_trip() -> str:
        from ecocheck_desktop.exchange.json_io import read_json, write_json

        write_json(state["project"], folder / "demo.json")
        assert read_json(folder / "demo.json") == state["project"], "JSON round trip differs"
        return "lossless"

    def report() -> str:
        from ecocheck_desktop.commands import report

        code = report.run(
            argparse.Namespace(
                input=str(project_path),
                output=str(folder / "demo.pdf"),
                lang="ja",
                fiscal_year=None,
            )
        )
        size = (folder / "demo.pdf").stat().st_size
        assert code == 0 and size > 1000, "no PDF written"
        return f"{size // 1024} KB"

    def report_helpers() -> str:
        # A bundle without them still writes the PDF, only slower: this step is what notices.
        import _rl_accel  # type: ignore[import-not-found]
        from reportlab.lib import rl_accel

        assert rl_accel.fp_str is _rl_accel.fp_str, "reportlab runs its Python fallbacks"
        return "reportlab's C helpers (rl_accel)"

    return [
        ("demo -> project file", write_demo),
        ("open project file", load),
        ("calculate footprint", calc),
        ("JSON export/import", json_round_trip),
        ("PDF report", report),
        ("PDF helpers", report_helpers),
    ]


def run(args: argparse.Namespace) -> int:
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ecocheck-selftest-") as temp:
        for name, step in _steps(Path(temp)):
            try:
                detail = step()
            except Exception as error:  # a self-test reports every failure, whatever it is
                failures += 1
                print(f"FAIL {name}: {type(error).__name__}: {error}")
                continue
            print(f"OK   {name}: {detail}")
    print("selftest passed" if not failures else f"selftest FAILED ({failures} step(s))")
    return 0 if not failures else 1
