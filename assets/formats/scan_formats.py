"""Registry of scan file formats: extension -> format name, loader and header peek.

Like trimesh's exchange modules, each format has one loader taking the file's
bytes; ``scan_loading.load_scan`` picks it by extension after sniffing the
magic bytes.  PLY is read by :mod:`vitrine.assets.formats.ply_reader`; STL, OFF and OBJ by
trimesh; glTF/GLB by :mod:`vitrine.assets.formats.gltf_loading`.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import trimesh
from PIL import Image

from vitrine.assets.formats import gltf_loading
from vitrine.assets.formats.mtl_options import texture_file_name
from vitrine.assets.formats.obj_text import normalised_obj, obj_source
from vitrine.assets.formats.ply_texcoords import CORNER_UV_NAMES, split_by_corner_uv
from vitrine.assets.formats.ply_reader import FACE_ELEMENTS, polygons_to_triangles, read_body, read_header, strips_to_triangles
from vitrine.assets.scan_errors import ScanError, UnsupportedFormat, scan_error
from vitrine.assets.scan_model import Problem, Scan
from vitrine.assets.texturing.texture_images import bounded_texture, open_image
from vitrine.assets.texturing.textures import placeholder_texture
from vitrine.assets.formats.scan_references import referenced_file
from vitrine.assets.formats.trimesh_scans import scan_from_loaded

HEADER_BYTES = 1 << 20
Loader = Callable[[Path, bytes], Scan]
Peeker = Callable[[Path, bytes, int], dict]


@dataclass(frozen=True)
class ScanFormat:
    """One readable format. ``peek`` gets the first MiB and the file size and
    returns claimed counts ({'vertices', 'faces'}, None when unknown)."""

    name: str
    extensions: tuple[str, ...]
    load: Loader
    peek: Peeker


# -- PLY ----------------------------------------------------------------------

_UV_NAMES = (("s", "t"), ("u", "v"), ("texture_u", "texture_v"), ("texture_s", "texture_t"))
_STRIP_ELEMENTS = ("tristrips", "tristrip", "strips")


def _peek_ply(path: Path, head: bytes, size: int) -> dict:
    header = read_header(path, head, size)
    v = header.element("vertex")
    faces = sum(e.count for e in header.elements if e.name in FACE_ELEMENTS)
    strips = any(e.name in _STRIP_ELEMENTS and e.count for e in header.elements)
    return {"vertices": v.count if v else 0, "faces": None if strips else faces}


def _ply_colors(path: Path, v: dict) -> np.ndarray | None:
    # red/green/blue (most writers), diffuse_red... (older Cyberware/Stanford files), r/g/b (some scanners)
    for channels in (("red", "green", "blue", "alpha"), ("diffuse_red", "diffuse_green", "diffuse_blue", "diffuse_alpha"),
                     ("r", "g", "b", "a")):
        if all(c in v for c in channels[:3]):
            names = [c for c in channels if c in v]
            cols = np.column_stack([np.asarray(v[n]) for n in names])
            if cols.dtype.kind == "f":
                cols = np.clip(np.nan_to_num(cols) * 255.0 + 0.5, 0, 255)
            cols = np.clip(cols, 0, 255).astype(np.uint8)
            if cols.shape[1] == 3:
                cols = np.column_stack([cols, np.full(len(cols), 255, np.uint8)])
            return cols
    return None


def _load_ply(path: Path, data: bytes) -> Scan:
    header = read_header(path, data[:HEADER_BYTES], len(data))
    body = read_body(path, header, data)
    v = body.get("vertex")
    if v is None or not all(k in v for k in "xyz"):
        raise scan_error(path, "the PLY file has no vertex element with x, y and z")
    vertices = np.column_stack([np.asarray(v[k], np.float64) for k in "xyz"])
    problems: list[Problem] = []
    tris: list[np.ndarray] = []
    claimed_faces = False
    wedges = None  # (source vertex, faces, uv) when UVs are stored per face corner
    for el in header.elements:
        if el.name == "vertex" or el.count == 0:
            continue
        lists = [p for p in el.properties if p.is_list]
        if el.name in FACE_ELEMENTS or el.name in _STRIP_ELEMENTS:
            claimed_faces = True
            prop = next((p for p in lists if p.name in ("vertex_indices", "vertex_index")), lists[0] if lists else None)
            if prop is None:
                raise scan_error(path, "the {element} element has no list of vertex indices", element=repr(el.name))
            convert = strips_to_triangles if el.name in _STRIP_ELEMENTS else polygons_to_triangles
            corner_uv = next((p for p in lists if p.name in CORNER_UV_NAMES and p.dtype.startswith("f")), None)
            if corner_uv is not None and el.name in FACE_ELEMENTS and not tris and wedges is None:
                wedges = split_by_corner_uv(body[el.name][prop.name], body[el.name][corner_uv.name])
                lists = [p for p in lists if p is not corner_uv or wedges is None]
            tris.append(convert(body[el.name][prop.name]))
            if el.name in _STRIP_ELEMENTS:
                problems.append(Problem.of("info", "triangle_strips",
                                           "triangle strips in {element} were converted to triangles",
                                           element=repr(el.name)))
            for p in lists:
                if p is not prop:
                    problems.append(Problem.of("warning", "ignored_property", "per-face property {name} of {element} is not used",
                                               name=repr(p.name), element=repr(el.name)))
        else:
            problems.append(Problem.of("warning", "ignored_element", "the file's {element} element ({count} entries) is not used",
                                       element=repr(el.name), count=f"{el.count:,}"))
    faces = np.concatenate(tris) if tris else np.zeros((0, 3), np.int64)
    if claimed_faces and len(faces) == 0:
        raise scan_error(path, "the file declares faces but none of them could be read as triangles")
    colors = _ply_colors(path, v)
    normals = np.column_stack([v[k] for k in ("nx", "ny", "nz")]).astype(np.float64) \
        if all(k in v for k in ("nx", "ny", "nz")) else None
    if len(faces) == 0:
        problems.append(Problem.of("info", "point_cloud", "the file holds no faces: it is a point cloud of {count} points",
                                   count=f"{len(vertices):,}"))
        return Scan(path, "PLY", points=trimesh.PointCloud(vertices, colors=colors), problems=problems)
    check_faces(path, faces, len(vertices))
    uv = next((np.column_stack([v[a], v[b]]).astype(np.float64) for a, b in _UV_NAMES if a in v and b in v), None)
    if wedges is not None and len(tris) == 1:
        # one vertex per distinct (vertex, UV) corner: positions, colours and normals follow it
        source, faces, uv = wedges
        vertices = vertices[source]
        colors = None if colors is None else colors[source]
        normals = None if normals is None else normals[source]
    mesh = trimesh.Trimesh(vertices, faces, process=False, validate=False)
    has_normals = normals is not None and np.isfinite(normals).all()
    if has_normals:
        mesh.vertex_normals = normals
    scan = Scan(path, "PLY", mesh=mesh, problems=problems, has_normals=has_normals)
    if uv is not None:
        image = _ply_texture(path, header.comments, problems)
        mesh.visual = trimesh.visual.TextureVisuals(uv=uv, image=image)
        scan.texture = image
    elif colors is not None:
        mesh.visual = trimesh.visual.ColorVisuals(mesh, vertex_colors=colors)
    return scan


def _ply_texture(path: Path, comments: list[str], problems: list[Problem]) -> Image.Image | None:
    for c in comments:
        if c.lower().startswith("texturefile"):
            name = c[len("texturefile"):].strip()
            try:  # the header is read as Latin-1; a name in Chinese (or any non-ASCII) is UTF-8
                name = name.encode("latin-1").decode("utf-8")
            except UnicodeError:
                pass  # a genuinely Latin-1 name stays as it is
            return load_texture_file(path, name, problems)
    return None


def check_faces(path: Path, faces: np.ndarray, n_vertices: int) -> None:
    """Raise ScanError when any face index is outside 0..n_vertices-1."""
    if faces.size and (faces.min() < 0 or faces.max() >= n_vertices):
        bad = int(np.count_nonzero((faces < 0) | (faces >= n_vertices)))
        raise scan_error(path, "{bad} face indices point outside the {count} vertices", bad=f"{bad:,}",
                         count=f"{n_vertices:,}")


def load_texture_file(path: Path, name: str, problems: list[Problem], *, decode: bool = True) -> Image.Image:
    """Open a texture named relative to the scan; a missing or broken one gives a
    placeholder checker image and a 'missing_texture' problem.  One over the pixel
    limit raises ScanError naming it (see texture_images).  With ``decode=False`` only
    the header is read (the loader decodes it later, bounded)."""
    try:
        candidate = referenced_file(path, name)
    except ScanError:
        # An absolute path (often a Windows one from the author's machine), '..' or a symlink out
        # of the folder: never read (a lender's file must not pull private files into a bundle).
        problems.append(Problem.of("warning", "missing_texture",
                                   "texture {name} is outside the scan's folder and is not read; "
                                   "a placeholder checker texture is used", name=repr(name)))
        return placeholder_texture()
    try:
        if not candidate.is_file():  # a FIFO or device would block or never end
            raise FileNotFoundError(name)
        img = open_image(candidate, candidate)
        if not decode:
            return img
        return bounded_texture(img, candidate)
    except (OSError, ValueError) as exc:
        # two whole sentences (not "is {why}") so that each translates as one
        problems.append(Problem.of("warning", "missing_texture",
                                   "texture {name} is not found; a placeholder checker texture is used"
                                   if isinstance(exc, FileNotFoundError)
                                   else "texture {name} is unreadable; a placeholder checker texture is used",
                                   name=repr(name)))
        return placeholder_texture()


# -- STL / OFF ------------------------------------------------------------------

def _peek_stl(path: Path, head: bytes, size: int) -> dict:
    if size < 15:
        raise scan_error(path, "the file is only {size} bytes, too short for an STL", size=size)
    if size >= 84:
        n = int(np.frombuffer(head[80:84], "<u4")[0])
        if 84 + 50 * n == size:
            return {"vertices": None, "faces": n}
    if head[:5].lower() == b"solid" and b"facet" in head[:4096].lower():
        return {"vertices": None, "faces": None}
    if size >= 84:
        raise scan_error(path, "the binary STL header claims {count} triangles, which needs {needed} bytes, "
                               "but the file holds {size} bytes", count=f"{n:,}", needed=f"{84 + 50 * n:,}",
                         size=f"{size:,}")
    raise scan_error(path, "not an STL file (neither a binary triangle count nor 'solid ... facet')")


def _peek_off(path: Path, head: bytes, size: int) -> dict:
    lines = [ln.split(b"#")[0].strip() for ln in head[:4096].splitlines()]
    tokens = b" ".join(ln for ln in lines if ln).split()
    if not tokens or not tokens[0].upper().endswith(b"OFF"):
        raise scan_error(path, "not an OFF file (it does not start with 'OFF')")
    try:
        nv, nf = int(tokens[1]), int(tokens[2])
    except (IndexError, ValueError):
        raise scan_error(path, "the OFF header has no valid vertex and face counts") from None
    if nv < 0 or nf < 0 or nv * 6 + nf * 8 > size:
        raise scan_error(path, "the header claims {vertices} vertices and {faces} faces but the file holds {size} bytes",
                         vertices=f"{nv:,}", faces=f"{nf:,}", size=f"{size:,}")
    return {"vertices": nv, "faces": nf}


def _load_by_trimesh(path: Path, data: bytes, file_type: str, name: str) -> Scan:
    loaded = trimesh.load(io.BytesIO(data), file_type=file_type, process=True)
    return scan_from_loaded(path, name, loaded, [])


# -- OBJ ------------------------------------------------------------------------

def _peek_obj(path: Path, head: bytes, size: int) -> dict:
    if b"\x00" in head[:4096]:
        raise scan_error(path, "not an OBJ file: it holds binary data")
    return {"vertices": None, "faces": None}


def _check_obj_materials(path: Path, data: bytes, problems: list[Problem]) -> dict[str, Image.Image]:
    """Find textures the OBJ's material libraries name and flag missing or unreadable ones:
    material name -> the placeholder checker that stands for its texture (one warning each)."""
    placeholders: dict[str, Image.Image] = {}
    for m in re.finditer(rb"^[ \t]*mtllib[ \t]+(.+?)[ \t]*$", data, re.M):
        lib = m.group(1).decode("utf-8", "replace")
        mtl = path.parent / lib
        if not mtl.is_file():
            problems.append(Problem.of("warning", "missing_material",
                                       "material library {name} is not found; colours and textures are lost",
                                       name=repr(lib)))
            continue
        material = ""
        text = mtl.read_text("utf-8", "replace")
        for tm in re.finditer(r"^[ \t]*(newmtl|map_Kd)[ \t]+(.+?)[ \t]*$", text, re.M | re.I):
            if tm.group(1).lower() == "newmtl":
                material = tm.group(2)
                continue
            name = texture_file_name(tm.group(2))  # options such as "-s 1 1 1" come first
            before = len(problems)
            img = load_texture_file(mtl, name, problems, decode=False)
            if len(problems) > before:
                # one checker for all the broken ones: they are one atlas, not one each
                placeholders.setdefault(material, next(iter(placeholders.values()), img))
    return placeholders


_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp", ".tga"}


class _StubImageResolver(gltf_loading.RegularFileResolver):
    """Hands trimesh a 1×1 stand-in for each texture and remembers the real file, so that
    a 16k atlas is never read into memory as bytes (trimesh reads whole files) and is
    decoded once, from the file, bounded (JPEG by draft)."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.images: dict[str, Path] = {}

    def get(self, name: str) -> bytes:
        # trimesh passes the whole rest of the map_Kd line, options included
        target = Path(self.parent) / texture_file_name(name).replace("\\", "/")
        try:
            referenced_file(target, name, folder=Path(self.parent))
        except ScanError:  # outside the scan's folder: trimesh treats it as missing
            raise FileNotFoundError(name) from None
        if target.suffix.lower() in _IMAGE_SUFFIXES and target.is_file():
            self.images[name] = target
            buf = io.BytesIO()
            Image.new("RGB", (1, 1), (255, 255, 255)).save(buf, "PNG")
            return buf.getvalue()
        return super().get(name)


