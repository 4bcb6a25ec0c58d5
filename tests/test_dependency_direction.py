"""Dependencies run one way: app -> exporters -> assets, scenes. Only app imports Qt/OpenGL."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
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


def test_cli_and_workflows_do_not_load_qt_at_import_time() -> None:
    """A batch-export machine has no display: importing the CLI, every command family and
    the workflows must not load PySide6 (checked in a fresh interpreter)."""
    code = (
        "import sys, importlib, pkgutil\n"
        "import app.cli, app.workflows\n"
        "from app.cli.commands import command_modules\n"
        "command_modules()\n"
        "for pkg in (app.cli, app.workflows):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if not m.name.endswith('__main__'):\n"
        "            importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in %r))\n" % sorted(GUI)
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout
