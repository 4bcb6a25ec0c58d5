"""A small static HTTP server for a bundle folder (``vitrine serve``).

Serves only files inside the folder, with the MIME types the viewer needs
(.glb model/gltf-binary, .js text/javascript, .vtt text/vtt, .wasm application/wasm).
A file with precompressed copies beside it (``X.br``, ``X.gz``) is sent as the copy the
request's Accept-Encoding prefers (see delivery/encoding.py), with Vary: Accept-Encoding.
manifest.json and the other files the manifest cannot list are never sent from a copy on disk:
they are compressed here from the file itself (delivery/live_compression.py).
"""
from __future__ import annotations

import functools
import http.server
import io
import os
from pathlib import Path
from typing import Optional

from vitrine.exporters.delivery.encoding import CODINGS, choose_coding, suffix_of
from vitrine.exporters.delivery.live_compression import UNLISTED_FILES, compress_live, live_codings
from vitrine.exporters.errors import ExportError

MIME_TYPES = {
    ".glb": "model/gltf-binary", ".gltf": "model/gltf+json", ".js": "text/javascript", ".mjs": "text/javascript",
    ".json": "application/json", ".vtt": "text/vtt", ".wasm": "application/wasm", ".html": "text/html",
    ".css": "text/css", ".sig": "text/plain", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
    ".webp": "image/webp", ".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".m4a": "audio/mp4", ".wav": "audio/wav",
    ".woff2": "font/woff2",
    # AR Quick Look opens a USDZ only with its own type; kiosk QR codes are SVG
    ".usdz": "model/vnd.usdz+zip", ".svg": "image/svg+xml",
}


class BundleRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the bundle folder; refuses paths that resolve (links included) outside it."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def translate_path(self, path: str) -> str:
        translated = super().translate_path(path)
        root = os.path.realpath(self.directory)
        real = os.path.realpath(translated)
        if real != root and not real.startswith(root + os.sep):
            # A path below a file never exists -> 404. (A NUL in the name made open() raise
            # ValueError, which dropped the connection with a traceback instead of a 404.)
            return os.path.join(root, "index.html", "refused")
        return translated

    def send_head(self):
        """Like SimpleHTTPRequestHandler.send_head, but a file with .br/.gz copies beside it is
        sent as the copy Accept-Encoding prefers (Content-Type of the file itself)."""
        path = self.translate_path(self.path)
        if not os.path.isfile(path):
            return super().send_head()
        rel = os.path.relpath(os.path.realpath(path), os.path.realpath(self.directory)).replace(os.sep, "/")
        if rel in UNLISTED_FILES:
            return self._send_live(path, rel)
        available = {c for c, suffix in CODINGS if os.path.isfile(path + suffix)}
        if not available:
            return super().send_head()
        coding = choose_coding(self.headers.get("Accept-Encoding"), available)
        send = path + suffix_of(coding) if coding else path
        try:
            f = open(send, "rb")
        except OSError:
            self.send_error(404, "File not found")
            return None
        try:
            st = os.fstat(f.fileno())
            size = st.st_size
            # One validator per representation (coding), from the copy sent: a browser that
            # holds it revalidates with If-None-Match and gets a bodiless 304 (a second visit).
            etag = f'"{st.st_mtime_ns:x}-{size:x}-{coding or "identity"}"'
            fresh = etag in [t.strip() for t in (self.headers.get("If-None-Match") or "").split(",")]
            self.send_response(304 if fresh else 200)
            self.send_header("Content-Type", self.guess_type(path))
            if coding:
                self.send_header("Content-Encoding", coding)
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", self.date_time_string(int(os.stat(path).st_mtime)))
            if fresh:
                self.end_headers()
                f.close()
                return None
            self.send_header("Content-Length", str(size))
            self.end_headers()
            return f
        except BaseException:
            f.close()
            raise

    def _send_live(self, path: str, rel: str):
        """An unlisted file (manifest.json, ...): never a copy from disk; the bytes read now,
        compressed here when the request accepts it."""
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            self.send_error(404, "File not found")
            return None
        available = live_codings(rel, len(data))
        coding = choose_coding(self.headers.get("Accept-Encoding"), available) if available else None
        body = compress_live(data, coding) if coding else data
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if coding:
            self.send_header("Content-Encoding", coding)
        if available:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def list_directory(self, path):  # no folder listings
        self.send_error(404, "Not found")
        return None


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8000) -> http.server.ThreadingHTTPServer:
    """A server bound to (host, port) serving ``folder``; port 0 picks a free one."""
    folder = Path(folder)
    if not (folder / "index.html").is_file():
        raise ExportError(f"{folder}: not a bundle folder (no index.html)")
    handler = functools.partial(BundleRequestHandler, directory=str(folder.resolve()))
    try:
        return http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise ExportError(f"{host}:{port}: cannot listen ({exc.strerror or exc})") from None


def url_of(server: http.server.HTTPServer, host: Optional[str] = None) -> str:
    """The http URL of the bundle's index page."""
    h, p = server.server_address[:2]
    h = host or h
    if ":" in str(h):
        h = f"[{h}]"
    return f"http://{h}:{p}/index.html"
