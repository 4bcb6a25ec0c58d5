"""The museum's mark secret: HKDF-SHA256 over the raw Ed25519 private signing key.

The recipient mark is keyed by this secret, so only the museum (holder of the signing key)
can embed or read a mark, and a bundle, which carries only the public key, reveals nothing.
A rotated key stays usable for tracing old exports: retired private keys are kept at
``config_dir()/retired-keys/<64 hex of the fingerprint>.pem`` (trust contract).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.signing_keys import SigningKey, config_dir, key_path, load_key

RETIRED_DIR_NAME = "retired-keys"
_SALT = b"vitrine recipient mark"
_INFO = b"vitrine-mark-secret-v1"


def derive_secret(key: SigningKey) -> bytes:
    """32 bytes derived from the raw private key; stable for a key, unrelated across keys."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=_INFO).derive(key.raw_private())


def retired_key_path(fingerprint: str) -> Path:
    """Where a retired private key with this ``SHA256:<hex>`` fingerprint is kept."""
    return config_dir() / RETIRED_DIR_NAME / f"{fingerprint.removeprefix('SHA256:').lower()}.pem"


def signing_key_for(fingerprint: Optional[str] = None) -> SigningKey:
    """The current signing key (``fingerprint`` None or its own), else the retired key with that
    fingerprint; ExportError naming the fingerprint when this computer has neither."""
    current_path = key_path()
    if fingerprint is None:
        return load_key(current_path)
    if current_path.is_file():
        current = load_key(current_path)
        if current.public.fingerprint == fingerprint:
            return current
    retired = retired_key_path(fingerprint)
    if retired.is_file():
        key = load_key(retired)
        if key.public.fingerprint == fingerprint:
            return key
        raise ExportError(f"{retired}: holds another key than {fingerprint}")
    raise ExportError(f"{fingerprint}: neither the current signing key nor a retired key in "
                      f"{retired.parent} (tracing needs the key that signed the export)")


def museum_secret(fingerprint: Optional[str] = None) -> bytes:
    """The mark secret of the key with ``fingerprint`` (default: the current signing key)."""
    return derive_secret(signing_key_for(fingerprint))


def known_fingerprints() -> set[str]:
    """Fingerprints of this museum's keys on this computer: the current and every retired one."""
    out: set[str] = set()
    if key_path().is_file():
        out.add(load_key(key_path()).public.fingerprint)
    folder = config_dir() / RETIRED_DIR_NAME
    if folder.is_dir():
        for path in sorted(folder.glob("*.pem")):
            try:
                out.add(load_key(path).public.fingerprint)
            except ExportError:
                continue  # an unreadable file is not a key this museum can vouch for
    return out
