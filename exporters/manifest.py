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

from scenes.exhibit_format import escape_lone_surrogates

from .errors import ExportError
from .signing_keys import PublicKeyInfo, SigningKey, fingerprint_of

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
                          institution: str) -> str:
    """Write manifest.json, manifest.sig and data/manifest.js (publisher-key.json must exist); returns the signature (base64)."""
    manifest = build_manifest(root, generator=generator, created=created, institution=institution)
    signature = base64.b64encode(key.sign(manifest)).decode("ascii")
    (root / MANIFEST_NAME).write_bytes(manifest)
    (root / SIGNATURE_NAME).write_text(signature + "\n", encoding="ascii")
    public = key.public
    script = {"manifest_json": manifest.decode("utf-8"), "signature": signature,
              "public_key": public.base64, "fingerprint": public.fingerprint}
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


def _read_public(root: Path) -> PublicKeyInfo:
    try:
        obj = json.loads((root / PUBLIC_KEY_NAME).read_bytes())
        raw = base64.b64decode(obj["public_key"], validate=True)
    except FileNotFoundError:
        raise ExportError(f"{root / PUBLIC_KEY_NAME}: missing, so the publisher cannot be checked") from None
    except (ValueError, KeyError, TypeError):
        raise ExportError(f"{root / PUBLIC_KEY_NAME}: not a readable publisher key") from None
    if len(raw) != 32:
        raise ExportError(f"{root / PUBLIC_KEY_NAME}: the public key is not 32 bytes")
    return PublicKeyInfo(raw)


def verify_bundle(root: Path, expected: PublicKeyInfo | str | None = None) -> VerifyResult:
    """Check a bundle's files against its manifest and the manifest's signature.

    ``expected`` (a key or a ``SHA256:`` fingerprint) also reports a bundle signed by another key.
    Raises ExportError only when ``root`` is not a bundle at all (no manifest).
    """
    root = Path(root)
    if not root.is_dir():
        raise ExportError(f"{root}: no such bundle folder")
    try:
        manifest_bytes = (root / MANIFEST_NAME).read_bytes()
    except FileNotFoundError:
        raise ExportError(f"{root}: no {MANIFEST_NAME} (is this a Vitrine bundle?)") from None
    result = VerifyResult()
    try:
        manifest = json.loads(manifest_bytes)
        entries = manifest["files"]
        listed = {str(e["path"]): (int(e["size"]), str(e["sha256"]).lower()) for e in entries}
        result.institution = str(manifest.get("institution", ""))
    except (ValueError, KeyError, TypeError):
        result.changed.append(MANIFEST_NAME)
        result.signature_problem = "manifest.json is not a readable manifest"
        listed = {}
    # signature
    try:
        public = _read_public(root)
        result.fingerprint = public.fingerprint
        sig_text = (root / SIGNATURE_NAME).read_text("ascii").strip()
        signature = base64.b64decode(sig_text, validate=True)
        if public.verify(signature, manifest_bytes):
            result.signature_ok = True
        else:
            result.signature_problem = "manifest.sig does not match manifest.json and publisher-key.json"
    except FileNotFoundError:
        result.signature_problem = f"{SIGNATURE_NAME} is missing"
    except (ValueError, UnicodeDecodeError):
        result.signature_problem = f"{SIGNATURE_NAME} is not a base64 signature"
    except ExportError as exc:
        result.signature_problem = str(exc)
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
    script_problem = _check_manifest_script(root, manifest_bytes, result)
    if script_problem:
        result.changed.append(MANIFEST_SCRIPT)
    return result


def _check_manifest_script(root: Path, manifest_bytes: bytes, result: VerifyResult) -> bool:
    """True when data/manifest.js exists but disagrees with manifest.json / the signature."""
    path = root / MANIFEST_SCRIPT
    if not path.is_file():
        return False
    text = path.read_text("utf-8", "replace").strip()
    prefix = "window.VITRINE_MANIFEST = "
    if not text.startswith(prefix) or not text.endswith(";"):
        return True
    try:
        obj = json.loads(text[len(prefix):-1])
        if obj.get("manifest_json") != manifest_bytes.decode("utf-8"):
            return True
        raw = base64.b64decode(obj.get("public_key", ""), validate=True)
        sig = (root / SIGNATURE_NAME).read_text("ascii").strip() if (root / SIGNATURE_NAME).is_file() else ""
        return obj.get("signature") != sig or fingerprint_of(raw) != result.fingerprint
    except (ValueError, UnicodeDecodeError, AttributeError):
        return True
