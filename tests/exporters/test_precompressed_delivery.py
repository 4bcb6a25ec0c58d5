"""Precompressed copies (.br, .gz) in the bundle, and Content-Encoding negotiation by
`vitrine serve` and the kiosk server (issue 13, part 1): exact headers and bytes for each
Accept-Encoding; a tampered copy is refused by the kiosk, never sent."""
from __future__ import annotations

import gzip
import http.client
import json
import logging
import threading

import brotli
import pytest

from vitrine.exporters.delivery.encoding import accepted_codings, choose_coding

BOTH = {"br", "gzip"}


@pytest.mark.parametrize("header, expected", [
    ("gzip, deflate, br", "br"),
    ("gzip, deflate, br, zstd", "br"),
    ("gzip", "gzip"),
    ("br;q=0, gzip", "gzip"),
    ("br;q=0.5, gzip;q=0.8", "gzip"),
    ("gzip;q=0.4, identity", None),
    ("identity", None),
    ("", None),
    (None, None),
    ("*", "br"),
    ("*;q=0.3, br;q=0", "gzip"),
    ("deflate", None),
    ("BR", "br"),
    ("br;q=abc, gzip", "gzip"),
    ("br;q=7, gzip", "gzip"),  # out-of-range q is not acceptable
    ("x-gzip", "gzip"),
])
def test_choose_coding(header, expected):
    assert choose_coding(header, BOTH) == expected


def test_only_available_copies_are_chosen():
    assert choose_coding("br, gzip", {"gzip"}) == "gzip"
    assert choose_coding("br", {"gzip"}) is None
    assert choose_coding("br, gzip", set()) is None
    assert accepted_codings("br;q=0.2 , GZIP") == {"br": 0.2, "gzip": 1.0}


def test_bundle_carries_signed_copies_that_decode_to_the_file(bundle):
    folder, _rep = bundle
    manifest = {f["path"]: f for f in json.loads((folder / "manifest.json").read_text("utf-8"))["files"]}
    for rel in ("viewer.js", "exhibit.json", "index.html", "data/exhibit.js", "credits.html"):
        original = (folder / rel).read_bytes()
        assert brotli.decompress((folder / (rel + ".br")).read_bytes()) == original, rel
        assert gzip.decompress((folder / (rel + ".gz")).read_bytes()) == original, rel
        assert rel + ".br" in manifest and rel + ".gz" in manifest, rel
    glbs = [p for p in folder.rglob("*.glb")]
    assert glbs
    # file:// model scripts are never fetched over http: no copies of them
    assert not list(folder.rglob("*.glb.js.br")) and not list(folder.rglob("*.glb.js.gz"))
    # no copy of a copy
    assert not list(folder.rglob("*.br.gz")) and not list(folder.rglob("*.gz.br"))


