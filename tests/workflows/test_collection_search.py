"""Search words, size bounds and the problems filter over catalogue entries."""
from __future__ import annotations

from vitrine.app.workflows.collection_search import matches, parse_query

VASE = {"name": "painted-vase.ply", "format": "PLY", "file_size": 3 << 20, "status": "prepared",
        "summary": {"problems": ["12 holes in the surface"]}}
BUST = {"name": "bust.obj", "format": "OBJ", "file_size": 200 << 10, "status": "prepared", "summary": {"problems": []}}
BROKEN = {"name": "broken.stl", "format": "stl", "file_size": 10, "status": "failed", "error": "broken.stl: the file is empty"}


def _hits(text: str) -> list[str]:
    q = parse_query(text)
    return [e["name"] for e in (VASE, BUST, BROKEN) if matches(e, q)]


def test_words_match_name_format_and_problems():
    assert _hits("vase") == ["painted-vase.ply"]
    assert _hits("obj") == ["bust.obj"]
    assert _hits("holes") == ["painted-vase.ply"]
    assert _hits("empty") == ["broken.stl"]
    assert _hits("") == ["painted-vase.ply", "bust.obj", "broken.stl"]
    assert _hits("vase obj") == []


def test_size_bounds_and_problems_filter():
    assert _hits(">1MB") == ["painted-vase.ply"]
    assert _hits("<300kb") == ["bust.obj", "broken.stl"]
    assert _hits(">100kb <1mb") == ["bust.obj"]
    assert _hits("problems") == ["painted-vase.ply", "broken.stl"]
    assert _hits("有问题 ply") == ["painted-vase.ply"]
