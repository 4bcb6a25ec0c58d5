"""Property tests of the recipient's mark on generated objects in random poses."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.spatial.transform import Rotation

from vitrine.exporters.tracing.recipient_mark import MarkBasis, ReferenceSurface, embed_mark, mark_key, mark_statistic
from vitrine.exporters.tracing.suspect_alignment import align_suspect
from tests.exporters.tracing import attacks
from tests.exporters.tracing.shapes import bumpy

MATCH = 1e-6  # a false-match probability below this names the recipient
SLOW = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEY = mark_key(b"museum secret A")

kinds = st.sampled_from(["sphere", "capsule", "torus"])
seeds = st.integers(0, 2 ** 16)
ids = st.text(alphabet="abcdef0123456789-", min_size=1, max_size=24)


def posed(kind: str, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A generated level in a random pose and unit: the frame must not matter."""
    p, f = bumpy(kind, seed)
    rng = np.random.default_rng(seed + 1)
    rotation = Rotation.random(random_state=seed).as_matrix()
    q = 10.0 ** rng.uniform(-1, 1) * p.astype(np.float64) @ rotation.T + rng.normal(0, 5, 3)
    return q.astype(np.float32), f


def traced(suspect: np.ndarray, reference: ReferenceSurface, key: bytes, export_id: str, artifact_id: str):
    alignment = align_suspect(suspect, reference)
    return mark_statistic(alignment.apply(suspect), reference, key=key, export_id=export_id, artifact_id=artifact_id)


@SLOW
@given(kind=kinds, seed=seeds, export_id=ids, artifact_id=ids)
def test_displacement_within_limits_and_input_untouched(kind, seed, export_id, artifact_id):
    p, f = posed(kind, seed)
    p_before, f_before = p.copy(), f.copy()
    marked, stats = embed_mark(p, f, key=KEY, export_id=export_id, artifact_id=artifact_id, return_stats=True)
    assert np.array_equal(p, p_before) and np.array_equal(f, f_before)
    diag = np.linalg.norm(p.max(axis=0) - p.min(axis=0))
    shift = np.linalg.norm(marked.astype(np.float64) - p, axis=1) / diag
    assert marked.dtype == np.float32 and marked.shape == p.shape
    assert np.sqrt(np.mean(shift ** 2)) <= 1e-4 and shift.max() <= 5e-4
    assert stats.rms_fraction <= 1e-4 and stats.max_fraction <= 5e-4
    assert shift.mean() > 5e-5  # the mark is really there
    again = embed_mark(p, f, key=KEY, export_id=export_id, artifact_id=artifact_id)
    assert np.array_equal(again, marked)  # deterministic


@SLOW
@given(kind=kinds, seed=seeds)
def test_split_vertices_stay_together(kind, seed):
    """Seams and hard edges: every face gets its own vertex copies (a triangle soup)."""
    p, f = bumpy(kind, seed)
    soup = p[f].reshape(-1, 3)
    faces = np.arange(len(soup)).reshape(-1, 3)
    marked = embed_mark(soup, faces, key=KEY, export_id="e", artifact_id="a")
    _, first, inverse = np.unique(soup, axis=0, return_index=True, return_inverse=True)
    assert np.array_equal(marked, marked[first][inverse.reshape(-1)])
    # and along the same directions as the indexed mesh (the amplitude follows the RMS over
    # the vertices, which the seam copies change)
    indexed = embed_mark(p, f, key=KEY, export_id="e", artifact_id="a")[f].reshape(-1, 3).astype(np.float64) - soup
    moved = marked.astype(np.float64) - soup
    big = np.linalg.norm(indexed, axis=1) > 1e-3 * np.abs(indexed).max()
    cosine = np.einsum("ni,ni->n", indexed[big], moved[big]) / (
        np.linalg.norm(indexed[big], axis=1) * np.linalg.norm(moved[big], axis=1))
    assert cosine.min() > 0.99


@SLOW
@given(kind=kinds, seed=seeds, attack=st.sampled_from(sorted(set(attacks.ATTACKS) - {"gltfpack_cc"})))
def test_right_export_found_after_each_attack(kind, seed, attack):
    p, f = posed(kind, seed)
    reference = ReferenceSurface.from_mesh(p, f)
    marked = embed_mark(p, f, key=KEY, export_id="export-1", artifact_id="art")
    suspect, _ = attacks.ATTACKS[attack](marked, f, seed=seed)
    score = traced(suspect, reference, KEY, "export-1", "art")
    assert score.false_match_probability < MATCH * 1e-3, (attack, score)


@SLOW
@given(kind=kinds, seed=seeds, attack=st.sampled_from(["similarity", "noise", "crop_half", "simplify_quadric"]))
def test_wrong_export_wrong_key_unmarked_and_other_model_never_match(kind, seed, attack):
    p, f = posed(kind, seed)
    reference = ReferenceSurface.from_mesh(p, f)
    marked = embed_mark(p, f, key=KEY, export_id="export-1", artifact_id="art")
    suspect, _ = attacks.ATTACKS[attack](marked, f, seed=seed)
    alignment = align_suspect(suspect, reference)
    aligned = alignment.apply(suspect)
    for key, export_id, artifact_id in [(KEY, "export-2", "art"), (mark_key(b"museum secret B"), "export-1", "art"),
                                        (KEY, "export-1", "other-art")]:
        score = mark_statistic(aligned, reference, key=key, export_id=export_id, artifact_id=artifact_id)
        assert score.false_match_probability >= MATCH, (key, export_id, artifact_id, score)
    unmarked, _ = attacks.ATTACKS[attack](p, f, seed=seed)
    assert traced(unmarked, reference, KEY, "export-1", "art").false_match_probability >= MATCH
    other_kind = {"sphere": "torus", "torus": "capsule", "capsule": "sphere"}[kind]
    other, other_faces = bumpy(other_kind, seed + 7)
    other_marked = embed_mark(other, other_faces, key=KEY, export_id="export-1", artifact_id="art")
    assert traced(other_marked, reference, KEY, "export-1", "art").false_match_probability >= MATCH


@SLOW
@given(seed=seeds)
def test_point_cloud_marked_and_traced(seed):
    p, _ = posed("sphere", seed)
    reference = ReferenceSurface.from_mesh(p, None)
    marked, stats = embed_mark(p, None, key=KEY, export_id="e1", artifact_id="a", return_stats=True)
    assert stats.rms_fraction <= 1e-4 and stats.max_fraction <= 5e-4
    suspect, _ = attacks.similarity(*attacks.noisy(marked, None, seed=seed), seed=seed)
    assert traced(suspect, reference, KEY, "e1", "a").false_match_probability < MATCH
    assert traced(suspect, reference, KEY, "e2", "a").false_match_probability >= MATCH


@SLOW
@given(kind=kinds, seed=seeds, export_id=ids)
def test_cached_basis_marks_exactly_as_a_fresh_embedding(kind, seed, export_id):
    p, f = posed(kind, seed)
    basis = MarkBasis.for_level(p, f, key=KEY, artifact_id="art")
    fresh = embed_mark(p, f, key=KEY, export_id=export_id, artifact_id="art")
    assert np.array_equal(embed_mark(p, f, key=KEY, export_id=export_id, artifact_id="art", basis=basis), fresh)
    other, other_faces = bumpy(kind, seed + 1, detail=3)
    with pytest.raises(ValueError, match="^the mark basis belongs to another level$"):
        embed_mark(other, other_faces, key=KEY, export_id=export_id, artifact_id="art", basis=basis)
