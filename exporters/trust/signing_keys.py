"""The museum's Ed25519 signing key, kept outside any project in the user's configuration folder.

Location: ``$VITRINE_CONFIG_DIR/signing-key.pem`` when set, otherwise
``$XDG_CONFIG_HOME/vitrine/signing-key.pem`` or ``~/.config/vitrine/signing-key.pem``.
The private key file has mode 0600 and is never copied into a bundle; only the
raw 32-byte public key (base64) and its fingerprint ``SHA256:<hex>`` are published.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from vitrine.scenes.storage.atomic_files import atomic_write

from vitrine.exporters.errors import ExportError

KEY_FILE_NAME = "signing-key.pem"


def config_dir() -> Path:
    """The folder holding Vitrine's per-user configuration (not created here)."""
    explicit = os.environ.get("VITRINE_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "vitrine"


def key_path() -> Path:
    """Where the signing key is (or would be) kept."""
    return config_dir() / KEY_FILE_NAME


def fingerprint_of(raw_public: bytes) -> str:
    """``SHA256:<hex>`` of the raw 32-byte public key."""
    return "SHA256:" + hashlib.sha256(raw_public).hexdigest()


@dataclass(frozen=True)
class PublicKeyInfo:
    """A publisher's public key: raw 32 bytes, their base64 and the fingerprint."""

    raw: bytes

    @property
    def base64(self) -> str:
        return base64.b64encode(self.raw).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.raw)

    def to_json(self) -> dict:
        """The ``publisher-key.json`` object."""
        return {"algorithm": "Ed25519", "public_key": self.base64, "fingerprint": self.fingerprint}

    def verify(self, signature: bytes, data: bytes) -> bool:
        """True when ``signature`` is this key's Ed25519 signature of ``data``."""
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
            return True
        except (InvalidSignature, ValueError):
            return False


class SigningKey:
    """A loaded private key; signs bytes and describes its public half."""

    def __init__(self, private: Ed25519PrivateKey, path: Path | None = None) -> None:
        self._private = private
        self.path = path

    @property
    def public(self) -> PublicKeyInfo:
        raw = self._private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return PublicKeyInfo(raw)

    def sign(self, data: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``data``."""
        return self._private.sign(data)

    def raw_private(self) -> bytes:
        """The raw 32-byte private key (only for deriving the museum's mark secret)."""
        return self._private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                           serialization.NoEncryption())


def _write_private(path: Path, private: Ed25519PrivateKey) -> None:
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path.parent, 0o700)
    except OSError:
        pass
    atomic_write(path, pem, mode=0o600)  # never readable by others, not even briefly


def new_key(*, force: bool = False, path: Path | None = None) -> SigningKey:
    """Create a signing key; refuses to replace an existing one unless ``force``."""
    path = path or key_path()
    if path.exists() and not force:
        raise ExportError(f"{path}: a signing key already exists (use --force to replace it; "
                          "bundles signed with the old key will then show another publisher)")
    private = Ed25519PrivateKey.generate()
    try:
        _write_private(path, private)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the signing key ({exc.strerror or exc})") from None
    return SigningKey(private, path)


def load_key(path: Path | None = None) -> SigningKey:
    """Load the signing key; ExportError when it is missing or unreadable."""
    path = path or key_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExportError(f"{path}: no signing key (create one with 'vitrine keys new')") from None
    except OSError as exc:
        raise ExportError(f"{path}: cannot read the signing key ({exc.strerror or exc})") from None
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise ExportError(f"{path}: not a readable Ed25519 private key ({exc})") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise ExportError(f"{path}: the key is not an Ed25519 key")
    return SigningKey(private, path)


def load_or_create_key() -> tuple[SigningKey, bool]:
    """The signing key and whether it was just created (the first export makes one)."""
    path = key_path()
    if path.exists():
        return load_key(path), False
    return new_key(path=path), True


def read_public_key(spec: str) -> PublicKeyInfo | str:
    """A ``--key`` argument: a publisher-key.json file, a PEM public key, raw base64, or a fingerprint.

    Returns a :class:`PublicKeyInfo`, or the fingerprint text (``SHA256:<hex>``) when only that was given.
    """
    text = spec.strip()
    if text.lower().startswith("sha256:"):
        return "SHA256:" + text[7:].lower()
    path = Path(spec)
    if path.is_file():
        data = path.read_bytes()
        try:
            obj = json.loads(data)
            if isinstance(obj, dict) and isinstance(obj.get("public_key"), str):
                return PublicKeyInfo(_raw_from_b64(obj["public_key"], spec))
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
        try:
            pub = serialization.load_pem_public_key(data)
            if isinstance(pub, Ed25519PublicKey):
                return PublicKeyInfo(pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
        except ValueError:
            pass
        try:
            priv = serialization.load_pem_private_key(data, password=None)
            if isinstance(priv, Ed25519PrivateKey):
                return SigningKey(priv).public
        except (ValueError, TypeError):
            pass
        return PublicKeyInfo(_raw_from_b64(data.decode("ascii", "replace").strip(), spec))
    return PublicKeyInfo(_raw_from_b64(text, spec))


def _raw_from_b64(text: str, spec: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ExportError(f"{spec}: not a publisher key (give publisher-key.json, a PEM public key, "
                          "base64 of the 32-byte key, or a SHA256: fingerprint)")
    return raw
