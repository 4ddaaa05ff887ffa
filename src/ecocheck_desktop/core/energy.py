"""Energy types and units: the energy codes, their Japanese names, and unit conversion.

Owns the vocabulary of what a bill line measures (``electricity``, ``city_gas`` …), which units
each energy may be given in, and the exact conversion of a bill quantity into the unit of the
official factor table (kWh, kL, t, 千m3, GJ). Conversion is exact ``Decimal`` arithmetic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ecocheck_desktop.core.messages import EcoCheckError, Message

# Canonical unit spellings (the unit column of the bill import format, exchange/bills.py).
UNITS: tuple[str, ...] = (
    "kWh",
    "MWh",
    "千kWh",
    "m3",
    "千m3",
    "Nm3",
    "千Nm3",
    "L",
    "kL",
    "kg",
    "t",
    "GJ",
)

LIQUID_UNITS = ("L", "kL")
GAS_UNITS = ("m3", "千m3", "Nm3", "千Nm3")
MASS_UNITS = ("kg", "t")


@dataclass(frozen=True)
class EnergyType:
    code: str
    name_ja: str
    name_en: str
    aliases: tuple[str, ...]
    scope: int  # 1 = fuel burnt on site, 2 = purchased electricity / heat
    table_unit: str  # the unit of the official factor table
    units: tuple[str, ...]  # units a bill quantity may be given in

    @property
    def is_fuel(self) -> bool:
        return self.scope == 1


def _fuel(code: str, name_ja: str, name_en: str, table_unit: str, *aliases: str) -> EnergyType:
    units = {"kL": LIQUID_UNITS, "t": MASS_UNITS, "千m3": GAS_UNITS}[table_unit]
    return EnergyType(code, name_ja, name_en, (name_ja, *aliases), 1, table_unit, units)


_TYPES: tuple[EnergyType, ...] = (
    EnergyType(
        "electricity",
        "電気",
        "Electricity",
        ("電気", "電力", "買電", "購入電力", "電気（買電）"),
        2,
        "kWh",
        ("kWh", "MWh", "千kWh"),
    ),
    _fuel("city_gas", "都市ガス", "City gas", "千m3", "都市ガス13A", "13A"),
    EnergyType(
        "lpg",
        "LPガス",
        "LPG",
        (
            "LPG",
            "LPガス",
            "LPガス（プロパン）",
            "プロパン",
            "プロパンガス",
            "液化石油ガス",
            "液化石油ガス（LPG）",
        ),
        1,
        "t",
        ("kg", "t", "m3"),
    ),
    _fuel("kerosene", "灯油", "Kerosene", "kL"),
    _fuel("diesel", "軽油", "Diesel", "kL", "diesel_oil"),
    _fuel("gasoline", "ガソリン", "Gasoline", "kL", "揮発油", "レギュラーガソリン", "ハイオク"),
    _fuel("heavy_oil_a", "A重油", "Heavy oil A", "kL", "重油", "A重油（重油）"),
    _fuel("heavy_oil_bc", "B・C重油", "Heavy oil B/C", "kL", "C重油", "B重油", "BC重油", "B･C重油"),
    _fuel("lng", "液化天然ガス", "LNG", "t", "LNG", "液化天然ガス（LNG）"),
    EnergyType(
        "heat",
        "蒸気・温水・冷水",
        "Purchased heat",
        ("蒸気・温水・冷水", "熱", "蒸気", "温水", "冷水", "冷温水", "産業用蒸気"),
        2,
        "GJ",
        ("GJ",),
    ),
    _fuel("crude_oil", "原油", "Crude oil", "kL"),
    _fuel("condensate_ngl", "コンデンセート", "Condensate (NGL)", "kL", "NGL"),
    _fuel("naphtha", "ナフサ", "Naphtha", "kL"),
    _fuel("jet_fuel", "ジェット燃料油", "Jet fuel", "kL"),
    _fuel("lubricating_oil", "潤滑油", "Lubricating oil", "kL"),
    _fuel("natural_gas", "天然ガス", "Natural gas", "千m3"),
    _fuel("coal_coking_imported", "輸入原料炭", "Imported coking coal", "t"),
    _fuel("coal_steam_imported", "輸入一般炭", "Imported steam coal", "t", "一般炭", "石炭"),
    _fuel("coal_coke", "石炭コークス", "Coal coke", "t", "コークス"),
    _fuel("petroleum_coke", "石油コークス", "Petroleum coke", "t"),
)

ENERGY_TYPES: dict[str, EnergyType] = {t.code: t for t in _TYPES}


def _key(text: str) -> str:
    """Fold width, case and spacing so that ＬＰＧ, lpg and 'L P G' compare equal."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(folded.split()).replace("･", "・")


