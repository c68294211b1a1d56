"""Workspace discovery and config parsing: which files belong to which environment."""
