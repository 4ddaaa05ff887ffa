"""The PDF's method appendix states the issue-15 rules, not the old simplifications."""

from __future__ import annotations

import pytest

from ecocheck_desktop.text.report import formulas


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ja", ["4月〜翌3月の年度", "298.15/273.15", "45 GJ/千m³", "ブタン", "kg/m³", "推計"]),
        ("en", ["April–March year", "298.15/273.15", "45 GJ/thousand m³", "butane", "kg/m³"]),
    ],
)
def test_the_appendix_states_the_shk_year_gas_and_lpg_rules(lang: str, words: list[str]) -> None:
    text = " ".join(formulas(lang))
    for word in words:
        assert word in text, word
    # The old one-liner "LPG is always 1/502" is gone: propane is only the default.
    assert "1/502 t として換算します" not in text and "converted at 1/502 t per m³" not in text
