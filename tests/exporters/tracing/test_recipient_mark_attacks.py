"""End to end: a published level (~80k faces, and a real scan) goes through each attack
a pirated copy suffers; the right export is found and a wrong one never is."""
from __future__ import annotations

import numpy as np
import pytest
import trimesh
from scipy.spatial import cKDTree

from vitrine.exporters.tracing.recipient_mark import ReferenceSurface, embed_mark, mark_key, score_cells, suspect_cells
from vitrine.exporters.tracing.suspect_alignment import align_suspect
from vitrine.exporters.tracing.surface_normals import merged_normals
from tests.conftest import SCANS_DIR
from tests.exporters.tracing import attacks
from tests.exporters.tracing.shapes import bumpy

MATCH = 1e-6
KEY = mark_key(b"signing-key-derived secret")
RECIPIENTS = ["exp-partner-museum", "exp-kiosk-hall-2"]


@pytest.fixture(scope="module")
def level():
    p, f = bumpy("sphere", 11, detail=6)  # 81,920 faces
    return p, f, ReferenceSurface.from_mesh(p, f)


def scores(suspect: np.ndarray, reference: ReferenceSurface, artifact_id: str) -> dict[str, float]:
    alignment = align_suspect(suspect, reference)
    sums = suspect_cells(alignment.apply(suspect), reference, key=KEY, artifact_id=artifact_id)
    return {e: score_cells(sums, key=KEY, export_id=e, artifact_id=artifact_id).false_match_probability
            for e in RECIPIENTS + ["exp-never-issued"]}


@pytest.mark.parametrize("attack", sorted(attacks.ATTACKS))
def test_two_recipients_told_apart_after(attack, level):
    p, f, reference = level
    for recipient, other in [RECIPIENTS, RECIPIENTS[::-1]]:
        marked = embed_mark(p, f, key=KEY, export_id=recipient, artifact_id="art-bust")
        suspect, _ = attacks.ATTACKS[attack](marked, f, seed=5)
        found = scores(suspect, reference, "art-bust")
        assert found[recipient] < MATCH * 1e-6, (attack, found)
        assert found[other] >= MATCH and found["exp-never-issued"] >= MATCH, (attack, found)


def test_unmarked_level_after_attack_is_not_matched(level):
    p, f, reference = level
    for attack in ["decompressed", "similarity", "crop_half"]:
        suspect, _ = attacks.ATTACKS[attack](p, f, seed=2)
        found = scores(suspect, reference, "art-bust")
        assert min(found.values()) >= MATCH, (attack, found)


@pytest.fixture(scope="module")
def bunny():
    mesh = trimesh.load(SCANS_DIR / "stanford-bunny" / "bunny.obj", force="mesh", process=False)
    p, f = np.asarray(mesh.vertices, np.float32), np.asarray(mesh.faces, np.int64)
    return p, f, ReferenceSurface.from_mesh(p, f)


@pytest.mark.parametrize("attack", ["gltfpack_cc", "similarity", "noise", "simplify_quadric", "crop_half"])
def test_real_scan_stanford_bunny(attack, bunny):
    p, f, reference = bunny
    marked, stats = embed_mark(p, f, key=KEY, export_id=RECIPIENTS[0], artifact_id="art-bunny", return_stats=True)
    assert stats.rms_fraction <= 1e-4 and stats.max_fraction <= 5e-4
    suspect, _ = attacks.ATTACKS[attack](marked, f, seed=9)
    found = scores(suspect, reference, "art-bunny")
    assert found[RECIPIENTS[0]] < MATCH * 1e-6, (attack, found)
    assert found[RECIPIENTS[1]] >= MATCH and found["exp-never-issued"] >= MATCH


def test_another_model_is_not_matched(bunny, level):
    """The bunny's reference against a marked copy of another object (and vice versa)."""
    bp, bf, bunny_ref = bunny
    p, f, sphere_ref = level
    marked_sphere = embed_mark(p, f, key=KEY, export_id=RECIPIENTS[0], artifact_id="art-bunny")
    assert min(scores(marked_sphere, bunny_ref, "art-bunny").values()) >= MATCH
    marked_bunny = embed_mark(bp, bf, key=KEY, export_id=RECIPIENTS[0], artifact_id="art-bust")
    assert min(scores(marked_bunny, sphere_ref, "art-bust").values()) >= MATCH


@pytest.mark.parametrize("attack", ["similarity", "noise", "crop_half"])
def test_alignment_error_along_the_normals_is_far_below_the_mark(attack, level):
    """Registration error measured where it matters, along the surface normal: < 2e-5 diagonals RMS."""
    p, f, reference = level
    marked = embed_mark(p, f, key=KEY, export_id=RECIPIENTS[0], artifact_id="art-bust")
    rng = np.random.default_rng(4)
    rotation = trimesh.transformations.random_rotation_matrix(rng.random(3))
    pose = rotation @ np.diag([7.5, 7.5, 7.5, 1.0])
    pose[:3, 3] = [3.0, -40.0, 12.0]
    moved = marked.astype(np.float64) @ pose[:3, :3].T + pose[:3, 3]
    suspect, faces = attacks.ATTACKS[attack](moved, f, seed=4)
    alignment = align_suspect(suspect, reference)
    unique, normals, inverse = merged_normals(p, f)
    truth = marked.astype(np.float64)
    if attack == "crop_half":  # the crop keeps a subset: find each kept point's original vertex
        _, index = cKDTree(moved).query(suspect)
        truth, per_vertex = truth[index], normals[inverse][index]
    else:
        per_vertex = normals[inverse]
    along = np.einsum("ni,ni->n", alignment.apply(suspect) - truth, per_vertex)
    if attack == "noise":  # the noise itself is not alignment error: compare with the noise-free pose
        along = np.einsum("ni,ni->n", alignment.apply(moved) - truth, per_vertex)
    assert np.sqrt(np.mean(along ** 2)) < 2e-5 * reference.diagonal
    assert alignment.inlier_fraction > 0.9