_ENERGY_LOOKUP: dict[str, str] = {}
for _type in _TYPES:
    for _name in (_type.code, _type.name_en, *_type.aliases):
        _ENERGY_LOOKUP.setdefault(_key(_name), _type.code)

_UNIT_LOOKUP: dict[str, str] = {_key(u): u for u in UNITS}
_UNIT_LOOKUP.update(
    {
        _key(alias): unit
        for alias, unit in {
            "ℓ": "L",
            "リットル": "L",
            "ﾘｯﾄﾙ": "L",
            "キロリットル": "kL",
            "m^3": "m3",
            "立方メートル": "m3",
            "立米": "m3",
            "千立方メートル": "千m3",
            "nm^3": "Nm3",
            # The JIS way of writing normal cubic metres (m³N), as printed on many gas bills.
            "m3N": "Nm3",
            "m^3N": "Nm3",
            "千m3N": "千Nm3",
            "ノルマル立方メートル": "Nm3",
            "ノルマル立米": "Nm3",
            "キログラム": "kg",
            "トン": "t",
            "ton": "t",
            "キロワット時": "kWh",
            "メガワット時": "MWh",
            "ギガジュール": "GJ",
        }.items()
    }
)


def normalize_energy(text: str) -> str:
    """The energy code for a code, English or Japanese name (any width or case)."""
    code = _ENERGY_LOOKUP.get(_key(str(text)))
    if code is None:
        raise EcoCheckError(Message("energy.unknown", {"value": text}))
    return code


def normalize_unit(text: str) -> str:
    """The canonical unit spelling (one of :data:`UNITS`) for a unit as printed on a bill."""
    unit = _UNIT_LOOKUP.get(_key(str(text)))
    if unit is None:
        raise EcoCheckError(Message("unit.unknown", {"value": text}))
    return unit


_THOUSAND = Decimal(1000)

# Multiplier from a unit to its family's table unit (gas volumes: Nm3 stands for the old
# table's 千Nm3 basis and metered m3 for the new 25 °C / 1 bar basis, both per 1,000).
_TO_TABLE: dict[str, Decimal] = {
    "kWh": Decimal(1),
    "MWh": _THOUSAND,
    "千kWh": _THOUSAND,
    "L": Decimal(1) / _THOUSAND,
    "kL": Decimal(1),
    "kg": Decimal(1) / _THOUSAND,
    "t": Decimal(1),
    "m3": Decimal(1) / _THOUSAND,
    "Nm3": Decimal(1) / _THOUSAND,
    "千m3": Decimal(1),
    "千Nm3": Decimal(1),
    "GJ": Decimal(1),
}


def to_table_unit(
    energy: str, quantity: Decimal, unit: str, *, lpg_m3_per_t: Decimal = Decimal(502)
) -> Decimal:
    """Convert a bill quantity into the unit of the factor table for ``energy``.

    LPG given in m3 is converted with ``lpg_m3_per_t`` (propane: 502 m3 per t) unless the
    supplier states another figure.
    """
    energy_type = ENERGY_TYPES[normalize_energy(energy)]
    canonical = normalize_unit(unit)
    if canonical not in energy_type.units:
        raise EcoCheckError(
            Message(
                "unit.mismatch",
                {
                    "unit": unit,
                    "energy": energy_type.code,
                    "allowed": ", ".join(energy_type.units),
                },
            )
        )
    if energy_type.code == "lpg" and canonical == "m3":
        return quantity / lpg_m3_per_t
    return quantity * _TO_TABLE[canonical]
