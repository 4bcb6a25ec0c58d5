"""The exported bundle's layout, viewer document, manifest, signature and credits page."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from vitrine.exporters.trust.manifest import UNLISTED


def test_layout_has_contract_files_and_readable_model_names(bundle):
    out, rep = bundle
    for name in ("index.html", "viewer.js", "viewer.css", "exhibit.json", "data/exhibit.js", "manifest.json",
                 "manifest.sig", "publisher-key.json", "data/manifest.js", "credits.html"):
        assert (out / name).is_file(), name
    models = sorted(p.relative_to(out).as_posix() for p in (out / "models").rglob("*"))
    assert "models/painted-vase/low.glb" in models
    assert "models/painted-vase/low.glb.js" in models
    assert "models/globe/medium.glb" in models
    assert "models/bunny-points/low.glb" in models
    assert not list(out.parent.glob(".*partial*")), "no temporary folder left behind"


def test_exhibit_json_is_the_visitor_document(bundle, tiny_project):
    out, rep = bundle
    doc = json.loads((out / "exhibit.json").read_text("utf-8"))
    ex = tiny_project.document.exhibit
    assert doc["languages"] == ["en", "zh-Hans"]
    assert doc["title"]["zh-Hans"] == "小展"
    assert doc["bundle"]["profile"] == "web"
    assert doc["bundle"]["idle_timeout"] == 120 and doc["bundle"]["attract"] == "rotate"
    assert doc["bundle"]["publisher"] == {"institution": "Museum & Co", "fingerprint": rep.fingerprint}
    assert doc["bundle"]["generator"].startswith("Vitrine ")
    vase = next(a for a in doc["artifacts"] if a["name"] == "Painted Vase")
    assert [m["level"] for m in vase["models"]] == ["thumbnail", "low", "original"]  # coarse to fine
    for m in vase["models"]:
        data = (out / m["file"]).read_bytes()
        assert m["bytes"] == len(data) and m["sha256"] == hashlib.sha256(data).hexdigest()
        assert m["faces"] == 12 and m["points"] == 0
    points = next(a for a in doc["artifacts"] if a["name"] == "Bunny points")
    assert points["kind"] == "points" and points["models"][0]["points"] == 500
    assert vase["record"]["identifier"] == "INV.0" and vase["rights"]["model"]["statement_uri"]
    assert len(vase["dimensions"]) == 3
    ann = doc["annotations"][0]
    assert ann["title"] == {"en": "Rim", "zh-Hans": "口沿"}
    assert ann["image"]["file"].startswith("media/") and (out / ann["image"]["file"]).is_file()
    audio = ann["audio"]["en"]
    assert (out / audio["file"]).is_file() and (out / audio["captions"]).read_bytes().startswith(b"WEBVTT")
    # embedded for file://, where the viewer cannot load media/*.vtt into a <track>
    assert audio["captions_text"] == (out / audio["captions"]).read_text("utf-8")
    assert doc["tours"][0]["steps"][0]["audio"]["en"]["captions_text"].startswith("WEBVTT")
    step = doc["tours"][0]["steps"][0]
    assert step["annotation_id"] == ann["id"] and (out / step["audio"]["en"]["file"]).is_file()
    assert doc["start_viewpoint_id"] == ex.start_viewpoint_id
    text = (out / "exhibit.json").read_text("utf-8")
    assert "assets/" not in text and "processing" not in text and "input_sha256" not in text


def test_exhibit_script_is_exactly_the_json(bundle):
    out, _ = bundle
    text = (out / "exhibit.json").read_text("utf-8")
    script = (out / "data/exhibit.js").read_text("utf-8")
    prefix = "window.VITRINE_EXHIBIT_JSON = "
    assert script.startswith(prefix)
    # the script carries exhibit.json's exact text, so the viewer can hash it from file://
    assert json.loads(script[len(prefix):script.index(";\n")]) == text


def test_model_script_carries_the_glb_bytes(bundle):
    out, _ = bundle
    script = (out / "models/painted-vase/low.glb.js").read_text()
    m = re.fullmatch(r'\(window\.VITRINE_MODEL_DATA = window\.VITRINE_MODEL_DATA \|\| \{\}\)'
                     r'\["models/painted-vase/low\.glb"\] = "([A-Za-z0-9+/=]+)";\n', script)
    assert m and base64.b64decode(m.group(1)) == (out / "models/painted-vase/low.glb").read_bytes()


def test_manifest_lists_every_file_with_hash_and_size(bundle):
    out, rep = bundle
    manifest = json.loads((out / "manifest.json").read_bytes())
    assert manifest["format"] == "vitrine-manifest" and manifest["version"] == 1
    assert manifest["institution"] == "Museum & Co" and manifest["generator"].startswith("Vitrine ")
    paths = [f["path"] for f in manifest["files"]]
    assert paths == sorted(paths)
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert sorted(set(on_disk) - UNLISTED) == paths
    for f in manifest["files"]:
        data = (out / f["path"]).read_bytes()
        assert f["size"] == len(data) and f["sha256"] == hashlib.sha256(data).hexdigest()


def test_signature_verifies_with_published_key(bundle):
    out, rep = bundle
    key = json.loads((out / "publisher-key.json").read_text())
    raw = base64.b64decode(key["public_key"])
    assert key["algorithm"] == "Ed25519" and len(raw) == 32
    assert key["fingerprint"] == "SHA256:" + hashlib.sha256(raw).hexdigest() == rep.fingerprint
    sig = base64.b64decode((out / "manifest.sig").read_text().strip())
    Ed25519PublicKey.from_public_bytes(raw).verify(sig, (out / "manifest.json").read_bytes())
    script = (out / "data/manifest.js").read_text("utf-8")
    assert script.startswith("window.VITRINE_MANIFEST = ") and script.endswith(";\n")
    obj = json.loads(script[len("window.VITRINE_MANIFEST = "):-2])
    assert obj["manifest_json"] == (out / "manifest.json").read_text("utf-8")
    assert obj["signature"] == (out / "manifest.sig").read_text().strip()
    assert obj["public_key"] == key["public_key"] and obj["fingerprint"] == key["fingerprint"]


def test_private_key_never_exported(bundle):
    out, rep = bundle
    pem = Path(rep.key_path).read_bytes()
    assert oct(Path(rep.key_path).stat().st_mode & 0o777) == "0o600"
    for p in out.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            assert b"PRIVATE KEY" not in data and pem not in data


def test_credits_page_escapes_curator_text(bundle):
    out, rep = bundle
    page = (out / "credits.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "Curated by &lt;i&gt;A. Curator&lt;/i&gt;" in page
    assert "Lab &lt;b&gt;team&lt;/b&gt;" in page and "decimate" in page
    assert rep.fingerprint in page
    assert "Museum &amp; Co" in page and "INV.2" in page
    assert "creativecommons.org/licenses/by/4.0" in page
    index = (out / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)" in index and "<script>alert" not in index
    assert "{{" not in index
