"""Is the key that signed a bundle one this machine trusts? (the third check of `vitrine verify`)

Sources of trust, in order: a revocation refuses; ``--key`` (a pin) when given is the only source;
otherwise this machine's own signing keys, then the trust store. A trusted (or pinned) key earlier
in a valid rotation chain makes its successors trusted; a revoked key in the chain stops it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .rotation import check_chain
from .store import TrustStore, own_fingerprints


@dataclass
class TrustDecision:
    """``trusted`` and the one result line; ``anchor`` is the trusted key to pin (the signer, or the
    key it was reached from through rotation); ``chain_problem`` explains an unusable chain."""

    trusted: bool
    line: str
    why: str = ""
    anchor: str = ""
    chain_problem: str = ""


def _untrusted(signer: str) -> str:
    return (f"untrusted: signed by {signer}, a key this machine does not trust "
            f"(if it is the publisher's, run: vitrine keys trust {signer} --name NAME)")


def decide(signer: str, rotations: object, store: TrustStore | None = None, pinned: str | None = None) -> TrustDecision:
    """The decision for a manifest validly signed by ``signer`` carrying ``rotations`` (oldest first).

    ``pinned`` (a ``SHA256:`` fingerprint from --key) replaces the other sources of trust.
    """
    store = store if store is not None else TrustStore.load()
    if signer in store.revoked:
        when = str(store.revoked[signer].get("revoked_at", ""))[:10]
        return TrustDecision(False, f"revoked: signed by {signer}, which was revoked on {when}")
    own = set(own_fingerprints()) if pinned is None else set()

    def reason(fp: str) -> str:
        if pinned is not None:
            return "--key" if fp == pinned else ""
        if fp in own:
            return "your signing key"
        if fp in store.keys:
            return f"trust store: {store.name_of(fp) or fp}"
        return ""

    direct = reason(signer)
    if direct:
        return TrustDecision(True, "", direct, signer)
    chain = check_chain(rotations, signer)
    if chain.valid:
        for fp in reversed(chain.fingerprints[:-1]):
            if fp in store.revoked:
                break  # a key is not accepted through a revoked key
            why = reason(fp)
            if why:
                name = why.split(": ", 1)[1] if why.startswith("trust store: ") else why
                return TrustDecision(True, "", f"through rotation from {fp} ({name})", fp)
    if pinned is not None:
        return TrustDecision(False, f"untrusted: signed by {signer}, not the key given with --key ({pinned})",
                             chain_problem=chain.problem)
    return TrustDecision(False, _untrusted(signer), chain_problem=chain.problem)