def _swap_stub_images(loaded, images: dict[str, Path], placeholders: dict[str, Image.Image]) -> bool:
    """Put each real texture (opened lazily) where trimesh holds its stand-in, and each
    missing or unreadable one's placeholder (by material name) where trimesh has none, so
    that the atlases that load stay separate atlases; False if any stand-in could not be
    matched to its file (then the caller reloads plainly)."""
    geoms = loaded.geometry.values() if isinstance(loaded, trimesh.Scene) else [loaded]
    for geom in geoms:
        mat = getattr(getattr(geom, "visual", None), "material", None)
        placeholder = placeholders.get(getattr(mat, "name", None) or "")
        for attr in ("image", "baseColorTexture"):
            img = getattr(mat, attr, None)
            if isinstance(img, Image.Image) and img.size == (1, 1):
                real = images.get(img.info.get("file_path", ""))
                if real is None:
                    return False
                setattr(mat, attr, placeholder if placeholder is not None else open_image(real, real))
        if placeholder is not None and getattr(geom.visual, "uv", None) is not None and \
                getattr(mat, "image", None) is None and getattr(mat, "baseColorTexture", None) is None:
            if isinstance(mat, trimesh.visual.material.PBRMaterial):
                mat.baseColorTexture = placeholder
            else:
                mat.image = placeholder
    return True


