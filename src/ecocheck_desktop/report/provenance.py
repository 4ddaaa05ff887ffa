"""Where a contract's factor came from, in words for the report (Japanese and English).

One line per contract: the library edition and list that gives it, 「利用者入力（出典: …）」 for
a retailer's published value typed in by the user, or 「推計（…年度の代替値）」 for an estimate
chosen knowingly. The city-gas heat value and the LPG m3 -> t conversion follow, each with its
source. The nearest-list rule is core.factors.nearest_list_year, the calculation's own.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ecocheck_desktop.core.factors import nearest_list_year
from ecocheck_desktop.core.model import SupplyContract
from ecocheck_desktop.text.report import text

UNITS = {"electricity": "t-CO2/kWh", "city_gas": "t-CO2/千m3", "heat": "t-CO2/GJ"}


def _say(key: str, lang: str, **params: object) -> str:
    return text(f"prov.{key}", lang, **params)


def _number(value: Decimal | None) -> str:
    if value is None:
        return "-"
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _entered(key: str, lang: str, value: Decimal | None, source: str) -> str:
    """A value the user entered on the contract, with the source they gave for it."""
    return _say(key, lang, value=_number(value), source=source or "-")


def _library_edition(library: Any, contract: SupplyContract, fiscal_year: int) -> tuple[str, bool]:
    """(edition title, True when it is a default table rather than a supplier list)."""
    try:
        if contract.energy == "electricity":
            edition = library.electricity_edition(fiscal_year)
            outcome = library.electricity_outcome(fiscal_year, contract.supplier)
            if edition is None or outcome not in ("listed", "substitute"):
                return "", False
            return edition.title, False
        if contract.energy in ("city_gas", "heat") and contract.supplier:
            resolve = library.resolve_gas if contract.energy == "city_gas" else library.resolve_heat
            try:
                resolved = resolve(fiscal_year, contract.supplier, contract.menu)
            except Exception:  # an unknown menu: the calculation warns; the default is shown
                resolved = None
            if resolved is not None:
                return library.edition(resolved[2]).title + f" / {resolved[3]}", False
        edition, _table = library.fuel_table(fiscal_year)
        return edition.title, True
    except Exception:  # a name lookup must never break the report
        return "", False


def factor_provenance(
    contract: SupplyContract, fiscal_year: int, library: Any, lang: str = "ja"
) -> list[str]:
    """Where the factor (then heat value, LPG conversion) of ``contract`` came from."""
    lines: list[str] = []
    user_value = contract.factor_basic is not None or contract.factor_adjusted is not None
    if contract.factor_choice == "estimate":
        year = nearest_list_year(library, fiscal_year, contract.energy)
        if year is None:
            lines.append(_say("estimate_no_list", lang))
        elif contract.estimate_basis == "retailer":
            lines.append(_say("estimate_retailer", lang, year=year))
        else:
            lines.append(_say("estimate_substitute", lang, year=year))
    elif contract.factor_choice == "user" or user_value:
        basic = contract.factor_basic if contract.factor_basic is not None else None
        adjusted = contract.factor_adjusted if contract.factor_adjusted is not None else basic
        lines.append(
            _say(
                "user",
                lang,
                source=contract.factor_source or "-",
                basic=_number(basic),
                adjusted=_number(adjusted),
                unit=UNITS.get(contract.energy, ""),
            )
        )
    else:
        title, default = _library_edition(library, contract, fiscal_year)
        if title:
            lines.append(_say("library_default" if default else "library", lang, edition=title))
        elif contract.energy == "electricity":
            partial = library.electricity_edition(fiscal_year) is not None
            lines.append(_say("not_listed" if partial else "no_list", lang, year=fiscal_year))
    if contract.energy == "city_gas":
        if contract.heat_value_gj_per_km3 is not None:
            lines.append(
                _entered(
                    "heat_value", lang, contract.heat_value_gj_per_km3, contract.heat_value_source
                )
            )
        else:
            lines.append(
                _say("heat_default", lang, value=_default_heat_value(library, fiscal_year))
            )
    if contract.energy == "lpg":
        if contract.lpg_conversion == "butane":
            lines.append(_say("lpg_butane", lang, value=_butane(library, fiscal_year)))
        elif contract.lpg_conversion == "kg_per_m3":
            lines.append(_entered("lpg_kg", lang, contract.lpg_kg_per_m3, contract.lpg_source))
        else:
            lines.append(_say("lpg_propane", lang))
    return lines


def _default_heat_value(library: Any, fiscal_year: int) -> str:
    try:
        return _number(library.energy_conversion(fiscal_year).city_gas_gj_per_km3)
    except Exception:  # the report still prints the contract
        return "45"


def _butane(library: Any, fiscal_year: int) -> str:
    try:
        return _number(library.energy_conversion(fiscal_year).lpg_butane_m3_per_t)
    except Exception:
        return "-"
