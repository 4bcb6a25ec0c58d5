"""Which way is up: the pose a scan would rest in on a plinth, from its own shape.

For each of the six signed file axes the scan is set down on the plane below it:

* **support**: the area of the footprint that touches (the 2-D convex hull of the
  points within 5 % of the height above the plane) as a share of its whole
  footprint, the quantity behind a stable resting pose;
* **stable**: whether the centre of mass (the volume centroid of a closed mesh,
  else the mean point) falls inside that footprint, so it would not tip over;
* **cut**: how much of that footprint is already there within 2 % of the plane: a
  cut neck or a foot keeps its width down to the plane, a dome (a crown) narrows;
* **flat base**: the area of faces within 2 % of the plane that face straight down,
  or of an open (unscanned) boundary lying there, as a share of the touching
  footprint: busts on a cut neck, vases on a foot and reliefs on their back are
  flat or open there, a rounded crown is not.

A stable pose with a flat or open base wins; without a clear winner the file
convention decides (glTF is Y-up by specification; OBJ exporters usually write
Y-up; scanner PLY/STL often Z-up).  Work is on at most ~60k points (strided), so
it costs well under a second at scan scale.

This is trimesh.poses.compute_stable_poses' idea (rest on a convex-hull face
containing the centre of mass) restricted to the six axis-aligned poses a file
can mean, which is both faster (no hull of the whole scan, no sampling) and what
the import can apply: the up axis is one of x, y, z, -x, -y, -z.
"""
from __future__ import annotations

import numpy as np
from scipy.spatial import ConvexHull, QhullError

from vitrine.assets.templated_text import TemplatedText as T

__all__ = ["AXES", "rest_scores", "guess_up"]

AXES = ("x", "-x", "y", "-y", "z", "-z")
_SAMPLE = 60_000
_SUPPORT_SLAB = 0.05
_FLAT_SLAB = 0.02
_UNSTABLE = 0.3
# The best pose must beat the next by this factor, else the file convention decides
# (igea, a head on a ragged neck cut, wins by 1.21 over resting on its crown).
_MARGIN = 1.15  # weight of a pose whose centre of mass falls outside its footprint


def _hull_area(points2d: np.ndarray) -> tuple[float, ConvexHull | None]:
    if len(points2d) < 3:
        return 0.0, None
    try:
        hull = ConvexHull(points2d)
    except (QhullError, ValueError):
        return 0.0, None
    return float(hull.volume), hull  # in 2-D, .volume is the area


def rest_scores(points: np.ndarray, centre: np.ndarray, *, faces_down: dict[str, float] | None = None,
                open_base: dict[str, np.ndarray] | None = None) -> dict[str, dict]:
    """Per signed axis ('x', '-x', ...; the axis that would point up): support share,
    stability, flat-base share and the combined score.

    ``points`` (n, 3) file units (a subsample is fine); ``centre`` (3,) the centre of
    mass; ``faces_down`` the area of faces facing straight down within 2 % of each
    axis's lowest plane; ``open_base`` boundary vertices (b, 3) near each lowest plane.
    """
    lo, hi = points.min(axis=0), points.max(axis=0)
    ext = np.maximum(hi - lo, 1e-12)
    out = {}
    for name in AXES:
        a = "xyz".index(name[-1])
        sign = -1.0 if name.startswith("-") else 1.0
        others = [i for i in range(3) if i != a]
        height = points[:, a] * sign
        base = height.min()
        full, _ = _hull_area(points[:, others])
        touch = points[height < base + _SUPPORT_SLAB * ext[a]][:, others]
        support, hull = _hull_area(touch)
        stable = hull is not None and bool((hull.equations[:, :2] @ centre[others] + hull.equations[:, 2]
                                            <= 1e-9 * ext.max()).all())
        # A cut (neck, foot, plinth) keeps its footprint right down to the plane; a dome
        # (a crown, a belly) narrows towards it: footprint at 2 % over footprint at 5 %.
        near = points[height < base + _FLAT_SLAB * ext[a]][:, others]
        cut = min(1.0, _hull_area(near)[0] / support) if support > 0 else 0.0
        flat = (faces_down or {}).get(name, 0.0)
        opened = 0.0
        bnear = (open_base or {}).get(name)
        if bnear is not None and len(bnear) >= 3:
            # An unscanned (open) bottom is the strongest clue: the turntable hides it.
            opened = 1.2 * _hull_area(bnear[:, others])[0]
        flat_share = min(1.2, (flat + opened) / support) if support > 0 else 0.0
        open_share = opened / (flat + opened) if flat + opened > 0 else 0.0
        share = support / full if full > 0 else 0.0
        score = (share + flat_share + cut) * (1.0 if stable else _UNSTABLE)
        out[name] = {"support": share, "stable": stable, "flat": flat_share, "open": open_share, "cut": cut,
                     "score": score}
    return out


def guess_up(scores: dict[str, dict], convention: str) -> tuple[str, str] | None:
    """(axis, reason) for a clear winner among ``scores`` (from :func:`rest_scores`), else None."""
    ranked = sorted(scores, key=lambda k: scores[k]["score"], reverse=True)
    best, second, third = ranked[0], ranked[1], ranked[2]
    s = scores[best]
    if not s["stable"] or s["score"] < 0.25:
        return None
    if best.lstrip("-") == second.lstrip("-"):
        # Both ends of one axis stand best (a cylinder, a head on its neck or its crown): the
        # axis is clear when the best beats every other side; the end with more base
        # evidence (flat, open, cut) goes down.
        if s["score"] < _MARGIN * scores[third]["score"] or s["score"] == scores[second]["score"]:
            return None
    elif s["score"] < _MARGIN * scores[second]["score"]:
        return None
    kind = (T("an open base") if s["open"] > 0.5 else T("a flat base")) if s["flat"] >= 0.3 else \
        T("a cut base") if s["cut"] >= 0.5 else T("a broad footprint")
    return best, T("The scan stands stably on {base} at its lowest {axis} ({up} up: {support} of its footprint "
                   "touches, {flat} of that flat or open, {cut} of it within 2 % of the floor).",
                   base=kind, axis=best.lstrip("-").upper(),
                   up=f"{'-' if best.startswith('-') else '+'}{best.lstrip('-').upper()}",
                   support=f"{s['support']:.0%}", flat=f"{s['flat']:.0%}", cut=f"{s['cut']:.0%}")
