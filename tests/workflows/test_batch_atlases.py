"""Batch preparation of a multi-atlas OBJ (issue 17): the payload brings every atlas along,
whatever MTL options or spaces its names have, and the prepared levels keep four atlases."""
from __future__ import annotations

from pathlib import Path

from tests.assets.atlas_scans import write_atlas_obj
from vitrine.app.workflows.batch_sources import companions
from vitrine.app.workflows.batch_tasks import make_payload, prepare_payload

NAMES = ("my atlas 0.png", "atlas_1.png", "my atlas 2.png", "atlas_3.png")
LINES = ("map_Kd -bm 1.0 my atlas 0.png", "map_Kd -s 1 1 1 -o 0 0 0 atlas_1.png", "map_Kd my atlas 2.png",
         "map_Kd atlas_3.png")


def test_batch_payload_carries_every_atlas_and_prepares_four_atlas_levels(tmp_path: Path) -> None:
    from vitrine.assets.formats.gltf_loading import split_glb
    obj = write_atlas_obj(tmp_path / "scan", cells=8, side=16, names=NAMES, map_lines=LINES)
    found = sorted(p.name for p in companions(obj))
    assert found == sorted(("scan.mtl",) + NAMES)
    result = prepare_payload(make_payload(obj))
    assert result["status"] == "prepared", result
    for glb in result["levels"].values():
        doc, _ = split_glb(Path("level.glb"), glb)
        assert len(doc["images"]) == 4 and len(doc["materials"]) == 4
