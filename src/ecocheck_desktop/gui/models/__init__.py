"""Models of the desktop GUI."""
