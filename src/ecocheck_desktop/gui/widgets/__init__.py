"""Widgets of the desktop GUI."""
