"""Pure-Python calculation core: model, units, factors, footprint, measures, targets.

This package must never import PySide6, pandas or matplotlib (tests/core/test_boundary.py).
"""
