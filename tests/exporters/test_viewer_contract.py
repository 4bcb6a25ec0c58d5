"""The viewer document contract: the schema, the exporter's check, and the shared data files."""
from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path

import pytest

from vitrine.exporters.errors import ExportError
from vitrine.exporters.document.viewer_contract import SCHEMA_FILE, VIEWER_DOCUMENT_VERSION, check_document, document_errors
from tests import bundle_contract

REPO = Path(__file__).resolve().parents[2]


def test_exported_bundle_matches_the_published_schema(bundle) -> None:
    out, _rep = bundle
    doc = bundle_contract.validate_bundle(out)
    assert doc["schema_version"] == VIEWER_DOCUMENT_VERSION
    assert out in bundle_contract.checked  # the session-wide check saw this export too


def test_every_export_in_the_session_is_checked(tiny_project, viewer_dir, tmp_path) -> None:
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    before = len(bundle_contract.checked)
    export_bundle(tiny_project, tmp_path / "kiosk", viewer_dir=viewer_dir, profile="kiosk")
    assert len(bundle_contract.checked) == before + 1


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["artifacts"][0]["models"][0].__setitem__("file", "../../etc/passwd"), "$.artifacts[0].models[0].file"),
    (lambda d: d["artifacts"][0]["models"][0].__setitem__("file", "https://evil.example/x.glb"), "$.artifacts[0].models[0].file"),
    (lambda d: d["annotations"][0]["image"].__setitem__("file", "/etc/passwd"), "$.annotations[0].image.file"),
    (lambda d: d["bundle"].__setitem__("profile", "open"), "$.bundle.profile"),
    (lambda d: d.__setitem__("schema_version", 99), "$.schema_version"),
    (lambda d: d["artifacts"][1].pop("models"), "$.artifacts[1]"),
    (lambda d: d["annotations"][0].__setitem__("onload", "alert(1)"), "$.annotations[0]"),
])
def test_a_document_off_the_schema_is_refused_naming_its_json_path(bundle, mutate, where) -> None:
    doc = json.loads((bundle[0] / "exhibit.json").read_text("utf-8"))
    bad = copy.deepcopy(doc)
    mutate(bad)
    with pytest.raises(ExportError) as err:
        check_document(bad)
    assert str(err.value).startswith(f"exhibit.json: the viewer document breaks its schema at {where}")
    assert "\n" not in str(err.value)
    assert document_errors(doc) == []


def test_export_stops_before_writing_a_document_off_the_schema(tiny_project, viewer_dir, tmp_path, monkeypatch) -> None:
    from vitrine.exporters.bundle import bundle_writer
    from vitrine.exporters.document import viewer_document
    real = viewer_document.build_viewer_document

    def broken(*args, **kwargs):
        doc = real(*args, **kwargs)
        doc["tours"][0]["steps"][0]["duration"] = "eight"
        return doc

    monkeypatch.setattr(bundle_writer, "build_viewer_document", broken)
    out = tmp_path / "never"
    with pytest.raises(ExportError, match=r"breaks its schema at \$\.tours\[0\]\.steps\[0\]\.duration"):
        bundle_writer.export_bundle(tiny_project, out, viewer_dir=viewer_dir)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".never.partial")]


def test_schema_levels_and_version_follow_the_shared_files() -> None:
    from vitrine.assets.levels.level_table import LEVEL_ORDER
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    assert tuple(sorted(schema["$defs"]["level"]["enum"], key=LEVEL_ORDER.index)) == LEVEL_ORDER
    assert set(schema["$defs"]["level"]["enum"]) == set(LEVEL_ORDER)
    check = (REPO / "exporters" / "viewer" / "src" / "document_check.js").read_text("utf-8")
    assert "viewer-document.schema.json" in check  # the viewer takes the version from the schema itself


def test_the_level_order_is_written_in_one_place_only() -> None:
    """levels.json is the one source: no other source file spells the order out."""
    spelled = re.compile(r"""['"]thumbnail['"],\s*['"]low['"],\s*['"]medium['"]""")
    sources = [p for ext in ("py", "js", "mjs") for p in REPO.glob(f"**/*.{ext}")
               if "node_modules" not in p.parts and "dist" not in p.parts and ".venv" not in p.parts
               and "tests" not in p.parts]
    offenders = [str(p.relative_to(REPO)) for p in sources if spelled.search(p.read_text("utf-8", errors="replace"))]
    assert offenders == []


def test_budgets_and_texture_sides_come_from_the_shared_file() -> None:
    from vitrine.assets.levels import level_of_detail, level_table
    from vitrine.exporters.bundle import glb_compression
    from vitrine.exporters.publication import policy
    data = json.loads((REPO / "assets" / "levels" / "levels.json").read_text("utf-8"))
    assert level_of_detail.LOD_BUDGETS is level_table.FACE_BUDGETS == data["face_budgets"]
    assert level_of_detail.POINT_BUDGETS is level_table.POINT_BUDGETS == data["point_budgets"]
    assert glb_compression.TEXTURE_SIDE is level_table.TEXTURE_SIDES == data["texture_sides"]
    assert policy.LEVELS == tuple(data["order"])


def test_annotation_without_viewpoint_gets_the_framing_rule(tmp_path, viewer_dir) -> None:
    """Rotated, moved and scaled artifact: the view is the pin, seen from FRAMING_DISTANCE along
    its world normal; an annotation with a viewpoint gets that viewpoint."""
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.exporters.document.visitor_rules import FRAMING_DISTANCE
    from vitrine.scenes.exhibit_model import Annotation, Transform
    from vitrine.scenes.storage.project_store import Project
    from tests.exporters.conftest import make_project
    project = make_project(tmp_path)
    ex = project.document.exhibit
    art = ex.artifacts[0]
    half = math.sqrt(0.5)
    art.transform = Transform(translation=(1.0, 0.5, -2.0), rotation=(0.0, half, 0.0, half), scale=(2.0, 2.0, 2.0))
    ex.annotations.append(Annotation(artifact_id=art.id, point=(0.0, 0.1, 0.05), normal=(0.0, 0.0, 1.0),
                                     title={"en": "Side"}))
    project.save()
    doc = bundle_contract.validate_bundle(export_bundle(Project.open(project.path), tmp_path / "b",
                                                        viewer_dir=viewer_dir).out_dir)
    side = next(a for a in doc["annotations"] if a["title"] == {"en": "Side"})
    # +90 deg about y maps local +z to world +x; the point (0, .1, .05) * 2 -> (.1, .2, 0) + translation
    assert side["view"]["target"] == pytest.approx([1.1, 0.7, -2.0])
    assert side["view"]["eye"] == pytest.approx([1.1 + FRAMING_DISTANCE, 0.7, -2.0])
    rim = doc["annotations"][0]
    vp = doc["viewpoints"][0]
    assert (rim["view"]["eye"], rim["view"]["target"]) == (vp["eye"], vp["target"])
