"""The trust store (keys IT trusts as publishers, and revocations) and this machine's own keys.

Files in ``config_dir()`` (``$VITRINE_CONFIG_DIR`` when set):
- ``trusted-keys.json``: {"format": "vitrine-trust-store", "version": 1,
  "keys": [{"fingerprint", "name", "added"}], "revoked": [{"fingerprint", "name", "revoked_at"}]};
  public facts only, so it follows the umask. A revocation stays when the key is forgotten.
- ``signing-key.pem``: the current private key (0600); ``retired-keys/<hex>.pem``: keys replaced
  by ``rotate`` (0600, kept so that exports they signed can still be traced);
  ``key-rotations.json``: the rotation statements of this machine's key, oldest first.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from vitrine.scenes.storage.atomic_files import atomic_write

from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.signing_keys import PublicKeyInfo, SigningKey, _write_private, config_dir, key_path, load_key, read_public_key
from .rotation import check_chain, make_statement

STORE_NAME = "trusted-keys.json"
ROTATIONS_NAME = "key-rotations.json"
RETIRED_DIR = "retired-keys"
FINGERPRINT = re.compile(r"^SHA256:[0-9a-f]{64}$")


def normalise_fingerprint(text: str) -> str:
    """``SHA256:<64 lowercase hex>`` or ExportError naming ``text``."""
    t = text.strip()
    fp = "SHA256:" + t[7:].lower() if t.lower().startswith("sha256:") else t
    if not FINGERPRINT.match(fp):
        raise ExportError(f"{text}: not a key fingerprint (expected SHA256: and 64 hex digits)")
    return fp


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class TrustStore:
    """Trusted keys {fingerprint: name} and revocations {fingerprint: (name, revoked_at)}."""

    keys: dict[str, dict] = field(default_factory=dict)
    revoked: dict[str, dict] = field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> "TrustStore":
        path = path or config_dir() / STORE_NAME
        try:
            doc = json.loads(path.read_bytes())
            keys = {normalise_fingerprint(k["fingerprint"]): dict(k) for k in doc.get("keys", [])}
            revoked = {normalise_fingerprint(k["fingerprint"]): dict(k) for k in doc.get("revoked", [])}
        except FileNotFoundError:
            return cls(path=path)
        except (ValueError, KeyError, TypeError, AttributeError, ExportError):
            raise ExportError(f"{path}: not a readable trust store (fix or remove it)") from None
        return cls(keys, revoked, path)

    def save(self) -> None:
        assert self.path is not None
        doc = {"format": "vitrine-trust-store", "version": 1,
               "keys": [self.keys[k] for k in sorted(self.keys)],
               "revoked": [self.revoked[k] for k in sorted(self.revoked)]}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            atomic_write(self.path, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        except OSError as exc:
            raise ExportError(f"{self.path}: cannot write the trust store ({exc.strerror or exc})") from None

    def trust(self, fingerprint: str, name: str) -> None:
        self.keys[fingerprint] = {"fingerprint": fingerprint, "name": name, "added": _now()}

    def forget(self, fingerprint: str) -> bool:
        return self.keys.pop(fingerprint, None) is not None

    def revoke(self, fingerprint: str) -> None:
        name = self.keys.get(fingerprint, {}).get("name", "")
        self.revoked.setdefault(fingerprint, {"fingerprint": fingerprint, "name": name, "revoked_at": _now()})

    def name_of(self, fingerprint: str) -> str:
        return str(self.keys.get(fingerprint, {}).get("name", ""))


def source_key(source: str) -> tuple[str, str]:
    """(fingerprint, suggested name) of a ``keys trust`` SOURCE: a fingerprint, a publisher-key.json,
    a PEM/base64 public key, or a bundle folder (its publisher-key.json)."""
    path = Path(source)
    if path.is_dir():
        if not (path / "publisher-key.json").is_file():
            raise ExportError(f"{path}: no publisher-key.json (is this a Vitrine bundle?)")
        path = path / "publisher-key.json"
    key = read_public_key(str(path) if path.exists() else source)
    if isinstance(key, str):
        return normalise_fingerprint(key), ""
    return key.fingerprint, ""


# --- this machine's own keys -------------------------------------------------------------

def retired_key_path(fingerprint: str) -> Path:
    """Where a retired private key is kept (trust_contract.md)."""
    return config_dir() / RETIRED_DIR / (normalise_fingerprint(fingerprint)[7:] + ".pem")


def own_fingerprints() -> list[str]:
    """Fingerprints of this machine's current and retired signing keys (current first)."""
    out = []
    if key_path().is_file():
        try:
            out.append(load_key().public.fingerprint)
        except ExportError:
            pass
    folder = config_dir() / RETIRED_DIR
    if folder.is_dir():
        out += ["SHA256:" + p.stem for p in sorted(folder.glob("*.pem")) if FINGERPRINT.match("SHA256:" + p.stem)]
    return out


def find_signing_key(fingerprint: str) -> SigningKey:
    """The private key (current or retired) whose public half has ``fingerprint``; for tracing."""
    fp = normalise_fingerprint(fingerprint)
    if key_path().is_file():
        key = load_key()
        if key.public.fingerprint == fp:
            return key
    path = retired_key_path(fp)
    if path.is_file():
        return load_key(path)
    raise ExportError(f"{fp}: no such signing key on this machine (current or retired)")


def own_rotations(current: PublicKeyInfo | None = None) -> list[dict]:
    """The rotation statements leading to the current key, oldest first ([] if never rotated or
    when the saved chain does not end at the current key, e.g. after ``keys new --force``)."""
    path = config_dir() / ROTATIONS_NAME
    try:
        statements = json.loads(path.read_bytes())
    except FileNotFoundError:
        return []
    except ValueError:
        raise ExportError(f"{path}: not readable rotation statements") from None
    current = current or load_key().public
    if not statements or not check_chain(statements, current.fingerprint).valid:
        return []
    return statements


def rotate_own_key() -> tuple[SigningKey, SigningKey, dict]:
    """Replace the signing key: (old, new, statement). The old key moves to retired-keys/ (0600)
    before the new one replaces it, so that no key is ever lost if this is interrupted."""
    old = load_key()
    rotations = own_rotations(old.public)
    private = Ed25519PrivateKey.generate()
    new = SigningKey(private, key_path())
    statement = make_statement(old, new.public)
    old_pem = old.path.read_bytes() if old.path else b""
    retired = retired_key_path(old.public.fingerprint)
    retired.parent.mkdir(parents=True, exist_ok=True)
    try:
        retired.parent.chmod(0o700)
        atomic_write(retired, old_pem, mode=0o600)
        atomic_write(config_dir() / ROTATIONS_NAME,
                     (json.dumps(rotations + [statement], indent=1) + "\n").encode("ascii"))
        _write_private(key_path(), private)
    except OSError as exc:
        raise ExportError(f"{config_dir()}: cannot rotate the signing key ({exc.strerror or exc})") from None
    return old, new, statement


def export_public() -> dict:
    """What the museum publishes: publisher-key.json of the current key, with its rotations."""
    key = load_key()
    return {**key.public.to_json(), "rotations": own_rotations(key.public)}


