"""``ecocheck calc INPUT [--fiscal-year Y] [--json]``: the footprint of a project or bill file.

Prints either one JSON object (the ``Footprint.to_json_dict()`` contract of docs/calc-json.md) or a
readable table with Japanese and English labels. Bad input raises EcoCheckError (exit 2 in
cli.py) naming the input file; warnings found while reading the input go to stderr so that
stdout stays one clean JSON object.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ecocheck_desktop.commands import language, load_project_arg
from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.fiscal import fiscal_year_label_ja, fiscal_year_of
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.text.messages import render

if TYPE_CHECKING:
    from ecocheck_desktop.core.results import Footprint, YearResult


# The codes that mean "enter the electricity factor" (core/footprint.py, core/factors.py).
_FACTOR_NEEDED = ("factor.needed", "factor.electricity_missing")

_LABEL_WIDTH = 38  # display columns; Japanese characters take two


def _fiscal_years_present(project: Project) -> list[int]:
    start = project.company.fy_start_month
    years = {fiscal_year_of(record.month, start) for record in project.records}
    return sorted(years | set(project.fiscal_years))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - _width(text))


def _fmt(value: Decimal | None, places: int) -> str:
    if value is None:
        return "-"
    number = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{number:,.{places}f}"


def _figure(label: str, value: Decimal | None, places: int, unit: str) -> str:
    return f"  {_pad(label, _LABEL_WIDTH)}{_fmt(value, places):>14} {unit}"


def _year_lines(year: YearResult, lang: str) -> list[str]:
    lines = [
        "",
        f"{fiscal_year_label_ja(year.fiscal_year)}  FY{year.fiscal_year}",
        *_incomplete_lines(year, lang),
        _figure("Scope 1", year.scope1_t, 3, "t-CO2"),
        _figure("Scope 2 基礎 (basic, market)", year.scope2_basic_t, 3, "t-CO2"),
        _figure("Scope 2 調整後 (adjusted, market)", year.scope2_adjusted_t, 3, "t-CO2"),
        _figure("Scope 2 ロケーション (location)", year.scope2_location_t, 3, "t-CO2"),
        _figure("合計 基礎 (total basic)", year.total_basic_t, 3, "t-CO2"),
        _figure("合計 調整後 (total adjusted)", year.total_adjusted_t, 3, "t-CO2"),
        _figure("合計 ロケーション (total location)", year.total_location_t, 3, "t-CO2"),
        _figure("エネルギー (energy)", year.energy_gj, 1, "GJ"),
        _figure("原油換算 (crude oil equivalent)", year.crude_oil_kl, 3, "kL"),
        "  エネルギー別 (by energy):",
    ]
    for code, total in year.by_energy.items():
        name = ENERGY_TYPES[code].name_ja if code in ENERGY_TYPES else ""
        lines.append(
            f"    {_pad(f'{name} {code}', 28)}{_fmt(total.quantity, 3):>16} {_pad(total.unit, 5)}"
            f"{_fmt(total.t_co2, 3):>12} t-CO2"
        )
    if year.factor_editions:
        lines.append(f"  係数の版 (factor editions): {', '.join(year.factor_editions)}")
    if year.factors_used:
        lines.append("  使用した係数 (factors used):")
        for factor in year.factors_used:
            # Display only: chain factors are exact repeating decimals (2.0533333...).
            edition = f" [{factor.edition_id}]" if factor.edition_id else ""
            lines.append(f"    {factor.label}: {factor.value:.6g} {factor.unit}{edition}")
    if year.warnings:
        lines.append("  注意 (warnings):")
        lines += [f"    {render(warning, lang)}" for warning in year.warnings]
    return lines


def _incomplete_lines(year: YearResult, lang: str) -> list[str]:
    """The core's completeness rule: an incomplete year says so before its figures."""
    if year.complete:
        return []
    return ["  未確定 (incomplete):"] + [f"    {render(m, lang)}" for m in year.incomplete_reasons]


def _table(footprint: Footprint, years: list[YearResult], lang: str) -> str:
    lines = [footprint.company]
    for year in years:
        lines += _year_lines(year, lang)
    if footprint.warnings:
        lines += ["", "注意 (warnings):"]
        lines += [f"  {render(warning, lang)}" for warning in footprint.warnings]
    return "\n".join(lines)


def _in_file(error: EcoCheckError, path: Path) -> EcoCheckError:
    """The same messages, located in the input file (the core does not know the file), then
    where a missing factor is entered for that kind of input."""
    messages = [Message(m.code, m.params, {"file": str(path), **m.where}) for m in error.messages]
    if any(m.code in _FACTOR_NEEDED for m in messages):
        suffix = path.suffix.lower()
        kind = {".csv": "bills", ".xlsx": "bills", ".json": "json"}.get(suffix, "project")
        messages.append(Message(f"calc.factor_where_{kind}", {"file": str(path)}))
    return EcoCheckError(*messages)


def in_file(error: EcoCheckError, path: Path) -> EcoCheckError:
    """``_in_file`` for the other commands (``report``)."""
    return _in_file(error, path)


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    project = load_project_arg(args)
    fiscal_years = None
    if args.fiscal_year is not None:
        present = _fiscal_years_present(project)
        if args.fiscal_year not in present:
            raise EcoCheckError(
                Message(
                    "calc.fiscal_year_absent",
                    {
                        "fiscal_year": args.fiscal_year,
                        "present": ", ".join(map(str, present)) or "none",
                    },
                    {"file": str(path)},
                )
            )
        fiscal_years = [args.fiscal_year]
    try:
        footprint = calculate(project, fiscal_years=fiscal_years)
    except EcoCheckError as error:
        raise _in_file(error, path) from None
    years = [y for y in footprint.years if fiscal_years is None or y.fiscal_year in fiscal_years]
    if args.json:
        document = footprint.to_json_dict()
        if fiscal_years is not None:
            document["results"] = [
                r for r in document.get("results", []) if r.get("fiscal_year") in fiscal_years
            ]
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(_table(footprint, years, language(args)))
    return 0
