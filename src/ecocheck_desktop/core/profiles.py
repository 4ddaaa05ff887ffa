"""End-use split profiles: how a company's electricity and fuels divide between end uses.

Owns ``resources/profiles/end_use.json`` (the sector defaults of docs/measures.md), the
choice of a company's sector (checklist ``sector``, else its JSIC industry code), and the
per-company override in ``project.checklist["end_use_override"]``::

    {"electricity": {"process": 40, "compressed_air": 30, ...},   # percent, sums to 100
     "fuels": {"city_gas": {"boiler": 100}}}                      # percent per fuel

A partial override replaces only the carriers it names. Shares are exact ``Decimal`` percent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.resources import resource_path

HUNDRED = Decimal(100)
SECTORS = ("metalwork", "plastics", "food", "printing", "office")


@dataclass(frozen=True)
class EndUseProfile:
    """Percent shares of each carrier by end use for one company (or a sector default)."""

    sector: str
    name_ja: str
    name_en: str
    electricity: dict[str, Decimal]
    fuels: dict[str, dict[str, Decimal]]
    sources: tuple[str, ...]
    confidence: str
    note_en: str = ""
    note_ja: str = ""
    overridden: tuple[str, ...] = ()  # carriers whose split came from the company's override
    assumed: tuple[str, ...] = ()  # rules applied on top of the sector default (for display)

    def fuel_split(self, energy: str) -> dict[str, Decimal]:
        """The split of one fuel; a fuel the profile does not name goes to process heat."""
        return self.fuels.get(energy, {"process_heat": HUNDRED})


@dataclass(frozen=True)
class ProfileSet:
    electricity_end_uses: tuple[str, ...]
    fuel_end_uses: tuple[str, ...]
    end_use_names: dict[str, dict[str, str]]
    industry_map: dict[str, str]
    sources: dict[str, dict[str, str]]
    profiles: dict[str, EndUseProfile] = field(default_factory=dict)


def _invalid(path: Path, reason: str) -> EcoCheckError:
    return EcoCheckError(Message("profiles.invalid", {"reason": reason}, {"file": str(path)}))


def json_decimal(value: Any, what: str) -> Decimal:
    """A number of a JSON data file as an exact Decimal; ValueError "<what> is not a number"
    for a boolean, a text that is no number, an infinity or NaN."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str | float):
        raise ValueError(f"{what} is not a number")
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"{what} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{what} is not a number")
    return number


def _shares(raw: Any, allowed: tuple[str, ...], what: str) -> dict[str, Decimal]:
    """Validated percent shares summing to exactly 100; raises ValueError with the reason."""
    if not isinstance(raw, dict) or not raw:
        raise ValueError(f"{what}: expected an object of percent shares")
    shares: dict[str, Decimal] = {}
    for key, value in raw.items():
        if key not in allowed:
            raise ValueError(f"{what}: unknown end use '{key}'")
        share = json_decimal(value, f"{what}: share of {key}")
        if share < 0:
            raise ValueError(f"{what}: share of {key} must be 0 or more")
        shares[key] = share
    if sum(shares.values()) != HUNDRED:
        raise ValueError(f"{what}: shares add up to {sum(shares.values())}, not 100")
    return shares


def parse_profiles(document: dict[str, Any], path: Path) -> ProfileSet:
    try:
        electricity_end_uses = tuple(document["electricity_end_uses"])
        fuel_end_uses = tuple(document["fuel_end_uses"])
        result = ProfileSet(
            electricity_end_uses,
            fuel_end_uses,
            dict(document["end_use_names"]),
            {k: v for k, v in document["industry_map"].items() if k != "about"},
            dict(document["sources"]),
        )
        for sector, raw in document["profiles"].items():
            sources = tuple(raw["sources"])
            missing = [s for s in sources if s not in result.sources]
            if missing:
                raise ValueError(f"{sector}: unknown source {missing[0]}")
            result.profiles[sector] = EndUseProfile(
                sector=sector,
                name_ja=raw["name_ja"],
                name_en=raw["name_en"],
                electricity=_shares(raw["electricity"], electricity_end_uses, sector),
                fuels={
                    code: _shares(split, fuel_end_uses, f"{sector}/{code}")
                    for code, split in raw["fuels"].items()
                },
                sources=sources,
                confidence=raw["confidence"],
                note_en=raw.get("note_en", ""),
                note_ja=raw.get("note_ja", ""),
            )
    except (KeyError, TypeError) as error:
        raise _invalid(path, f"missing or malformed field {error}") from None
    except ValueError as error:
        raise _invalid(path, str(error)) from None
    if set(result.profiles) != set(SECTORS):
        raise _invalid(path, f"expected the sectors {', '.join(SECTORS)}")
    return result


