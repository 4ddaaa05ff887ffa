"""Reduction measures: the catalogue, the checklist schema, applicability, money and CO2.

Owns ``resources/measures/{catalogue,checklist,subsidies}.json`` (loading and validation), the
reading of ``Project.checklist`` answers against the schema, which measures apply, and for each
applicable measure: energy saved, t-CO2 per year (Scope 1 and Scope 2 parts, with the factors
the footprint used), 円 per year, capex range, simple payback against 法定耐用年数, NPV, cost
per t-CO2 and candidate subsidies — then the ranked list and the combined plan.

Rules (also in docs/measures.md):

- A measure acts on an end-use "pool" (kWh of compressed air, kL of A重油 in boilers, ...),
  built from the company's energy of the fiscal year split by the end-use profile.
- Combined measures never double count: the plan applies them one after another in rank order,
  each to what the earlier ones left (pools shrink; an electrified boiler adds to electricity).
- Ranking uses each measure on its own (standalone): measures that cut CO2 by cost per t-CO2
  (cheapest first), then money-only measures by payback, then measures without numbers.
- Emission factors per unit are the footprint's own (t-CO2 ÷ quantity of the year), so measure
  CO2 is consistent with the footprint: market = 調整後 basis, location = 全国平均係数.
- Prices are the company's own (bill cost ÷ quantity over the lines that carry a cost), else the
  catalogue default (flagged).
"""

from __future__ import annotations

import decimal
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.profiles import EndUseProfile, ProfileSet, end_use_profile, load_profiles

if TYPE_CHECKING:
    from ecocheck_desktop.core.factors import FactorLibrary
    from ecocheck_desktop.core.footprint import YearResult
    from ecocheck_desktop.core.model import Project
    from ecocheck_desktop.core.targets import PlanStep


ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
GJ_PER_KWH = Decimal("0.0036")  # 3.6 MJ: the physical heat content of a kWh
DAYS_PER_YEAR = Decimal(365)
_CONTEXT = decimal.Context(prec=60)

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


# --------------------------------------------------------------------------- catalogue


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str


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


def _dec(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str | float):
        raise ValueError(f"{what} is not a number")
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"{what} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{what} is not a number")
    return number


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
            minimum=_dec(raw["min"], f"{key} min") if "min" in raw else None,
            maximum=_dec(raw["max"], f"{key} max") if "max" in raw else None,
            default=raw.get("default"),
        )
    return items


