"""「新しい係数で再計算」 in core: locked vs newest edition, line by line, nothing changed."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from ecocheck_desktop.core.factor_packages import build_package, install_package
from ecocheck_desktop.core.factors import FactorLibrary
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.model import Company, EnergyRecord, FiscalYearData, Project
from ecocheck_desktop.core.recalc import compare_editions, relock_plan
from ecocheck_desktop.resources import resource_path


def library_with_newer_list(tmp_path: Path) -> FactorLibrary:
    """The bundled editions plus a package whose FY2025 list gives TEPCO EP another factor."""
    bundled = resource_path("factors")
    manifest = json.loads((bundled / "manifest.json").read_text(encoding="utf-8"))
    edition = next(e for e in manifest["editions"] if e["id"] == "electricity_r08")
    edition.update(id="electricity_r08_rev", file="r08_rev.tsv", published="2027-01-09")
    text = (bundled / "electricity_r08.tsv").read_text(encoding="utf-8")
    # TEPCO EP メニューM(残差): 0.000452 in the bundled list; 0.000400 in this test revision.
    lines = [
        line.replace("\t0.000452\t0.000452\t", "\t0.000400\t0.000400\t")
        if line.startswith("A0269\t") and "(残差)" in line
        else line
        for line in text.splitlines()
    ]
    package = build_package(
        tmp_path / "rev.ecofactors",
        "rev",
        "rev",
        [edition],
        {"r08_rev.tsv": ("\n".join(lines) + "\n").encode("utf-8")},
    )
    target = tmp_path / "installed"
    install_package(package, FactorLibrary.load(installed=False), target)
    return FactorLibrary.load(installed=target)


def project(lock: str = "") -> Project:
    records = [
        EnergyRecord(
            month=f"2025-{m:02d}",
            energy="electricity",
            quantity=Decimal(1000),
            unit="kWh",
            supplier="A0269",
        )
        for m in range(4, 13)
    ]
    return Project(
        company=Company("テスト工業"),
        records=records,
        fiscal_years={2025: FiscalYearData(2025, factor_edition=lock)} if lock else {},
    )


def test_locked_year_keeps_its_edition_and_the_comparison_shows_old_and_new(
    tmp_path: Path,
) -> None:
    library = library_with_newer_list(tmp_path)
    locked = project("electricity_r08")
    year = calculate(locked, library, strict=False).year(2025)
    assert "electricity_r08" in year.factor_editions
    assert "electricity_r08_rev" not in year.factor_editions
    assert year.scope2_adjusted_t == Decimal("9000") * Decimal("0.000452")
    comparison = compare_editions(locked, library, 2025)
    assert (comparison.old_edition, comparison.new_edition) == (
        "electricity_r08",
        "electricity_r08_rev",
    )
    (line,) = comparison.lines
    assert (line.energy, line.quantity) == ("electricity", Decimal(9000))
    assert (line.old_factor_adjusted, line.new_factor_adjusted) == (
        Decimal("0.000452"),
        Decimal("0.000400"),
    )
    assert line.old_t_adjusted == Decimal("4.068") and line.new_t_adjusted == Decimal("3.600")
    assert comparison.differs and line.changed
    assert relock_plan(locked, library, [2025]) == {2025: "electricity_r08_rev"}
    # Nothing changed: the project is still locked to the old edition.
    assert locked.fiscal_years[2025].factor_edition == "electricity_r08"
    relocked = replace(
        locked, fiscal_years={2025: FiscalYearData(2025, factor_edition="electricity_r08_rev")}
    )
    assert relock_plan(relocked, library, [2025]) == {}


def test_unlocked_year_uses_the_newest_edition(tmp_path: Path) -> None:
    library = library_with_newer_list(tmp_path)
    year = calculate(project(), library, strict=False).year(2025)
    assert year.scope2_adjusted_t == Decimal("9000") * Decimal("0.000400")
    comparison = compare_editions(project(), library, 2025)
    assert comparison.old_edition == comparison.new_edition == "electricity_r08_rev"
    assert not comparison.differs
