"""Precompressed copies of the bundle's compressible files: ``X.br`` (brotli) and ``X.gz``
(gzip, mtime 0 so exports are reproducible) beside ``X``. Servers that negotiate
Content-Encoding (``vitrine serve``, the kiosk server, or a web host configured for it) send
them instead of ``X``; browsers decode them, so the viewer's hashes of ``X`` still match.

Registered LAST in OUTPUTS so it sees every other output's files. A copy is kept only when it
saves at least ``MIN_SAVING`` of the file (GLBs are meshopt-encoded, which is designed to be
followed by a general-purpose compressor: they usually shrink by a third or more).
"""
from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from pathlib import Path

import brotli

from .context import BundleContext

COMPRESSIBLE = {".js", ".css", ".json", ".html", ".svg", ".vtt", ".glb", ".gltf", ".xml", ".txt"}
MIN_BYTES = 512  # below this a request's headers outweigh any saving
MIN_SAVING = 0.10  # keep a copy only when it is at least 10 % smaller
BROTLI_BIG = 4 * 1024 * 1024  # above this, quality 9 (quality 11 takes ~1 s/MB)


def wanted(rel: str, size: int) -> bool:
    """Whether bundle path ``rel`` of ``size`` bytes gets precompressed copies. The base64 model
    scripts (``models/…/*.glb.js``) are only read from file://, where nothing negotiates."""
    p = Path(rel)
    if p.suffix.lower() not in COMPRESSIBLE or size < MIN_BYTES:
        return False
    return not (rel.startswith("models/") and rel.endswith(".glb.js"))


CACHE_BYTES = 64 * 1024 * 1024  # compressed copies kept for files met again in the next export
_cache: "OrderedDict[str, dict[str, bytes]]" = OrderedDict()
_cache_lock = threading.Lock()


def compress(data: bytes) -> dict[str, bytes]:
    """{".br": brotli bytes, ".gz": gzip bytes} of ``data``. Both are deterministic, so copies
    of bytes already compressed in this process (viewer.js, the CSS, unchanged models: most of
    a re-export) are taken from a small cache keyed by their SHA-256: brotli at quality 11 is
    about a second per megabyte."""
    key = hashlib.sha256(data).hexdigest()
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    quality = 11 if len(data) <= BROTLI_BIG else 9
    packed = {".br": brotli.compress(data, quality=quality),
              ".gz": gzip.compress(data, compresslevel=9, mtime=0)}
    with _cache_lock:
        _cache[key] = packed
        while sum(len(v[".br"]) + len(v[".gz"]) for v in _cache.values()) > CACHE_BYTES and len(_cache) > 1:
            _cache.popitem(last=False)
    return packed


def write_precompressed(ctx: BundleContext) -> None:
    """Write the .br/.gz copies of every compressible file now in ``ctx.root``."""
    files = sorted(p for p in ctx.root.rglob("*") if p.is_file() and p.suffix not in (".br", ".gz"))
    for path in files:
        rel = path.relative_to(ctx.root).as_posix()
        data = path.read_bytes()
        if not wanted(rel, len(data)):
            continue
        for suffix, packed in compress(data).items():
            if len(packed) <= len(data) * (1 - MIN_SAVING):
                path.with_name(path.name + suffix).write_bytes(packed)
