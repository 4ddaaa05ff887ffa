"""A failed factor look-up is remembered as its messages, not as the exception: a raised
exception holds its traceback and so every frame up to its catcher (a scanned project, its
footprint). Kept in the library's shared cache, it kept each scanned file's project alive: the
portfolio scan of 1,000 files grew to 316 MiB (bench/portfolio.py)."""

from __future__ import annotations

import gc
import weakref

import pytest

from ecocheck_desktop.core.factor_resolution import FactorLookups
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.messages import EcoCheckError


class _Marker:
    """Stands for the project a caller holds while it calculates."""


def _refused_lookup(lookups: FactorLookups) -> weakref.ref[_Marker]:
    marker = _Marker()
    try:
        lookups.fuel(2025, "no-such-fuel")
    except EcoCheckError as error:
        assert error.messages[0].code == "factor.fuel_missing"
    else:
        pytest.fail("the look-up should be refused")
    return weakref.ref(marker)


def test_a_refused_lookup_keeps_no_callers_frame_alive() -> None:
    lookups = FactorLookups(default_library())
    _refused_lookup(lookups)  # computed and remembered
    last = _refused_lookup(lookups)  # answered from the cache
    gc.collect()
    assert last() is None


def test_the_remembered_refusal_is_raised_again_with_the_same_messages() -> None:
    lookups = FactorLookups(default_library())
    errors = []
    for _ in range(2):
        with pytest.raises(EcoCheckError) as caught:
            lookups.fuel(2025, "no-such-fuel")
        errors.append(caught.value)
    assert errors[0] is not errors[1]
    assert errors[0].messages == errors[1].messages
