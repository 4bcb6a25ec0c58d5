"""The publication register: ``publications.jsonl`` in the project folder.

One JSON object per line, one line per export, appended (never rewritten) and fsynced:

``{"format": "vitrine-publication", "version": 1, "export_id": "<32 hex>", "recipient": "...",
"profile": "web", "exported_at": "2026-12-04T15:00:00Z", "manifest_sha256": "<hex>",
"artifacts": [{"artifact_id", "name", "levels": [{"level", "asset_sha256", "faces", "points",
"bundle_file", "bundle_sha256"}]}], "key_fingerprint": "SHA256:<hex>", "public_key": "<b64>",
"prev_hash": "<hex of the previous line's hash, 64 zeros for the first>", "hash": "<hex>",
"signature": "<b64>"}``

``hash`` is SHA-256 of the entry's canonical bytes (the entry without ``hash`` and ``signature``,
JSON with sorted keys, separators (",", ":"), ASCII only, as in the trust contract), and
``signature`` the Ed25519 signature of those same bytes by the museum's signing key.
Editing, removing, inserting or reordering entries breaks a hash or the chain; re-signing with
another key is refused because the key must be this museum's (current or retired).
Removing the LAST entries is the one change the chain itself cannot show (see README).
"""
from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.signing_keys import PublicKeyInfo, SigningKey, fingerprint_of

REGISTER_NAME = "publications.jsonl"
FORMAT = "vitrine-publication"
GENESIS = "0" * 64
REQUIRED = ("format", "version", "export_id", "recipient", "profile", "exported_at", "manifest_sha256",
            "artifacts", "key_fingerprint", "public_key", "prev_hash", "hash", "signature")


def canonical_bytes(entry: dict[str, Any]) -> bytes:
    """The signed bytes: the entry without ``hash`` and ``signature``, canonical JSON."""
    body = {k: v for k, v in entry.items() if k not in ("hash", "signature")}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(entry)).hexdigest()


def register_path(project_dir: Path) -> Path:
    return Path(project_dir) / REGISTER_NAME


def _last_hash(data: bytes, path: Path) -> str:
    """The hash of the last entry in the register bytes (GENESIS when empty)."""
    if not data.strip():
        return GENESIS
    if not data.endswith(b"\n"):
        raise ExportError(f"{path}: the last entry is incomplete (cut off); run 'vitrine publications "
                          f"{path.parent} --verify' and keep a copy of the file before exporting again")
    last = data.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    try:
        value = json.loads(last)["hash"]
    except (ValueError, KeyError, TypeError):
        raise ExportError(f"{path}: the last entry is not readable; run 'vitrine publications --verify'") from None
    if not isinstance(value, str) or len(value) != 64:
        raise ExportError(f"{path}: the last entry has no valid hash; run 'vitrine publications --verify'")
    return value


def check_appendable(project_dir: Path) -> None:
    """Raise ExportError now (before an export's work) if the register cannot take an entry."""
    path = register_path(project_dir)
    if path.exists():
        try:
            _last_hash(path.read_bytes(), path)
        except OSError as exc:
            raise ExportError(f"{path}: cannot read the publication register ({exc.strerror or exc})") from None


def append_entry(project_dir: Path, key: SigningKey, fields: dict[str, Any]) -> dict[str, Any]:
    """Append one signed, chained entry made of ``fields`` (export_id, recipient, profile,
    exported_at, manifest_sha256, artifacts); returns the written entry. The file is locked
    while the previous hash is read and the line written, then fsynced."""
    path = register_path(project_dir)
    public = key.public
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError as exc:
        raise ExportError(f"{path}: cannot open the publication register ({exc.strerror or exc})") from None
    with os.fdopen(fd, "a+b") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        f.seek(0)
        prev = _last_hash(f.read(), path)
        entry = {"format": FORMAT, "version": 1, **fields, "key_fingerprint": public.fingerprint,
                 "public_key": public.base64, "prev_hash": prev}
        body = canonical_bytes(entry)
        entry["hash"] = hashlib.sha256(body).hexdigest()
        entry["signature"] = base64.b64encode(key.sign(body)).decode("ascii")
        f.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
        f.flush()
        os.fsync(f.fileno())
    return entry


@dataclass
class RegisterReport:
    """The register's entries (those readable) and the first problem found (None when sound)."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    problem: Optional[str] = None  # 'line N: why'
    bad_line: Optional[int] = None


def read_entries(project_dir: Path) -> list[dict[str, Any]]:
    """Every readable entry, in order (no checking; see :func:`verify_register`)."""
    path = register_path(project_dir)
    if not path.exists():
        return []
    out = []
    for line in path.read_bytes().splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict):
            out.append(obj)
    return out


def _problem(n: int, entry: Any, prev: str, trusted: Optional[set[str]]) -> Optional[str]:
    if not isinstance(entry, dict):
        return "not a register entry"
    missing = [k for k in REQUIRED if k not in entry]
    if missing:
        return f"missing field '{missing[0]}'"
    if entry["format"] != FORMAT or entry["version"] != 1:
        return "not a version-1 vitrine-publication entry"
    if entry_hash(entry) != entry["hash"]:
        return "changed after it was written (its hash does not match its content)"
    try:
        raw = base64.b64decode(entry["public_key"], validate=True)
        signature = base64.b64decode(entry["signature"], validate=True)
    except (ValueError, TypeError):
        return "the public key or signature is not base64"
    if len(raw) != 32 or fingerprint_of(raw) != entry["key_fingerprint"]:
        return "the public key does not match its fingerprint"
    if not PublicKeyInfo(raw).verify(signature, canonical_bytes(entry)):
        return "the signature does not verify"
    if trusted is not None and entry["key_fingerprint"] not in trusted:
        return f"signed by {entry['key_fingerprint']}, which is not this museum's signing key"
    if entry["prev_hash"] != prev:
        if n == 1:
            return "does not start the register (entries before it were removed)"
        return (f"does not follow line {n - 1} (an entry was removed, inserted or reordered: "
                f"its previous hash is not line {n - 1}'s hash)")
    return None


def verify_register(project_dir: Path, trusted: Optional[Iterable[str]] = None) -> RegisterReport:
    """Check every line: complete JSON, fields, hash, signature, signer in ``trusted``
    fingerprints (None: any key), and the chain. Stops at the first bad line."""
    path = register_path(project_dir)
    rep = RegisterReport()
    if not path.exists():
        return rep
    data = path.read_bytes()
    trusted_set = set(trusted) if trusted is not None else None
    lines = data.split(b"\n")
    complete = lines[:-1]  # the text after the last newline is an unfinished line
    if lines[-1]:
        complete.append(lines[-1])
    prev = GENESIS
    for n, line in enumerate(complete, 1):
        if n == len(complete) and not data.endswith(b"\n"):
            rep.problem, rep.bad_line = f"line {n}: incomplete (the file was cut off)", n
            return rep
        try:
            entry = json.loads(line)
        except ValueError:
            rep.problem, rep.bad_line = f"line {n}: not a complete JSON entry (cut off or edited)", n
            return rep
        why = _problem(n, entry, prev, trusted_set)
        if why:
            rep.problem, rep.bad_line = f"line {n}: {why}", n
            return rep
        rep.entries.append(entry)
        prev = entry["hash"]
    return rep
