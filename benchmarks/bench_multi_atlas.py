"""Multi-atlas scans (issue 17): texels kept per level, import time and peak memory for an OBJ
with four 4096² atlases (one material each; flat-colour PNGs, a 200 × 200-cell sheet of
80,000 faces), prepared as ``vitrine add`` prepares it (load, repair, levels, level GLBs).

Before issue 17 the four atlases were packed into one image, so every level held at most one
level-side² texture; now each level holds its whole texel budget, shared among the atlases.

    python benchmarks/bench_multi_atlas.py [--side 4096] [--cells 200]

--side 8192 measures the bounded-memory case (4 × 8192² atlases, 268 M texels).

Set VITRINE_ROOT to measure another checkout (e.g. main, for the 'before' figures).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

ROOT = Path(os.environ.get("VITRINE_ROOT", HERE))
sys.path.insert(0, str(ROOT))
for name in [m for m in sys.modules if m == "vitrine" or m.startswith("vitrine.")]:
    del sys.modules[name]


def _texels(glb: bytes) -> list[tuple[int, int]]:
    """(w, h) px of every image in a GLB, read from the image headers."""
    import io
    from PIL import Image
    length = struct.unpack_from("<I", glb, 12)[0]
    doc = json.loads(glb[20:20 + length])
    binary = glb[20 + length + 8:]
    out = []
    for image in doc.get("images", []):
        view = doc["bufferViews"][image["bufferView"]]
        start = view.get("byteOffset", 0)
        out.append(Image.open(io.BytesIO(binary[start:start + view["byteLength"]])).size)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--side", type=int, default=4096)
    parser.add_argument("--cells", type=int, default=200)
    args = parser.parse_args()
    from vitrine.app.workflows.project_import import prepare_scan
    with tempfile.TemporaryDirectory() as tmp:
        # written by a child process: the peak RSS below is the import's, not the writer's
        # (an 8192² RGB atlas is 192 MiB while PIL encodes it)
        subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
                        "from tests.assets.atlas_scans import write_atlas_obj; "
                        "write_atlas_obj(Path(sys.argv[2]), cells=int(sys.argv[3]), side=int(sys.argv[4]))",
                        str(HERE), str(Path(tmp) / "scan"), str(args.cells), str(args.side)], check=True)
        obj = Path(tmp) / "scan" / "scan.obj"
        start = time.perf_counter()
        prepared = prepare_scan(obj, units="m", up="y")
        seconds = time.perf_counter() - start
    print(f"checkout: {ROOT}")
    print(f"scan: 4 atlases of {args.side}², {2 * args.cells ** 2:,} faces")
    for level in prepared.levels:
        sizes = _texels(level.glb)
        total = sum(w * h for w, h in sizes)
        print(f"  level {level.name:9s}: {len(sizes)} image(s) {sizes}, {total:,} texels "
              f"({total / (4 * args.side ** 2):.0%} of the scan's)")
    print(f"import (prepare_scan): {seconds:.1f} s; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
