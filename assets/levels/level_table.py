"""Levels of detail as data: order, budgets and texture sizes, read from ``assets/levels/levels.json``.

That JSON file is the one source of truth for these values in Python and in the web viewer
(esbuild bundles it into exporters/viewer). It lives in assets/ so that the scan pipeline can
read it without importing scenes or exporters (dependencies run app -> exporters -> assets).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

LEVELS_FILE = Path(__file__).resolve().parent / "levels.json"
_DATA = json.loads(LEVELS_FILE.read_text(encoding="utf-8"))

LEVEL_ORDER: tuple[str, ...] = tuple(_DATA["order"])  # coarse to fine
# Faces (meshes) and points (point clouds) per level; 'original' has no budget.
FACE_BUDGETS: dict[str, int] = {k: int(v) for k, v in _DATA["face_budgets"].items()}
POINT_BUDGETS: dict[str, int] = {k: int(v) for k, v in _DATA["point_budgets"].items()}
# Longest texture side in pixels per level; None keeps the texture as scanned.
TEXTURE_SIDES: dict[str, Optional[int]] = {k: (None if v is None else int(v))
                                           for k, v in _DATA["texture_sides"].items()}
# What the editor assumes 'original' holds before it has read the file (for level choice).
NOMINAL_COUNTS: dict[str, int] = {**FACE_BUDGETS, "original": int(_DATA["original_nominal_faces"])}


def level_rank(level: str) -> int:
    """Position of ``level`` from coarse (0) to fine; unknown levels sort after all known ones."""
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)
