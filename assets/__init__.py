"""Scan pipeline: loading, inspection, repair, levels of detail, textures, picking.

This package must stay free of Qt, OpenGL and of the app's other packages so
that it can run headless (CLI, CI, worker processes).
"""
