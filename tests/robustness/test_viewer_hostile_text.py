"""The exported viewer with hostile curator text, in headless Chromium over http and from
file://: every annotation opened in every language shows exhibit.json's text exactly, tours
step through, and nothing runs, pops up, errors or fetches outside the bundle."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.scenes.storage.project_store import Project

from .hostile_project import hostile_project

REPO = Path(__file__).resolve().parents[2]
VIEWER = REPO / "exporters" / "viewer"
CHROMIUM = Path(os.environ.get("VITRINE_CHROMIUM", "/usr/bin/chromium"))


def _missing() -> str | None:
    for path, why in ((VIEWER / "node_modules", "exporters/viewer/node_modules missing (npm install)"),
                      (VIEWER / "dist" / "viewer.js", "viewer not built (npm run build)"),
                      (CHROMIUM, f"{CHROMIUM} not installed")):
        if not path.exists():
            return why
    return None if shutil.which("node") else "node not installed"


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    why = _missing()
    if why:
        pytest.skip(why)
    tmp = tmp_path_factory.mktemp("viewer-hostile")
    old = os.environ.get("VITRINE_CONFIG_DIR")
    os.environ["VITRINE_CONFIG_DIR"] = str(tmp / "config")  # signing keys, never the user's
    try:
        project = hostile_project(tmp / "p")  # make_project's artifacts have stored levels
        bundle = tmp / "bundle"
        export_bundle(Project.open(project.path), bundle)
    finally:
        os.environ.pop("VITRINE_CONFIG_DIR") if old is None else os.environ.__setitem__("VITRINE_CONFIG_DIR", old)
    out = tmp / "result.json"
    proc = subprocess.run(["node", str(VIEWER / "tests" / "hostile_text_check.mjs"), str(bundle), "--json", str(out)],
                          capture_output=True, text=True, timeout=120)
    res = json.loads(out.read_text()) if out.is_file() else {"stdout": proc.stdout, "stderr": proc.stderr[-2000:]}
    assert "counts" in res, res
    res["doc"] = json.loads((bundle / "exhibit.json").read_text("utf-8"))
    print("hostile viewer:", {k: res.get(k) for k in ("pass", "counts", "dialogs", "outside", "mismatches", "dom")},
          "errors:", sorted({e[:90] for e in res["errors"]}))
    return res


@pytest.mark.browser
def test_viewer_shows_hostile_text_literally_and_runs_nothing(result: dict) -> None:
    http_errors, file_errors = result["errorsByRun"]
    assert http_errors == [] and file_errors == []
    assert result["dialogs"] == [] and result["outside"] == [] and result["mismatches"] == []
    assert all(not d["handlers"] and not d["jsUrls"] and not d["scripts"] for d in result["dom"]), result["dom"]
    doc, counts = result["doc"], result["counts"]
    assert counts["languages"] == len(doc["languages"]) == 2
    # every annotation in every language, over http and from file://
    assert counts["annotationsOpened"] == [len(doc["annotations"]) * 2] * 2 and len(doc["annotations"]) > 40
    assert counts["tours"] == 1 and counts["tourSteps"] == [2 * len(doc["tours"][0]["steps"])] * 2


@pytest.mark.browser
def test_viewer_from_file_logs_no_errors(result: dict) -> None:
    assert result["pass"] and result["errors"] == []
