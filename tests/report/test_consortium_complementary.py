"""Complementary suppression in the anonymised consortium summary (issue 18 item 7).

Brute force: many random portfolios are summarised anonymised. Every published figure is a
linear function of the companies' own numbers (t-CO2 per company and energy, the sorted
intensities). A suppressed cell can be recomputed from the shown ones exactly when its
coefficient vector lies in the span of the shown cells' vectors; the test solves that by exact
Gaussian elimination (fractions) and fails on the first suppressed cell it can recover.
"""

from __future__ import annotations

import csv
import io
import random
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.exchange.portfolio import PortfolioRow
from ecocheck_desktop.report.consortium import ConsortiumSummary, consortium_csv
from ecocheck_desktop.report.suppression import suppressed_cells

ENERGIES = ("electricity", "heat", "city_gas", "kerosene", "lpg")
INDUSTRIES = ("金属製品", "食料品", "プラスチック製品", "印刷", "")
Vector = dict[tuple[str, object], Fraction]


def portfolio(rng: random.Random) -> list[PortfolioRow]:
    rows = []
    for i in range(rng.randint(3, 9)):
        used = [e for e in ENERGIES if rng.random() < (0.9 if e == "electricity" else 0.35)]
        by_energy = {e: Decimal(rng.randint(1, 400)) for e in used or ["electricity"]}
        scope1 = sum((t for e, t in by_energy.items() if ENERGY_TYPES[e].scope == 1), Decimal(0))
        total = sum(by_energy.values(), Decimal(0))
        part = rng.random() < 0.15
        rows.append(
            PortfolioRow(
                Path(f"/clients/c{i}.ecocheck"),
                company=f"c{i}",
                industry=rng.choice(INDUSTRIES[: rng.randint(1, len(INDUSTRIES))]),
                fiscal_year=2025,
                complete=not part,
                scope1_t=scope1,
                scope2_adjusted_t=total - scope1,
                total_t=total,
                intensity_revenue=Decimal(rng.randint(1, 9999)) / 1000 + Decimal(i) / 10**6,
                energy_gj=Decimal(10),
                months_with_data=7 if part else 12,
                by_energy_t=by_energy,
                part_year=part,
            )
        )
    return rows


def quantile_vector(n: int, q: Fraction) -> Vector:
    position = (n - 1) * q
    lower = int(position)
    upper = min(lower + 1, n - 1)
    weight = position - lower
    vector: Vector = {("v", lower): 1 - weight}
    vector[("v", upper)] = vector.get(("v", upper), Fraction(0)) + weight
    return {k: w for k, w in vector.items() if w}


def cell_vectors(rows: list[PortfolioRow]) -> dict[tuple[str, str, str], Vector]:
    """Each aggregate cell as a linear function of the companies' own figures."""
    full = [(i, r) for i, r in enumerate(rows) if not r.part_year]
    vectors: dict[tuple[str, str, str], Vector] = {}

    def add(key: tuple[str, str, str], variable: tuple[str, object]) -> None:
        vectors.setdefault(key, {})
        vectors[key][variable] = vectors[key].get(variable, Fraction(0)) + 1

    for i, row in full:
        for code in row.by_energy_t:
            variable = ("x", (i, code))
            add(("overview", "", "total_adjusted_t"), variable)
            scope = ENERGY_TYPES[code].scope
            add(("overview", "", "scope1_t" if scope == 1 else "scope2_adjusted_t"), variable)
            add(("industry", row.industry, "total_adjusted_t"), variable)
            add(("energy", code, "t_co2"), variable)
    n = len(full)
    if n:
        vectors["intensity", "min", "intensity"] = {("v", 0): Fraction(1)}
        vectors["intensity", "max", "intensity"] = {("v", n - 1): Fraction(1)}
        for name, q in (("p25", "1/4"), ("median", "1/2"), ("p75", "3/4")):
            vectors["intensity", name, "intensity"] = quantile_vector(n, Fraction(q))
        vectors["intensity", "mean", "intensity"] = {("v", k): Fraction(1, n) for k in range(n)}
    return vectors


