"""The measure catalogue and the checklist schema: what the bundled measure files say.

Owns ``resources/measures/{catalogue,checklist,subsidies}.json``: their data classes, loading and
validation (every measure's model, parameters, checklist keys, subsidies and sources are
checked; a bad file raises ``measures.catalogue_invalid`` naming it), and the reading of
``Project.checklist`` answers against the schema. What the measures do with them is
:mod:`ecocheck_desktop.core.measures`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.profiles import ProfileSet, json_decimal, load_profiles
from ecocheck_desktop.resources import resource_path

ZERO = Decimal(0)
HUNDRED = Decimal(100)

KINDS = ("operational", "investment", "procurement", "enabler")
MODELS = (
    "share",
    "equipment_kw",
    "lighting_fixtures",
    "pressure",
    "pv",
    "tariff",
    "electrify",
    "demand",
    "refrigerant",
    "site_specific",
    "enabler",
)
CAPEX_MODELS = ("none", "fixed", "per_unit", "per_pv_kw", "per_heat_kw")
CONFIDENCE = ("sourced", "derived", "unconfirmed")
OPS = ("gt", "ge", "lt", "le", "eq", "ne", "in")
CHECKLIST_TYPES = ("int", "decimal", "bool", "choice", "end_use_split")
_MODEL_PARAMETERS = {
    "equipment_kw": ("kw_key",),
    "lighting_fixtures": ("count_key", "watts_key"),
    "pressure": ("pct_per_0_1_mpa", "default_reduction_mpa"),
    "pv": ("yield_kwh_per_kw", "kw_per_m2", "om_yen_per_kw_year", "daytime_share_pct"),
    "tariff": ("premium_pct",),
    "electrify": ("old_efficiency", "new_efficiency", "new_end_use"),
    "demand": ("yen_per_kw_year",),
}
_SPECIAL_END_USES = ("all_electricity", "all_energy", "refrigerant", "none")


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str
    title_ja: str = ""  # the title in Japanese where ``title`` is not (the ja report prints it)
    title_en: str = ""  # the title in English where ``title`` is not

    def title_in(self, lang: str) -> str:
        return (self.title_ja if lang == "ja" else self.title_en) or self.title


@dataclass(frozen=True)
class Range:
    low: Decimal
    typical: Decimal
    high: Decimal


@dataclass(frozen=True)
class Condition:
    key: str
    op: str
    value: Any


@dataclass(frozen=True)
class Capex:
    model: str
    low: Decimal = ZERO
    high: Decimal = ZERO
    unit_key: str = ""


@dataclass(frozen=True)
class MeasureDef:
    id: str
    name_ja: str
    name_en: str
    description_ja: str
    description_en: str
    category: str
    kind: str
    model: str
    end_use: str
    energies: tuple[str, ...]
    saving_pct: Range
    parameters: dict[str, Any]
    applicability: tuple[Condition, ...]
    capex: Capex
    lifetime_years: int
    legal_life_years: int | None
    subsidies: tuple[str, ...]
    sources: tuple[str, ...]
    confidence: str
    note_en: str = ""
    note_ja: str = ""
    exclusive_group: str = ""


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    section: str
    type: str
    unit: str
    label_ja: str
    label_en: str
    choices: tuple[str, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    default: Any = None


@dataclass(frozen=True)
class Subsidy:
    id: str
    name_ja: str
    name_en: str
    body: str
    region: tuple[str, ...]  # place names; empty = nationwide
    sources: tuple[Source, ...]
    confidence: str


@dataclass(frozen=True)
class UnitPrice:
    energy: str
    yen_per_unit: Decimal
    unit: str
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True)
class Catalogue:
    measures: tuple[MeasureDef, ...]
    sources: dict[str, Source]
    checklist: dict[str, ChecklistItem]
    checklist_sections: dict[str, dict[str, str]]
    subsidies: dict[str, Subsidy]
    unit_prices: dict[str, UnitPrice]
    discount_rate_pct: Decimal
    load_factor: Decimal

    def measure(self, measure_id: str) -> MeasureDef:
        for measure in self.measures:
            if measure.id == measure_id:
                return measure
        raise KeyError(measure_id)


def _parse_checklist(document: dict[str, Any]) -> dict[str, ChecklistItem]:
    items: dict[str, ChecklistItem] = {}
    sections = document["sections"]
    for raw in document["items"]:
        key = raw["key"]
        if key in items:
            raise ValueError(f"checklist: duplicate key {key}")
        if raw["type"] not in CHECKLIST_TYPES:
            raise ValueError(f"checklist {key}: unknown type {raw['type']}")
        if raw["section"] not in sections:
            raise ValueError(f"checklist {key}: unknown section {raw['section']}")
        if raw["type"] == "choice" and not raw.get("choices"):
            raise ValueError(f"checklist {key}: a choice needs choices")
        items[key] = ChecklistItem(
            key=key,
            section=raw["section"],
            type=raw["type"],
            unit=raw.get("unit", ""),
            label_ja=raw["label_ja"],
            label_en=raw["label_en"],
            choices=tuple(raw.get("choices", ())),
            minimum=json_decimal(raw["min"], f"{key} min") if "min" in raw else None,
            maximum=json_decimal(raw["max"], f"{key} max") if "max" in raw else None,
            default=raw.get("default"),
        )
    return items


def _parse_range(raw: dict[str, Any], what: str) -> Range:
    result = Range(
        json_decimal(raw["low"], f"{what} low"),
        json_decimal(raw["typical"], f"{what} typical"),
        json_decimal(raw["high"], f"{what} high"),
    )
    if not ZERO <= result.low <= result.typical <= result.high <= HUNDRED:
        raise ValueError(f"{what}: expected 0 <= low <= typical <= high <= 100")
    return result


def _parse_capex(raw: dict[str, Any], what: str, checklist: dict[str, ChecklistItem]) -> Capex:
    model = raw["model"]
    if model not in CAPEX_MODELS:
        raise ValueError(f"{what}: unknown capex model {model}")
    if model == "none":
        return Capex("none")
    low, high = json_decimal(raw["low"], f"{what} low"), json_decimal(raw["high"], f"{what} high")
    if not ZERO <= low <= high:
        raise ValueError(f"{what}: expected 0 <= low <= high")
    unit_key = raw.get("unit_key", "")
    if model == "per_unit" and unit_key not in checklist:
        raise ValueError(f"{what}: unit_key '{unit_key}' is not a checklist key")
    return Capex(model, low, high, unit_key)


def _parse_condition(
    raw: dict[str, Any], checklist: dict[str, ChecklistItem], measure_id: str
) -> Condition:
    if "any" in raw:
        # {"any": [conditions]}: holds when one of them holds (roof area OR a PV size).
        alternatives = tuple(_parse_condition(c, checklist, measure_id) for c in raw["any"])
        return Condition("", "any", alternatives)
    if raw["key"] not in checklist:
        raise ValueError(f"{measure_id}: applicability key {raw['key']} is unknown")
    if raw["op"] not in OPS:
        raise ValueError(f"{measure_id}: unknown operator {raw['op']}")
    return Condition(raw["key"], raw["op"], raw["value"])


def _parse_measure(
    raw: dict[str, Any],
    checklist: dict[str, ChecklistItem],
    sources: dict[str, Source],
    subsidies: dict[str, Subsidy],
    end_uses: set[str],
) -> MeasureDef:
    measure_id = raw["id"]
    if raw["kind"] not in KINDS:
        raise ValueError(f"{measure_id}: unknown kind {raw['kind']}")
    if raw["model"] not in MODELS:
        raise ValueError(f"{measure_id}: unknown model {raw['model']}")
    if raw["confidence"] not in CONFIDENCE:
        raise ValueError(f"{measure_id}: unknown confidence {raw['confidence']}")
    if raw["end_use"] not in end_uses:
        raise ValueError(f"{measure_id}: unknown end use {raw['end_use']}")
    for text in ("name_ja", "name_en", "description_ja", "description_en"):
        if not str(raw.get(text, "")).strip():
            raise ValueError(f"{measure_id}: {text} is empty")
    if not raw["sources"]:
        raise ValueError(f"{measure_id}: no sources")
    for key in raw["sources"]:
        if key not in sources:
            raise ValueError(f"{measure_id}: unknown source {key}")
    for key in raw["subsidies"]:
        if key not in subsidies:
            raise ValueError(f"{measure_id}: unknown subsidy {key}")
    conditions = [
        _parse_condition(condition, checklist, measure_id) for condition in raw["applicability"]
    ]
    parameters = dict(raw.get("parameters", {}))
    for name in _MODEL_PARAMETERS.get(raw["model"], ()):
        if name not in parameters:
            raise ValueError(f"{measure_id}: model {raw['model']} needs parameter {name}")
    for name in ("kw_key", "count_key", "watts_key"):
        if name in parameters and parameters[name] not in checklist:
            raise ValueError(f"{measure_id}: {name} '{parameters[name]}' is not a checklist key")
    lifetime = int(raw["lifetime_years"])
    if lifetime < 1:
        raise ValueError(f"{measure_id}: lifetime_years must be at least 1")
    legal = raw["legal_life_years"]
    return MeasureDef(
        id=measure_id,
        name_ja=raw["name_ja"],
        name_en=raw["name_en"],
        description_ja=raw["description_ja"],
        description_en=raw["description_en"],
        category=raw["category"],
        kind=raw["kind"],
        model=raw["model"],
        end_use=raw["end_use"],
        energies=tuple(raw["energies"]),
        saving_pct=_parse_range(raw["saving_pct"], f"{measure_id} saving_pct"),
        parameters=parameters,
        applicability=tuple(conditions),
        capex=_parse_capex(raw["capex"], f"{measure_id} capex", checklist),
        lifetime_years=lifetime,
        legal_life_years=None if legal is None else int(legal),
        subsidies=tuple(raw["subsidies"]),
        sources=tuple(raw["sources"]),
        confidence=raw["confidence"],
        note_en=raw.get("note_en", ""),
        note_ja=raw.get("note_ja", ""),
        exclusive_group=raw.get("exclusive_group", ""),
    )


def _sources(raw: dict[str, Any]) -> dict[str, Source]:
    return {
        key: Source(
            key,
            value["title"],
            value["url"],
            value.get("title_ja", ""),
            value.get("title_en", ""),
        )
        for key, value in raw.items()
    }


def parse_catalogue(
    catalogue: dict[str, Any],
    checklist: dict[str, Any],
    subsidies: dict[str, Any],
    profiles: ProfileSet,
    where: str = "resources/measures",
) -> Catalogue:
    """Validate the three documents together; raises EcoCheckError naming the problem."""
    try:
        items = _parse_checklist(checklist)
        subsidy_sources = _sources(subsidies["sources"])
        programmes = {
            key: Subsidy(
                key,
                raw["name_ja"],
                raw["name_en"],
                raw["body"],
                tuple(raw["region"]),
                tuple(subsidy_sources[s] for s in raw["sources"]),
                raw["confidence"],
            )
            for key, raw in subsidies["programmes"].items()
        }
        sources = _sources(catalogue["sources"])
        end_uses = {*profiles.electricity_end_uses, *profiles.fuel_end_uses, *_SPECIAL_END_USES}
        measures = tuple(
            _parse_measure(raw, items, sources, programmes, end_uses)
            for raw in catalogue["measures"]
        )
        ids = [m.id for m in measures]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate measure id {duplicates[0]}")
        defaults = catalogue["defaults"]
        prices = {}
        for energy, raw in defaults["unit_prices"].items():
            for key in raw["sources"]:
                if key not in sources:
                    raise ValueError(f"price of {energy}: unknown source {key}")
            prices[energy] = UnitPrice(
                energy,
                json_decimal(raw["yen_per_unit"], f"price of {energy}"),
                raw["unit"],
                tuple(raw["sources"]),
                raw["confidence"],
            )
        return Catalogue(
            measures=measures,
            sources=sources,
            checklist=items,
            checklist_sections=dict(checklist["sections"]),
            subsidies=programmes,
            unit_prices=prices,
            discount_rate_pct=json_decimal(defaults["discount_rate_pct"]["value"], "discount rate"),
            load_factor=json_decimal(defaults["load_factor"]["value"], "load factor"),
        )
    except (KeyError, TypeError) as error:
        reason = f"missing or malformed field {error}"
    except ValueError as error:
        reason = str(error)
    raise EcoCheckError(Message("measures.catalogue_invalid", {"reason": reason}, {"file": where}))


@cache
def load_catalogue(folder: Path | None = None) -> Catalogue:
    """The bundled catalogue (or the one in ``folder``), validated with the checklist schema."""
    if folder is None:
        folder = resource_path("measures")

    def read(name: str) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(
            (folder / name).read_text(encoding="utf-8"), parse_float=Decimal
        )
        return document

    return parse_catalogue(
        read("catalogue.json"),
        read("checklist.json"),
        read("subsidies.json"),
        load_profiles(),
        str(folder),
    )


_TRUE = {"true", "yes", "1", "はい", "有", "あり", "y"}
_FALSE = {"false", "no", "0", "いいえ", "無", "なし", "n"}


def _answer(item: ChecklistItem, value: Any) -> Any:
    """The typed answer; raises ValueError with a reason."""
    if item.type == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError("expected yes or no")
    if item.type == "choice":
        if value not in item.choices:
            raise ValueError(f"expected one of {', '.join(item.choices)}")
        return value
    if item.type == "end_use_split":
        if not isinstance(value, dict):
            raise ValueError("expected an object")
        return value
    number = json_decimal(value.strip() if isinstance(value, str) else value, item.key)
    if item.type == "int" and number != number.to_integral_value():
        raise ValueError("expected a whole number")
    if item.minimum is not None and number < item.minimum:
        raise ValueError(f"below the minimum {item.minimum}")
    if item.maximum is not None and number > item.maximum:
        raise ValueError(f"above the maximum {item.maximum}")
    return int(number) if item.type == "int" else number


def read_checklist(
    answers: dict[str, Any], catalogue: Catalogue
) -> tuple[dict[str, Any], list[Message]]:
    """Typed answers (blank and invalid ones dropped) and a message per problem."""
    typed: dict[str, Any] = {}
    messages: list[Message] = []
    for key, value in answers.items():
        item = catalogue.checklist.get(key)
        if item is None:
            messages.append(Message("checklist.unknown_key", {"key": key}, {"field": key}))
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            typed[key] = _answer(item, value)
        except ValueError as error:
            messages.append(
                Message(
                    "checklist.invalid_value",
                    {"key": key, "value": value, "reason": str(error)},
                    {"field": key},
                )
            )
    return typed, messages


def checklist_number(answers: dict[str, Any], catalogue: Catalogue, key: str) -> Decimal | None:
    """A numeric answer, or the schema default, or None."""
    value = answers.get(key, catalogue.checklist[key].default)
    return None if value is None else Decimal(str(value))
