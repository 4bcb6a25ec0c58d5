"""Child process of bench_viewer_soak.py: the editor opens, imports into, deletes from and closes
projects again and again; prints one JSON line with RSS and live GL objects before and after.

    python editor_soak_child.py SAMPLE_PROJECT WORK_DIR CYCLES      (needs DISPLAY, QT_QPA_PLATFORM=xcb)
"""
from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

GL_NAMES = 4096  # GL object names are small integers handed out in order: probe the first ones


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def gl_counts(window) -> dict:
    """Live GL buffers, textures and programs in the viewport's context."""
    from OpenGL import GL
    window.viewport.makeCurrent()
    counts = {"buffers": sum(bool(GL.glIsBuffer(i)) for i in range(1, GL_NAMES)),
              "textures": sum(bool(GL.glIsTexture(i)) for i in range(1, GL_NAMES)),
              "programs": sum(bool(GL.glIsProgram(i)) for i in range(1, GL_NAMES))}
    return counts


def pump(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> int:
    sample, work, cycles = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    os.environ.setdefault("VITRINE_CONFIG_DIR", str(work / "config"))
    work.mkdir(parents=True, exist_ok=True)
    import trimesh
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from vitrine.app.window.main_window import MainWindow
    from vitrine.app.workflows.editor_session import EditorSession
    from vitrine.scenes.editing.artifact_commands import delete_artifact

    scan = work / "scan.ply"
    trimesh.creation.icosphere(subdivisions=4, radius=0.1).export(scan)
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(EditorSession(), settings)
    window.resize(1024, 700)
    window.show()
    pump(app, 1.0)

    def cycle(i: int) -> None:
        path = work / f"p{i % 2}.vitrine"  # two folders in turn: the one just closed is replaced
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(sample, path)
        assert window.open_project(path)
        pump(app, 0.3)
        before = {a.id for a in window.session.document.exhibit.artifacts}
        job = window.import_scan(scan, name=f"sphere {i}", units="m")
        while job is not None and not job.finished:
            pump(app, 0.05)
        pump(app, 0.3)
        added = [a.id for a in window.session.document.exhibit.artifacts if a.id not in before]
        for art in added:
            window.relay.push(delete_artifact(window.session.document, art))
        pump(app, 0.3)
        window.project.document.history.set_clean()
        window.life._set_project(None)  # close: no project open
        pump(app, 0.3)

    def measure() -> dict:
        gc.collect()
        pump(app, 0.2)
        return {"rss_mb": rss_mb(), **gl_counts(window)}

    cycle(0)
    cycle(1)  # warm-up: shaders, caches, translations
    baseline = measure()
    samples = []
    for i in range(2, cycles + 2):
        cycle(i)
        if (i - 1) % max(1, cycles // 4) == 0 or i == cycles + 1:
            samples.append({"cycle": i - 1, **measure()})
    last, half = samples[-1], samples[len(samples) // 2 - 1] if len(samples) >= 2 else baseline
    span = max(1, last["cycle"] - half.get("cycle", 0))
    out = {"cycles": cycles, "baseline": baseline, "after": last, "samples": samples,
           "per_cycle": {k: (last[k] - baseline[k]) / cycles for k in baseline},
           "second_half_per_cycle": {k: (last[k] - half[k]) / span for k in baseline}}
    print(json.dumps(out), flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
