"""Running the viewer's browser checks (exporters/viewer/tests/browser_checks.mjs) from pytest:
Playwright + Debian's headless Chromium; each check prints one JSON line."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VIEWER = ROOT / "exporters" / "viewer"
CHROMIUM = Path("/usr/bin/chromium")


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (VIEWER / "node_modules" / "playwright-core").is_dir():
        return "exporters/viewer/node_modules missing: run `npm ci` in exporters/viewer"
    if not (VIEWER / "dist" / "viewer.js").is_file():
        return "exporters/viewer/dist/viewer.js missing: run `npm run build` in exporters/viewer"
    if not CHROMIUM.exists():
        return "/usr/bin/chromium missing: apt-get install chromium"
    return None


MISSING = _missing()  # why the browser checks cannot run here, or None


def run_check(bundle: Path, name: str, tmp_path: Path, *extra: str, timeout: int = 120) -> dict:
    out_json = tmp_path / f"{name}.json"
    proc = subprocess.run(
        ["node", str(VIEWER / "tests" / "browser_checks.mjs"), str(bundle), "--check", name, "--json", str(out_json), *extra],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    assert lines, f"no result from {name}: rc={proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    result = json.loads(lines[-1])
    assert result["check"] == name
    return result


def run_node_script(script: str, *args: str, timeout: int = 600) -> dict:
    """Runs exporters/viewer/tests/<script> with node and returns the JSON object of the last
    line it prints that starts with '{'; fails with its output when there is none or it says
    ``error``."""
    proc = subprocess.run(["node", str(VIEWER / "tests" / script), *args], capture_output=True, text=True, timeout=timeout)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    assert lines, f"{script}: no result: rc={proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    result = json.loads(lines[-1])
    assert not result.get("error"), result["error"]
    return result
