"""What a bundle output gets to work with: the project, the viewer document as written, the
models published per artifact, and the export's options."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from vitrine.scenes.exhibit_model import Exhibit
from vitrine.scenes.storage.project_store import Project


@dataclass
class BundleContext:
    """One export in progress. ``root`` is the (temporary) bundle folder; paths written under it
    are bundle-relative POSIX paths in the manifest. ``document`` is the viewer document exactly
    as written to exhibit.json; ``models`` maps artifact id to the model entries it publishes
    (dicts with level, file, faces, points, bytes, sha256). ``public_url`` is where the web
    bundle will live ("" when unknown), given with ``vitrine export --public-url``."""

    project: Project
    exhibit: Exhibit
    root: Path
    document: dict[str, Any]
    models: dict[str, list[dict]]
    profile: str
    generator: str
    created: str
    report: Any  # exporters.bundle.bundle_writer.ExportReport (warnings, …); Any avoids an import circle
    public_url: str = ""
    extras: dict[str, Any] = field(default_factory=dict)  # what one output leaves for a later one


OutputFn = Callable[[BundleContext], None]
