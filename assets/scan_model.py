"""Data classes shared by the loaders, inspection and the rest of the pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import trimesh
from PIL import Image

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with (or worth knowing about) a scan: one English sentence."""

    severity: Severity
    code: str
    message: str
    # ``message`` with {name} placeholders and their values, for the editor to translate
    # (app/window/message_catalogue.py); "" / () when the message has no template
    template: str = ""
    args: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, severity: Severity, code: str, template: str, **args: object) -> "Problem":
        values = {k: str(v) for k, v in args.items()}
        return cls(severity, code, template.format(**values), template, tuple(sorted(values.items())))

    def as_dict(self) -> dict:
        out = {"severity": self.severity, "code": self.code, "message": self.message}
        if self.template:
            out["template"], out["args"] = self.template, dict(self.args)
        return out


@dataclass
class Scan:
    """A scan as imported, in file units and file axes (nothing rescaled yet).

    Exactly one of ``mesh`` and ``points`` is set.  ``parts`` keeps the named
    meshes of a multi-mesh file (node transforms applied), ``mesh`` is their
    union.  ``units_hint``/``up_hint`` are set only when the format defines
    them (glTF: metres, +Y up).
    """

    path: Path
    format: str
    mesh: trimesh.Trimesh | None = None
    points: trimesh.PointCloud | None = None
    problems: list[Problem] = field(default_factory=list)
    texture: Image.Image | None = None
    parts: dict[str, trimesh.Trimesh] = field(default_factory=dict)
    units_hint: str | None = None
    up_hint: str | None = None
    file_size: int = 0
    has_normals: bool = False  # the file stored vertex normals (not computed ones)
    # every texture atlas of a multi-atlas mesh (assets/texturing/atlases.py), in atlas
    # order; [] for a mesh with one texture or none (``texture`` is then that one, else atlas 0)
    atlases: list[Image.Image] = field(default_factory=list)

    @property
    def geometry(self) -> trimesh.Trimesh | trimesh.PointCloud:
        return self.mesh if self.mesh is not None else self.points