def in_span(target: Vector, basis: list[Vector]) -> bool:
    """Whether ``target`` is a linear combination of ``basis`` (exact elimination)."""
    pivots: list[tuple[tuple[str, object], Vector]] = []

    def reduce(vector: Vector) -> Vector:
        vector = dict(vector)
        for variable, row in pivots:
            factor = vector.get(variable)
            if factor:
                for k, w in row.items():
                    vector[k] = vector.get(k, Fraction(0)) - factor * w
                vector = {k: w for k, w in vector.items() if w}
        return vector

    for vector in basis:
        reduced = reduce(vector)
        if reduced:
            variable = next(iter(sorted(reduced, key=str)))
            scale = reduced[variable]
            pivots.append((variable, {k: w / scale for k, w in reduced.items()}))
    return not reduce(target)


def published(summary: ConsortiumSummary) -> dict[tuple[str, str, str], str]:
    text = consortium_csv(summary, anonymise=True, lang="en").decode("utf-8-sig")
    return {
        (r["section"], r["group"], r["metric"]): r["unit"]
        for r in csv.DictReader(io.StringIO(text))
    }


def recoverable(rows: list[PortfolioRow]) -> list[tuple[str, str, str]]:
    summary = ConsortiumSummary()
    for row in rows:
        summary.add(row)
    units = published(summary)
    vectors = cell_vectors(rows)
    assert set(vectors) <= set(units)  # every modelled cell is published (shown or not)
    shown = [v for k, v in vectors.items() if units[k] != "suppressed"]
    return [
        key
        for key, vector in vectors.items()
        if units[key] == "suppressed" and vector and in_span(vector, shown)
    ]


def test_no_suppressed_cell_can_be_recomputed_from_the_shown_ones() -> None:
    rng = random.Random(18)
    checked = suppressed = 0
    for _ in range(400):
        rows = portfolio(rng)
        assert recoverable(rows) == [], [(r.company, r.industry, r.by_energy_t) for r in rows]
        checked += 1
        summary = ConsortiumSummary()
        for row in rows:
            summary.add(row)
        suppressed += bool(summary.hidden_cells(True))
    assert checked == 400 and suppressed > 100  # the random portfolios do exercise suppression


def test_the_check_finds_a_cell_left_open_by_primary_suppression_alone() -> None:
    """Without the complementary cells, a lone small industry is the total minus the others."""
    rows = [
        PortfolioRow(
            Path(f"/c{i}.ecocheck"),
            company=f"c{i}",
            industry="食料品" if i == 0 else "金属製品",
            fiscal_year=2025,
            complete=True,
            scope1_t=Decimal(0),
            scope2_adjusted_t=Decimal(10 + i),
            total_t=Decimal(10 + i),
            intensity_revenue=Decimal(i + 1),
            months_with_data=12,
            by_energy_t={"electricity": Decimal(10 + i)},
        )
        for i in range(5)
    ]
    vectors = cell_vectors(rows)
    food = ("industry", "食料品", "total_adjusted_t")
    primary_only = [v for k, v in vectors.items() if k != food and k[1] not in ("min", "max")]
    assert in_span(vectors[food], primary_only)
    assert recoverable(rows) == []
    summary = ConsortiumSummary()
    for row in rows:
        summary.add(row)
    hidden = summary.hidden_cells(True)
    assert food in hidden and ("industry", "金属製品", "total_adjusted_t") in hidden
    assert ("overview", "", "total_adjusted_t") not in hidden  # the total of 5 stays shown


def test_a_lone_hidden_part_without_a_shown_sibling_hides_the_total() -> None:
    counts = {"total": 5, "a": 1, "b": 0}
    hidden = suppressed_cells(counts, [("total", ["a", "b"])], 3)
    assert hidden == {"a", "b", "total"}  # b is a known 0, so the total goes


def test_two_small_parts_together_still_below_three_take_a_third() -> None:
    counts = {"total": 9, "a": 1, "b": 1, "c": 3, "d": 4}
    hidden = suppressed_cells(counts, [("total", ["a", "b", "c", "d"])], 3)
    assert hidden == {"a", "b", "c"}  # a + b (2 companies) alone would be total - c - d


def test_not_anonymised_nothing_is_hidden() -> None:
    rows = portfolio(random.Random(3))
    summary = ConsortiumSummary()
    for row in rows:
        summary.add(row)
    assert summary.hidden_cells(False) == set()
    assert "suppressed" not in consortium_csv(summary, anonymise=False).decode("utf-8-sig")
