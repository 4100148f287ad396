"""Helpers shared by several test packages (tests never import other test modules)."""
