"""Pausing Python's cyclic garbage collector around work that allocates much and frees little.

Used where its passes find nothing to free but walk every object made so far: the one-shot
``ecocheck`` commands (``cli.main``), the decoding of a project file's rows (``store.rows``) and
the desktop app until its window has painted (``gui.app``).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[Callable[[], None]]:
    """The collector off inside the block and as it was after it. The block gets ``resume``,
    which turns it back on early (if it was on); calling it again, or the block's end after it,
    changes nothing."""
    enabled = gc.isenabled()
    gc.disable()

    def resume() -> None:
        if enabled:
            gc.enable()

    try:
        yield resume
    finally:
        resume()
