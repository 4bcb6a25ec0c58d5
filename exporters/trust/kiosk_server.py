"""The kiosk's verifying http server: on 127.0.0.1 only, it sends only bytes that match the signed
manifest. Each request reads the whole file, checks its size and SHA-256 against the manifest and
sends those same bytes (no window between check and send); anything else is 403 and logged.
manifest.json, manifest.sig, data/manifest.js and publisher-key.json (not listed in the manifest)
are read once when the bundle verifies and served from memory, compressed here when the request
accepts it (delivery/live_compression.py): a copy of them on disk is never sent.

``POST`` or ``GET /__kiosk/heartbeat`` (sent by the viewer in the kiosk profile, see the contract's
addendum) records that the page is alive; the launcher restarts a browser whose page went silent.
When a re-check fails, ``stop_content()`` makes every request 503 with an empty body.

A file whose precompressed copies (``X.br``, ``X.gz``) are themselves listed in the manifest is
sent as the copy Accept-Encoding prefers (delivery/encoding.py), checked like any file: a copy
that does not match the manifest is refused (403), never replaced by something unchecked.
"""
from __future__ import annotations

import hashlib
import http.server
import logging
import posixpath
import threading
import time
import urllib.parse
from pathlib import Path

from vitrine.exporters.delivery.encoding import CODINGS, choose_coding, suffix_of
from vitrine.exporters.delivery.live_compression import compress_live, live_codings
from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.manifest import (MANIFEST_NAME, MANIFEST_SCRIPT, PUBLIC_KEY_NAME, SIGNATURE_NAME, VerifyResult, check_signature,
                        manifest_script_differs, parse_manifest)
from vitrine.exporters.delivery.static_server import MIME_TYPES

HEARTBEAT_PATH = "/__kiosk/heartbeat"
# What a kiosk shows while its bundle does not verify: nothing (not the browser's error page).
BLANK_PAGE = b"<!DOCTYPE html><html><head><title></title></head><body style=\"background:#000\"></body></html>\n"
SIGNED_EXTRAS = (MANIFEST_NAME, SIGNATURE_NAME, MANIFEST_SCRIPT, PUBLIC_KEY_NAME)


