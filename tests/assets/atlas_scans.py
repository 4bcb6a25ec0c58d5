"""A synthetic multi-atlas OBJ, as photogrammetry tools export them: one material and one
texture atlas per quarter of a gently curved sheet, each atlas a flat distinct colour."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

ATLAS_COLOURS = ((220, 30, 30), (30, 200, 40), (30, 60, 220), (230, 210, 30))


def write_atlas_obj(folder: Path, *, cells: int = 40, side: int = 256,
                    names: tuple[str, ...] = ("atlas_0.png", "atlas_1.png", "atlas_2.png", "atlas_3.png"),
                    map_lines: tuple[str, ...] | None = None) -> Path:
    """Write ``scan.obj`` + ``scan.mtl`` + one ``side``² PNG per atlas into ``folder``; returns the OBJ.

    The sheet is (cells × cells) squares, 2 triangles each (``2 * cells²`` faces), 1 m wide;
    quarter q (0..3) uses material ``m{q}`` whose atlas is ``names[q]`` filled with
    ATLAS_COLOURS[q]; each quarter's UVs span its whole atlas. Vertices on the quarters'
    borders are shared by two materials (one ``v``, different ``vt``). ``map_lines`` replaces
    the default ``map_Kd <name>`` line of each material (to test MTL options)."""
    folder.mkdir(parents=True, exist_ok=True)
    n, h = cells, cells // 2
    xs = np.linspace(0.0, 1.0, n + 1)
    lines = ["mtllib scan.mtl"]
    for j in range(n + 1):
        for i in range(n + 1):
            lines.append(f"v {xs[i]:.6f} {xs[j]:.6f} {0.1 * np.sin(3 * xs[i]) * np.cos(2 * xs[j]):.6f}")
    mtl = []
    for q in range(4):
        mtl += [f"newmtl m{q}", "Kd 1 1 1", map_lines[q] if map_lines else f"map_Kd {names[q]}", ""]
        Image.new("RGB", (side, side), ATLAS_COLOURS[q]).save(folder / names[q])
    vt_base = 0
    for q in range(4):
        qi, qj = q % 2, q // 2
        # this quarter's own UV grid (h + 1)², inset so that bilinear sampling stays inside the atlas
        for lj in range(h + 1):
            for li in range(h + 1):
                lines.append(f"vt {0.05 + 0.9 * li / h:.6f} {0.05 + 0.9 * lj / h:.6f}")
        lines.append(f"usemtl m{q}")
        for lj in range(h):
            for li in range(h):
                i, j = qi * h + li, qj * h + lj
                a, b, c, d = j * (n + 1) + i + 1, j * (n + 1) + i + 2, (j + 1) * (n + 1) + i + 1, (j + 1) * (n + 1) + i + 2
                ta = vt_base + lj * (h + 1) + li + 1
                tb, tc, td = ta + 1, ta + h + 1, ta + h + 2
                lines.append(f"f {a}/{ta} {b}/{tb} {d}/{td}")
                lines.append(f"f {a}/{ta} {d}/{td} {c}/{tc}")
        vt_base += (h + 1) ** 2
    (folder / "scan.obj").write_text("\n".join(lines) + "\n")
    (folder / "scan.mtl").write_text("\n".join(mtl) + "\n")
    return folder / "scan.obj"
