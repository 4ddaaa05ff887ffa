"""Units and factor labels in English words for the English screens and PDF (issue 19)."""

from __future__ import annotations

from ecocheck_desktop.text.units import factor_label_text, unit_text


def test_units_in_english_words() -> None:
    assert unit_text("t-CO2/百万円", "en") == "t-CO2/million yen"
    assert unit_text("t-CO2/千m3", "en") == "t-CO2/thousand m3"
    assert unit_text("t-CO2/百万円", "ja") == "t-CO2/百万円"


def test_factor_labels_name_the_energy_in_english_and_keep_the_data() -> None:
    assert factor_label_text("灯油 36.5 GJ/kL × 0.0187 t-C/GJ × 44/12", "en") == (
        "Kerosene 36.5 GJ/kL × 0.0187 t-C/GJ × 44/12"
    )
    assert factor_label_text("全国平均係数", "en") == "National average factor"
    # A supplier's and a menu's name are data: they stay as the list prints them.
    label = factor_label_text("電気 東京電力エナジーパートナー(株) メニューM(残差)", "en")
    assert label == "Electricity 東京電力エナジーパートナー(株) メニューM(残差)"
    assert factor_label_text("灯油 36.5 GJ/kL", "ja") == "灯油 36.5 GJ/kL"
