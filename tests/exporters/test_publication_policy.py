"""Publication policy: rights drive the finest level and the download offer; the curator and
``--max-level`` change it; the bundle never ships the stored original file; the register records it."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from vitrine.app.cli import main
from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.exporters.errors import ExportError
from vitrine.exporters.publication.policy import artifact_policy, default_max_level, fits, rights_allow_reuse
from vitrine.exporters.publication.register import read_entries, verify_register
from vitrine.scenes.exhibit_model import Artifact, ArtifactRights, AssetLevel, PublicationSettings, Rights
from vitrine.scenes.storage.project_store import Project

from .conftest import make_project

IN_COPYRIGHT = "http://rightsstatements.org/vocab/InC/1.0/"
CASES = [
    ("https://creativecommons.org/publicdomain/zero/1.0/", "original", True),
    ("https://creativecommons.org/publicdomain/mark/1.0/", "original", True),
    ("https://creativecommons.org/licenses/by/4.0/", "original", True),
    ("http://creativecommons.org/licenses/by-sa/4.0/", "original", True),
    ("http://rightsstatements.org/vocab/NoC-US/1.0/", "original", True),
    ("https://creativecommons.org/licenses/by-nc/4.0/", "high", True),
    ("https://creativecommons.org/licenses/by-nd/4.0/", "high", False),
    ("https://creativecommons.org/licenses/by-nc-nd/4.0/", "high", False),
    (IN_COPYRIGHT, "high", False),
    ("http://rightsstatements.org/vocab/CNE/1.0/", "high", False),
    ("", "high", False),
    ("https://example.org/my-licence", "high", False),
]


@pytest.mark.parametrize("uri, level, reuse", CASES)
def test_rights_statement_sets_the_default(uri: str, level: str, reuse: bool) -> None:
    assert default_max_level(uri) == level and rights_allow_reuse(uri) is reuse


def _art(uri: str, **pub) -> Artifact:
    return Artifact(rights=ArtifactRights(model=Rights(statement_uri=uri)), publication=PublicationSettings(**pub))


def test_curator_raises_or_lowers_and_an_export_cap_only_lowers() -> None:
    assert artifact_policy(_art(IN_COPYRIGHT, max_level="original")).max_level == "original"
    assert artifact_policy(_art(CASES[0][0], max_level="low")).source == "curator"
    capped = artifact_policy(_art(CASES[0][0]), "medium")
    assert (capped.max_level, capped.source) == ("medium", "export")
    assert artifact_policy(_art(IN_COPYRIGHT), "original").max_level == "high"  # a cap never raises
    assert artifact_policy(_art(CASES[0][0], allow_download=False)).allow_download is False
    assert artifact_policy(_art(IN_COPYRIGHT, allow_download=True)).allow_download is False  # rights win


def test_a_level_fits_a_cap_by_name_or_by_budget() -> None:
    assert fits(AssetLevel(level="original", faces=12), "high")
    assert not fits(AssetLevel(level="original", faces=500_001), "high")
    assert not fits(AssetLevel(level="original", faces=10, texture_size=8192), "high")
    assert not fits(AssetLevel(level="high", faces=400_000), "medium")
    assert fits(AssetLevel(level="low", faces=30_000), "medium")


def _stored_hashes(project: Project) -> set[str]:
    out = set()
    for asset in project.document.exhibit.assets:
        out.add(asset.id)
        out.add(hashlib.sha256(project.resolve(asset.file).read_bytes()).hexdigest())
        out.update(lv.sha256 for lv in asset.levels)
    return out


def test_the_bundle_never_ships_a_stored_file_and_records_the_export(bundle, tiny_project) -> None:
    out, rep = bundle
    stored = _stored_hashes(tiny_project)
    shipped = {hashlib.sha256(p.read_bytes()).hexdigest() for p in out.rglob("*") if p.is_file()}
    assert not stored & shipped
    doc = json.loads((out / "exhibit.json").read_text("utf-8"))
    assert doc["bundle"]["export_id"] == rep.export_id and len(rep.export_id) == 32
    int(rep.export_id, 16)
    entry = next(e for e in read_entries(tiny_project.path) if e["export_id"] == rep.export_id)
    assert entry["manifest_sha256"] == hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    vase = next(a for a in entry["artifacts"] if a["name"] == "Painted Vase")
    assert sorted(lv["level"] for lv in vase["levels"]) == ["low", "original", "thumbnail"]
    asset = tiny_project.document.exhibit.assets[0]
    assert {lv["asset_sha256"] for lv in vase["levels"]} == {lv.sha256 for lv in asset.levels}
    assert entry["key_fingerprint"] == rep.fingerprint
    # CC BY allows reuse: the finest published GLB is offered for download
    art = next(a for a in doc["artifacts"] if a["name"] == "Painted Vase")
    assert art["download"]["file"] == "models/painted-vase/original.glb" and art["download"]["format"] == "glb"


def test_in_copyright_models_stop_at_high_with_no_download(tmp_path: Path, viewer_dir: Path) -> None:
    project = make_project(tmp_path)
    ex = project.document.exhibit
    for art in ex.artifacts:
        art.rights.model.statement_uri = IN_COPYRIGHT
    vase = ex.artifacts[0]
    ex.assets[0].levels[2].faces = 600_000  # an 'original' above the 'high' budget is withheld
    rep = export_bundle(project, tmp_path / "b", viewer_dir=viewer_dir, recipient="Partner A")
    doc = json.loads((tmp_path / "b" / "exhibit.json").read_text("utf-8"))
    got = next(a for a in doc["artifacts"] if a["id"] == vase.id)
    assert [m["level"] for m in got["models"]] == ["thumbnail", "low"]
    assert all(a["download"] is None for a in doc["artifacts"])
    assert rep.published[0].startswith("Painted Vase: low, thumbnail") or rep.published[0].startswith(
        "Painted Vase: thumbnail, low")
    assert "limit high by rights" in rep.published[0]
    vase.publication.max_level = "original"  # the curator raises it
    export_bundle(project, tmp_path / "c", viewer_dir=viewer_dir, recipient="Partner B")
    assert (tmp_path / "c" / "models" / "painted-vase" / "original.glb").is_file()
    entries = read_entries(project.path)
    assert [e["recipient"] for e in entries] == ["Partner A", "Partner B"]
    assert verify_register(project.path).problem is None


def test_max_level_caps_one_export_and_the_cli_says_what_it_publishes(tmp_path: Path, viewer_dir: Path,
                                                                      capsys, monkeypatch) -> None:
    project = make_project(tmp_path)
    project.document.exhibit.assets[0].levels[2].faces = 40_000  # this 'original' is above the 'low' budget
    project.save()
    monkeypatch.setattr("vitrine.exporters.bundle.bundle_writer.VIEWER_DIR", viewer_dir)
    status = main(["export", str(project.path), "--out", str(tmp_path / "b"), "--recipient", "Kiosk 3",
                   "--max-level", "low"])
    out = capsys.readouterr().out
    assert status == 0
    doc = json.loads((tmp_path / "b" / "exhibit.json").read_text("utf-8"))
    vase = next(a for a in doc["artifacts"] if a["name"] == "Painted Vase")
    assert [m["level"] for m in vase["models"]] == ["thumbnail", "low"]
    assert "publishes Painted Vase: " in out and "limit low by export" in out
    # the globe's 'medium' level (896 faces, texture <= 1024 px) fits the 'low' budget, so it is published
    assert "publishes Globe: medium (finest: 896 faces, textures up to 64 px; limit low by export)" in out
    assert f"export id {doc['bundle']['export_id']} for Kiosk 3" in out
    assert out.count("; marked for Kiosk 3") == 3  # one line per artifact, each marked
    assert read_entries(project.path)[-1]["recipient"] == "Kiosk 3"


def test_no_level_under_the_limit_refuses_the_export(tmp_path: Path, viewer_dir: Path) -> None:
    project = make_project(tmp_path)
    project.document.exhibit.assets[1].levels[0].faces = 200_000
    with pytest.raises(ExportError, match="no level of 'Globe' fits its publication limit 'low'"):
        export_bundle(project, tmp_path / "b", viewer_dir=viewer_dir, max_level="low")
    assert read_entries(project.path) == []


def test_every_export_marks_its_models_differently(tmp_path: Path, viewer_dir: Path) -> None:
    from .glb_decode import positions_in_metres, split
    project = make_project(tmp_path)
    a = export_bundle(project, tmp_path / "a", viewer_dir=viewer_dir, recipient="A")
    b = export_bundle(project, tmp_path / "b", viewer_dir=viewer_dir, recipient="B")
    assert a.export_id != b.export_id
    rel = "models/globe/medium.glb"
    pa = positions_in_metres(*split((tmp_path / "a" / rel).read_bytes()))
    pb = positions_in_metres(*split((tmp_path / "b" / rel).read_bytes()))
    assert pa.shape == pb.shape
    shift = np.linalg.norm(pa - pb, axis=1)
    diag = float(np.linalg.norm(pa.max(0) - pa.min(0)))
    # the two recipients' marks differ (each is ~0.0098 % of the diagonal, on top of quantisation)
    assert shift.max() > 1e-5 * diag and shift.max() < 2e-3 * diag
