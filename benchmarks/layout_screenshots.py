"""Five real scans laid out automatically (`vitrine add` one after another), then screenshots
of the editor and of the exported viewer (headless Chromium). Prints the time per placement
and where the PNGs are.

    PYTHONPATH=$PWD DISPLAY=:NN QT_QPA_PLATFORM=xcb python benchmarks/layout_screenshots.py OUT_DIR [--room]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT.parent / "shared" / "scans"
FIVE = [("balinese-mask/mask.glb", "Mask", "auto"), ("gargoyle/gargoyle.ply", "Gargoyle", "mm"),
        ("nefertiti/nefertiti.obj", "Nefertiti", "mm"), ("stanford-bunny/bunny.obj", "Bunny", "m"),
        ("igea/igea.ply", "Igea", "m")]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--room", action="store_true", help="give the exhibit a room first")
    ap.add_argument("--lighting", choices=("gallery", "raking", "spots"), default=None)
    args = ap.parse_args()
    from vitrine.app.cli import main as cli
    from vitrine.scenes.storage.project_store import Project
    args.out.mkdir(parents=True, exist_ok=True)
    project_path = args.out / "five.vitrine"
    if not project_path.exists():
        cli(["new", str(args.out / "five"), "--title", "Five scans"])
        if args.room:
            from vitrine.scenes.editing.commands import SetProperty
            from vitrine.scenes.exhibit_model import Opening, Room
            p = Project.open(project_path)
            doc = p.document
            doc.history.push(SetProperty(doc, doc.exhibit.id, ("environment", "room"),
                                         Room(width=6.0, depth=4.0, openings=[Opening("left", 0.5, 1.2, 2.2)])))
            p.save()
        for rel, name, units in FIVE:
            t0 = time.perf_counter()
            cli(["add", str(project_path), str(SCANS / rel), "--name", name, "--units", units])
            print(f"add {name}: {time.perf_counter() - t0:.1f} s (import + placement)")
    project = Project.open(project_path)
    if args.lighting:
        from vitrine.app.workflows.arrangement import apply_lighting_preset
        project.document.history.push(apply_lighting_preset(project.document, args.lighting))
        project.save()
    for art in project.document.exhibit.artifacts:
        print(f"{art.name}: mount {art.mount}, at {tuple(round(v, 3) for v in art.transform.translation)}")
    editor_png = args.out / "editor.png"
    _editor_shot(project_path, editor_png)
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    bundle = export_bundle(project, args.out / "bundle", viewer_dir=ROOT / "exporters" / "viewer").out_dir
    viewer_png = args.out / "viewer.png"
    proc = subprocess.run(["node", str(ROOT / "exporters/viewer/tests/browser_checks.mjs"), str(bundle), "--check", "room",
                           "--out", str(viewer_png), "--viewport", "1280x800"], capture_output=True, text=True, cwd=ROOT)
    print(proc.stdout.strip()[:300])
    print(f"editor: {editor_png}\nviewer: {viewer_png}")
    return 0


def _editor_shot(project_path: Path, png: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv)
    from vitrine.app.window.main_window import MainWindow
    from vitrine.app.workflows.editor_session import EditorSession
    window = MainWindow(EditorSession(), QSettings(str(png.with_suffix(".ini")), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    window.open_project(project_path)
    for _ in range(40):
        app.processEvents()
        time.sleep(0.05)
    window.viewport.wait_for_loads(30)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.05)
    # the 3D view as the editor shows it (the window's grab() cannot read the GL surface)
    window.viewport.grab_image().save(str(png))
    window.project.document.history.set_clean()
    window.close()


if __name__ == "__main__":
    sys.exit(main())
