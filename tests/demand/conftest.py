"""Fixtures of the demand tests: the generated year (seeded) and the files of each layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.demand.generator import Year, generate


@pytest.fixture(scope="session")
def year() -> Year:
    return generate()


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def files(year: Year, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.demand import generator as g

    folder = tmp_path_factory.mktemp("demand")
    return {
        "rows": g.write_rows(year, folder / "rows.csv"),
        "rows_kw": g.write_rows(year, folder / "rows_kw.csv", unit="kW"),
        "date_time_end": g.write_date_time(year, folder / "date_time.csv"),
        "wide": g.write_wide(year, folder / "wide.csv"),
        "quarters": g.write_quarters(year, folder / "quarters.csv"),
        "xlsx": g.write_xlsx(year, folder / "rows.xlsx"),
    }
