"""`vitrine verify`: files match, the signature holds, and the signer is trusted (all three)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vitrine.exporters.trust.manifest import VerifyResult, verify_bundle
from vitrine.exporters.trust.signing_keys import read_public_key
from .decision import TrustDecision, decide
from .store import TrustStore, normalise_fingerprint


@dataclass
class TrustReport:
    """A bundle's file/signature result and, when the signature holds, the trust decision."""

    result: VerifyResult
    decision: TrustDecision | None = None

    @property
    def ok(self) -> bool:
        r = self.result
        return (r.signature_ok and not r.changed and not r.missing and not r.unlisted
                and self.decision is not None and self.decision.trusted)

    def lines(self) -> list[str]:
        """The result lines of trust_contract.md: findings, then ``ok:``/``untrusted:``/``revoked:``."""
        out = self.result.lines()
        d = self.decision
        if d is not None and d.chain_problem and not d.trusted:
            out.append(f"rotation: {d.chain_problem}")
        if d is not None and not d.trusted:
            out.append(d.line)
        if self.ok:
            out.append(f"ok: {self.result.files_checked} files match the manifest; "
                       f"signed by {self.result.fingerprint} (trusted: {d.why})")
        return out


def pinned_fingerprint(key: str | None) -> str | None:
    """The ``--key`` argument as a fingerprint (it may name publisher-key.json, PEM or base64)."""
    if not key:
        return None
    got = read_public_key(key)
    return normalise_fingerprint(got if isinstance(got, str) else got.fingerprint)


def judge(result: VerifyResult, key: str | None = None, store: TrustStore | None = None) -> TrustReport:
    """Add the trust decision to a checked bundle (only a valid signature can be trusted)."""
    if not result.signature_ok or not result.fingerprint:
        return TrustReport(result)
    return TrustReport(result, decide(result.fingerprint, result.rotations, store, pinned_fingerprint(key)))


def verify_folder(root: Path, key: str | None = None, store: TrustStore | None = None) -> TrustReport:
    """Verify a bundle folder; ``key`` is the ``--key`` argument (a pin replacing other trust)."""
    pinned = pinned_fingerprint(key)  # bad --key fails before any work
    result = verify_bundle(Path(root))
    if not result.signature_ok or not result.fingerprint:
        return TrustReport(result)
    return TrustReport(result, decide(result.fingerprint, result.rotations, store, pinned))
