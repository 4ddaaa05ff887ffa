"""The legal reporting lines a year's results are held against.

- フロン排出抑制法: a business whose 算定漏えい量 (refrigerant leakage, フロン法 GWPs, HFC and
  HCFC) reaches 1,000 t-CO2 in a fiscal year must report it (``YearResult.furon_reportable``);
- 省エネ法: a business whose energy use reaches 1,500 kL of crude oil equivalent (原油換算) in
  a fiscal year is a 特定事業者 (specified business) with reporting duties.
"""

from __future__ import annotations

from decimal import Decimal

FURON_REPORTING_THRESHOLD_T = Decimal(1000)
SHOENE_SPECIFIED_KL = Decimal(1500)


def furon_reportable(furon_t: Decimal) -> bool:
    """Whether the フロン法 leakage (t-CO2) reaches the reporting line."""
    return furon_t >= FURON_REPORTING_THRESHOLD_T


def shoene_specified(crude_oil_kl: Decimal) -> bool:
    """Whether the energy use (kL 原油換算) makes the business a 省エネ法 特定事業者."""
    return crude_oil_kl >= SHOENE_SPECIFIED_KL
