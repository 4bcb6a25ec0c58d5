"""Compression on the fly for the bundle files that cannot have signed precompressed copies.

manifest.json, manifest.sig, data/manifest.js and publisher-key.json are not listed in the
manifest (it cannot list itself, nor the signature over it), so a ``manifest.json.br`` beside
them would be bytes nobody signed: whoever can drop a file into the folder could make a server
send another manifest than the one on disk. The rule both servers follow: for these files they
never send a copy from disk; they compress the very bytes they serve (``vitrine serve``: the file
as read for this request; the kiosk: the verified bytes it holds) in this process. The body then
always decodes to exactly those bytes. They are small (a manifest is ~15 kB), so this costs
about a millisecond per request.
"""
from __future__ import annotations

import functools
import gzip

import brotli

from vitrine.exporters.trust.manifest import MANIFEST_NAME, MANIFEST_SCRIPT, PUBLIC_KEY_NAME, SIGNATURE_NAME

UNLISTED_FILES = frozenset({MANIFEST_NAME, SIGNATURE_NAME, MANIFEST_SCRIPT, PUBLIC_KEY_NAME})
# Below this a compressed body saves less than its headers cost.
MIN_BYTES = 1024
LIVE_CODINGS = frozenset({"br", "gzip"})


def live_codings(rel: str, size: int) -> set[str]:
    """The codings a server may produce itself for bundle path ``rel`` of ``size`` bytes."""
    return set(LIVE_CODINGS) if rel in UNLISTED_FILES and size >= MIN_BYTES else set()


@functools.lru_cache(maxsize=32)
def compress_live(data: bytes, coding: str) -> bytes:
    """``data`` encoded as ``coding`` ("br" or "gzip"); cached by content, so a changed file is
    compressed afresh and an unchanged one once."""
    if coding == "br":
        return brotli.compress(data, quality=9)
    if coding == "gzip":
        return gzip.compress(data, compresslevel=9, mtime=0)
    raise ValueError(f"unknown coding {coding!r}")
