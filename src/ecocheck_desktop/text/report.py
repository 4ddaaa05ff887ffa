"""The report's wording in Japanese and English: every sentence printed in the PDF.

The report is not a Qt module, so its words do not go through ``tr()``: they are the data files
``resources/text/report*.json`` (``{key: [ja, en]}``, read by :mod:`ecocheck_desktop.text.tables`),
merged here into ``TEXTS`` and looked up with :func:`text`. Messages (codes raised by core,
store and exchange) are rendered by :mod:`ecocheck_desktop.text.messages`; number formats are
in :mod:`ecocheck_desktop.text.numbers`.
"""

from __future__ import annotations

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.fiscal import fiscal_year_label_en, fiscal_year_label_ja
from ecocheck_desktop.text.tables import load, merged

LANGS = ("ja", "en")

# {key: (ja, en)}, read from resources/text/: the report's own words, then the consortium's, the
# data-quality section's and the bank pack's; ``{name}`` placeholders are filled with str.format.
TEXTS: dict[str, tuple[str, str]] = merged(
    "report", "report_consortium", "report_quality", "report_bank"
)


def text(key: str, lang: str, **params: object) -> str:
    ja, en = TEXTS[key]
    template = ja if lang == "ja" else en
    return template.format(**params) if params else template


def energy_name(code: str, lang: str) -> str:
    energy = ENERGY_TYPES.get(code)
    if energy is None:
        return code
    return energy.name_ja if lang == "ja" else energy.name_en


def how_text(how: str, lang: str) -> str:
    key = f"how.{how}"
    return text(key, lang) if key in TEXTS else how


def fiscal_year_label(fiscal_year: int, lang: str) -> str:
    return fiscal_year_label_ja(fiscal_year) if lang == "ja" else fiscal_year_label_en(fiscal_year)


def formulas(lang: str) -> list[str]:
    """The methodology appendix, one paragraph per formula: resources/text/report_formulas.json."""
    index = 0 if lang == "ja" else 1
    return [pair[index] for pair in load("report_formulas").values()]
