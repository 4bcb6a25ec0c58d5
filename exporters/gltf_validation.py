"""Khronos glTF validation of exported GLBs, through ``validate_glb.mjs`` and Node.js.

The validator is the npm package ``gltf-validator`` installed in
``exporters/viewer/node_modules``; :func:`validator_available` says whether it is.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExportError

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "validate_glb.mjs"
NODE_MODULES = HERE / "viewer" / "node_modules"


@dataclass
class ValidationResult:
    """The validator's findings for one GLB (messages as 'CODE: text (pointer)')."""

    path: Path
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    infos: int = 0


def validator_available() -> str:
    """'' when validation can run, otherwise the reason it cannot."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (NODE_MODULES / "gltf-validator").is_dir():
        return f"gltf-validator is not installed (run 'npm install' in {HERE / 'viewer'})"
    return ""


def validate_glbs(paths: list[Path], timeout_s: float = 120.0) -> list[ValidationResult]:
    """Validate GLB files; ExportError when the validator cannot run."""
    reason = validator_available()
    if reason:
        raise ExportError(f"cannot validate glTF: {reason}")
    if not paths:
        return []
    proc = subprocess.run(["node", str(SCRIPT), *[str(p) for p in paths]], capture_output=True,
                          text=True, timeout=timeout_s)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise ExportError(f"the glTF validator failed: {last}")
    data = json.loads(proc.stdout)
    return [ValidationResult(Path(p), r["errors"], r["warnings"], r["infos"]) for p, r in data.items()]