def _load_obj(path: Path, data: bytes) -> Scan:
    problems: list[Problem] = []
    fixed = normalised_obj(data)  # a BOM, relative indices (obj_text.py); None when read as is
    data = data if fixed is None else fixed
    placeholders = _check_obj_materials(path, data, problems)
    resolver = _StubImageResolver(str(path))
    loaded = trimesh.load(obj_source(path, fixed), file_type="obj", process=True, group_material=True, resolver=resolver)
    if not _swap_stub_images(loaded, resolver.images, placeholders):
        loaded = trimesh.load(obj_source(path, fixed), file_type="obj", process=True, group_material=True,
                              resolver=gltf_loading.RegularFileResolver(str(path)))
    scan = scan_from_loaded(path, "OBJ", loaded, problems)
    mesh = scan.mesh
    if mesh is not None and placeholders and scan.texture is None and \
            getattr(mesh.visual, "uv", None) is not None:
        placeholder = next(iter(placeholders.values()))
        mesh.visual = trimesh.visual.TextureVisuals(uv=mesh.visual.uv, image=placeholder)
        scan.texture = placeholder
    return scan


# -- registry --------------------------------------------------------------------

FORMATS: tuple[ScanFormat, ...] = (
    ScanFormat("PLY", (".ply",), _load_ply, _peek_ply),
    ScanFormat("STL", (".stl",), lambda p, d: _load_by_trimesh(p, d, "stl", "STL"), _peek_stl),
    ScanFormat("OFF", (".off",), lambda p, d: _load_by_trimesh(p, d, "off", "OFF"), _peek_off),
    ScanFormat("OBJ", (".obj",), _load_obj, _peek_obj),
    ScanFormat("GLB", (".glb",), gltf_loading.load_glb, gltf_loading.peek_glb),
    ScanFormat("glTF", (".gltf",), gltf_loading.load_gltf, gltf_loading.peek_gltf),
)
BY_EXTENSION: dict[str, ScanFormat] = {ext: f for f in FORMATS for ext in f.extensions}

