"""Photogrammetry-size textures: `vitrine add` of a textured quad whose base colour is an
8k or 16k JPEG or PNG, as OBJ+MTL and as GLB, each import its own process: median wall
time, CPU time and peak RSS (target: at most 1.5 GB for a 16384² texture).

The images (grey-level noise in three channels, so neither codec can shrink them to
nothing) are made once under $TMPDIR/vitrine-bench-textures, never in the repository.

    python benchmarks/bench_textures.py [--repeats N] [--sides 8192 16384]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_import_scale import measure  # noqa: E402
from PIL import Image  # noqa: E402

from tests.assets.texture_fixtures import write_glb, write_obj  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "vitrine-bench-textures"
NAME = "textures"


def made_files(side: int, fmt: str) -> dict[str, Path]:
    """{'OBJ': quad.obj, 'GLB': quad.glb} whose texture is a ``side``² ``fmt`` image."""
    folder = CACHE / f"{side}-{fmt}"
    obj, glb = folder / "quad.obj", folder / "quad.glb"
    if not glb.exists():
        folder.mkdir(parents=True, exist_ok=True)
        channels = [Image.effect_noise((side, side), 40 + 10 * i) for i in range(3)]
        image = Image.merge("RGB", channels)
        del channels
        path = folder / f"atlas.{fmt}"
        image.save(path, "JPEG", quality=90) if fmt == "jpg" else image.save(path, "PNG", compress_level=1)
        del image
        write_obj(folder, path.name)
        write_glb(glb, path.read_bytes(), "image/jpeg" if fmt == "jpg" else "image/png")
    return {"OBJ": obj, "GLB": glb}


def run(quick: bool = True, repeats: int = 1, sides: tuple[int, ...] = (8192, 16384)) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rows = []
    for side in ((8192,) if quick else sides):
        for fmt in ("jpg", "png"):
            for container, path in made_files(side, fmt).items():
                runs = []
                for _ in range(repeats):
                    with tempfile.TemporaryDirectory() as tmp:
                        project = str(Path(tmp) / "p.vitrine")
                        subprocess.run([sys.executable, "-m", "vitrine.app.cli", "new", project], env=env, check=True,
                                       stdout=subprocess.DEVNULL)
                        runs.append(measure([sys.executable, "-m", "vitrine.app.cli", "add", project, str(path)], env))
                rows.append({"benchmark": NAME, "case": f"{container} + {side}² {fmt.upper()}",
                             "file_mib": round(os.path.getsize(path if container == "GLB" else
                                                               path.parent / f"atlas.{fmt}") / 2**20, 1),
                             "wall_s": round(statistics.median(r["wall_s"] for r in runs), 2),
                             "cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 2),
                             "peak_rss_mib": round(statistics.median(r["rss_mib"] for r in runs)),
                             "runs": len(runs)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--sides", type=int, nargs="+", default=[8192, 16384])
    args = parser.parse_args()
    print(f"vitrine add of a textured quad; medians of {args.repeats} run(s), each its own process")
    print(f"{'case':<24}{'texture MiB':>12}{'wall s':>8}{'CPU s':>8}{'peak MiB':>10}")
    for row in run(quick=False, repeats=args.repeats, sides=tuple(args.sides)):
        print(f"{row['case']:<24}{row['file_mib']:>12}{row['wall_s']:>8.2f}{row['cpu_s']:>8.2f}"
              f"{row['peak_rss_mib']:>10}", flush=True)


if __name__ == "__main__":
    main()
