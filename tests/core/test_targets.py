"""Targets and pathways: golden case GC-16 and the plan pathway against each target.

Expected numbers: golden/measures_hand.json ("targets"), from reference/golden-cases.md GC-16.
"""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecocheck_desktop.core import targets as t
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Target

GOLDEN = json.loads(
    (Path(__file__).parent / "golden" / "measures_hand.json").read_text(encoding="utf-8")
)["targets"]


def _target(case: dict[str, Any]) -> Target:
    overrides: dict[str, Any] = {}
    if "reduction_pct" in case:
        overrides["reduction_pct"] = Decimal(case["reduction_pct"])
    if "target_year" in case:
        overrides["target_year"] = case["target_year"]
    return t.standard_target(case["kind"], case["base_year"], **overrides)


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=[c["kind"] for c in GOLDEN["cases"]])
def test_golden_target_arithmetic(case: dict[str, Any]) -> None:
    path = t.target_path(_target(case), Decimal(case["base_t"]))
    for year, expected in case["expected"].items():
        assert path.at(int(year)) == (None if expected is None else Decimal(expected)), year
    assert path.points[0] == t.PathPoint(case["base_year"], Decimal(case["base_t"]))


def test_sbt_42_carries_its_caveat_and_national_rebasing_is_flagged() -> None:
    sbt = t.target_path(t.standard_target("sbt_42", 2024), Decimal(100))
    assert [c.code for c in sbt.caveats] == ["targets.sbt_42_caveat"]
    assert sbt.target_year == 2030 and sbt.target_t == Decimal(58)
    national = t.target_path(t.standard_target("national", 2013), Decimal(100))
    assert national.caveats == ()
    rebased = t.target_path(t.standard_target("national", 2023), Decimal(100))
    assert [c.code for c in rebased.caveats] == ["targets.national_rebased"]
    # From FY2023 the national percentages apply to FY2023's value: 46 % off by FY2030.
    assert rebased.at(2030) == Decimal(54)
    assert rebased.target_t == Decimal(54) and rebased.reduction_pct == Decimal(46)
    assert rebased.at(2050) == 0


def test_bank_spt_stops_at_its_target_year() -> None:
    path = t.target_path(t.standard_target("bank_spt", 2024), Decimal(200))
    assert path.points[-1].year == 2029
    assert path.at(2030) is None
    assert t.target_value(t.standard_target("bank_spt", 2024), Decimal(200), 2031) is None


def test_sbt_targets_are_near_term_to_2030_and_flag_a_base_year_sbti_refuses() -> None:
    path = t.target_path(t.standard_target("sbt_linear", 2020), Decimal(100))
    assert path.points[-1].year == 2030 and path.at(2031) is None
    assert path.target_year == 2030 and path.target_t == Decimal(58)
    assert path.reduction_pct == Decimal(42) and path.sbti_accepted is True
    # A target stored with 2050 (older files) still stops at 2030.
    old = t.standard_target("sbt_linear", 2024, target_year=2050)
    assert t.target_path(old, Decimal(100)).points[-1].year == 2030
    early = t.target_path(t.standard_target("sbt_42", 2016), Decimal(100))
    assert early.sbti_accepted is False
    assert "targets.sbt_base_year_not_accepted" in [c.code for c in early.caveats]
    assert t.target_path(t.standard_target("sbt_42", 2018), Decimal(1)).sbti_accepted is True
    assert t.sbti_accepted(t.standard_target("national", 2013)) is None


def test_national_reduction_pct_between_and_beyond_anchors() -> None:
    assert t.national_reduction_pct(2000) == 0
    assert t.national_reduction_pct(2045) == Decimal("86.5")
    assert t.national_reduction_pct(2060) == 100


@pytest.mark.parametrize(
    ("kind", "changes", "code"),
    [
        ("bank_spt", {"target_year": 2020}, "targets.bad_years"),
        ("bank_spt", {"reduction_pct": Decimal(120)}, "targets.bad_pct"),
        ("bank_spt", {"reduction_pct": Decimal(-1)}, "targets.bad_pct"),
    ],
)
def test_invalid_targets_are_refused(kind: str, changes: dict[str, Any], code: str) -> None:
    with pytest.raises(EcoCheckError) as error:
        t.target_path(t.standard_target(kind, 2024, **changes), Decimal(100))
    assert error.value.messages[0].code == code


def test_unknown_kinds_are_refused_everywhere() -> None:
    with pytest.raises(EcoCheckError):
        t.standard_target("moonshot", 2024)
    odd = Target("moonshot", 2024, 2030, Decimal(10))
    with pytest.raises(EcoCheckError):
        t.target_path(odd, Decimal(1))
    with pytest.raises(EcoCheckError):
        t.target_value(odd, Decimal(1), 2026)


