"""The words of the reply pack to a customer's CO2 request (PDF, .xlsx; issue 21), Japanese and
English. The items follow the questions Japanese buyers and the CDP supply-chain questionnaire
for SMEs ask: period, Scope 1, Scope 2 market / location, method, factor sources, targets.

The words are the data file ``resources/text/answer.json`` (``{key: [ja, en]}``)."""

from __future__ import annotations

from ecocheck_desktop.text.tables import load

WORDS: dict[str, tuple[str, str]] = load("answer")


def words(key: str, lang: str, **params: object) -> str:
    ja, en = WORDS[key]
    template = ja if lang == "ja" else en
    return template.format(**params) if params else template
