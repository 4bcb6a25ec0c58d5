"""Dependencies run one way: app -> exporters -> assets, scenes. Only app imports Qt/OpenGL."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUI = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "pyqtgraph", "OpenGL"}
FORBIDDEN = {
    "scenes": GUI | {"app", "exporters", "assets"},
    "assets": GUI | {"app", "exporters", "scenes"},
    "exporters": GUI | {"app"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_it_may(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ has no Python files"
    offences = []
    for path in files:
        if "node_modules" in path.parts:
            continue
        bad = imported_modules(path) & FORBIDDEN[package]
        if bad:
            offences.append(f"{path.relative_to(ROOT)} imports {', '.join(sorted(bad))}")
    assert not offences, "\n".join(offences)


def test_the_checker_catches_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nfrom . import sibling\nimport OpenGL.GL as gl\n")
    assert imported_modules(sample) & GUI == {"PySide6", "OpenGL"}


def test_headless_cli_modules_do_not_import_qt_at_import_time() -> None:
    for name in ("cli.py", "cli_project_commands.py", "cli_scan_commands.py", "project_import.py",
                 "sample_exhibit.py", "editor_session.py"):
        tree = ast.parse((ROOT / "app" / name).read_text(encoding="utf-8"))
        top_level = set()
        for node in tree.body:
            if isinstance(node, ast.Import):
                top_level.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                top_level.add(node.module.split(".")[0])
        assert not top_level & GUI, name