# Magic bytes of files people rename by mistake, to name the real type.
_MAGIC = (
    (b"\xff\xd8\xff", "a JPEG image"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"), (b"%PDF", "a PDF document"), (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"glTF", "a GLB (binary glTF) file"),
    (b"ply", "a PLY file"), (b"RIFF", "a RIFF (WAV/WebP/AVI) file"), (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)


def format_for(path: Path) -> ScanFormat:
    """The registered format for ``path``'s extension, or ScanError naming the known ones."""
    fmt = BY_EXTENSION.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(BY_EXTENSION))
        raise scan_error(path, "unsupported file type {suffix}; readable: {known}", UnsupportedFormat,
                         suffix=repr(path.suffix or "(no extension)"), known=known)
    return fmt


def sniff(path: Path, fmt: ScanFormat, head: bytes) -> None:
    """Refuse a file whose magic bytes show it is something else than its extension says."""
    expected = {"PLY": b"ply", "GLB": b"glTF"}.get(fmt.name)
    if expected is not None and head.startswith(expected):
        return
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise scan_error(path, "is not a {format} file: it looks like {what}", format=fmt.name, what=what)
    if expected is not None:
        raise scan_error(path, "is not a {format} file: it does not start with {magic}", format=fmt.name,
                         magic=repr(expected.decode()))
