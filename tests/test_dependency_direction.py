"""Dependencies run one way: app -> exporters -> assets, scenes; only app imports Qt/OpenGL;
inside app/, the CLI and the workflows import no Qt; and no modules import each other in a circle.

Every import counts, including relative ones, ones inside functions and ones under
``if TYPE_CHECKING`` (see tests/import_graph.py).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.import_graph import ImportEdge, import_cycles, import_graph

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "scenes", "assets", "exporters")
CHECKED_FOR_CYCLES = (*PACKAGES, "tests", "benchmarks")
GUI = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "pyqtgraph", "OpenGL"}
APP_ROOMS_WITH_QT = {"vitrine.app.window", "vitrine.app.panels", "vitrine.app.dialogs", "vitrine.app.visitor", "vitrine.app.viewport"}

# module prefix -> (imported-name prefixes it may not import, why)
RULES: dict[str, tuple[set[str], str]] = {
    "vitrine.scenes": (GUI | {"vitrine.app", "vitrine.exporters", "vitrine.assets"}, "the document knows nothing of scans, bundles or Qt"),
    "vitrine.assets": (GUI | {"vitrine.app", "vitrine.exporters", "vitrine.scenes"}, "the scan pipeline knows nothing of documents or Qt"),
    "vitrine.exporters": (GUI | {"vitrine.app"}, "exporting runs headless"),
    "vitrine.app.cli": (GUI, "the CLI runs on machines without a display; it reaches the editor only "
                     "through vitrine.app.window.editor_app, which imports Qt inside its function"),
    "vitrine.app.workflows": (GUI | {"vitrine.app.cli"} | APP_ROOMS_WITH_QT,
                      "workflows are Qt-free and shared by the CLI and the editor: no Qt can reach them"),
}


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def rule_offences(edges: list[ImportEdge], rules: dict[str, tuple[set[str], str]], root: Path) -> list[str]:
    """One line per import that breaks a rule (a module obeys every rule whose prefix it has)."""
    offences = []
    for edge in edges:
        for owner, (forbidden, why) in rules.items():
            if _matches(edge.importer, owner) and any(_matches(edge.imported, f) for f in forbidden):
                offences.append(f"{edge.path.relative_to(root)}:{edge.line} imports {edge.imported} "
                                f"({owner}: {why})")
    return offences


@pytest.fixture(scope="module")
def graph() -> tuple[dict[str, Path], list[ImportEdge]]:
    return import_graph(ROOT, CHECKED_FOR_CYCLES)


def test_every_package_imports_only_what_it_may(graph) -> None:
    modules, edges = graph
    for package in PACKAGES:
        assert any(_matches(m, f"vitrine.{package}") for m in modules), f"{package}/ has no Python files"
    for room in ("vitrine.app.cli", "vitrine.app.workflows"):
        assert room in modules, f"{room} is missing: the rule for it would check nothing"
    assert rule_offences(edges, RULES, ROOT) == []


def test_no_module_imports_another_in_a_circle(graph) -> None:
    _, edges = graph
    assert import_cycles(edges) == []


def test_app_has_few_loose_modules() -> None:
    loose = sorted(p.name for p in (ROOT / "app").glob("*.py"))
    assert loose == ["__init__.py"], f"put these in a sub-package of app/: {loose}"


# The pipeline's entry points and shared types stay at the top of assets/ and scenes/; the rest
# lives in sub-packages named for what they do (formats, geometry, levels, editing, storage...).
TOP_LEVEL_ALLOWED = {
    "assets": {"__init__.py", "inspection.py", "preparation.py", "progress.py", "scan_errors.py",
               "scan_loading.py", "scan_model.py", "templated_text.py"},
    "scenes": {"__init__.py", "document.py", "exhibit_model.py", "ids.py", "observable.py", "version.py"},
    "exporters": {"__init__.py", "errors.py", "export_messages.py"},
}


@pytest.mark.parametrize("package", sorted(TOP_LEVEL_ALLOWED))
def test_new_modules_go_into_sub_packages(package: str) -> None:
    loose = {p.name for p in (ROOT / package).glob("*.py")}
    assert loose - TOP_LEVEL_ALLOWED[package] == set(), f"put these in a sub-package of {package}/"


# --- the checker itself, on a tiny package written for the test -------------------------

def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_checker_finds_a_planted_circle_through_relative_and_local_imports(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from .sub import b\n",                        # relative, module level
        "pkg/sub/__init__.py": "",
        "pkg/sub/b.py": "def f():\n    from ..c import thing\n",   # relative, inside a function
        "pkg/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\nthing = 1\n",
        "pkg/d.py": "from pkg import c\n",                          # into the circle, not part of it
    })
    _, edges = import_graph(tmp_path, ["pkg"])
    assert import_cycles(edges) == [["pkg.a", "pkg.c", "pkg.sub.b"]]


def test_the_checker_finds_a_module_importing_itself_and_passes_a_clean_package(tmp_path: Path) -> None:
    _write(tmp_path, {"pkg/__init__.py": "", "pkg/a.py": "from . import a\n", "pkg/b.py": "import pkg.a\n"})
    _, edges = import_graph(tmp_path, ["pkg"])
    assert import_cycles(edges) == [["pkg.a"]]
    (tmp_path / "pkg/a.py").write_text("import os\n", encoding="utf-8")
    _, edges = import_graph(tmp_path, ["pkg"])
    assert import_cycles(edges) == []


def test_the_checker_catches_forbidden_imports_written_any_way(tmp_path: Path) -> None:
    _write(tmp_path, {
        "app/__init__.py": "",
        "app/cli/__init__.py": "",
        "app/cli/tool.py": "def run():\n    from PySide6.QtCore import QObject\n",
        "app/workflows/__init__.py": "",
        "app/workflows/job.py": "from ..window import main_window\n",
        "app/window/__init__.py": "",
        "app/window/main_window.py": "import OpenGL.GL as gl\n",
        "scenes/__init__.py": "",
        "scenes/doc.py": "from vitrine.assets import mesh\n",
    })
    _, edges = import_graph(tmp_path, ["app", "scenes"])
    offences = rule_offences(edges, RULES, tmp_path)
    assert [line.split(" (")[0] for line in offences] == [
        "app/cli/tool.py:2 imports PySide6.QtCore",
        "app/workflows/job.py:1 imports vitrine.app.window.main_window",
        "scenes/doc.py:1 imports vitrine.assets",
    ]


def test_cli_and_workflows_do_not_load_qt_at_import_time() -> None:
    """A batch-export machine has no display: importing the CLI, every command family and
    the workflows must not load PySide6 (checked in a fresh interpreter)."""
    code = (
        "import sys, importlib, pkgutil\n"
        "import vitrine.app.cli, vitrine.app.workflows\n"
        "from vitrine.app.cli.commands import command_modules\n"
        "assert command_modules()\n"
        "for pkg in (vitrine.app.cli, vitrine.app.workflows):\n"
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


def test_every_command_family_registers_subcommands() -> None:
    import argparse

    from vitrine.app.cli.commands import COMMAND_FAMILIES, command_modules
    modules = command_modules()
    assert [m.__name__ for m in modules] == list(COMMAND_FAMILIES)
    for module in modules:
        sub = argparse.ArgumentParser().add_subparsers()
        module.register(sub)
        assert sub.choices, f"{module.__name__} registered no subcommand"
