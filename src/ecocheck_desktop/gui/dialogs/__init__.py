"""Dialogs of the desktop GUI."""
