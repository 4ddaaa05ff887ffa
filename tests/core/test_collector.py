"""core.collector.collector_paused: the collector off inside, as it was after, resumable early."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from ecocheck_desktop.core.collector import collector_paused


@pytest.fixture
def collecting() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_off_inside_and_on_again_after(collecting: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resume_turns_it_on_early_and_the_end_changes_nothing(collecting: None) -> None:
    with collector_paused() as resume:
        resume()
        assert gc.isenabled()
        resume()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collecting: None) -> None:
    gc.disable()
    with collector_paused() as resume:
        resume()
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_restored_when_the_block_raises(collecting: None) -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()
