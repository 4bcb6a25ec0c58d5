"""Viewport rendering: our OpenGL 3.3 core viewport vs pyqtgraph's GLMeshItem.

Full run: igea.ply (268,686 faces) with one step of Loop subdivision = 1,074,744 faces,
at 1280×720 under X (Xvfb + Mesa llvmpipe on a machine without a GPU). Quick run: an
icosphere of 81,920 faces. Each renderer runs in its own process (clean GL state; pyqtgraph
with its usual default surface format, ours with vitrine.app.window.gl_format's 3.3 core). Timings end
with glFinish(). Figures are printed, never asserted.

Rows: time to first frame after the scan is in memory (from handing it to an already open\nview until it is drawn); for ours also the first frame at
full detail (the fine level streams in behind a coarse one); ms per frame while the camera
orbits (ours: motion LOD built with vitrine.assets.levels.level_of_detail.simplify_mesh); ms for a
full-detail still frame; the empty frame (no artifacts). The note carries the
environment settings that change llvmpipe timings (LP_NUM_THREADS etc.) and the load
average: this machine is shared, and a busy one inflates every figure.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
SCANS = Path(os.environ.get("VITRINE_SCANS", ROOT.parent / "shared" / "scans"))
WIDTH, HEIGHT = 1280, 720
ORBIT_FRAMES = 30


# ------------------------------------------------------------------ display
def _ensure_display() -> tuple[dict, subprocess.Popen | None]:
    env = dict(os.environ)
    if env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "xcb")
        return env, None
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise RuntimeError("no DISPLAY and no Xvfb to start one")
    for n in range(90, 110):
        if not Path(f"/tmp/.X{n}-lock").exists():
            proc = subprocess.Popen([xvfb, f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    break
                time.sleep(0.1)
            env["DISPLAY"] = f":{n}"
            env["QT_QPA_PLATFORM"] = "xcb"
            return env, proc
    raise RuntimeError("no free X display number for Xvfb")


# ------------------------------------------------------------------ inputs
def _build_input(quick: bool, folder: Path) -> tuple[Path, str]:
    import trimesh
    if quick:
        mesh = trimesh.creation.icosphere(subdivisions=6, radius=0.15)
        note = "icosphere, 81,920 faces (quick)"
    else:
        src = SCANS / "igea" / "igea.ply"
        if not src.is_file():
            raise FileNotFoundError(src)
        base = trimesh.load(src, force="mesh", process=False)
        v, f = trimesh.remesh.subdivide_loop(base.vertices, base.faces, iterations=1)
        mesh = trimesh.Trimesh(v, f, process=False)
        note = f"igea.ply + 1 Loop subdivision = {len(f):,} faces"
    mesh.apply_translation(-mesh.bounds.mean(axis=0))
    mesh.apply_translation([0, 1.0, 0])
    levels = {"original": mesh}
    try:
        from vitrine.assets.levels.level_of_detail import simplify_mesh
        levels["low"] = simplify_mesh(mesh, 30_000)
        levels["medium"] = simplify_mesh(mesh, 150_000)
        lod_note = "LOD by vitrine.assets.levels.level_of_detail.simplify_mesh"
    except ImportError:
        import fast_simplification
        for name, target in (("low", 30_000), ("medium", 150_000)):
            v, f = fast_simplification.simplify(mesh.vertices, mesh.faces, 1 - target / len(mesh.faces))
            levels[name] = trimesh.Trimesh(v, f, process=False)
        lod_note = "LOD by fast_simplification"
    arrays = {}
    for name, m in levels.items():
        arrays[f"{name}_v"] = np.asarray(m.vertices, np.float32)
        arrays[f"{name}_f"] = np.asarray(m.faces, np.uint32)
    path = folder / "mesh.npz"
    np.savez(path, **arrays)
    return path, f"{note}; {lod_note}"


def run(quick: bool = False) -> list[dict]:
    rows: list[dict] = []
    base = {"benchmark": "viewport"}
    if not quick and not (SCANS / "igea" / "igea.ply").is_file():
        return [dict(base, case="igea x1 loop", metric="skipped", value="-", note=f"scans missing at {SCANS}")]
    env, xvfb = _ensure_display()
    tmp = Path(tempfile.mkdtemp(prefix="bench_viewport_"))
    try:
        npz, note = _build_input(quick, tmp)
        case = "81,920 faces" if quick else "1,074,744 faces"
        results = {}
        for who in ("ours", "pyqtgraph"):
            cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", who, str(npz), str(tmp)]
            try:
                out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
                line = [ln for ln in out.stdout.splitlines() if ln.startswith("RESULT ")]
                results[who] = json.loads(line[-1][7:]) if line else {"error": out.stderr[-400:]}
            except subprocess.TimeoutExpired:
                results[who] = {"error": "timed out after 600 s"}
        renderer = results.get("ours", {}).get("renderer", "?")
        common = f"{note}; {WIDTH}x{HEIGHT}; {renderer}; glFinish-timed; {_environment_note(env)}"
        ours, pg = results["ours"], results["pyqtgraph"]
        if "error" in ours:
            rows.append(dict(base, case=case, metric="ours error", value="failed", note=ours["error"]))
        else:
            rows += [
                dict(base, case=case, metric="ours: first coarse frame (levels already in memory)",
                     value=ours["first_frame_s"], unit="s", target="<= 0.5 s",
                     note=f"import into the shown viewport until drawn, level {ours['first_level']} from a warm "
                          f"geometry cache (not like for like with GLMeshItem's first frame); {common}"),
                dict(base, case=case, metric="ours: first full-detail frame (levels already in memory)",
                     value=ours["full_frame_s"], unit="s",
                     note=f"same import until level {ours['full_level']} is drawn: the like-for-like figure "
                          f"beside GLMeshItem's first frame"),
                dict(base, case=case, metric="ours: empty window + GL context", value=ours["window_s"], unit="s",
                     note="fixed cost of any GL widget here (context creation on llvmpipe), not per scan"),
                dict(base, case=case, metric="ours: empty frame (no artifacts)", value=ours["empty_ms"], unit="ms",
                     note="background, floor and grid only: the fixed per-frame cost (QOpenGLWindow in a "
                          "window container, swap included)"),
                dict(base, case=case, metric="ours: ms/frame while orbiting", value=ours["orbit_ms"], unit="ms",
                     target="<= 33 ms", note=f"motion LOD level: {ours['orbit_level']} "
                                             f"({ours['orbit_faces']:,} faces); drawn at "
                                             f"{ours['orbit_scale']:.2f}x resolution (adaptive) with the "
                                             f"diffuse-only shader, blitted up"),
                dict(base, case=case, metric="ours: full-detail still frame", value=ours["still_ms"], unit="ms",
                     target="<= 150 ms", note=f"{ours['still_faces']:,} faces, full resolution and "
                                              f"quality; back faces culled: {ours['still_culled']}"),
            ]
        if "error" in pg:
            rows.append(dict(base, case=case, metric="pyqtgraph GLMeshItem error", value="failed", note=pg["error"]))
        else:
            rows += [
                dict(base, case=case, metric="pyqtgraph GLMeshItem: first (full-detail) frame", value=pg["first_frame_s"],
                     unit="s", note="MeshData + GLMeshItem(smooth, shaded) added to a shown view, until drawn; "
                                    "compare with ours: first full-detail frame"),
                dict(base, case=case, metric="pyqtgraph GLMeshItem: ms/frame while orbiting", value=pg["orbit_ms"],
                     unit="ms", note=f"{pg['frames']} frames, no LOD"),
            ]
        return rows
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if xvfb is not None:
            xvfb.terminate()
            try:
                xvfb.wait(5)
            except subprocess.TimeoutExpired:
                xvfb.kill()


def _environment_note(env: dict) -> str:
    """The settings that change llvmpipe timings, and how busy the machine was."""
    keys = ("LP_NUM_THREADS", "LIBGL_ALWAYS_SOFTWARE", "GALLIUM_DRIVER", "QT_OPENGL", "QT_QPA_PLATFORM",
            "QT_XCB_GL_INTEGRATION", "vblank_mode")
    parts = [f"{k}={env[k]}" for k in keys if env.get(k)]
    parts.append(f"LP_NUM_THREADS default = {os.cpu_count()} cores" if not env.get("LP_NUM_THREADS") else "")
    try:
        parts.append("load avg %.1f" % os.getloadavg()[0])
    except OSError:
        pass
    return ", ".join(p for p in parts if p)


# ------------------------------------------------------------------ workers (separate processes)
def _wait(app, cond, timeout=120.0):
    end = time.perf_counter() + timeout
    while not cond() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)


def _worker_ours(npz: Path, folder: Path) -> dict:
    from vitrine.app.window.gl_format import install_default_surface_format
    install_default_surface_format()
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    import trimesh
    from OpenGL import GL

    from vitrine.app.workflows.editor_session import EditorSession
    from vitrine.app.viewport.viewport_widget import ViewportWidget
    from vitrine.scenes.editing.artifact_commands import import_scan_command
    from vitrine.scenes.exhibit_model import Artifact, Asset, AssetLevel, default_lights
    from vitrine.scenes.editing.furniture_commands import AddLight
    from vitrine.scenes.storage.project_store import Project

    data = np.load(npz)
    meshes = {n: trimesh.Trimesh(data[f"{n}_v"], data[f"{n}_f"], process=False) for n in ("low", "medium", "original")}
    project = Project.create(folder / "bench")
    levels = []
    for name in ("low", "medium", "original"):
        m = meshes[name]
        sha, rel = project.store_asset_bytes(m.export(file_type="glb"), "glb")
        levels.append(AssetLevel(level=name, file=rel, sha256=sha, faces=len(m.faces)))
    asset = Asset(id=levels[-1].sha256, original_name="scan", file=levels[-1].file, format="glb", levels=levels)
    art = Artifact(name="scan", asset_id=asset.id)
    doc = project.document
    for light in default_lights():
        doc.history.push(AddLight(doc, light))
    session = EditorSession(project)
    # "after the scan is loaded": the levels are in the session's geometry cache
    for name, m in meshes.items():
        session._geometry_cache[(asset.id, name)] = m

    frames: list[float] = []
    t_window = time.perf_counter()
    view = ViewportWidget(session)
    view.frameRendered.connect(frames.append)
    view.resize(WIDTH, HEIGHT)
    view.show()
    _wait(app, lambda: frames)
    view.makeCurrent()
    GL.glFinish()
    renderer = GL.glGetString(GL.GL_RENDERER).decode()
    view.doneCurrent()
    window_s = time.perf_counter() - t_window
    view.set_camera((0.25, 1.12, 0.3), (0.0, 1.0, 0.0))
    _wait(app, lambda: len(frames) >= 2)

    def next_frame() -> None:
        n = len(frames)
        _wait(app, lambda: len(frames) > n)
        view.makeCurrent()
        GL.glFinish()
        view.doneCurrent()

    empty = []
    for _ in range(8):
        t = time.perf_counter()
        view.update()
        next_frame()
        empty.append((time.perf_counter() - t) * 1000.0)

    # the curator imports the scan into the open exhibit: time until it is on screen
    t0 = time.perf_counter()
    doc.history.push(import_scan_command(doc, asset, art))
    next_frame()
    first = time.perf_counter() - t0
    first_level = view.drawn_level(art.id)
    view.wait_for_loads(120)
    view.update()
    next_frame()
    full = time.perf_counter() - t0
    full_level = view.drawn_level(art.id)

    def timed_frame() -> float:
        t = time.perf_counter()
        view.update()
        next_frame()
        return (time.perf_counter() - t) * 1000.0

    # orbit: each frame turns the camera as a mouse drag would (motion LOD active)
    for _ in range(3):
        view.camera.orbit(0.02, 0.0)
        view.camera_changed()
        timed_frame()
    orbit = []
    for _ in range(ORBIT_FRAMES):
        view.camera.orbit(0.02, 0.0)
        view.camera_changed()
        orbit.append(timed_frame())
    orbit_level = view.drawn_level(art.id)
    orbit_scale = float(getattr(view, "motion_scale", 1.0))
    # still, full detail
    view.settle()
    doc.get(art.id).display.lod = "original"
    timed_frame()
    view.wait_for_loads(120)
    timed_frame()
    still = [timed_frame() for _ in range(5)]
    still_level = view.drawn_level(art.id)
    view.grab_image().save(str(folder / "ours.png"))
    shot = os.environ.get("BENCH_VIEWPORT_SHOT")
    if shot:
        view.grab_image().save(shot)
    return {"first_frame_s": round(first, 4), "first_level": first_level, "full_frame_s": round(full, 4),
            "full_level": full_level, "orbit_ms": round(float(np.median(orbit)), 2), "orbit_level": orbit_level,
            "orbit_faces": len(meshes[orbit_level].faces), "still_ms": round(float(np.median(still)), 2),
            "still_faces": len(meshes[still_level].faces), "renderer": renderer,
            "window_s": round(window_s, 3), "empty_ms": round(float(np.median(empty[2:])), 2),
            "orbit_scale": orbit_scale, "still_culled": bool(getattr(view.renderer.uploaded_meshes().get((asset.id, still_level)),
                                                                     "closed", 0))}


def _worker_pyqtgraph(npz: Path, folder: Path) -> dict:
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    import pyqtgraph.opengl as gl
    from OpenGL import GL

    data = np.load(npz)
    v, f = data["original_v"], data["original_f"]
    frames: list[int] = []

    class View(gl.GLViewWidget):
        def paintGL(self, *a, **k):
            super().paintGL(*a, **k)
            frames.append(1)

    t_window = time.perf_counter()
    view = View()
    view.resize(WIDTH, HEIGHT)
    from pyqtgraph import Vector
    view.setCameraPosition(pos=Vector(0, 1.0, 0), distance=0.35)
    view.show()
    _wait(app, lambda: frames, timeout=300)
    window_s = time.perf_counter() - t_window

    def next_frame() -> None:
        n = len(frames)
        _wait(app, lambda: len(frames) > n, timeout=300)
        view.makeCurrent()
        GL.glFinish()
        view.doneCurrent()

    t0 = time.perf_counter()
    md = gl.MeshData(vertexes=v, faces=f)
    item = gl.GLMeshItem(meshdata=md, smooth=True, shader="shaded", color=(0.8, 0.78, 0.74, 1.0))
    view.addItem(item)
    next_frame()
    first = time.perf_counter() - t0
    orbit = []
    budget = time.perf_counter() + 60
    for _ in range(ORBIT_FRAMES):
        t = time.perf_counter()
        view.orbit(1.0, 0.0)
        next_frame()
        orbit.append((time.perf_counter() - t) * 1000.0)
        if time.perf_counter() > budget:
            break
    return {"first_frame_s": round(first, 4), "orbit_ms": round(float(np.median(orbit)), 2), "frames": len(orbit),
            "window_s": round(window_s, 3)}


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "--worker":
        fn = _worker_ours if sys.argv[2] == "ours" else _worker_pyqtgraph
        result = fn(Path(sys.argv[3]), Path(sys.argv[4]))
        print("RESULT " + json.dumps(result), flush=True)
        os._exit(0)
    for row in run(quick="--quick" in sys.argv):
        print(row)
