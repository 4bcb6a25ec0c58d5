"""The project's import graph, read from the sources (no module is imported).

Every ``import`` and ``from … import`` counts, wherever it is written: at module level,
inside a function, or under ``if TYPE_CHECKING`` (a circle a type checker follows is still
a circle a reader must untangle). Relative imports are resolved against the importing
module's package.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator


# top-level folders installed as vitrine.<name> (pyproject.toml [tool.setuptools.package-dir])
INSTALLED_UNDER_VITRINE = ("app", "scenes", "assets", "exporters")


@dataclass(frozen=True)
class ImportEdge:
    """``importer`` imports ``imported`` (an absolute dotted name) at ``line``;
    ``target`` is the project module it resolves to, or None for a third-party one."""

    importer: str
    imported: str
    target: str | None
    line: int
    path: Path


def module_files(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Dotted module name -> file, for every ``.py`` under each package (``__init__`` is the package)."""
    modules: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root)
            if "node_modules" in rel.parts:
                continue
            parts = list(rel.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            if parts[0] in INSTALLED_UNDER_VITRINE:  # pyproject package-dir: app/ is vitrine.app
                parts.insert(0, "vitrine")
            modules[".".join(parts)] = path
    return modules


def _absolute(importer: str, is_package: bool, level: int, module: str | None) -> str:
    """The absolute name of ``from <level dots><module> import …`` written in ``importer``."""
    if level == 0:
        return module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The deepest project module that ``name`` (or a prefix of it) names."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> Iterator[ImportEdge]:
    """Every import written in ``path`` (the source of ``module``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield ImportEdge(module, alias.name, _resolve(alias.name, modules), node.lineno, path)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, is_package, node.level, node.module)
            for alias in node.names:
                # ``from pkg import sub`` imports the submodule when there is one
                full = f"{base}.{alias.name}" if base else alias.name
                name = full if full in modules else base
                yield ImportEdge(module, name, _resolve(name, modules), node.lineno, path)


def import_graph(root: Path, packages: Iterable[str]) -> tuple[dict[str, Path], list[ImportEdge]]:
    """All project modules and all import edges between them and out to other libraries."""
    modules = module_files(root, packages)
    edges = [edge for module, path in modules.items() for edge in imports_of(module, path, modules)]
    return modules, edges


def import_cycles(edges: Iterable[ImportEdge]) -> list[list[str]]:
    """Groups of project modules that import each other in a circle (strongly connected
    components with more than one module, or a module importing itself), each sorted."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        if edge.target is not None:
            graph.setdefault(edge.importer, set()).add(edge.target)
            graph.setdefault(edge.target, set())
    # Tarjan's algorithm, iterative so deep graphs cannot hit the recursion limit
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    found.append(sorted(component))
    return sorted(found)
