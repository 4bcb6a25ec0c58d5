"""Content-Encoding negotiation for precompressed bundle files.

A bundle carries ``X.br`` and ``X.gz`` beside a compressible file ``X`` (written by
exporters/bundle_outputs/precompressed.py, listed and signed like every other file). A server
asked for ``X`` sends one of them with ``Content-Encoding: br``/``gzip`` when the request's
Accept-Encoding allows it: br is preferred to gzip, gzip to identity, and q-values are honoured
(``br;q=0`` refuses brotli, ``*`` covers the codings not named, ``identity;q=0`` with nothing
else acceptable still gets identity: refusing a page is worse than sending it plain).
"""
from __future__ import annotations

# (Content-Encoding token, file suffix), in the server's order of preference
CODINGS: tuple[tuple[str, str], ...] = (("br", ".br"), ("gzip", ".gz"))


def accepted_codings(header: str | None) -> dict[str, float]:
    """Accept-Encoding as {coding: q}, lower-case; malformed q-values count as 0 (not acceptable)."""
    out: dict[str, float] = {}
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        name = fields[0].lower()
        if not name:
            continue
        q = 1.0
        for f in fields[1:]:
            k, _, v = f.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = float(v.strip())
                except ValueError:
                    q = 0.0
                q = q if 0.0 <= q <= 1.0 else 0.0
        out[name] = q
    if "x-gzip" in out and "gzip" not in out:
        out["gzip"] = out["x-gzip"]
    return out


def choose_coding(header: str | None, available: set[str]) -> str | None:
    """The coding to send ("br", "gzip") among ``available``, or None for identity.

    The highest q wins; between equal q-values br beats gzip beats identity."""
    accepted = accepted_codings(header)
    star = accepted.get("*")
    best, best_q = None, 0.0
    for coding, _suffix in CODINGS:
        if coding not in available:
            continue
        q = accepted.get(coding, star if star is not None else 0.0)
        if q > best_q:
            best, best_q = coding, q
    if best is None:
        return None
    # identity is implicitly acceptable but least preferred: it wins only when the request gives
    # it (by name or by *) a higher q than the best coding
    identity_q = accepted.get("identity", star if star is not None else 0.0)
    return best if best_q >= identity_q else None


def suffix_of(coding: str) -> str:
    """The file suffix of a coding ("br" -> ".br")."""
    return dict(CODINGS)[coding]
