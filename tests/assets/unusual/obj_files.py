"""OBJ writers for the corpus: the unit cube as quads (plain, CRLF, UTF-8 BOM, a Chinese file
name, a missing MTL), negative indices with o/g, groups, 3-component texture coordinates and
per-vertex colours."""
from __future__ import annotations

from pathlib import Path

from .common import CUBE_QUADS, CUBE_V, TF, TV, Writer


CUBE_OBJ = "\n".join([*(f"v {x:g} {y:g} {z:g}" for x, y, z in CUBE_V),
                       *(f"f {' '.join(str(i + 1) for i in q)}" for q in CUBE_QUADS)]) + "\n"


def obj_text(name: str, text: str, *, encoding: str = "utf-8", newline: str = "\n") -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(text.replace("\n", newline).encode(encoding))
        return path
    return write


OBJ_NEGATIVE = "\n".join(["o first", *(f"v {x:g} {y:g} {z:g}" for x, y, z in CUBE_V[:4]), "f -4 -3 -2 -1",
                          "g second", *(f"v {x:g} {y:g} {z:g}" for x, y, z in CUBE_V[4:]), "f -4 -3 -2 -1"]) + "\n"
OBJ_VT3 = "\n".join(["v 0 0 0", "v 1 0 0", "v 1 1 0", "v 0 1 0", "vt 0 0 0", "vt 1 0 0", "vt 1 1 0", "vt 0 1 0",
                     "vn 0 0 1", "f 1/1/1 2/2/1 3/3/1 4/4/1"]) + "\n"
OBJ_GROUPS = "\n".join(["o statue", "g head", *(f"v {x:g} {y:g} {z:g}" for x, y, z in CUBE_V),
                        *(f"f {' '.join(str(i + 1) for i in q)}" for q in CUBE_QUADS[:3]), "g base",
                        *(f"f {' '.join(str(i + 1) for i in q)}" for q in CUBE_QUADS[3:])]) + "\n"
OBJ_VERTEX_COLOURS = "\n".join([*(f"v {x:g} {y:g} {z:g} 1 0.5 0" for x, y, z in TV),
                                *(f"f {a + 1} {b + 1} {c + 1}" for a, b, c in TF)]) + "\n"
