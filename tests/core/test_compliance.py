"""The legal reporting lines (core.compliance): the line itself counts as reached."""

from __future__ import annotations

from decimal import Decimal

from ecocheck_desktop.core.compliance import furon_reportable, shoene_specified


def test_furon_line_is_1000_t_co2_inclusive() -> None:
    assert furon_reportable(Decimal(1000))
    assert furon_reportable(Decimal("1000.0001"))
    assert not furon_reportable(Decimal("999.9999"))
    assert not furon_reportable(Decimal(0))


def test_shoene_line_is_1500_kl_crude_oil_equivalent_inclusive() -> None:
    assert shoene_specified(Decimal(1500))
    assert not shoene_specified(Decimal("1499.999"))