@cache
def load_profiles(path: Path | None = None) -> ProfileSet:
    """The bundled profile set (or the one at ``path``), validated."""
    if path is None:
        path = resource_path("profiles", "end_use.json")
    document = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return parse_profiles(document, path)


def sector_of(checklist: dict[str, Any], industry: str, profiles: ProfileSet) -> str:
    """The checklist's sector if set, else the one mapped from the JSIC code (``E24 …``)."""
    chosen = checklist.get("sector")
    if chosen:
        if chosen not in profiles.profiles:
            raise EcoCheckError(
                Message(
                    "profiles.unknown_sector",
                    {"sector": chosen, "known": ", ".join(SECTORS)},
                    {"field": "sector"},
                )
            )
        return str(chosen)
    code = industry.strip()[:3].upper()
    if code in profiles.industry_map:
        return profiles.industry_map[code]
    # An empty industry is most likely a factory: the app's users are small manufacturers.
    if not code or code.startswith("E"):
        return profiles.industry_map["manufacturing_default"]
    return profiles.industry_map["non_manufacturing_default"]


def _override(raw: Any, profiles: ProfileSet) -> tuple[dict[str, Decimal] | None, dict[str, Any]]:
    def bad(carrier: str, reason: str) -> EcoCheckError:
        return EcoCheckError(
            Message(
                "profiles.override_invalid",
                {"carrier": carrier, "reason": reason},
                {"field": "end_use_override"},
            )
        )

    if not isinstance(raw, dict):
        raise bad("all", "expected an object with 'electricity' and/or 'fuels'")
    electricity = None
    try:
        if "electricity" in raw:
            electricity = _shares(raw["electricity"], profiles.electricity_end_uses, "electricity")
        fuels = raw.get("fuels", {})
        if not isinstance(fuels, dict):
            raise ValueError("fuels: expected an object keyed by energy code")
        fuel_shares = {
            code: _shares(split, profiles.fuel_end_uses, code) for code, split in fuels.items()
        }
    except ValueError as error:
        raise bad(str(error).split(":")[0], str(error)) from None
    return electricity, fuel_shares


def end_use_profile(
    checklist: dict[str, Any], industry: str = "", profiles: ProfileSet | None = None
) -> EndUseProfile:
    """The split used for one company: sector default, declared boiler rule, override."""
    profiles = profiles or load_profiles()
    profile = profiles.profiles[sector_of(checklist, industry, profiles)]
    assumed: list[str] = []
    fuels = dict(profile.fuels)
    boiler_fuel = checklist.get("boiler_fuel")
    boilers = checklist.get("boiler_count")
    if boiler_fuel and boilers and int(boilers) > 0:
        split = profile.fuel_split(str(boiler_fuel))
        if split.get("boiler", Decimal(0)) == 0:
            # A boiler seen on site burns that fuel even where the sector default says no
            # boilers; heating is kept at the default's space-heating share.
            space = split.get("space_heating", Decimal(0))
            fuels[str(boiler_fuel)] = (
                {"boiler": HUNDRED - space, "space_heating": space}
                if space
                else {"boiler": HUNDRED}
            )
            assumed.append(f"boiler_fuel:{boiler_fuel}")
    electricity = profile.electricity
    overridden: list[str] = []
    raw = checklist.get("end_use_override")
    if raw:
        override_electricity, override_fuels = _override(raw, profiles)
        if override_electricity is not None:
            electricity = override_electricity
            overridden.append("electricity")
        fuels.update(override_fuels)
        overridden.extend(override_fuels)
    return replace(
        profile,
        electricity=electricity,
        fuels=fuels,
        overridden=tuple(overridden),
        assumed=tuple(assumed),
    )
