"""The factor a bill line resolved to: its value on each basis and where it comes from.

Made by :mod:`ecocheck_desktop.core.factor_resolution`, kept with each line of a year's totals
(:mod:`ecocheck_desktop.core.year_totals`) and shown on screen and in the PDF as the line's
factor, edition and source.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ecocheck_desktop.core.messages import Message


@dataclass(frozen=True)
class ResolvedFactor:
    """A resolved factor for one line: t-CO2 per table unit on each basis."""

    basic: Decimal
    adjusted: Decimal
    rounded: Decimal | None  # the one-line factor, fuels only
    label: str
    how: str
    edition_id: str
    edition_title: str = ""
    source_url: str = ""
    unit: str = ""
    warnings: tuple[Message, ...] = ()
    provenance: str = "library"
    source_fiscal_year: int | None = None
    factor_source: str = ""
