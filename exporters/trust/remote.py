"""`vitrine verify URL`: the same three checks on a deployed bundle, over http(s) with urllib.

Fetches manifest.json, manifest.sig, publisher-key.json, data/manifest.js and every listed file,
hashing as the bytes arrive and reading at most the manifest's size + 1 byte of each (more is a
changed file). Redirects are followed only to the same host (same scheme and port, or https).
One overall timeout (seconds) covers every request. Errors are ExportError with one line naming the address.
"""
from __future__ import annotations

import hashlib
import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import PurePosixPath

from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.manifest import (MANIFEST_NAME, MANIFEST_SCRIPT, PUBLIC_KEY_NAME, SIGNATURE_NAME, VerifyResult,
                        check_signature, manifest_script_differs, parse_manifest)
from .check import TrustReport, judge, pinned_fingerprint
from .store import TrustStore

CHUNK = 1 << 16
MANIFEST_LIMIT = 64 << 20
SMALL_LIMIT = 1 << 20


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def is_url(text: str) -> bool:
    """True when ``text`` looks like an address (scheme://...) rather than a folder."""
    return "://" in text


def bundle_base(url: str) -> str:
    """The bundle folder's address ending in "/" (``.../index.html`` -> ``.../``); ExportError if unusable."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        parts.port  # raises ValueError for a bad port
    except ValueError:
        raise ExportError(f"{url}: not a valid address") from None
    if parts.scheme not in ("http", "https"):
        raise ExportError(f"{url}: only http:// and https:// addresses can be verified")
    if not parts.hostname:
        raise ExportError(f"{url}: not a valid address (no host)")
    path = parts.path or "/"
    if not path.endswith("/"):
        last = path.rsplit("/", 1)[-1]
        path = path[: len(path) - len(last)] if "." in last else path + "/"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to the same host, over the same scheme and port or over https: a
    compromised host must not send the checker to bytes somewhere else."""

    def __init__(self, origin: tuple) -> None:
        super().__init__()
        self.origin = origin

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 (urllib's signature)
        target = urllib.parse.urljoin(req.full_url, newurl)
        scheme, host, _ = _origin(target)
        if host != self.origin[1]:
            raise ExportError(f"{req.full_url}: redirected to another host ({target}); refused")
        if _origin(target) != self.origin and scheme != "https":  # the same host over https is fine
            raise ExportError(f"{req.full_url}: redirected to {target} (another port or scheme); refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Fetcher:
    def __init__(self, base: str, timeout: float) -> None:
        self.base, self.timeout = base, timeout
        self.deadline = time.monotonic() + timeout
        self.opener = urllib.request.build_opener(_SameOriginRedirects(_origin(base)))

    def url(self, rel: str) -> str | None:
        p = PurePosixPath(rel)
        if p.is_absolute() or ".." in p.parts or "\\" in rel or not rel:
            return None
        return self.base + urllib.parse.quote(rel)

    def _timed_out(self, url: str) -> ExportError:
        return ExportError(f"{url}: timed out (the whole check is limited to {self.timeout:g} s; see --timeout)")

    def stream(self, rel: str, limit: int, keep: bool):
        """(bytes read (capped at limit + 1), sha256 hex, the bytes if ``keep``) or None for 404/410."""
        url = self.url(rel)
        if url is None:
            return None
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self._timed_out(url)
        digest, size, kept = hashlib.sha256(), 0, []
        try:
            with self.opener.open(urllib.request.Request(url, headers={"Cache-Control": "no-cache"}),
                                  timeout=left) as resp:
                while size <= limit:
                    block = resp.read(min(CHUNK, limit + 1 - size))
                    if not block:
                        break
                    size += len(block)
                    digest.update(block)
                    if keep:
                        kept.append(block)
                    if time.monotonic() > self.deadline:
                        raise self._timed_out(url)
        except urllib.error.HTTPError as exc:
            if exc.code in (404, 410):
                return None
            raise ExportError(f"{url}: HTTP {exc.code} {exc.reason}") from None
        except (socket.timeout, TimeoutError):
            raise self._timed_out(url) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise self._timed_out(url) from None
            raise ExportError(f"{url}: cannot fetch ({exc.reason})") from None
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            raise ExportError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None
        return size, digest.hexdigest(), b"".join(kept) if keep else None

    def small(self, rel: str, limit: int) -> bytes | None:
        got = self.stream(rel, limit, keep=True)
        if got is None:
            return None
        if got[0] > limit:
            raise ExportError(f"{self.base}{rel}: larger than {limit} bytes; refused")
        return got[2]


def verify_url(url: str, key: str | None = None, timeout: float = 30.0, store: TrustStore | None = None) -> TrustReport:
    """Verify the bundle deployed at ``url`` (its folder or its index.html)."""
    pinned_fingerprint(key)  # a bad --key fails before any request
    base = bundle_base(url)
    fetch = _Fetcher(base, timeout)
    manifest_bytes = fetch.small(MANIFEST_NAME, MANIFEST_LIMIT)
    if manifest_bytes is None:
        raise ExportError(f"{base}{MANIFEST_NAME}: HTTP 404 Not Found (no signed bundle at this address)")
    result = VerifyResult()
    listed = parse_manifest(manifest_bytes, result)
    sig = fetch.small(SIGNATURE_NAME, 4096)
    check_signature(manifest_bytes, sig, fetch.small(PUBLIC_KEY_NAME, SMALL_LIMIT), result)
    for rel, (size, sha) in sorted(listed.items()):
        got = fetch.stream(rel, size, keep=False)
        if got is None:
            result.missing.append(rel)
            continue
        result.files_checked += 1
        if got[0] != size or got[1] != sha:
            result.changed.append(rel)
    script = fetch.small(MANIFEST_SCRIPT, 2 * len(manifest_bytes) + SMALL_LIMIT)
    if script is not None and manifest_script_differs(script, manifest_bytes, sig, result):
        result.changed.append(MANIFEST_SCRIPT)
    return judge(result, key, store)
