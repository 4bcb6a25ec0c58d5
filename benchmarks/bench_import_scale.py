"""Import at scan scale: `vitrine add` end to end vs a bare `trimesh.load` (and gltfpack -si 0.1)
of the same file, each as its own process: median wall time, CPU time and peak RSS.

Inputs: ../shared/scans/igea/igea.ply Loop-subdivided (trimesh.remesh.subdivide_loop) once
(1,074,744 faces), twice (4,298,976) and with --big three times (17,195,904); --sizes 4 is
20,000,000 faces (the 17.2M mesh and part of the 4.3M one side by side); the made
files are cached under $TMPDIR/vitrine-bench-scale (never in the repository), as binary
PLY (the scanner's format) and GLB (for gltfpack, which reads no PLY).

    python benchmarks/bench_import_scale.py [--big] [--repeats N] [--glb] [--sizes 3 4]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

SCANS = Path(os.environ.get("VITRINE_SCANS", ROOT.parent / "shared" / "scans"))
CACHE = Path(tempfile.gettempdir()) / "vitrine-bench-scale"
GLTFPACK = ROOT / "exporters" / "viewer" / "node_modules" / ".bin" / "gltfpack"
NAME = "import_scale"
STEPS = {1: 1_074_744, 2: 4_298_976, 3: 17_195_904, 4: 20_000_000}


def made_scan(steps: int, suffix: str = "ply") -> Path:
    """igea Loop-subdivided ``steps`` times, cached; made in a child process so its memory
    does not count against the measurements."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / (f"igea-loop{steps}.{suffix}" if steps < 4 else f"igea-20M.{suffix}")
    if not path.exists() and steps == 4:
        # 20,000,000 faces (the size guard's limit): the 17.2M mesh plus the first 2,804,096
        # faces of the 4.3M one, set beside it (two pieces; Loop steps alone cannot hit 20M).
        code = ("import sys, numpy as np, trimesh\n"
                "a = trimesh.load(sys.argv[1], process=False); b = trimesh.load(sys.argv[2], process=False)\n"
                "fb = b.faces[:20_000_000 - len(a.faces)]; used = np.unique(fb.ravel())\n"
                "remap = np.zeros(len(b.vertices), np.int64); remap[used] = np.arange(len(used))\n"
                "vb = b.vertices[used] + [1.5 * a.extents[0], 0, 0]\n"
                "trimesh.Trimesh(np.vstack([a.vertices, vb]), np.vstack([a.faces, remap[fb] + len(a.vertices)]),"
                " process=False).export(sys.argv[3])")
        tmp = path.with_suffix(".part." + suffix)
        subprocess.run([sys.executable, "-c", code, str(made_scan(3, "ply")), str(made_scan(2, "ply")), str(tmp)],
                       check=True)
        tmp.rename(path)
    if not path.exists():
        code = ("import sys, trimesh; m = trimesh.load(sys.argv[1], process=False); v, f = m.vertices, m.faces\n"
                "v, f = trimesh.remesh.subdivide_loop(v, f, iterations=int(sys.argv[2]))\n"
                "trimesh.Trimesh(v, f, process=False).export(sys.argv[3])")
        tmp = path.with_suffix(".part." + suffix)
        subprocess.run([sys.executable, "-c", code, str(SCANS / "igea" / "igea.ply"), str(steps), str(tmp)],
                       check=True)
        tmp.rename(path)
    return path


def measure(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd`` as a child; its own wall time (s), CPU time (s) and peak RSS (MiB) via wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed ({proc.returncode}): {err.strip()[-300:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}


def _cases(path: Path, project_dir: Path) -> dict[str, list[str]]:
    py = sys.executable
    project = project_dir / f"p-{path.suffix[1:]}.vitrine"
    cases = {
        "vitrine add": [py, "-m", "vitrine.app.cli", "add", str(project), str(path)],
        "trimesh.load": [py, "-c", "import sys, trimesh; trimesh.load(sys.argv[1])", str(path)],
    }
    if path.suffix == ".glb" and GLTFPACK.exists():
        cases["gltfpack -si 0.1"] = [str(GLTFPACK), "-si", "0.1", "-i", str(path),
                                    "-o", str(project_dir / "packed.glb")]
    return cases


def run(quick: bool = True, big: bool = False, repeats: int = 3, glb: bool = False,
        sizes: list[int] | None = None) -> list[dict]:
    """Rows of medians for each mesh size and case (see module docstring)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rows = []
    for steps in sizes or (([1] if quick else [1, 2]) + ([3] if big else [])):
        for suffix in ["ply"] + (["glb"] if glb else []):
            path = made_scan(steps, suffix)
            results: dict[str, list[dict]] = {}
            for _ in range(repeats):
                with tempfile.TemporaryDirectory() as tmp:
                    for case, cmd in _cases(path, Path(tmp)).items():
                        if case == "vitrine add":
                            subprocess.run([sys.executable, "-m", "vitrine.app.cli", "new", cmd[4]], env=env,
                                           check=True, stdout=subprocess.DEVNULL)
                        results.setdefault(case, []).append(measure(cmd, env))
            base = statistics.median(r["wall_s"] for r in results["trimesh.load"])
            base_cpu = statistics.median(r["cpu_s"] for r in results["trimesh.load"])
            for case, runs in results.items():
                wall = statistics.median(r["wall_s"] for r in runs)
                rows.append({"benchmark": NAME, "file": path.name, "faces": STEPS[steps], "case": case,
                             "wall_s": round(wall, 2), "cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 2),
                             "peak_rss_mib": round(statistics.median(r["rss_mib"] for r in runs)),
                             "x_trimesh_load": round(wall / base, 2),
                             "x_trimesh_load_cpu": round(statistics.median(r["cpu_s"] for r in runs) / base_cpu, 2),
                             "runs": len(runs)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="also the 17M-face mesh (minutes, ~6 GB)")
    parser.add_argument("--quick", action="store_true", help="only the 1M-face mesh")
    parser.add_argument("--glb", action="store_true", help="also the GLB copies, with gltfpack -si 0.1")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", choices=sorted(STEPS),
                        help="only these meshes: 1 (1.07M faces), 2 (4.3M), 3 (17.2M), 4 (20M, the size limit)")
    args = parser.parse_args()
    print(f"igea.ply Loop-subdivided; medians of {args.repeats} runs, each a separate process "
          f"(cached in {CACHE}); host load may inflate wall times: compare CPU time too; "
          f"load average at the start {os.getloadavg()[0]:.2f}")
    print(f"{'file':<20}{'faces':>12}  {'case':<18}{'wall s':>8}{'CPU s':>8}{'peak MiB':>10}{'x load':>8}"
          f"{'x load CPU':>11}")
    for row in run(quick=args.quick, big=args.big, repeats=args.repeats, glb=args.glb, sizes=args.sizes):
        print(f"{row['file']:<20}{row['faces']:>12,}  {row['case']:<18}{row['wall_s']:>8.2f}{row['cpu_s']:>8.2f}"
              f"{row['peak_rss_mib']:>10}{row['x_trimesh_load']:>8.2f}{row['x_trimesh_load_cpu']:>11.2f}", flush=True)


if __name__ == "__main__":
    main()