def _parse_range(raw: dict[str, Any], what: str) -> Range:
    result = Range(
        _dec(raw["low"], f"{what} low"),
        _dec(raw["typical"], f"{what} typical"),
        _dec(raw["high"], f"{what} high"),
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
    low, high = _dec(raw["low"], f"{what} low"), _dec(raw["high"], f"{what} high")
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
    return {key: Source(key, value["title"], value["url"]) for key, value in raw.items()}


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
                _dec(raw["yen_per_unit"], f"price of {energy}"),
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
            discount_rate_pct=_dec(defaults["discount_rate_pct"]["value"], "discount rate"),
            load_factor=_dec(defaults["load_factor"]["value"], "load factor"),
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
        from ecocheck_desktop.resources import resource_path

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


# --------------------------------------------------------------------------- checklist

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
    number = _dec(value.strip() if isinstance(value, str) else value, item.key)
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


def _holds(op: str, answer: Any, expected: Any) -> bool:
    if op == "in":
        return bool(answer in expected)
    if op in ("eq", "ne"):
        same = answer == expected
        return same if op == "eq" else not same
    left, right = Decimal(str(answer)), Decimal(str(expected))
    return {
        "gt": left > right,
        "ge": left >= right,
        "lt": left < right,
        "le": left <= right,
    }[op]


def _any(alternatives: tuple[Condition, ...], answers: dict[str, Any]) -> Applicability:
    results = [applicability_of(alternative, answers) for alternative in alternatives]
    if any(r.status == "yes" for r in results):
        return Applicability("yes")
    reasons = tuple(reason for r in results for reason in r.reasons)
    if any(r.status == "unknown" for r in results):
        return Applicability(
            "unknown", tuple(x for x in reasons if x.code == "measures.needs_answer")
        )
    return Applicability("no", reasons)


def applicability_of(condition: Condition, answers: dict[str, Any]) -> Applicability:
    """One condition against the typed answers."""
    if condition.op == "any":
        return _any(condition.value, answers)
    if condition.key not in answers:
        return Applicability("unknown", (Message("measures.needs_answer", {"key": condition.key}),))
    if _holds(condition.op, answers[condition.key], condition.value):
        return Applicability("yes")
    return Applicability(
        "no",
        (
            Message(
                "measures.condition_failed",
                {
                    "key": condition.key,
                    "answer": answers[condition.key],
                    "op": condition.op,
                    "value": condition.value,
                },
            ),
        ),
    )


@dataclass(frozen=True)
class Applicability:
    status: str  # "yes", "no", "unknown"
    reasons: tuple[Message, ...] = ()

    @property
    def applicable(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.status)


def applicability(measure: MeasureDef, answers: dict[str, Any]) -> Applicability:
    """Whether the typed checklist answers switch a measure on (all conditions must hold)."""
    results = [applicability_of(condition, answers) for condition in measure.applicability]
    failed = tuple(reason for r in results if r.status == "no" for reason in r.reasons)
    if failed:
        return Applicability("no", failed)
    missing = tuple(reason for r in results if r.status == "unknown" for reason in r.reasons)
    if missing:
        return Applicability("unknown", missing)
    return Applicability("yes")


# --------------------------------------------------------------------------- baseline


@dataclass(frozen=True)
class EnergyBaseline:
    """One carrier of the baseline year, per unit of the factor table (kWh, kL, 千m3, t)."""

    code: str
    quantity: Decimal
    unit: str
    t_co2_per_unit: Decimal  # market basis: 調整後 for electricity (the footprint's own)
    t_co2_location_per_unit: Decimal | None  # 全国平均係数 for electricity; = market for fuels
    gj_per_unit: Decimal
    yen_per_unit: Decimal
    price_source: str  # "bills", "default" or "none"


@dataclass(frozen=True)
class Baseline:
    fiscal_year: int
    energies: dict[str, EnergyBaseline]
    total_adjusted_t: Decimal
    refrigerant_t: Decimal = ZERO
    warnings: tuple[Message, ...] = ()


def baseline_from_year(
    year: YearResult, catalogue: Catalogue, library: FactorLibrary | None = None
) -> Baseline:
    """The baseline of one footprint year: quantities, the factors used, the unit prices."""
    warnings: list[Message] = []
    cost_lines: dict[str, tuple[Decimal, Decimal]] = {}
    for line in year.lines:
        if line.cost_yen is not None:
            quantity, cost = cost_lines.get(line.energy, (ZERO, ZERO))
            cost_lines[line.energy] = (quantity + line.table_quantity, cost + line.cost_yen)
    energies: dict[str, EnergyBaseline] = {}
    with decimal.localcontext(_CONTEXT):
        for code, total in year.by_energy.items():
            if total.quantity <= 0:
                continue
            location = (
                None if total.t_co2_location is None else total.t_co2_location / total.quantity
            )
            price, how = _price(code, cost_lines.get(code), catalogue, total.unit, warnings)
            energies[code] = EnergyBaseline(
                code,
                total.quantity,
                total.unit,
                total.t_co2 / total.quantity,
                location,
                total.gj / total.quantity,
                price,
                how,
            )
        if "electricity" not in energies:
            # Electrification adds electricity even where none was bought: use the national
            # average factor of the year (never another year's).
            if library is None:
                from ecocheck_desktop.core.factors import default_library

                library = default_library()
            national = library.national_average(year.fiscal_year)
            if national is None:
                warnings.append(
                    Message("measures.no_electricity_factor", {"fiscal_year": year.fiscal_year})
                )
            else:
                price, how = _price("electricity", None, catalogue, "kWh", warnings)
                factor = national[0]
                energies["electricity"] = EnergyBaseline(
                    "electricity", ZERO, "kWh", factor, factor, GJ_PER_KWH, price, how
                )
    return Baseline(
        year.fiscal_year,
        energies,
        year.total_adjusted_t,
        year.refrigerant_scope1_t,
        tuple(warnings),
    )


def _price(
    code: str,
    bills: tuple[Decimal, Decimal] | None,
    catalogue: Catalogue,
    unit: str,
    warnings: list[Message],
) -> tuple[Decimal, str]:
    if bills is not None and bills[0] > 0:
        return bills[1] / bills[0], "bills"
    default = catalogue.unit_prices.get(code)
    if default is None or default.unit != unit:
        warnings.append(Message("measures.no_price", {"energy": code}, {"energy": code}))
        return ZERO, "none"
    warnings.append(
        Message(
            "measures.default_price",
            {
                "energy": code,
                "price": default.yen_per_unit,
                "unit": unit,
                "source": ", ".join(default.sources),
            },
            {"energy": code},
        )
    )
    return default.yen_per_unit, "default"


# --------------------------------------------------------------------------- evaluation


@dataclass
class _State:
    """What is left to act on: end-use pools per carrier, PV and green kWh so far."""

    pools: dict[tuple[str, str], Decimal]
    initial: dict[tuple[str, str], Decimal]
    pv_kwh: Decimal = ZERO
    green_kwh: Decimal = ZERO
    refrigerant_t: Decimal = ZERO

    def copy(self) -> _State:
        return _State(
            dict(self.pools), self.initial, self.pv_kwh, self.green_kwh, self.refrigerant_t
        )

    def purchased_kwh(self) -> Decimal:
        used = sum((v for (c, _), v in self.pools.items() if c == "electricity"), ZERO)
        return max(ZERO, used - self.pv_kwh)


@dataclass
class _Effect:
    changes: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # + = saved
    pv_kwh: Decimal = ZERO
    green_kwh: Decimal = ZERO
    refrigerant_t: Decimal = ZERO
    extra_yen: Decimal = ZERO  # demand charge (+), O&M or premium (-)
    capex_units: Decimal = ONE
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)

    def empty(self) -> bool:
        return (
            not any(self.changes.values())
            and not self.pv_kwh
            and not self.green_kwh
            and not self.refrigerant_t
            and not self.extra_yen
        )