def _get(port: int, path: str, accept: str | None, method: str = "GET"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        headers = {} if accept is None else {"Accept-Encoding": accept}
        conn.request(method, path, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


@pytest.fixture
def served(bundle):
    from vitrine.exporters.delivery.static_server import make_server
    server = make_server(bundle[0], port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield bundle[0], server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("accept, coding, suffix", [
    ("gzip, deflate, br", "br", ".br"),
    ("gzip", "gzip", ".gz"),
    ("br;q=0, gzip;q=1", "gzip", ".gz"),
    ("identity", None, ""),
    (None, None, ""),
])
def test_vitrine_serve_negotiates(served, accept, coding, suffix):
    folder, port = served
    status, headers, body = _get(port, "/viewer.js", accept)
    assert status == 200
    assert body == (folder / ("viewer.js" + suffix)).read_bytes()
    assert headers.get("content-encoding") == coding
    assert headers["content-type"].startswith("text/javascript")
    assert headers["vary"] == "Accept-Encoding"
    assert headers["content-length"] == str(len(body))


def test_vitrine_serve_sends_files_without_copies_as_they_are(served):
    folder, port = served
    status, headers, body = _get(port, "/manifest.sig", "br, gzip")
    assert status == 200 and body == (folder / "manifest.sig").read_bytes()
    assert "content-encoding" not in headers and "vary" not in headers


def test_vitrine_serve_head_has_the_same_headers(served):
    folder, port = served
    status, headers, body = _get(port, "/exhibit.json", "br", method="HEAD")
    assert status == 200 and body == b""
    assert headers["content-encoding"] == "br"
    assert headers["content-length"] == str((folder / "exhibit.json.br").stat().st_size)


@pytest.fixture
def kiosk_content(bundle_copy, it_machine):
    from vitrine.exporters.trust.kiosk_server import VerifiedContent, make_kiosk_server
    content = VerifiedContent(bundle_copy)
    content.load(it_machine)
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    log = logging.getLogger("test-kiosk-encoding")
    log.addHandler(Keep())
    server = make_kiosk_server(content, log)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield bundle_copy, server.server_address[1], records
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("accept, coding, suffix", [
    ("gzip, deflate, br", "br", ".br"),
    ("gzip", "gzip", ".gz"),
    ("br;q=0.1, gzip;q=0.9", "gzip", ".gz"),
    ("identity", None, ""),
])
def test_kiosk_negotiates_signed_copies(kiosk_content, accept, coding, suffix):
    folder, port, _records = kiosk_content
    status, headers, body = _get(port, "/viewer.js", accept)
    assert status == 200
    assert body == (folder / ("viewer.js" + suffix)).read_bytes()
    assert headers.get("content-encoding") == coding
    assert headers["vary"] == "Accept-Encoding"
    assert headers["content-type"] == "text/javascript"


def test_kiosk_refuses_a_tampered_brotli_copy(kiosk_content):
    """The attacker swaps viewer.js.br for a brotli copy of their own script: same file name,
    valid brotli, but not the signed bytes. The kiosk must not send it (nor decode it into page)."""
    folder, port, records = kiosk_content
    evil = brotli.compress(b"window.stolen = document.cookie;\n")
    (folder / "viewer.js.br").write_bytes(evil)
    status, headers, body = _get(port, "/viewer.js", "gzip, deflate, br")
    assert (status, body) == (403, b"refused: does not match the signed manifest\n")
    assert "content-encoding" not in headers
    assert "refused viewer.js.br: does not match the signed manifest" in records
    # asked directly, it is refused too; the other copy and the plain file still verify
    assert _get(port, "/viewer.js.br", None)[0] == 403
    status, headers, body = _get(port, "/viewer.js", "gzip")
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == (folder / "viewer.js").read_bytes()


def test_kiosk_never_sends_an_unlisted_copy(kiosk_content):
    """A .br dropped beside a file whose copies were never signed (manifest.sig) is ignored."""
    folder, port, _records = kiosk_content
    (folder / "index.html.br").unlink()
    (folder / "manifest.sig.br").write_bytes(brotli.compress(b"forged"))
    status, headers, body = _get(port, "/manifest.sig", "br")
    assert status == 200 and "content-encoding" not in headers
    assert body == (folder / "manifest.sig").read_bytes()
    # a listed copy that went missing is refused rather than silently replaced
    status, _h, body = _get(port, "/index.html", "br")
    assert (status, body) == (403, b"refused: missing\n")


def test_a_file_met_again_is_not_compressed_again(monkeypatch):
    """Re-exports reuse the copies of unchanged files (viewer.js is ~0.8 s of brotli each time)."""
    import brotli
    from vitrine.exporters.bundle_outputs import precompressed
    calls = []
    real = brotli.compress
    monkeypatch.setattr(precompressed.brotli, "compress", lambda data, **kw: calls.append(len(data)) or real(data, **kw))
    data = b"const viewer = 'same bytes';\n" * 400 + bytes(range(256))
    first = precompressed.compress(data)
    assert len(calls) == 1
    second = precompressed.compress(bytes(data))
    assert second == first and len(calls) == 1
    assert brotli.decompress(first[".br"]) == data
    other = precompressed.compress(data + b"!")
    assert brotli.decompress(other[".br"]) == data + b"!" and len(calls) == 2


# manifest.json & co cannot be listed in the manifest, so no copy of them on disk is ever sent:
# both servers compress the bytes they serve themselves (delivery/live_compression.py).

@pytest.fixture
def served_copy(bundle_copy):
    """`vitrine serve` on a copy of the bundle that a test may tamper with."""
    from vitrine.exporters.delivery.static_server import make_server
    server = make_server(bundle_copy, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield bundle_copy, server.server_address[1]
    server.shutdown()
    server.server_close()


def _forge_manifest_copies(folder) -> bytes:
    """The attacker's manifest: the real one with a hash swapped, dropped as .br and .gz beside it."""
    forged = (folder / "manifest.json").read_bytes().replace(b'"sha256": "', b'"sha256": "00', 1)
    assert forged != (folder / "manifest.json").read_bytes()
    (folder / "manifest.json.br").write_bytes(brotli.compress(forged))
    (folder / "manifest.json.gz").write_bytes(gzip.compress(forged))
    (folder / "data" / "manifest.js.br").write_bytes(brotli.compress(b"window.VITRINE_MANIFEST = {};\n"))
    return forged


@pytest.mark.parametrize("accept, coding", [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("identity", None)])
def test_vitrine_serve_never_sends_a_planted_manifest_copy(served_copy, accept, coding):
    folder, port = served_copy
    _forge_manifest_copies(folder)
    for rel in ("manifest.json", "data/manifest.js"):
        status, headers, body = _get(port, "/" + rel, accept)
        decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda b: b}[coding]
        assert status == 200 and headers.get("content-encoding") == coding, rel
        assert decode(body) == (folder / rel).read_bytes(), rel
        assert headers["content-length"] == str(len(body))
        assert headers["vary"] == "Accept-Encoding"


def test_vitrine_serve_compresses_the_manifest_as_it_is_now(served_copy):
    """Compressed here from the file read for this request: a changed manifest.json is what is sent."""
    folder, port = served_copy
    before = _get(port, "/manifest.json", "br")[2]
    (folder / "manifest.json").write_bytes((folder / "manifest.json").read_bytes() + b" ")
    status, headers, body = _get(port, "/manifest.json", "br")
    assert brotli.decompress(before) + b" " == brotli.decompress(body) == (folder / "manifest.json").read_bytes()
    # much smaller than the file: worth it before the first frame
    assert len(body) < (folder / "manifest.json").stat().st_size / 2


@pytest.mark.parametrize("accept, coding", [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("identity", None)])
def test_kiosk_never_sends_a_planted_manifest_copy(kiosk_content, accept, coding):
    folder, port, records = kiosk_content
    signed = (folder / "manifest.json").read_bytes()
    _forge_manifest_copies(folder)
    status, headers, body = _get(port, "/manifest.json", accept)
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda b: b}[coding]
    assert status == 200 and headers.get("content-encoding") == coding
    assert decode(body) == signed
    # the planted copies are not files of the bundle either
    assert _get(port, "/manifest.json.br", None)[:3:2] == (403, b"refused: not listed in the manifest\n")
    assert "refused manifest.json.br: not listed in the manifest" in records


def test_kiosk_sends_the_verified_manifest_even_if_the_file_changes(kiosk_content):
    """The kiosk compresses the bytes it verified at start, never what is on disk now."""
    folder, port, _records = kiosk_content
    signed = (folder / "manifest.json").read_bytes()
    (folder / "manifest.json").write_bytes(signed.replace(b'"sha256": "', b'"sha256": "00', 1))
    status, headers, body = _get(port, "/manifest.json", "br")
    assert status == 200 and headers["content-encoding"] == "br"
    assert brotli.decompress(body) == signed


def test_vitrine_serve_revalidates_a_copy_by_its_etag(served_copy):
    """A returning visitor's browser revalidates (Cache-Control: no-cache) and gets a bodiless
    304 for the same representation; another coding or a changed copy gets the bytes again."""
    folder, port = served_copy
    status, headers, body = _get(port, "/viewer.js", "br")
    etag = headers["etag"]
    assert status == 200 and headers["cache-control"] == "no-cache" and body == (folder / "viewer.js.br").read_bytes()

    def again(tag: str, accept: str = "br"):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", "/viewer.js", headers={"Accept-Encoding": accept, "If-None-Match": tag})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    status, headers, body = again(f'"other", {etag}')
    assert (status, body, headers["etag"], headers["content-encoding"]) == (304, b"", etag, "br")
    # the gzip copy is another representation: its own tag, sent in full
    status, headers, body = again(etag, accept="gzip")
    assert status == 200 and headers["etag"] != etag and body == (folder / "viewer.js.gz").read_bytes()
    # a copy rewritten (new bytes, new time) is sent again, never answered 304
    copy = folder / "viewer.js.br"
    copy.write_bytes(copy.read_bytes() + b"\0")
    status, headers, body = again(etag)
    assert status == 200 and headers["etag"] != etag and body == copy.read_bytes()
