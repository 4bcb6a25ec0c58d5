"""`vitrine verify URL` against a local http server on 127.0.0.1 (port 0, a thread in the test)
serving a good bundle, forged ones, redirects and a stalled response (issue 10). No test contacts
a non-loopback address: a redirect to another host is refused before any connection is made."""
from __future__ import annotations

import http.server
import json
import shutil
import threading
import urllib.parse
from pathlib import Path

import pytest

from vitrine.app.cli import main
from tests.trust_attacks import rehash_without_resign, resign_with_new_key, swap_viewer_js


@pytest.fixture
def site(bundle, it_machine, tmp_path):
    """A web host: /good/, /forged/ (re-signed), /rehashed/, /swapped/, /redirect-away/,
    /redirect-here/, /stalled/; yields (base address, attacker's fingerprint, museum's fingerprint)."""
    roots = {name: tmp_path / name for name in ("good", "forged", "rehashed", "swapped")}
    for folder in roots.values():
        shutil.copytree(bundle[0], folder)
    attacker = resign_with_new_key(roots["forged"], institution="City Museum")
    rehash_without_resign(roots["rehashed"], "models/painted-vase/low.glb", b"glTF forged")
    swap_viewer_js(roots["swapped"])
    release = threading.Event()

    class Host(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            top, _, rest = urllib.parse.unquote(self.path).lstrip("/").partition("/")
            port = self.server.server_address[1]
            if top == "redirect-away":
                self.send_response(302)
                self.send_header("Location", f"http://localhost:{port}/good/{rest}")  # another host name
                self.end_headers()
                return
            if top == "redirect-port":
                self.send_response(307)
                self.send_header("Location", f"http://127.0.0.1:1/good/{rest}")  # same host, another port
                self.end_headers()
                return
            if top == "redirect-here":
                self.send_response(301)
                self.send_header("Location", f"/good/{rest}")
                self.end_headers()
                return
            if top == "stalled":
                release.wait(30)
                return
            path = roots.get(top, tmp_path / "none") / (rest or "index.html")
            if not path.is_file():
                self.send_error(404)
                return
            data = path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Host)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", attacker, it_machine
    release.set()
    server.shutdown()
    server.server_close()


def _verify(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["verify", *args])
    got = capsys.readouterr()
    return rc, got.out, got.err


def test_good_deployed_bundle_verifies(site, bundle, capsys):
    base, _, museum = site
    n = len(json.loads((bundle[0] / "manifest.json").read_text())["files"])
    ok = f"ok: {n} files match the manifest; signed by {museum} (trusted: trust store: City Museum)\n"
    assert _verify(capsys, base + "/good/") == (0, ok, "")
    assert _verify(capsys, base + "/good/index.html") == (0, ok, "")
    assert _verify(capsys, base + "/good") == (0, ok, "")
    assert _verify(capsys, base + "/redirect-here/") == (0, ok, "")  # same host: followed


def test_resigned_deployed_bundle_is_untrusted(site, capsys):
    base, attacker, museum = site
    untrusted = (f"untrusted: signed by {attacker}, a key this machine does not trust "
                 f"(if it is the publisher's, run: vitrine keys trust {attacker} --name NAME)\n")
    assert _verify(capsys, base + "/forged/") == (1, untrusted, "")
    assert _verify(capsys, base + "/forged/", "--key", museum) == (
        1, f"untrusted: signed by {attacker}, not the key given with --key ({museum})\n", "")


def test_tampered_deployed_bundles_name_the_problem(site, capsys):
    base = site[0]
    assert _verify(capsys, base + "/rehashed/") == (
        1, "signature: manifest.sig does not match manifest.json and publisher-key.json\n", "")
    assert _verify(capsys, base + "/swapped/") == (1, "changed: viewer.js\n", "")


def test_redirect_to_another_host_is_refused(site, capsys):
    base = site[0]
    port = base.rsplit(":", 1)[1]
    assert _verify(capsys, base + "/redirect-away/") == (
        2, "", f"vitrine: {base}/redirect-away/manifest.json: redirected to another host "
               f"(http://localhost:{port}/good/manifest.json); refused\n")
    assert _verify(capsys, base + "/redirect-port/") == (
        2, "", f"vitrine: {base}/redirect-port/manifest.json: redirected to http://127.0.0.1:1/good/manifest.json "
               "(another port or scheme); refused\n")


def test_missing_bundle_timeout_and_bad_addresses_are_one_line_errors(site, capsys):
    base = site[0]
    assert _verify(capsys, base + "/nothing/") == (
        2, "", f"vitrine: {base}/nothing/manifest.json: HTTP 404 Not Found (no signed bundle at this address)\n")
    assert _verify(capsys, base + "/stalled/", "--timeout", "0.5") == (
        2, "", f"vitrine: {base}/stalled/manifest.json: timed out (the whole check is limited to 0.5 s; see --timeout)\n")
    assert _verify(capsys, "ftp://127.0.0.1/x/") == (
        2, "", "vitrine: ftp://127.0.0.1/x/: only http:// and https:// addresses can be verified\n")
    assert _verify(capsys, "file:///etc/") == (
        2, "", "vitrine: file:///etc/: only http:// and https:// addresses can be verified\n")
    assert _verify(capsys, "http:///x/") == (2, "", "vitrine: http:///x/: not a valid address (no host)\n")
    assert _verify(capsys, "http://127.0.0.1:99999/") == (2, "", "vitrine: http://127.0.0.1:99999/: not a valid address\n")
    assert _verify(capsys, base + "/good/", "--timeout", "0") == (
        2, "", "vitrine: --timeout 0: give a number of seconds above 0\n")


def test_a_file_larger_than_signed_is_not_read_past_its_size(bundle, it_machine, tmp_path):
    """The host sends an endless viewer.js: the checker stops at the signed size + 1 byte."""
    from vitrine.exporters.trust.remote import verify_url
    sent = {"bytes": 0}
    root = bundle[0]

    class Endless(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            rel = urllib.parse.unquote(self.path).lstrip("/")
            self.send_response(200)
            self.end_headers()
            if rel != "viewer.js":
                self.wfile.write((root / rel).read_bytes() if (root / rel).is_file() else b"")
                return
            try:
                for _ in range(4096):  # 256 MiB if nobody stops reading
                    self.wfile.write(b"x" * 65536)
                    sent["bytes"] += 65536
            except OSError:
                pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endless)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        report = verify_url(f"http://127.0.0.1:{server.server_address[1]}/", timeout=30)
    finally:
        server.shutdown()
        server.server_close()
    assert report.lines() == ["changed: viewer.js"] and not report.ok
    assert sent["bytes"] < 64 << 20  # the client hung up long before the end
