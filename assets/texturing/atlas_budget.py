"""Sharing a level's texture budget among the atlases of a multi-atlas mesh.

A level's budget is texels, not one image: a level whose longest texture side is ``side``
(assets/levels/levels.json) may hold ``side²`` texels in total.  Each atlas gets a share in
proportion to its own texel count (so four equal 4096² atlases at a 4096 level become four
2048² ones, and together keep as many texels as one 4096² image), each side a power of two
(as :func:`vitrine.assets.texturing.textures.encode_texture` and the bundle's texture copy
need), at most ``side`` long, and never larger than the atlas itself.
"""
from __future__ import annotations

import math

from vitrine.assets.texturing.textures import _floor_pow2

__all__ = ["atlas_sizes", "total_texels"]


def total_texels(sizes: list[tuple[int, int]]) -> int:
    """Σ w × h over (w, h) pixel sizes."""
    return sum(int(w) * int(h) for w, h in sizes)


def atlas_sizes(sizes: list[tuple[int, int]], side: int | None) -> list[tuple[int, int]]:
    """The (w, h) px each atlas of original ``sizes`` (w, h) px gets at a level of longest
    texture side ``side`` px (None: the level keeps the atlases as they are).

    Atlases that already fit (total at most ``side²`` and each at most ``side`` long) keep
    their size; otherwise every atlas is scaled by the same factor, each side rounded down
    to a power of two, then atlases that lost most are doubled while the total stays within
    ``side²`` (rounding down alone could waste up to three quarters of the budget)."""
    sizes = [(int(w), int(h)) for w, h in sizes]
    if side is None or (total_texels(sizes) <= side * side and all(max(s) <= side for s in sizes)):
        return sizes
    budget = side * side
    scale = math.sqrt(budget / max(1, total_texels(sizes)))
    out = []
    for w, h in sizes:
        s = min(scale, side / max(w, h), 1.0)
        out.append((_floor_pow2(max(1, int(w * s))), _floor_pow2(max(1, int(h * s)))))
    while True:
        used = total_texels(out)
        # the atlas whose share lost most against its original size first
        order = sorted(range(len(out)), key=lambda k: out[k][0] * out[k][1] / (sizes[k][0] * sizes[k][1]))
        for k in order:
            w, h = out[k]
            if (2 * w <= sizes[k][0] and 2 * h <= sizes[k][1] and 2 * max(w, h) <= side
                    and used + 3 * w * h <= budget):
                out[k] = (2 * w, 2 * h)
                break
        else:
            return out
