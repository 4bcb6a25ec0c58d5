"""The bundle manifest (every file's size and SHA-256), its Ed25519 signature, and verification.

``manifest.json`` lists every file of the bundle except ``manifest.json``,
``manifest.sig`` and ``data/manifest.js``, sorted by path; ``manifest.sig`` is the
base64 signature of the exact bytes of ``manifest.json``.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from vitrine.scenes.storage.exhibit_format import escape_lone_surrogates

from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.signing_keys import PublicKeyInfo, SigningKey, fingerprint_of

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PUBLIC_KEY_NAME = "publisher-key.json"
MANIFEST_SCRIPT = "data/manifest.js"
UNLISTED = frozenset({MANIFEST_NAME, SIGNATURE_NAME, MANIFEST_SCRIPT})
CHUNK = 1 << 20


def file_digest(path: Path) -> tuple[int, str]:
    """(size in bytes, SHA-256 hex) of a file."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def bundle_files(root: Path) -> list[str]:
    """Relative POSIX paths of every regular file under ``root`` (links are reported as files too)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            rel = (Path(dirpath) / name).relative_to(root).as_posix()
            out.append(rel)
    return sorted(out)


def build_manifest(root: Path, *, generator: str, created: str, institution: str) -> bytes:
    """The bytes of ``manifest.json`` for the files now under ``root``."""
    files = []
    for rel in bundle_files(root):
        if rel in UNLISTED:
            continue
        size, sha = file_digest(root / rel)
        files.append({"path": rel, "size": size, "sha256": sha})
    doc = {"format": "vitrine-manifest", "version": 1, "generator": generator, "created": created,
           "institution": institution, "files": files}
    return (escape_lone_surrogates(json.dumps(doc, ensure_ascii=False, indent=1)) + "\n").encode("utf-8")


def write_signed_manifest(root: Path, key: SigningKey, *, generator: str, created: str,
                          institution: str, rotations: list[dict] | None = None) -> str:
    """Write manifest.json, manifest.sig and data/manifest.js (publisher-key.json must exist); returns the signature (base64).

    ``rotations`` (the key's rotation statements, oldest first) are copied into data/manifest.js.
    """
    manifest = build_manifest(root, generator=generator, created=created, institution=institution)
    signature = base64.b64encode(key.sign(manifest)).decode("ascii")
    (root / MANIFEST_NAME).write_bytes(manifest)
    (root / SIGNATURE_NAME).write_text(signature + "\n", encoding="ascii")
    public = key.public
    script = {"manifest_json": manifest.decode("utf-8"), "signature": signature,
              "public_key": public.base64, "fingerprint": public.fingerprint, "rotations": list(rotations or [])}
    (root / "data").mkdir(exist_ok=True)
    (root / MANIFEST_SCRIPT).write_text(
        "window.VITRINE_MANIFEST = " + json.dumps(script, ensure_ascii=False) + ";\n", encoding="utf-8")
    return signature


@dataclass
class VerifyResult:
    """Outcome of checking a bundle: every list names bundle-relative paths."""

    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    signature_ok: bool = False
    signature_problem: str = ""
    fingerprint: str = ""
    institution: str = ""
    other_publisher: str = ""  # set when --key was given and the bundle was signed by another key
    files_checked: int = 0
    rotations: list = field(default_factory=list)  # publisher-key.json's rotation statements

    @property
    def ok(self) -> bool:
        return (self.signature_ok and not self.changed and not self.missing and not self.unlisted
                and not self.other_publisher)

    def lines(self) -> list[str]:
        """Human-readable findings, one per line (empty when all is well)."""
        out = [f"changed: {p}" for p in self.changed]
        out += [f"missing: {p}" for p in self.missing]
        out += [f"not listed in the manifest: {p}" for p in self.unlisted]
        if not self.signature_ok:
            out.append(f"signature: {self.signature_problem or 'invalid'}")
        if self.other_publisher:
            out.append(self.other_publisher)
        return out


def read_publisher_key(data: bytes, where: str) -> tuple[PublicKeyInfo, list]:
    """(key, rotation statements) from the bytes of publisher-key.json; ExportError naming ``where``."""
    try:
        obj = json.loads(data)
        raw = base64.b64decode(obj["public_key"], validate=True)
        rotations = obj.get("rotations", [])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ExportError(f"{where}: not a readable publisher key") from None
    if len(raw) != 32:
        raise ExportError(f"{where}: the public key is not 32 bytes")
    if "fingerprint" in obj and obj["fingerprint"] != fingerprint_of(raw):
        raise ExportError(f"{where}: its fingerprint is not the fingerprint of its key")
    return PublicKeyInfo(raw), rotations if isinstance(rotations, list) else []


def parse_manifest(manifest_bytes: bytes, result: VerifyResult) -> dict[str, tuple[int, str]]:
    """{path: (size, sha256 hex)} of a manifest's files; an unreadable manifest is reported in ``result``."""
    try:
        manifest = json.loads(manifest_bytes)
        listed = {str(e["path"]): (int(e["size"]), str(e["sha256"]).lower()) for e in manifest["files"]}
        result.institution = str(manifest.get("institution", ""))
        return listed
    except (ValueError, KeyError, TypeError, AttributeError):
        result.changed.append(MANIFEST_NAME)
        result.signature_problem = "manifest.json is not a readable manifest"
        return {}


def check_signature(manifest_bytes: bytes, sig_data: bytes | None, key_data: bytes | None,
                    result: VerifyResult) -> None:
    """Check manifest.sig (``sig_data``, None when missing) with publisher-key.json (``key_data``)."""
    if key_data is None:
        result.signature_problem = f"{PUBLIC_KEY_NAME}: missing, so the publisher cannot be checked"
        return
    try:
        public, result.rotations = read_publisher_key(key_data, PUBLIC_KEY_NAME)
    except ExportError as exc:
        result.signature_problem = str(exc)
        return
    result.fingerprint = public.fingerprint
    if sig_data is None:
        result.signature_problem = f"{SIGNATURE_NAME} is missing"
        return
    try:
        signature = base64.b64decode(sig_data.decode("ascii").strip(), validate=True)
    except (ValueError, UnicodeDecodeError):
        result.signature_problem = f"{SIGNATURE_NAME} is not a base64 signature"
        return
    if public.verify(signature, manifest_bytes):
        result.signature_ok = True
    elif not result.signature_problem:
        result.signature_problem = "manifest.sig does not match manifest.json and publisher-key.json"


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        return None


def verify_bundle(root: Path, expected: PublicKeyInfo | str | None = None) -> VerifyResult:
    """Check a bundle's files against its manifest and the manifest's signature (not whether the
    signer is trusted: see vitrine.exporters.trust.check).

    ``expected`` (a key or a ``SHA256:`` fingerprint) also reports a bundle signed by another key.
    A folder without manifest.json is reported as unsigned (missing manifest); ExportError only
    when ``root`` is not a folder.
    """
    root = Path(root)
    if not root.is_dir():
        raise ExportError(f"{root}: no such bundle folder")
    result = VerifyResult()
    manifest_bytes = _read_or_none(root / MANIFEST_NAME)
    if manifest_bytes is None:
        result.missing.append(MANIFEST_NAME)
        result.signature_problem = "manifest.json is missing, so nothing in this folder is signed"
        result.unlisted = sorted(p for p in bundle_files(root) if p not in UNLISTED)
        return result
    listed = parse_manifest(manifest_bytes, result)
    check_signature(manifest_bytes, _read_or_none(root / SIGNATURE_NAME), _read_or_none(root / PUBLIC_KEY_NAME), result)
    if expected is not None and result.fingerprint:
        want = expected if isinstance(expected, str) else expected.fingerprint
        if want.lower() != result.fingerprint.lower():
            result.other_publisher = (f"signed by another key: {result.fingerprint} "
                                      f"(expected {want})")
    # files
    present = set(bundle_files(root))
    for rel, (size, sha) in sorted(listed.items()):
        path = root / rel
        if rel not in present:
            result.missing.append(rel)
            continue
        got_size, got_sha = file_digest(path)
        result.files_checked += 1
        if got_size != size or got_sha != sha:
            result.changed.append(rel)
    result.unlisted = sorted(p for p in present if p not in listed and p not in UNLISTED)
    script = _read_or_none(root / MANIFEST_SCRIPT)
    if script is not None and manifest_script_differs(script, manifest_bytes, _read_or_none(root / SIGNATURE_NAME), result):
        result.changed.append(MANIFEST_SCRIPT)
    return result


def manifest_script_differs(script: bytes, manifest_bytes: bytes, sig_data: bytes | None, result: VerifyResult) -> bool:
    """True when data/manifest.js disagrees with manifest.json, manifest.sig or publisher-key.json."""
    text = script.decode("utf-8", "replace").strip()
    prefix = "window.VITRINE_MANIFEST = "
    if not text.startswith(prefix) or not text.endswith(";"):
        return True
    try:
        obj = json.loads(text[len(prefix):-1])
        if obj.get("manifest_json") != manifest_bytes.decode("utf-8"):
            return True
        raw = base64.b64decode(obj.get("public_key", ""), validate=True)
        sig = sig_data.decode("ascii").strip() if sig_data is not None else ""
        if obj.get("rotations", []) != result.rotations:
            return True
        return obj.get("signature") != sig or fingerprint_of(raw) != result.fingerprint
    except (ValueError, UnicodeDecodeError, AttributeError):
        return True
