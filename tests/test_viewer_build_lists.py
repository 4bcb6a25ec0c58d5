"""The built viewer files are named in three places that must agree: the exporter copies
VIEWER_BUILT_FILES into every bundle, setup.py builds them into the wheel (BUILT), and
pyproject.toml's package-data ships them. A file missing from one of them exports fine from a
checkout and breaks every installed copy."""
from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from vitrine.exporters.bundle.bundle_writer import VIEWER_BUILT_FILES

ROOT = Path(__file__).resolve().parent.parent


def _setup_built() -> tuple[str, ...]:
    tree = ast.parse((ROOT / "setup.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "BUILT" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError("setup.py defines no BUILT")


def test_setup_builds_what_the_exporter_copies():
    assert _setup_built() == VIEWER_BUILT_FILES


def test_the_wheel_ships_every_built_file_and_every_source_folder():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]["vitrine.exporters"]
    assert {f"viewer/dist/{name}" for name in VIEWER_BUILT_FILES} <= set(data)
    src = ROOT / "exporters" / "viewer" / "src"
    folders = {p.parent.relative_to(src.parent.parent) for p in src.rglob("*") if p.is_file()}
    assert {f"{folder.as_posix()}/*" for folder in folders} <= set(data), folders
