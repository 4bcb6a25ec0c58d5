"""Publication policy: the finest level of detail a bundle may publish of each artifact,
and whether the viewer offers a download of it for reuse.

Defaults follow the 3D model's rights statement (``Artifact.rights.model.statement_uri``):

==============================================  ===========  ==============
statement                                       finest level download offer
==============================================  ===========  ==============
CC0, Public Domain Mark, rightsstatements NoC-*  original     yes
CC BY, CC BY-SA                                 original     yes
CC BY-NC, CC BY-NC-SA                           high         yes (non-commercial reuse is allowed)
any NoDerivs licence (BY-ND, BY-NC-ND)          high         no
In Copyright (InC*), CNE, UND, NKC, unknown     high         no
==============================================  ===========  ==============

Why: a model whose licence already lets anyone reuse and adapt it commercially gains nothing
from being withheld at full resolution; everything else is published at most at the 'high'
budget (<= 500,000 faces, <= 2,000,000 points, textures <= 4096 px). The curator may raise or
lower the level per artifact (``Artifact.publication.max_level``) and ``vitrine export
--max-level`` lowers it for one export. The stored original scan file is never published:
every bundle model is re-encoded from a stored level (and carries the recipient's mark).
A level is publishable under a cap when it is no finer than the cap, or when its faces,
points and texture fit the cap's budget (a small scan's 'original' fits 'high').
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from vitrine.assets.levels.level_table import FACE_BUDGETS as LOD_BUDGETS, LEVEL_ORDER, POINT_BUDGETS
from vitrine.scenes.exhibit_model import Artifact, AssetLevel

from vitrine.exporters.bundle.glb_compression import TEXTURE_SIDE

LEVELS = LEVEL_ORDER  # coarse to fine, from assets/levels/levels.json
DEFAULT_MAX_LEVEL = "high"

_OPEN = ("creativecommons.org/publicdomain/zero/", "creativecommons.org/publicdomain/mark/",
         "creativecommons.org/licenses/by/", "creativecommons.org/licenses/by-sa/",
         "rightsstatements.org/vocab/noc-")
_NONCOMMERCIAL = ("creativecommons.org/licenses/by-nc/", "creativecommons.org/licenses/by-nc-sa/")


def _normal(uri: str) -> str:
    uri = uri.strip().lower()
    for prefix in ("https://", "http://"):
        if uri.startswith(prefix):
            uri = uri[len(prefix):]
    return uri[4:] if uri.startswith("www.") else uri


def rights_class(statement_uri: str) -> str:
    """'open' (free reuse and adaptation), 'noncommercial' (reuse allowed, not commercially)
    or 'restricted' (in copyright, no derivatives, not evaluated, unknown or empty)."""
    uri = _normal(statement_uri)
    if any(uri.startswith(p) for p in _NONCOMMERCIAL):
        return "noncommercial"
    if uri.startswith("rightsstatements.org/vocab/noc-"):
        return "open"  # no copyright (NoC-NC, NoC-US, NoC-CR, NoC-OKLR): no rights to withhold
    if any(uri.startswith(p) for p in _OPEN):
        return "open"
    return "restricted"


def default_max_level(statement_uri: str) -> str:
    """The finest level the rights statement lets a bundle publish by default."""
    return "original" if rights_class(statement_uri) == "open" else DEFAULT_MAX_LEVEL


def rights_allow_reuse(statement_uri: str) -> bool:
    """True when the statement lets visitors copy and reuse the model (download offer)."""
    return rights_class(statement_uri) in ("open", "noncommercial")


@dataclass(frozen=True)
class ArtifactPolicy:
    """What one export may publish of one artifact, and why (``source``)."""

    max_level: str
    allow_download: bool
    source: str  # 'rights', 'curator' or 'export' (the --max-level cap)


def finer(a: str, b: str) -> bool:
    """True when level ``a`` is finer than level ``b``."""
    return LEVELS.index(a) > LEVELS.index(b)


def artifact_policy(artifact: Artifact, export_cap: Optional[str] = None) -> ArtifactPolicy:
    """The artifact's policy: the curator's level (else the rights default), lowered to
    ``export_cap`` when given; an export cap never raises it."""
    uri = artifact.rights.model.statement_uri
    pub = artifact.publication
    level, source = (pub.max_level, "curator") if pub.max_level in LEVELS else (default_max_level(uri), "rights")
    if export_cap is not None:
        if export_cap not in LEVELS:
            raise ValueError(f"unknown level {export_cap!r} (use {', '.join(reversed(LEVELS))})")
        if finer(level, export_cap):
            level, source = export_cap, "export"
    return ArtifactPolicy(level, rights_allow_reuse(uri) and pub.allow_download is not False, source)


def fits(level: AssetLevel, cap: str) -> bool:
    """True when a stored level may be published under ``cap`` (see the module docstring)."""
    if level.level not in LEVELS:
        return False
    if not finer(level.level, cap):
        return True
    if cap == "original":
        return True
    texture_ok = level.texture_size is None or level.texture_size <= (TEXTURE_SIDE[cap] or 0)
    return level.faces <= LOD_BUDGETS[cap] and level.points <= POINT_BUDGETS[cap] and texture_ok


def publishable_levels(levels: list[AssetLevel], cap: str) -> list[AssetLevel]:
    """The stored levels allowed under ``cap`` (possibly none: the caller refuses the export)."""
    return [lv for lv in levels if fits(lv, cap)]


def texture_limit(level: AssetLevel, cap: str) -> Optional[int]:
    """Largest texture side (px) to publish a level with: its own level's and the cap's, the smaller."""
    sides = [s for s in (TEXTURE_SIDE.get(level.level), TEXTURE_SIDE.get(cap)) if s]
    return min(sides) if sides else None
