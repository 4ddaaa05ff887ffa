"""A project whose every text field is very long (for the PDF and CLI robustness tests)."""

from __future__ import annotations

import dataclasses
from typing import Any

from ecocheck_desktop.core.model import Project
from ecocheck_desktop.exchange.demo import demo_project


def long_text(length: int, seed: str = "長い名前") -> str:
    # Mixed scripts and no spaces: the hardest case for line breaking.
    unit = seed + "LongName"
    return (unit * (length // len(unit) + 1))[:length]


def _stretch(obj: Any, length: int, skip: frozenset[str]) -> Any:
    changes = {
        f.name: long_text(length)
        for f in dataclasses.fields(obj)
        if isinstance(getattr(obj, f.name), str) and f.name not in skip
    }
    return dataclasses.replace(obj, **changes)


# Fields that are codes or keys the calculation looks up, not free text.
_CODES = frozenset(
    {
        "month",
        "energy",
        "unit",
        "kind",
        "basis",
        "refrigerant",
        "factor_key",
        "measure_id",
        "status",
        "factor_edition",
        "site",
        "city",
    }
)


def long_text_project(length: int = 4000) -> Project:
    """The demo company with every free-text field ``length`` characters long."""
    project = demo_project()
    site_names = {site.name: long_text(length, site.name[:2] or "工場") for site in project.sites}
    project.company = _stretch(project.company, length, frozenset())
    project.sites = [
        dataclasses.replace(_stretch(s, length, frozenset({"name"})), name=site_names[s.name])
        for s in project.sites
    ]
    project.contracts = [
        dataclasses.replace(_stretch(c, length, _CODES), site=site_names.get(c.site, c.site))
        for c in project.contracts
    ]
    project.records = [
        dataclasses.replace(_stretch(r, length, _CODES), site=site_names.get(r.site, r.site))
        for r in project.records
    ]
    project.targets = [_stretch(t, length, _CODES) for t in project.targets]
    project.measure_plan = [_stretch(m, length, _CODES) for m in project.measure_plan]
    project.fiscal_years = {
        year: _stretch(data, length, _CODES) for year, data in project.fiscal_years.items()
    }
    project.checklist = {
        key: long_text(length) if isinstance(value, str) else value
        for key, value in project.checklist.items()
    }
    return project