@dataclass(frozen=True)
class MeasureResult:
    """One measure for one company; money in 円, CO2 in t per year (reductions positive)."""

    measure: MeasureDef
    applicability: Applicability
    quantified: bool = False
    rank: int | None = None
    in_plan: bool = False
    basis: str = "standalone"  # "plan": sequential, after the measures ranked above it
    saving: dict[str, Decimal] = field(default_factory=dict)  # purchased quantity avoided
    units: dict[str, str] = field(default_factory=dict)
    t_co2_scope1: Decimal = ZERO
    t_co2_scope2: Decimal = ZERO  # market basis (調整後), as the footprint's totals
    t_co2_scope2_location: Decimal | None = ZERO
    yen_per_year: Decimal = ZERO
    capex_low: Decimal = ZERO
    capex_high: Decimal = ZERO
    payback_years: Decimal | None = None
    payback_vs_legal_life: str = "n/a"  # "within", "beyond", "n/a"
    npv: Decimal | None = None
    cost_per_t_co2: Decimal | None = None
    subsidies: tuple[Subsidy, ...] = ()
    sources: tuple[Source, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    notes: tuple[Message, ...] = ()

    @property
    def t_co2_per_year(self) -> Decimal:
        return self.t_co2_scope1 + self.t_co2_scope2

    @property
    def capex_typical(self) -> Decimal:
        return (self.capex_low + self.capex_high) / 2

    @property
    def saving_kwh(self) -> Decimal:
        return self.saving.get("electricity", ZERO)


@dataclass(frozen=True)
class PlanTotals:
    t_co2_scope1: Decimal
    t_co2_scope2: Decimal
    t_co2_scope2_location: Decimal | None
    yen_per_year: Decimal
    capex_low: Decimal
    capex_high: Decimal
    baseline_total_adjusted_t: Decimal
    after_total_adjusted_t: Decimal
    reduction_pct: Decimal | None

    @property
    def t_co2_per_year(self) -> Decimal:
        return self.t_co2_scope1 + self.t_co2_scope2


@dataclass(frozen=True)
class Plan:
    fiscal_year: int
    measures: list[MeasureResult]  # ranked first, then to-confirm, then not applicable
    totals: PlanTotals
    discount_rate_pct: Decimal
    profile: EndUseProfile
    warnings: list[Message]

    def result(self, measure_id: str) -> MeasureResult:
        for result in self.measures:
            if result.measure.id == measure_id:
                return result
        raise KeyError(measure_id)


def _pools(baseline: Baseline, profile: EndUseProfile) -> dict[tuple[str, str], Decimal]:
    pools: dict[tuple[str, str], Decimal] = {}
    for code, energy in baseline.energies.items():
        split = profile.electricity if code == "electricity" else profile.fuel_split(code)
        for end_use, share in split.items():
            pools[(code, end_use)] = energy.quantity * share / HUNDRED
    return pools


def _targets(measure: MeasureDef, state: _State) -> list[tuple[str, str]]:
    """The pools a measure acts on."""

    def carrier_ok(code: str) -> bool:
        if "*" in measure.energies:
            return True
        if "*fuel" in measure.energies:
            return code != "electricity"
        return code in measure.energies

    end_use = measure.end_use
    return [
        key
        for key in state.pools
        if carrier_ok(key[0])
        and (
            end_use == "all_energy"
            or key[1] == end_use
            or (end_use == "all_electricity" and key[0] == "electricity")
        )
    ]


class _Context:
    def __init__(self, catalogue: Catalogue, answers: dict[str, Any], baseline: Baseline) -> None:
        self.catalogue = catalogue
        self.answers = answers
        self.baseline = baseline

    def number(self, key: str) -> Decimal | None:
        return checklist_number(self.answers, self.catalogue, key)

    def hours_per_year(self) -> Decimal:
        return (self.number("operating_hours_per_day") or ZERO) * (
            self.number("operating_days_per_year") or ZERO
        )


def _capped(
    state: _State, key: tuple[str, str], energy: Decimal, pct: Decimal, effect: _Effect
) -> Decimal:
    """Saving on equipment energy from the checklist, within its end-use pool.

    The equipment's energy shrinks with the pool when earlier measures cut it (so that each
    measure applies to what the earlier ones left), and never exceeds what is left.
    """
    initial = state.initial.get(key, ZERO)
    if initial <= 0:
        return ZERO
    basis = energy * state.pools[key] / initial
    if basis > state.pools[key]:
        effect.notes.append(
            Message(
                "measures.capped_by_end_use",
                {
                    "end_use": key[1],
                    "equipment_kwh": energy.quantize(ONE),
                    "pool": initial.quantize(ONE),
                },
            )
        )
        basis = state.pools[key]
    return basis * pct


def _effect(measure: MeasureDef, state: _State, ctx: _Context) -> _Effect:
    effect = _Effect()
    pct = measure.saving_pct.typical / HUNDRED
    params = measure.parameters
    model = measure.model
    if model == "share":
        for key in _targets(measure, state):
            effect.changes[key] = state.pools[key] * pct
    elif model == "equipment_kw":
        kw = ctx.number(params["kw_key"]) or ZERO
        load = Decimal(str(params.get("load_factor", ctx.catalogue.load_factor)))
        energy = kw * ctx.hours_per_year() * load
        effect.details["equipment_kwh"] = energy
        for key in _targets(measure, state)[:1]:
            effect.changes[key] = _capped(state, key, energy, pct, effect)
        effect.capex_units = kw
    elif model == "lighting_fixtures":
        count = ctx.number(params["count_key"]) or ZERO
        watts = ctx.number(params["watts_key"]) or ZERO
        new_watts = (
            Decimal(str(params["new_watts"]))
            if "new_watts" in params
            else watts * Decimal(str(params["new_watts_ratio"]))
        )
        hours_per_day = ctx.number("lighting_hours_per_day") or ctx.number(
            "operating_hours_per_day"
        )
        hours = (hours_per_day or ZERO) * (ctx.number("operating_days_per_year") or ZERO)
        energy = count * max(ZERO, watts - new_watts) * hours / 1000
        effect.details.update(
            {"fixtures": count, "watts_before": watts, "watts_after": new_watts, "hours": hours}
        )
        for key in _targets(measure, state)[:1]:
            effect.changes[key] = _capped(state, key, energy, ONE, effect)
        effect.capex_units = count
    elif model == "pressure":
        current = ctx.number("compressor_pressure_mpa") or ZERO
        required = ctx.number("compressor_required_pressure_mpa")
        if required is None:
            required = current - Decimal(str(params["default_reduction_mpa"]))
        reduction = max(ZERO, current - required)
        saving_pct = Decimal(str(params["pct_per_0_1_mpa"])) * reduction / Decimal("0.1")
        saving_pct = min(saving_pct, HUNDRED)
        effect.details.update({"pressure_reduction_mpa": reduction, "saving_pct": saving_pct})
        for key in _targets(measure, state):
            effect.changes[key] = state.pools[key] * saving_pct / HUNDRED
    elif model == "pv":
        _pv(params, state, ctx, effect)
    elif model == "tariff":
        covered = state.purchased_kwh() - state.green_kwh
        if covered > 0:
            effect.green_kwh = covered
            price = ctx.baseline.energies["electricity"].yen_per_unit
            effect.extra_yen = -covered * price * Decimal(str(params["premium_pct"])) / HUNDRED
            effect.notes.append(Message("measures.market_basis_only"))
    elif model == "electrify":
        _electrify(measure, pct, state, ctx, effect)
    elif model == "demand":
        contract = ctx.number("contract_demand_kw") or ZERO
        reduced_kw = contract * pct
        effect.details["demand_reduction_kw"] = reduced_kw
        effect.extra_yen = reduced_kw * Decimal(str(params["yen_per_kw_year"]))
    else:  # refrigerant (site_specific and enabler rows never get here)
        if ctx.baseline.refrigerant_t <= 0:
            effect.notes.append(Message("measures.no_refrigerant_data"))
        effect.refrigerant_t = state.refrigerant_t * pct
    if measure.capex.model == "per_unit" and measure.capex.unit_key:
        effect.capex_units = ctx.number(measure.capex.unit_key) or ZERO
    return effect


def _pv(params: dict[str, Any], state: _State, ctx: _Context, effect: _Effect) -> None:
    if "electricity" not in ctx.baseline.energies:
        return
    yield_per_kw = Decimal(str(params["yield_kwh_per_kw"]))
    days = min(ctx.number("operating_days_per_year") or ZERO, DAYS_PER_YEAR)
    daytime_pct = ctx.number("daytime_share_pct")
    if daytime_pct is None:
        daytime_pct = Decimal(str(params["daytime_share_pct"]))
    # Only what the site uses in daylight on operating days replaces purchased kWh.
    daytime_demand = state.purchased_kwh() * daytime_pct / HUNDRED
    usable_per_kw = yield_per_kw * days / DAYS_PER_YEAR
    kw = ctx.number("pv_kw")
    if kw is None:
        roof_kw = (ctx.number("roof_area_m2") or ZERO) * Decimal(str(params["kw_per_m2"]))
        # Sized from the roof, but no larger than the daytime demand can absorb.
        demand_kw = daytime_demand / usable_per_kw if usable_per_kw > 0 else ZERO
        kw = min(roof_kw, demand_kw)
        effect.details.update({"roof_kw": roof_kw, "demand_limited_kw": demand_kw})
    generation = kw * yield_per_kw
    self_consumed = min(kw * usable_per_kw, daytime_demand)
    effect.pv_kwh = self_consumed
    effect.extra_yen = -kw * Decimal(str(params["om_yen_per_kw_year"]))
    effect.capex_units = kw
    effect.details.update(
        {
            "pv_kw": kw,
            "generation_kwh": generation,
            "self_consumed_kwh": self_consumed,
            "daytime_demand_kwh": daytime_demand,
        }
    )
    if self_consumed < generation:
        effect.notes.append(
            Message(
                "measures.pv_surplus",
                {
                    "generation": generation.quantize(ONE),
                    "self_consumed": self_consumed.quantize(ONE),
                },
            )
        )


def _electrify(
    measure: MeasureDef, share: Decimal, state: _State, ctx: _Context, effect: _Effect
) -> None:
    electricity = ctx.baseline.energies.get("electricity")
    if electricity is None:
        return
    params = measure.parameters
    old_efficiency = Decimal(str(params["old_efficiency"]))
    new_efficiency = Decimal(str(params["new_efficiency"]))
    fuel_gj = ZERO
    for key in _targets(measure, state):
        removed = state.pools[key] * share
        effect.changes[key] = removed
        fuel_gj += removed * ctx.baseline.energies[key[0]].gj_per_unit
    heat_gj = fuel_gj * old_efficiency
    added_kwh = heat_gj / new_efficiency / GJ_PER_KWH
    if added_kwh:
        effect.changes[("electricity", str(params["new_end_use"]))] = -added_kwh
    hours = ctx.hours_per_year()
    heat_kw = heat_gj / (hours * GJ_PER_KWH) if hours else ZERO
    effect.details.update(
        {"fuel_gj": fuel_gj, "heat_gj": heat_gj, "added_kwh": added_kwh, "heat_kw": heat_kw}
    )
    if measure.capex.model == "per_heat_kw":
        effect.capex_units = heat_kw


def _apply(state: _State, effect: _Effect) -> None:
    for key, saved in effect.changes.items():
        state.pools[key] = state.pools.get(key, ZERO) - saved
    state.pv_kwh += effect.pv_kwh
    state.green_kwh += effect.green_kwh
    state.refrigerant_t -= effect.refrigerant_t


def _annuity_factor(rate: Decimal, years: int) -> Decimal:
    """Σ 1/(1+r)^t for t = 1..years: the present value of 1 円 a year."""
    if rate == 0:
        return Decimal(years)
    return sum((ONE / (ONE + rate) ** t for t in range(1, years + 1)), ZERO)


def _result(
    measure: MeasureDef,
    status: Applicability,
    effect: _Effect,
    state: _State,
    ctx: _Context,
    rate: Decimal,
    region: str,
    basis: str,
) -> MeasureResult:
    energies = ctx.baseline.energies
    electricity = energies.get("electricity")
    purchased = state.purchased_kwh()
    green_fraction = min(ONE, state.green_kwh / purchased) if purchased > 0 else ZERO
    saving: dict[str, Decimal] = {}
    scope1 = scope2 = location = yen = ZERO
    location_known = True
    for (code, _), saved in effect.changes.items():
        saving[code] = saving.get(code, ZERO) + saved
    if effect.pv_kwh:
        saving["electricity"] = saving.get("electricity", ZERO) + effect.pv_kwh
    for code, saved in saving.items():
        energy = energies[code]
        yen += saved * energy.yen_per_unit
        if code == "electricity":
            scope2 += saved * energy.t_co2_per_unit * (ONE - green_fraction)
            if energy.t_co2_location_per_unit is None:
                location_known = False
            else:
                location += saved * energy.t_co2_location_per_unit
        else:
            scope1 += saved * energy.t_co2_per_unit
    if effect.green_kwh and electricity is not None:
        scope2 += effect.green_kwh * electricity.t_co2_per_unit
    scope1 += effect.refrigerant_t
    yen += effect.extra_yen
    capex = measure.capex
    units = ONE if capex.model == "fixed" else effect.capex_units
    capex_low, capex_high = (
        (ZERO, ZERO)
        if capex.model == "none"
        else (
            capex.low * units,
            capex.high * units,
        )
    )
    capex_typical = (capex_low + capex_high) / 2
    payback: Decimal | None = None
    if yen > 0:
        payback = capex_typical / yen if capex_typical else ZERO
    versus = "n/a"
    if payback is not None and measure.legal_life_years is not None:
        versus = "within" if payback <= measure.legal_life_years else "beyond"
    annuity = _annuity_factor(rate, measure.lifetime_years)
    npv = yen * annuity - capex_typical
    t_co2 = scope1 + scope2
    cost_per_t = (capex_typical / annuity - yen) / t_co2 if t_co2 > 0 else None
    subsidies = tuple(
        ctx.catalogue.subsidies[s]
        for s in measure.subsidies
        if _in_region(ctx.catalogue.subsidies[s], region)
    )
    return MeasureResult(
        measure=measure,
        applicability=status,
        quantified=True,
        basis=basis,
        saving=saving,
        units={code: energies[code].unit for code in saving},
        t_co2_scope1=scope1,
        t_co2_scope2=scope2,
        t_co2_scope2_location=location if location_known else None,
        yen_per_year=yen,
        capex_low=capex_low,
        capex_high=capex_high,
        payback_years=payback,
        payback_vs_legal_life=versus,
        npv=npv,
        cost_per_t_co2=cost_per_t,
        subsidies=subsidies,
        sources=tuple(ctx.catalogue.sources[s] for s in measure.sources),
        details=dict(effect.details),
        notes=tuple(effect.notes),
    )


def _in_region(subsidy: Subsidy, region: str) -> bool:
    return not subsidy.region or any(place in region for place in subsidy.region)


def _unquantified(
    measure: MeasureDef, status: Applicability, ctx: _Context, region: str, *notes: Message
) -> MeasureResult:
    return MeasureResult(
        measure=measure,
        applicability=status,
        subsidies=tuple(
            ctx.catalogue.subsidies[s]
            for s in measure.subsidies
            if _in_region(ctx.catalogue.subsidies[s], region)
        ),
        sources=tuple(ctx.catalogue.sources[s] for s in measure.sources),
        notes=notes,
    )


# The MoE plan order (measures.md §3a/3b): save energy, then electrify, then on-site
# renewables, then buy renewable electricity; procurement last so that it never hides the
# market-basis effect of the efficiency measures before it.
_PHASES = {"electrify": 1, "pv": 2, "tariff": 3, "enabler": 4}


def _rank_key(result: MeasureResult) -> tuple[int, int, Decimal, Decimal, str]:
    phase = _PHASES.get(result.measure.model, 0)
    if result.quantified and result.t_co2_per_year > 0 and result.cost_per_t_co2 is not None:
        return (phase, 0, result.cost_per_t_co2, result.payback_years or ZERO, result.measure.id)
    if result.quantified and result.yen_per_year > 0:
        return (phase, 1, result.payback_years or ZERO, ZERO, result.measure.id)
    return (phase, 2, ZERO, ZERO, result.measure.id)


def evaluate(
    project: Project,
    baseline: Baseline,
    catalogue: Catalogue | None = None,
    *,
    discount_rate_pct: Decimal | None = None,
    selected: Iterable[str] | None = None,
) -> Plan:
    """Rank the catalogue for one company and year, and combine the plan sequentially.

    ``selected``: the measure ids the company chose (default: ``project.measure_plan`` entries
    not rejected; when there are none, every applicable measure).
    """
    catalogue = catalogue or load_catalogue()
    answers, warnings = read_checklist(project.checklist, catalogue)
    profile = end_use_profile(answers, project.company.industry)
    warnings.extend(baseline.warnings)
    if discount_rate_pct is None:
        discount_rate_pct = answers.get("discount_rate_pct", catalogue.discount_rate_pct)
    rate = Decimal(discount_rate_pct) / HUNDRED
    if selected is None:
        chosen = [p.measure_id for p in project.measure_plan if p.status != "rejected"]
        selected = chosen or None
    chosen_ids = None if selected is None else set(selected)
    region = f"{project.company.city} {project.company.address}"
    ctx = _Context(catalogue, answers, baseline)
    pools = _pools(baseline, profile)
    fresh = _State(dict(pools), dict(pools), refrigerant_t=baseline.refrigerant_t)

    with decimal.localcontext(_CONTEXT):
        standalone: list[MeasureResult] = []
        others: list[MeasureResult] = []
        to_confirm: list[MeasureResult] = []
        for measure in catalogue.measures:
            status = applicability(measure, answers)
            if status.status == "no":
                others.append(_unquantified(measure, status, ctx, region))
                continue
            if status.status == "unknown":
                # No numbers until the advisor answers: a capex or saving computed from a
                # missing answer would look like a result.
                to_confirm.append(_unquantified(measure, status, ctx, region))
                continue
            if measure.model in ("site_specific", "enabler"):
                note = (
                    [Message("measures.not_quantified")] if measure.model == "site_specific" else []
                )
                standalone.append(_unquantified(measure, status, ctx, region, *note))
                continue
            effect = _effect(measure, fresh, ctx)
            if effect.empty():
                no_energy = Message("measures.no_energy", {"end_use": measure.end_use})
                others.append(
                    _unquantified(
                        measure, Applicability("no", (*status.reasons, no_energy)), ctx, region
                    )
                )
                continue
            standalone.append(
                _result(measure, status, effect, fresh, ctx, rate, region, "standalone")
            )
        standalone.sort(key=_rank_key)

        planned, aside = _combine(standalone, fresh, ctx, rate, region, chosen_ids)
        ranked = [
            _with(result, rank=rank, in_plan=in_plan, extra=notes)
            for rank, (result, in_plan, notes) in enumerate([*planned, *aside], start=1)
        ]
        totals = _totals(ranked, baseline)
    return Plan(
        baseline.fiscal_year,
        ranked + to_confirm + others,
        totals,
        Decimal(discount_rate_pct),
        profile,
        warnings,
    )


def _combine(
    standalone: list[MeasureResult],
    fresh: _State,
    ctx: _Context,
    rate: Decimal,
    region: str,
    chosen_ids: set[str] | None,
) -> tuple[
    list[tuple[MeasureResult, bool, list[Message]]], list[tuple[MeasureResult, bool, list[Message]]]
]:
    """The plan, built greedily: at each step the best remaining measure on what is left.

    Each planned measure's numbers are its increment after the ones above it, so the rows add
    up to the plan total and the order matches the numbers shown (a marginal cost curve).
    """
    aside: list[tuple[MeasureResult, bool, list[Message]]] = []
    candidates: list[MeasureResult] = []
    for result in standalone:
        if not result.quantified:
            aside.append((result, False, []))
        elif chosen_ids is not None and result.measure.id not in chosen_ids:
            aside.append((result, False, [Message("measures.not_selected")]))
        else:
            candidates.append(result)
    state = fresh.copy()
    planned: list[tuple[MeasureResult, bool, list[Message]]] = []
    groups: dict[str, str] = {}
    while candidates:
        options = []
        for result in list(candidates):
            effect = _effect(result.measure, state, ctx)
            if effect.empty():
                # Earlier measures left it nothing to act on (e.g. PV covered the daytime use).
                candidates.remove(result)
                aside.append((result, False, [Message("measures.nothing_left")]))
                continue
            sequential = _result(
                result.measure, result.applicability, effect, state, ctx, rate, region, "plan"
            )
            options.append((_rank_key(sequential), sequential, effect, result))
        if not options:
            break
        _, best, effect, original = min(options, key=lambda option: option[0])
        candidates.remove(original)
        _apply(state, effect)
        planned.append((best, True, []))
        group = best.measure.exclusive_group
        if group:
            groups[group] = best.measure.id
            for result in [c for c in candidates if c.measure.exclusive_group == group]:
                candidates.remove(result)
                note = Message("measures.alternative_to", {"measure": best.measure.id})
                aside.append((result, False, [note]))
    aside.sort(key=lambda item: _rank_key(item[0]))
    return planned, aside


def _with(
    result: MeasureResult, *, rank: int, in_plan: bool = False, extra: Iterable[Message] = ()
) -> MeasureResult:
    from dataclasses import replace

    return replace(result, rank=rank, in_plan=in_plan, notes=(*result.notes, *extra))


def _totals(ranked: list[MeasureResult], baseline: Baseline) -> PlanTotals:
    planned = [r for r in ranked if r.in_plan]
    location_values = [r.t_co2_scope2_location for r in planned]
    location = (
        None
        if any(v is None for v in location_values)
        else sum((v for v in location_values if v is not None), ZERO)
    )
    scope1 = sum((r.t_co2_scope1 for r in planned), ZERO)
    scope2 = sum((r.t_co2_scope2 for r in planned), ZERO)
    after = baseline.total_adjusted_t - scope1 - scope2
    reduction = (
        (scope1 + scope2) / baseline.total_adjusted_t * HUNDRED
        if baseline.total_adjusted_t > 0
        else None
    )
    return PlanTotals(
        t_co2_scope1=scope1,
        t_co2_scope2=scope2,
        t_co2_scope2_location=location,
        yen_per_year=sum((r.yen_per_year for r in planned), ZERO),
        capex_low=sum((r.capex_low for r in planned), ZERO),
        capex_high=sum((r.capex_high for r in planned), ZERO),
        baseline_total_adjusted_t=baseline.total_adjusted_t,
        after_total_adjusted_t=after,
        reduction_pct=reduction,
    )


def plan_steps(plan: Plan, project: Project) -> list[PlanStep]:
    """When each planned measure takes effect: the company's planned year, else a default.

    Defaults (docs/measures.md): operational measures the year after the baseline, investments
    and procurement the year after that.
    """
    from ecocheck_desktop.core.targets import PlanStep

    planned_year = {p.measure_id: p.planned_year for p in project.measure_plan}
    steps = []
    for result in plan.measures:
        if not result.in_plan:
            continue
        default = plan.fiscal_year + (1 if result.measure.kind == "operational" else 2)
        year = planned_year.get(result.measure.id, default)
        steps.append(PlanStep(year, result.t_co2_per_year, result.measure.id))
    return steps
