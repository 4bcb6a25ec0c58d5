"""Deleting an artifact with several annotations, then undoing, restores the exact document
whatever the interpreter's string hashing (PYTHONHASHSEED): nothing may depend on set order."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("0", "1", "2", "3", "7", "11", "42", "1234")

# Annotations of the deleted artifact interleave with another artifact's, so restoring
# them in any order but the right one shows; ids are fixed so every run builds the same document.
ROUND_TRIP = r"""
import json
from vitrine.scenes.editing import artifact_commands as arc
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Annotation, Artifact, Asset, Tour, TourStep
from vitrine.scenes.storage.serialization import to_dict

doc = ExhibitDocument()
ex = doc.exhibit
ex.assets.append(Asset(id="a" * 64, file="assets/x.ply"))
ex.artifacts += [Artifact(id="art-vase", name="Vase", asset_id="a" * 64),
                 Artifact(id="art-bust", name="Bust", asset_id="a" * 64)]
owners = ["art-vase", "art-bust", "art-vase", "art-vase", "art-bust", "art-vase", "art-vase"]
ex.annotations += [Annotation(id=f"ann-{i}-{owner}", artifact_id=owner, title={"en": f"Note {i}"})
                   for i, owner in enumerate(owners)]
ex.tours.append(Tour(id="tour-1", title={"en": "Tour"},
                     steps=[TourStep(id=f"step-{a.id}", annotation_id=a.id) for a in ex.annotations]))
before = json.dumps(to_dict(ex), sort_keys=True)
doc.history.push(arc.delete_artifact(doc, "art-vase"))
deleted = [a.id for a in ex.annotations]
doc.history.undo()
after = json.dumps(to_dict(ex), sort_keys=True)
print(json.dumps({"same": before == after, "order": [a.id for a in ex.annotations], "left": deleted}))
"""


def _run(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", ROUND_TRIP], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_delete_artifact_then_undo_restores_the_exact_document_under_every_hash_seed() -> None:
    expected_order = [f"ann-{i}-{o}" for i, o in enumerate(
        ["art-vase", "art-bust", "art-vase", "art-vase", "art-bust", "art-vase", "art-vase"])]
    for seed in SEEDS:
        result = _run(seed)
        assert result["left"] == ["ann-1-art-bust", "ann-4-art-bust"], seed
        assert result["order"] == expected_order, f"PYTHONHASHSEED={seed}"
        assert result["same"], f"PYTHONHASHSEED={seed}: the document after undo differs"