class VerifiedContent:
    """What may be served: the manifest's {path: (size, sha256)} and the verified extra files' bytes."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.lock = threading.Lock()
        self.listed: dict[str, tuple[int, str]] = {}
        self.extras: dict[str, bytes] = {}
        self.serving = False
        self.last_heartbeat: float | None = None

    def load(self, signer: str) -> None:
        """Take the manifest and extras now on disk (right after the bundle verified as signed by
        ``signer``). They are checked again as read, so that files swapped between that
        verification and this read cannot become what is served."""
        extras = {}
        for rel in SIGNED_EXTRAS:
            try:
                extras[rel] = (self.root / rel).read_bytes()
            except FileNotFoundError:
                pass
        check = VerifyResult()
        manifest = extras.get(MANIFEST_NAME, b"")
        listed = parse_manifest(manifest, check)
        check_signature(manifest, extras.get(SIGNATURE_NAME), extras.get(PUBLIC_KEY_NAME), check)
        if (not listed or not check.signature_ok or check.fingerprint != signer
                or (MANIFEST_SCRIPT in extras
                    and manifest_script_differs(extras[MANIFEST_SCRIPT], manifest, extras.get(SIGNATURE_NAME), check))):
            raise ExportError(f"{self.root}: the manifest changed while the kiosk was starting; not serving it")
        with self.lock:
            self.listed, self.extras, self.serving = listed, extras, True

    def manifest_changed(self) -> bool:
        """True when manifest.json on disk is no longer the one being served."""
        try:
            return (self.root / MANIFEST_NAME).read_bytes() != self.extras.get(MANIFEST_NAME)
        except OSError:
            return True

    def codings_for(self, rel: str) -> set[str]:
        """The codings ("br", "gzip") whose copy of ``rel`` is listed in the manifest."""
        with self.lock:
            return {c for c, suffix in CODINGS if rel + suffix in self.listed}

    def extra_size(self, rel: str) -> int | None:
        """The size of the verified extra file ``rel`` (manifest.json, ...), or None if it is not one."""
        with self.lock:
            data = self.extras.get(rel)
        return None if data is None else len(data)

    def stop(self) -> None:
        with self.lock:
            self.serving = False

    def bytes_for(self, rel: str) -> tuple[bytes | None, str]:
        """(the bytes to send, "") or (None, why it is refused)."""
        with self.lock:
            if not self.serving:
                return None, "not serving: the bundle no longer verifies"
            if rel in self.extras:
                return self.extras[rel], ""
            want = self.listed.get(rel)
        if want is None:
            return None, "not listed in the manifest"
        path = self.root / rel
        try:
            data = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None, "missing"
        except OSError as exc:
            return None, f"unreadable ({exc.strerror or exc})"
        if len(data) != want[0] or hashlib.sha256(data).hexdigest() != want[1]:
            return None, "does not match the signed manifest"
        return data, ""


def _make_handler(content: VerifiedContent, log: logging.Logger):
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "VitrineKiosk"
        sys_version = ""

        def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's name)
            pass  # refusals are logged by us; successful requests are not worth a line each

        def _bundle_path(self) -> str | None:
            """The bundle-relative path asked for ("/" is index.html); None for "..", "." or empty
            segments, NUL or backslash: only exact manifest paths are ever served anyway."""
            rel = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path).lstrip("/") or "index.html"
            if "\x00" in rel or "\\" in rel or any(seg in ("", ".", "..") for seg in rel.split("/")):
                return None
            return rel

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/plain",
                  coding: str | None = None, vary: bool = False) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if coding:
                self.send_header("Content-Encoding", coding)
            if vary:
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _heartbeat(self) -> bool:
            if urllib.parse.urlsplit(self.path).path != HEARTBEAT_PATH:
                return False
            content.last_heartbeat = time.monotonic()
            self._send(204)
            return True

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self._heartbeat():
                return
            rel = self._bundle_path()
            if rel is None:
                log.warning("refused %s: not a bundle path", self.path[:300])
                self._send(403, b"refused\n")
                return
            extra = content.extra_size(rel)
            if extra is not None:  # manifest.json & co: its verified bytes, compressed here (never a copy from disk)
                available = live_codings(rel, extra)
                coding = choose_coding(self.headers.get("Accept-Encoding"), available) if available else None
                sent = rel
            else:
                available = content.codings_for(rel)
                coding = choose_coding(self.headers.get("Accept-Encoding"), available) if available else None
                sent = rel + suffix_of(coding) if coding else rel
            data, why = content.bytes_for(sent)
            if data is not None and extra is not None and coding:
                data = compress_live(data, coding)
            if data is None:
                if why.startswith("not serving"):
                    self._send(503, BLANK_PAGE, "text/html; charset=utf-8")
                    return
                log.warning("refused %s: %s", sent, why)
                self._send(403, b"refused: " + why.encode() + b"\n")
                return
            ext = posixpath.splitext(rel)[1].lower()
            self._send(200, data, MIME_TYPES.get(ext, "application/octet-stream"), coding, bool(available))

        do_HEAD = do_GET

        def do_POST(self) -> None:  # noqa: N802
            if not self._heartbeat():
                log.warning("refused POST %s", self.path[:300])
                self._send(403, b"refused\n")

    return Handler


def make_kiosk_server(content: VerifiedContent, log: logging.Logger, port: int = 0) -> http.server.ThreadingHTTPServer:
    """A server on 127.0.0.1:``port`` (0 picks a free one) serving ``content``."""
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _make_handler(content, log))
    except OSError as exc:
        raise ExportError(f"127.0.0.1:{port}: cannot listen ({exc.strerror or exc})") from None
    server.daemon_threads = True
    return server
