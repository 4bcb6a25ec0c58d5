"""Levels of detail: the shared level table, simplification, error, meshopt GLBs."""
