"""Units and factor labels in the reader's language.

The calculation writes units and factor labels the way the official tables print them
(t-CO2/百万円, 千m3, 「灯油 36.5 GJ/kL × …」, 全国平均係数); the English screens and the
English PDF show them in English words (issue 19: Japanese left in the English UI).
"""

from __future__ import annotations

from ecocheck_desktop.core.energy import ENERGY_TYPES


def unit_text(unit: str, lang: str) -> str:
    if lang == "ja":
        return unit
    return (
        unit.replace("百万円", "million yen")
        .replace("千", "thousand ")
        .replace("/人", "/person")
        .replace("単位", "unit")
    )


_WORDS = (
    ("全国平均係数", "national average factor"),
    ("算定・報告・公表制度", "SHK reporting"),
    ("フロン排出抑制法", "Fluorocarbons Act"),
    ("換算", "conversion"),
)


def factor_label_text(label: str, lang: str) -> str:
    """A factor's label with its energy name and fixed words in ``lang`` (data such as a
    supplier's or menu's name stays as the list prints it)."""
    if lang == "ja":
        return label
    names = sorted(ENERGY_TYPES.values(), key=lambda t: len(t.name_ja), reverse=True)
    for energy in names:
        if label.startswith(energy.name_ja):
            label = energy.name_en + label[len(energy.name_ja) :]
            break
    for ja, en in _WORDS:
        label = label.replace(ja, en)
    label = unit_text(label, lang)
    return label[:1].upper() + label[1:]
