"""Key rotation statements (trust_contract.md): the old key signs "my successor is this new key".

A statement is a dict with format, version, old/new public key (base64 of 32 raw bytes) and
fingerprints, rotated_at (ISO 8601 UTC) and signature (base64 Ed25519 by the OLD key over the
canonical bytes: JSON without "signature", keys sorted, separators (",", ":"), ASCII only).
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from vitrine.exporters.trust.signing_keys import PublicKeyInfo, SigningKey, fingerprint_of

FORMAT = "vitrine-key-rotation"


def canonical_bytes(statement: dict) -> bytes:
    """The bytes the old key signs: the statement without "signature", canonical JSON."""
    body = {k: v for k, v in statement.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def make_statement(old: SigningKey, new: PublicKeyInfo, when: datetime | None = None) -> dict:
    """A rotation statement from ``old`` (which signs it) to ``new``."""
    when = when or datetime.now(timezone.utc)
    st = {"format": FORMAT, "version": 1,
          "old_public_key": old.public.base64, "old_fingerprint": old.public.fingerprint,
          "new_public_key": new.base64, "new_fingerprint": new.fingerprint,
          "rotated_at": when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    st["signature"] = base64.b64encode(old.sign(canonical_bytes(st))).decode("ascii")
    return st


def _raw(text: object) -> bytes:
    raw = base64.b64decode(str(text), validate=True)
    if len(raw) != 32:
        raise ValueError("not 32 bytes")
    return raw


@dataclass
class Chain:
    """A checked rotation chain: ``fingerprints`` oldest first, ending with the signer's key;
    ``problem`` is empty when every statement holds."""

    fingerprints: list[str]
    problem: str = ""

    @property
    def valid(self) -> bool:
        return not self.problem


def check_chain(rotations: object, signer: str) -> Chain:
    """Check ``rotations`` (oldest first) against the key ``signer`` (``SHA256:<hex>``) that signed
    the manifest. A chain is valid when each statement is signed by its old key, each new key is
    the next statement's old key, and the last new key is ``signer``. No statements: just [signer]."""
    if rotations in (None, []):
        return Chain([signer])
    if not isinstance(rotations, list):
        return Chain([signer], "rotations is not a list of statements")
    keys: list[str] = []
    for n, st in enumerate(rotations, 1):
        try:
            if not isinstance(st, dict) or st.get("format") != FORMAT or st.get("version") != 1:
                raise ValueError("not a vitrine-key-rotation statement")
            old_raw, new_raw = _raw(st["old_public_key"]), _raw(st["new_public_key"])
            if fingerprint_of(old_raw) != st.get("old_fingerprint") or fingerprint_of(new_raw) != st.get("new_fingerprint"):
                raise ValueError("its fingerprints do not match its keys")
            signature = base64.b64decode(str(st["signature"]), validate=True)
        except (KeyError, ValueError, TypeError) as exc:
            return Chain([signer], f"rotation statement {n}: {exc}")
        old_fp = fingerprint_of(old_raw)
        if keys and keys[-1] != old_fp:
            return Chain([signer], f"rotation statement {n} does not continue from {keys[-1]}")
        if not PublicKeyInfo(old_raw).verify(signature, canonical_bytes(st)):
            return Chain([signer], f"rotation statement {n} is not signed by its old key {old_fp}")
        if not keys:
            keys.append(old_fp)
        keys.append(fingerprint_of(new_raw))
    if keys[-1] != signer:
        return Chain([signer], f"the last rotation leads to {keys[-1]}, not to the signer {signer}")
    return Chain(keys)
