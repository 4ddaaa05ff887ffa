"""Property tests: number parsing round-trips, and splitting a record never changes a total."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.core.results import YearResult
from tests.core.test_footprint import FakeLibrary, project_with, rec

quantities = st.decimals(
    min_value=0, max_value=Decimal("1e12"), places=3, allow_nan=False, allow_infinity=False
)
FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


@settings(max_examples=150, deadline=None)
@given(quantities, st.booleans(), st.booleans())
def test_parse_round_trips_bill_spellings(value: Decimal, grouped: bool, wide: bool) -> None:
    text = f"{value:,}" if grouped else f"{value}"
    if wide:
        text = text.translate(FULL_WIDTH)
    assert parse_quantity(text) == value
    assert parse_quantity(f" +{text} ") == value


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789,.-+ abcé▲", max_size=12))
def test_parse_never_crashes_unexpectedly(text: str) -> None:
    from ecocheck_desktop.core.messages import EcoCheckError

    try:
        result = parse_quantity(text)
    except EcoCheckError as error:
        assert error.messages[0].code.startswith("quantity.")
    else:
        assert 0 <= result <= Decimal("1e12")


LINES = [
    ("電気", "kWh", {"supplier": "A0269"}),
    ("電気", "MWh", {}),
    ("灯油", "L", {}),
    ("A重油", "kL", {}),
    ("都市ガス", "m3", {"supplier": "A0020"}),
    ("都市ガス", "m3", {}),
    ("LPG", "m3", {}),
    ("LPG", "kg", {}),
    ("熱", "GJ", {}),
]
MONTHS = ["2024-04", "2024-11", "2025-03", "2025-04", "2025-12", "2026-02"]
SITES = ["本社工場", "第二工場"]

record_args = st.tuples(
    st.sampled_from(range(len(LINES))),
    st.sampled_from(MONTHS),
    st.sampled_from(SITES),
    st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False),
)


def totals(year: YearResult) -> dict[str, object]:
    return {
        "scope1": year.scope1_t,
        "scope1_adj": year.scope1_adjusted_t,
        "scope1_rounded": year.scope1_rounded_factor_t,
        "s2b": year.scope2_basic_t,
        "s2a": year.scope2_adjusted_t,
        "s2l": year.scope2_location_t,
        "gj": year.energy_gj,
        "kl": year.crude_oil_kl,
        "energy": {
            k: (v.quantity, v.t_co2, v.t_co2_basic, v.t_co2_location, v.gj)
            for k, v in year.by_energy.items()
        },
        "month": {
            k: (v.total_adjusted_t, v.scope2_location_t, v.gj) for k, v in year.by_month.items()
        },
        "site": {k: (v.total_basic_t, v.total_adjusted_t, v.gj) for k, v in year.by_site.items()},
    }


def close(a: object, b: object) -> bool:
    """Equal, or (LPG m3 / 502 only) equal to 100 significant digits."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return all(close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return abs(a - b) <= Decimal("1e-90")
    return a == b


@settings(max_examples=60, deadline=None)
@given(st.lists(record_args, min_size=1, max_size=8), st.data())
def test_splitting_a_record_never_changes_a_total(args: list, data: st.DataObject) -> None:  # type: ignore[type-arg]
    records = []
    for index, month, site, quantity in args:
        energy, unit, extra = LINES[index]
        records.append(rec(month, energy, str(quantity), unit, site=site, **extra))
    which = data.draw(st.integers(0, len(records) - 1))
    original = records[which]
    part = data.draw(
        st.decimals(min_value=0, max_value=original.quantity, places=2, allow_nan=False)
    )
    from dataclasses import replace

    split = [
        *records[:which],
        replace(original, quantity=part),
        replace(original, quantity=original.quantity - part),
        *records[which + 1 :],
    ]
    before = calculate(project_with(*records), FakeLibrary(electricity_years=(2024, 2025)))
    after = calculate(project_with(*split), FakeLibrary(electricity_years=(2024, 2025)))
    assert [y.fiscal_year for y in before.years] == [y.fiscal_year for y in after.years]
    for old, new in zip(before.years, after.years, strict=True):
        assert close(totals(old), totals(new))
