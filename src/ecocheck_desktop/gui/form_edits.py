"""The forms' edits of :class:`~ecocheck_desktop.gui.service.ProjectService`: company, fiscal
year, supply contracts, sites, checklist, measure plan and targets (each one undo step written in
its own transaction), and the factor library: installing a package, the comparison of the
factors in use with the newest, and 「新しい係数で再計算」.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from ecocheck_desktop.core.limits import object_text_problems
from ecocheck_desktop.core.model import (
    Company,
    FiscalYearData,
    PlannedMeasure,
    Site,
    SupplyContract,
    Target,
)
from ecocheck_desktop.gui.undo_commands import ValueCommand


class FormEdits:
    """Part of ProjectService (its state and signals are defined there).

    Qt strings are translated in the ProjectService context, where the .ts file has them.
    """

    def _push_value(self, text: str, write: Callable[[Any], None], old: Any, new: Any) -> None:
        """One undo step named ``text`` that writes ``new`` (undo writes ``old`` back) with
        ``write``; nothing when they are equal."""
        if new != old:
            self.undo_stack.push(ValueCommand(self._run, text, write, old, new))

    # -- company, sites, contracts, fiscal years --------------------------------------------

    def _bad_text(self, item: object, where: str) -> bool:
        """Tell the user (failed) about text over core.limits' caps or with an unpaired
        surrogate, which the file, the CSV and the PDF cannot hold; True if there was any."""
        problems = object_text_problems(item, where)
        if problems:
            self.failed.emit(problems)
        return bool(problems)

    def set_company(self, company: Company) -> None:
        project = self._require()
        # Text the file, the CSV and the PDF cannot hold (an unpaired surrogate, a name over
        # core.limits' caps) is refused with a message, never raised from the store.
        if self._bad_text(company, "company"):
            return

        # the bank's checks load with the first company edit, not before the page paints
        from ecocheck_desktop.core.bank_fields import bank_problems

        refused = bank_problems(company)  # issue 18: verification, verifier, thresholds
        if refused:
            self.failed.emit(refused)
            return
        self._push_value(
            QCoreApplication.translate("ProjectService", "Edit company"),
            self._write_company,
            project.company,
            company,
        )

    def _write_company(self, company: Company) -> None:
        assert self._file is not None and self.project is not None
        self._file.set_company(company)
        self.project.company = company

    def set_fiscal_year(self, data: FiscalYearData) -> None:
        project = self._require()
        if self._bad_text(data, "fiscal_year"):
            return
        before = project.fiscal_years.get(data.year)
        self._push_value(
            QCoreApplication.translate("ProjectService", "Edit fiscal year"),
            lambda value: self._write_fiscal_year(data.year, value),
            before,
            data,
        )

    def _write_fiscal_year(self, year: int, data: FiscalYearData | None) -> None:
        assert self._file is not None and self.project is not None
        if data is None:  # undoing the year's first figures removes the year again
            self._file.delete_fiscal_year(year)
            self.project.fiscal_years.pop(year, None)
            return
        self._file.set_fiscal_year(data)
        self.project.fiscal_years[year] = data

    def set_contract(self, contract: SupplyContract) -> None:
        project = self._require()
        if self._bad_text(contract, "contract"):
            return
        before = project.contract_for(contract.site, contract.energy)
        self._push_value(
            QCoreApplication.translate("ProjectService", "Edit contract"),
            lambda value: self._write_contract(contract.site, contract.energy, value),
            before,
            contract,
        )

    def _write_contract(self, site: str, energy: str, contract: SupplyContract | None) -> None:
        assert self._file is not None and self.project is not None
        contracts = self.project.contracts
        if contract is None:
            self._file.delete_contract(site, energy)
            contracts[:] = [c for c in contracts if (c.site, c.energy) != (site, energy)]
            return
        self._file.set_contract(contract)
        for index, existing in enumerate(contracts):
            if (existing.site, existing.energy) == (site, energy):
                contracts[index] = contract
                break
        else:
            contracts.append(contract)

    def upsert_site(self, site: Site) -> None:
        project = self._require()
        if self._bad_text(site, "site"):
            return
        if site not in project.sites:
            self._run(lambda: self._write_site(site))

    def _write_site(self, site: Site) -> None:
        assert self._file is not None and self.project is not None
        self._file.upsert_site(site)
        for index, existing in enumerate(self.project.sites):
            if existing.name == site.name:
                self.project.sites[index] = site
                return
        self.project.sites.append(site)

    # -- checklist, measure plan, targets ----------------------------------------------------

    def set_checklist(self, checklist: dict[str, Any]) -> None:
        """The on-site equipment answers (削減対策); one undoable edit."""
        project = self._require()
        self._push_value(
            QCoreApplication.translate("ProjectService", "Edit equipment checklist"),
            self._write_checklist,
            dict(project.checklist),
            dict(checklist),
        )

    def _write_checklist(self, checklist: dict[str, Any]) -> None:
        assert self._file is not None and self.project is not None
        self._file.set_checklist(checklist)
        self.project.checklist = dict(checklist)

    def set_measure_plan(self, plan: list[PlannedMeasure]) -> None:
        """The measures the company chose, with the year each takes effect."""
        project = self._require()
        self._push_value(
            QCoreApplication.translate("ProjectService", "Edit reduction plan"),
            self._write_measure_plan,
            list(project.measure_plan),
            list(plan),
        )

    def _write_measure_plan(self, plan: list[PlannedMeasure]) -> None:
        assert self._file is not None and self.project is not None
        self._file.set_measure_plan(plan)
        self.project.measure_plan = list(plan)

    def set_targets(self, targets: list[Target]) -> None:
        project = self._require()
        self._push_value(
            QCoreApplication.translate("ProjectService", "Edit targets"),
            self._write_targets,
            list(project.targets),
            list(targets),
        )

    def _write_targets(self, targets: list[Target]) -> None:
        assert self._file is not None and self.project is not None
        self._file.set_targets(targets)
        self.project.targets = list(targets)

    # -- factor library (engineer `factors`): packages and 「新しい係数で再計算」 ----------------

    def factor_library(self) -> Any:
        """The library the footprint is calculated with (bundled + installed packages)."""
        if self._library is not None:
            return self._library
        # the factor library loads after the opened page has painted
        from ecocheck_desktop.core.factors import default_library

        return default_library()

    def install_factor_package(self, path: Path | str) -> Any:
        """Install a .ecofactors file (EcoCheckError on any refusal) and recalculate.

        Years stay locked to their editions; only 「新しい係数で再計算」 moves them.
        """
        # installing a list is rare: its reader and the library load here
        from ecocheck_desktop.core.factor_packages import install_package, installed_factors_dir
        from ecocheck_desktop.core.factors import FactorLibrary, default_library

        target = installed_factors_dir()
        result = install_package(Path(path), self.factor_library(), target)
        if self._library is None:
            default_library.cache_clear()
        else:
            self._library = FactorLibrary.load(self._library.folder, installed=target)
        if self.project is not None:
            self._recalculate()
            self.footprint_changed.emit()
        return result

    def factor_comparisons(self) -> list[Any]:
        """For every fiscal year whose newest electricity edition differs from its lock: the
        year under both editions, line by line (core/recalc.py). Changes nothing."""
        # the calculation loads after the opened page has painted
        from ecocheck_desktop.core.recalc import compare_editions, relock_plan

        project = self._require()
        project.records = list(self._records.values())
        library = self.factor_library()
        plan = relock_plan(project, library, self.fiscal_years())
        return [compare_editions(project, library, year) for year in sorted(plan)]

    def relock_factor_editions(self, plan: dict[int, str]) -> None:
        """Lock each fiscal year of ``plan`` to its new edition: ONE undoable step."""
        project = self._require()
        before = {year: project.fiscal_years.get(year) for year in plan}
        after = {
            year: replace(before[year] or FiscalYearData(year), factor_edition=edition)
            for year, edition in plan.items()
        }
        if before == after:
            return

        def apply(value: dict[int, FiscalYearData | None]) -> None:
            with self.transaction():  # every year re-locked in one commit, or none
                for year, data in value.items():
                    self._write_fiscal_year(year, data)

        self.undo_stack.push(
            ValueCommand(
                self._run,
                QCoreApplication.translate("ProjectService", "Recalculate with newer factors"),
                apply,
                before,
                after,
            )
        )
