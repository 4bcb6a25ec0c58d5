"""The Khronos glTF validator (npm gltf-validator) run on files the tests wrote, through the
viewer's own ``exporters/viewer/tests/validate_glb.mjs`` (one script for Python and browser tests).

Node.js and the viewer's npm packages are part of the set-up (.ci/setup), so a missing validator is
a failure here, never a skip."""
from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "exporters" / "viewer" / "tests" / "validate_glb.mjs"


@dataclass
class ValidationResult:
    """The validator's findings for one file: messages as 'CODE: text (pointer)'."""

    path: Path
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def validate_glbs(paths: list[Path], timeout_s: float = 120.0) -> list[ValidationResult]:
    """One result per path, in order; the validator prints one JSON line per file."""
    proc = subprocess.run(["node", str(SCRIPT), *map(str, paths)], capture_output=True, text=True,
                          timeout=timeout_s)
    reports = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert len(reports) == len(paths), f"the validator answered for {len(reports)} of {len(paths)}: {proc.stderr[-500:]}"

    def pick(report: dict, severity: str) -> list[str]:
        return [f"{m['code']}: {m['message']}" + (f" ({m['pointer']})" if m.get("pointer") else "")
                for m in report["messages"] if m["severity"] == severity]

    return [ValidationResult(Path(r["file"]), pick(r, "error"), pick(r, "warning")) for r in reports]
