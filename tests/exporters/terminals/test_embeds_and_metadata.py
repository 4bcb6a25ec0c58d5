"""Embed pages, oEmbed, schema.org JSON-LD and Open Graph; hostile curator text cannot leave the
JSON-LD script or an attribute; --public-url is checked."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from tests.exporters.conftest import make_project

BASE = "https://museum.example/exhibits/tiny/"
EVIL = 'Evil </script><script>alert(1)</script> "q" \' <!-- & \u2028'


class _Page(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.main: dict = {}
        self._in: dict | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self._in = a
            self.scripts.append((a, ""))
        elif tag == "meta" and "property" in a:
            self.meta[a["property"]] = a["content"]
        elif tag == "link":
            self.links.append(a)
        elif tag == "main":
            self.main = a

    def handle_data(self, data):
        if self._in is not None:
            a, text = self.scripts[-1]
            self.scripts[-1] = (a, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, viewer_dir):
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    root = tmp_path_factory.mktemp("hostile")
    project = make_project(root, title=EVIL)
    art = project.document.exhibit.artifacts[1]
    art.record.title = {"en": EVIL}
    art.record.maker = EVIL
    project.save()
    out = root / "bundle"
    export_bundle(project, out, viewer_dir=viewer_dir, public_url=BASE)
    return out


def _ld(page: _Page) -> list:
    return [json.loads(t) for a, t in page.scripts if a.get("type") == "application/ld+json"]


def test_hostile_text_stays_inside_jsonld_and_attributes(hostile):
    for rel in ["index.html", *(f"embed/{p.name}" for p in (hostile / "embed").glob("*.html"))]:
        text = (hostile / rel).read_text("utf-8")
        page = _Page(text)
        # only the page's own scripts and one JSON-LD block: nothing injected
        srcs = [a.get("src") for a, _ in page.scripts if a.get("type") != "application/ld+json"]
        # viewer-first.js loads viewer.js, which loads viewer-ui.js (and data/manifest.js from file://)
        assert srcs == ["data/exhibit.js", "viewer-first.js"], rel
        assert len(_ld(page)) == 1, rel
        raw = next(t for a, t in page.scripts if a.get("type") == "application/ld+json")
        assert "<" not in raw and ">" not in raw and "\u2028" not in raw  # escaped, still the same JSON
    index = _Page((hostile / "index.html").read_text("utf-8"))
    data = _ld(index)[0]
    assert data["name"] == EVIL  # the JSON still says exactly what the curator wrote
    assert index.meta["og:title"] == EVIL
    globe = next(m for m in data["hasPart"] if m["identifier"] == "INV.1")
    assert globe["name"] == EVIL and globe["creator"]["name"] == EVIL


def test_embed_page_per_artifact_with_oembed(hostile):
    doc = json.loads((hostile / "exhibit.json").read_text("utf-8"))
    manifest = json.dumps(json.loads((hostile / "manifest.json").read_text("utf-8")))
    for art in doc["artifacts"]:
        slug = art["models"][0]["file"].split("/")[1]
        page = _Page((hostile / "embed" / f"{slug}.html").read_text("utf-8"))
        assert page.main["data-embed-artifact"] == art["id"]
        assert f"embed/{slug}.html" in manifest and f"embed/{slug}.oembed.json" in manifest
        info = json.loads((hostile / "embed" / f"{slug}.oembed.json").read_text("utf-8"))
        assert info["version"] == "1.0" and info["type"] == "rich"
        assert info["width"] == 640 and info["height"] == 480 and info["provider_url"] == BASE
        assert f'src="{BASE}embed/{slug}.html"' in info["html"] and info["html"].startswith("<iframe ")
        assert any(ln.get("type") == "application/json+oembed" and ln["href"] == f"{BASE}embed/{slug}.oembed.json"
                   for ln in page.links)
        model = _ld(page)[0]
        assert model["@type"] == "3DModel" and model["url"] == f"{BASE}embed/{slug}.html"
        assert model["encoding"][0]["contentUrl"] == BASE + art["models"][-1]["file"]
        if art["ar"]:
            assert model["encoding"][1] == {"@type": "MediaObject", "contentUrl": BASE + art["ar"]["usdz"],
                                            "encodingFormat": "model/vnd.usdz+zip"}
    assert doc["bundle"]["public_url"] == BASE
    assert "qr" not in doc["bundle"] and not (hostile / "qr").exists()  # web profile: no hand-off codes


def test_no_public_url_no_oembed(bundle):
    assert not list((bundle[0] / "embed").glob("*.oembed.json"))
    assert len(list((bundle[0] / "embed").glob("*.html"))) == 3
    doc = json.loads((bundle[0] / "exhibit.json").read_text("utf-8"))
    assert "public_url" not in doc["bundle"]


def test_kiosk_gets_qr_codes_for_each_annotation(tiny_project, viewer_dir, tmp_path):
    import segno
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.exporters.trust.manifest import verify_bundle
    out = tmp_path / "k"
    export_bundle(tiny_project, out, viewer_dir=viewer_dir, profile="kiosk", public_url="https://museum.example/x")
    doc = json.loads((out / "exhibit.json").read_text("utf-8"))
    key = doc["bundle"]["publisher"]["fingerprint"]
    assert doc["bundle"]["public_url"] == "https://museum.example/x/"
    assert doc["bundle"]["qr"] == {"url": f"https://museum.example/x/index.html#key={key}", "svg": "qr/exhibit.svg"}
    ann = doc["annotations"][0]
    assert ann["qr"]["url"] == f"https://museum.example/x/index.html#annotation={ann['id']}&key={key}"
    manifest = json.dumps(json.loads((out / "manifest.json").read_text("utf-8")))
    assert ann["qr"]["svg"] in manifest and "qr/exhibit.svg" in manifest
    # the SVG is segno's code for exactly that URL
    svg = (out / ann["qr"]["svg"]).read_text("utf-8")
    expected = segno.make(ann["qr"]["url"], error="m", micro=False)
    assert f'width="{expected.symbol_size()[0]}"' in svg
    assert verify_bundle(out).ok
    assert not (out / "embed").exists()  # a kiosk is not embedded


@pytest.mark.parametrize("url, why", [
    ("museum.example/x/", "absolute http"), ("ftp://museum.example/", "absolute http"),
    ("javascript:alert(1)", "absolute http"), ("https:///nohost", "absolute http"),
    ("https://museum.example/x/?a=1", "query"), ("https://museum.example/x/#k", "query"),
    ('https://museum.example/"><script>', "plain absolute"), ("https://u:p@museum.example/", "password"),
])
def test_cli_refuses_a_bad_public_url(tiny_project, tmp_path, capsys, url, why):
    from vitrine.app.cli.entry import main
    code = main(["export", str(tiny_project.path), "--out", str(tmp_path / "b"), "--public-url", url])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("vitrine: --public-url:") and why in err[0]
    assert not (tmp_path / "b").exists()


def test_cli_prints_iframe_snippets(tiny_project, tmp_path, capsys, viewer_dir, monkeypatch):
    from vitrine.app.cli.entry import main
    code = main(["export", str(tiny_project.path), "--out", str(tmp_path / "b"), "--public-url", BASE])
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if ln.startswith("embed ")]
    assert code == 0 and len(lines) == 3
    assert all(f'<iframe src="{BASE}embed/' in ln for ln in lines)