def test_plan_pathway_applies_each_step_from_its_year() -> None:
    steps = [t.PlanStep(2026, Decimal(10), "CA-02"), t.PlanStep(2027, Decimal(30), "LT-01")]
    points = t.plan_pathway(2025, Decimal(100), steps, to_year=2030)
    assert [p.t_co2 for p in points] == [100, 90, 60, 60, 60, 60]
    assert t.plan_pathway(2025, Decimal(10), [t.PlanStep(2026, Decimal(50))], 2026)[-1].t_co2 == 0


def test_compare_reports_the_gap_at_2030_and_2050() -> None:
    path = t.target_path(t.standard_target("national", 2025), Decimal(100))
    plan = t.plan_pathway(2025, Decimal(100), [t.PlanStep(2026, Decimal(50))])
    comparison = t.compare(path, plan)
    gap_2030, gap_2050 = comparison.gaps
    assert (gap_2030.year, gap_2030.target_t, gap_2030.plan_t) == (2030, Decimal(54), Decimal(50))
    assert gap_2030.on_track and gap_2030.gap_t == -4
    assert not gap_2050.on_track and gap_2050.gap_t == 50
    spt = t.target_path(t.standard_target("bank_spt", 2020), Decimal(100))
    assert t.compare(spt, plan).gaps == ()


@settings(max_examples=40, deadline=None)
@given(
    base_t=st.decimals(min_value=1, max_value=100000, places=3),
    base_year=st.integers(min_value=2013, max_value=2029),
    kind=st.sampled_from(["sbt_linear", "sbt_42", "national"]),
)
def test_target_paths_never_rise_and_end_where_their_kind_ends(
    base_t: Decimal, base_year: int, kind: str
) -> None:
    path = t.target_path(t.standard_target(kind, base_year), base_t)
    values = [p.t_co2 for p in path.points]
    assert values[0] == base_t
    assert all(b <= a for a, b in itertools.pairwise(values))
    if kind == "national":
        assert values[-1] == 0 and path.points[-1].year == 2050
    else:  # SBTi SME: near-term, to 2030
        assert path.points[-1].year == 2030
    # Every row adds up: base x (1 - % / 100) = target.
    assert base_t * (1 - path.reduction_pct / 100) == path.target_t


def test_target_line_is_linear_from_the_base_year() -> None:
    totals = {2020: Decimal(100)}
    years, values = t.target_line(Target("sbt_linear", 2020, 2050, Decimal("4.2")), totals)
    assert years == list(range(2020, 2031))  # near-term: SBTi's SME route ends in 2030
    # 4.2 % of the base-year emissions every year, a straight line (not compounding, not a
    # total spread over the years).
    steps = {values[i] - values[i + 1] for i in range(10)}
    assert steps == {Decimal("4.2")}
    assert values[10] == 58
    # Cut at a year on request (the report's 2030 window).
    cut = t.target_line(Target("sbt_linear", 2020, 2050, Decimal("4.2")), totals, 2030)
    assert cut is not None and cut[0][-1] == 2030 and cut[1][-1] == 58
    # Without a percentage an SBT-SME target gets 4.2 %/yr; no base-year data -> no path.
    _, default = t.target_line(Target("sbt_linear", 2020, 2050, Decimal(0)), totals)
    assert default[1] == Decimal("95.8")
    assert t.target_line(Target("sbt_42", 2019, 2025, Decimal(0)), totals) is None
    national = t.target_line(Target("national", 2013, 2030, Decimal(0)), {2013: Decimal(50)})
    assert national is not None and national[1][-1] == 27


def _year(fiscal_year: int, adjusted: str, location: str | None) -> Any:
    """The part of a YearResult that paths_for reads (its totals on each basis)."""
    from types import SimpleNamespace

    return SimpleNamespace(
        fiscal_year=fiscal_year,
        total_adjusted_t=Decimal(adjusted),
        total_basic_t=Decimal(adjusted) + 1,
        total_location_t=None if location is None else Decimal(location),
    )


def test_paths_for_reads_the_base_year_on_each_targets_basis() -> None:
    years = [_year(2022, "100", "90"), _year(2023, "80", None)]
    adjusted = t.standard_target("sbt_linear", 2022)
    basic = t.standard_target("sbt_42", 2022, basis="basic")
    location = t.standard_target("national", 2022, basis="location")
    no_location = t.standard_target("national", 2023, basis="location")
    no_base = t.standard_target("sbt_linear", 2019)
    invalid = Target("bank_spt", 2022, 2021, Decimal(10))
    lines = t.paths_for([adjusted, basic, location, no_location, no_base, invalid], years)
    assert [line.target for line in lines] == [
        adjusted,
        basic,
        location,
        no_location,
        no_base,
        invalid,
    ]
    assert [line.base_t for line in lines] == [
        Decimal(100),
        Decimal(101),
        Decimal(90),
        None,
        None,
        Decimal(100),
    ]
    assert lines[0].path == t.target_path(adjusted, Decimal(100))
    assert lines[1].path == t.target_path(basic, Decimal(101))
    assert lines[2].path == t.target_path(location, Decimal(90))
    assert lines[3].path is None and lines[4].path is None
    assert lines[5].path is None and lines[5].error is not None
    assert lines[5].error.messages[0].code == "targets.bad_years"
