"""What trimesh loaded, as a :class:`Scan`: shared by the format registry (STL, OFF, OBJ)
and the glTF loader, so neither has to import the other."""
from __future__ import annotations

from pathlib import Path

import trimesh
from PIL import Image

from .scan_errors import ScanError
from .scan_model import Problem, Scan


def scan_from_loaded(path: Path, name: str, loaded, problems: list[Problem]) -> Scan:
    """Turn what ``trimesh.load`` returned (mesh, scene or points) into a Scan.

    A scene's meshes are baked into one mesh with their node transforms (the file's units);
    ``problems`` (the loader's findings so far) is extended and kept by the Scan."""
    parts: dict[str, trimesh.Trimesh] = {}
    if isinstance(loaded, trimesh.Scene):
        for node in loaded.graph.nodes_geometry:
            transform, geom_name = loaded.graph[node]
            geom = loaded.geometry[geom_name]
            if isinstance(geom, trimesh.Trimesh):
                parts[str(node)] = geom.copy().apply_transform(transform)
        if not parts:
            clouds = [g for g in loaded.geometry.values() if isinstance(g, trimesh.PointCloud)]
            if clouds:
                loaded = clouds[0]
            else:
                raise ScanError(path, "the file holds no triangle mesh")
        else:
            loaded = next(iter(parts.values())) if len(parts) == 1 else trimesh.util.concatenate(list(parts.values()))
    if isinstance(loaded, trimesh.PointCloud):
        problems.append(Problem("info", "point_cloud", f"the file holds no faces: it is a point cloud "
                                                       f"of {len(loaded.vertices):,} points"))
        return Scan(path, name, points=loaded, problems=problems)
    if not isinstance(loaded, trimesh.Trimesh) or len(loaded.faces) == 0:
        raise ScanError(path, "the file holds no valid triangles (faces with NaN, infinite or missing vertices are dropped)")
    scan = Scan(path, name, mesh=loaded, problems=problems, parts=parts if len(parts) > 1 else {})
    scan.texture = mesh_texture(loaded)
    scan.has_normals = "vertex_normals" in loaded._cache.cache
    return scan


def mesh_texture(mesh: trimesh.Trimesh) -> Image.Image | None:
    """The base-colour image of a textured mesh, else None."""
    mat = getattr(mesh.visual, "material", None)
    img = getattr(mat, "baseColorTexture", None) or getattr(mat, "image", None)
    return img if isinstance(img, Image.Image) else None


__all__ = ["scan_from_loaded", "mesh_texture"]
