"""The bank pack's words: the locked KPI on page 1, the loan page, the data-quality (PCAF) and
declaration page and the reasons for the change. Merged into :data:`text.report.TEXTS`.

The words are the data file ``resources/text/report_bank.json`` (``{key: [ja, en]}``). Japanese
and English each stand alone: no sentence of one language in the other edition (abbreviations
such as SPT, SBTi, PCAF, Scope and t-CO2 are used in both).
"""

from __future__ import annotations

from ecocheck_desktop.text.tables import load

BANK: dict[str, tuple[str, str]] = load("report_bank")
