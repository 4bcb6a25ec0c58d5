"""Hostile text (XSS vectors, placeholders, bidi controls, NUL, lone surrogates, 100,000
characters) survives save/open exactly and is never interpreted in the exported bundle."""
from __future__ import annotations

import re

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.scenes.storage.project_store import Project
from vitrine.scenes.storage.serialization import to_dict

from .hostile_payloads import LONE_SURROGATES, LONG, PAYLOADS
from .hostile_project import hostile_project

REPO = Path(__file__).resolve().parents[2]
VIEWER = REPO / "exporters" / "viewer"


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return hostile_project(tmp_path_factory.mktemp("hostile"))


def test_save_and_reopen_keep_every_string_exactly(project: Project) -> None:
    before = to_dict(project.document.exhibit)
    after = to_dict(Project.open(project.path).document.exhibit)
    assert after == before
    stored = set(_strings(after))
    missing = [p[:40] for p in PAYLOADS if p not in stored]
    assert not missing
    assert LONG in stored and len(LONG) == 100_000


def test_lone_surrogates_are_stored_escaped_and_round_trip(tmp_path: Path) -> None:
    """Decision: a lone surrogate (valid JSON, not UTF-8) is saved as a \\uXXXX escape, never refused
    and never a failed save; reopening gives the identical string."""
    project = Project.create(tmp_path / "s.vitrine", title="x")
    project.document.exhibit.title = {"en": LONE_SURROGATES[0], "zh-Hans": LONE_SURROGATES[1]}
    project.save()
    raw = (project.path / "exhibit.json").read_bytes()
    raw.decode("utf-8")  # strict UTF-8 on disk
    assert b"\\ud800" in raw and b"\\udfff" in raw
    assert Project.open(project.path).document.exhibit.title == {"en": LONE_SURROGATES[0], "zh-Hans": LONE_SURROGATES[1]}


class _Audit(HTMLParser):
    """Collects what a browser would execute or fetch from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts = 0
        self.data_blocks = 0  # <script type="application/ld+json">: data the browser never runs
        self.script_srcs: list[str] = []
        self.handlers: list[str] = []
        self.js_urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attrs_d = dict(attrs)
        if not (tag == "img" and attrs_d.get("class") == "vt-poster" and attrs_d.get("src") == "posters/exhibit.webp"):
            self.tags.add(tag)  # the template's own poster image is not a payload
        if tag == "script":
            if attrs_d.get("src"):
                self.script_srcs.append(attrs_d["src"] or "")
            elif (attrs_d.get("type") or "").strip().lower() == "application/ld+json":
                self.data_blocks += 1
            else:
                self.inline_scripts += 1
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if value and value.strip().lower().replace("\x00", "").startswith(("javascript:", "data:text/html")):
                self.js_urls.append(f"{tag} {name}={value[:40]}")


@pytest.fixture(scope="module")
def bundle(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (VIEWER / "dist" / "viewer.js").is_file():
        pytest.skip("viewer not built (exporters/viewer/dist missing): run npm install && npm run build")
    out = tmp_path_factory.mktemp("bundle") / "hostile-bundle"
    rep = export_bundle(Project.open(project.path), out)
    assert rep.out_dir == out
    return out


@pytest.mark.parametrize("page", ["index.html", "credits.html"])
def test_exported_pages_contain_no_live_payload(bundle: Path, page: str) -> None:
    text = (bundle / page).read_text("utf-8")
    audit = _Audit()
    audit.feed(text)
    assert audit.inline_scripts == 0 and not audit.handlers and not audit.js_urls
    assert set(audit.script_srcs) <= {"data/exhibit.js", "data/manifest.js", "viewer-first.js", "viewer.js", "iwer-runtime.js"}
    # Tags that only a payload could have brought in.
    assert not audit.tags & {"iframe", "svg", "img", "object", "math", "details", "mglyph", "textarea"}
    assert text.lower().count("<script") == len(audit.script_srcs) + audit.data_blocks
    for block in re.findall(r"<script type=\"application/ld\+json\">(.*?)</script>", text, re.S):
        json.loads(block)  # the payloads stay inside JSON strings: the block parses and ends where it should
    assert "evil.example" not in "".join(audit.script_srcs)


def test_credits_page_shows_payloads_as_text(bundle: Path) -> None:
    """The institution holds '{{TITLE}}{{INSTITUTION}}{{FINGERPRINT}}<img ...>': shown as text, not expanded."""
    class Text(HTMLParser):
        chunks: list[str] = []

        def handle_data(self, data: str) -> None:
            self.chunks.append(data)
    parser = Text(convert_charrefs=True)
    parser.feed((bundle / "credits.html").read_text("utf-8"))
    shown = "".join(parser.chunks)
    assert PAYLOADS[25] + PAYLOADS[2] in shown
    assert PAYLOADS[0] + PAYLOADS[29] in shown


def test_exhibit_json_carries_strings_literally(bundle: Path, project: Project) -> None:
    doc = json.loads((bundle / "exhibit.json").read_text("utf-8"))
    shown = set(_strings(doc))
    for text in PAYLOADS:
        assert text in shown, text[:40]
    # The media file named like a tag was copied under a safe name, never that name.
    files = [p.name for p in (bundle / "media").iterdir()]
    assert all("<" not in f and ">" not in f and "'" not in f for f in files)


def test_export_with_lone_surrogates_succeeds(tmp_path: Path) -> None:
    if not (VIEWER / "dist" / "viewer.js").is_file():
        pytest.skip("viewer not built")
    project = hostile_project(tmp_path / "p", PAYLOADS[:3] * 12 + LONE_SURROGATES)
    project.document.exhibit.title = {"en": LONE_SURROGATES[0]}
    project.save()
    out = tmp_path / "b"
    export_bundle(Project.open(project.path), out)
    assert "\ufffd" in (out / "index.html").read_text("utf-8")
    assert json.loads((out / "exhibit.json").read_text("utf-8"))["title"]["en"] == LONE_SURROGATES[0]


def _browser_ready() -> str | None:
    if not (VIEWER / "node_modules" / "playwright-core").is_dir():
        return "exporters/viewer/node_modules missing (npm install)"
    if not Path(os.environ.get("VITRINE_CHROMIUM", "/usr/bin/chromium")).exists():
        return "Chromium not installed"
    if shutil.which("node") is None:
        return "node not installed"
    return None


@pytest.mark.browser
@pytest.mark.parametrize("check", ["xss", "no-external-requests"])
def test_browser_executes_nothing_and_fetches_nothing_outside(bundle: Path, check: str, tmp_path: Path) -> None:
    why = _browser_ready()
    if why:
        pytest.skip(why)
    out = tmp_path / "result.json"
    proc = subprocess.run(["node", str(VIEWER / "tests" / "browser_checks.mjs"), str(bundle), "--check", check,
                           "--json", str(out)], capture_output=True, text=True, timeout=300)
    result = json.loads(out.read_text()) if out.is_file() else {"stdout": proc.stdout, "stderr": proc.stderr[-2000:]}
    print(f"browser {check}:", {k: result.get(k) for k in ("pass", "dialogs", "errors", "injected", "outside")})
    assert proc.returncode == 0 and result.get("pass"), result


def test_save_refuses_what_open_would_refuse_and_keeps_the_old_file(tmp_path: Path) -> None:
    """A 100,000-character rights holder (schema limit 2,000) saves fine and then makes the
    project unopenable; the save should be refused with the JSON path, nothing overwritten."""
    from vitrine.scenes.storage.project_store import ProjectError
    project = Project.create(tmp_path / "l.vitrine", title="ok")
    before = (project.path / "exhibit.json").read_bytes()
    project.document.exhibit.rights.holder = LONG
    with pytest.raises(ProjectError, match=r"\$\.rights\.holder.*nothing was overwritten"):
        project.save()
    assert (project.path / "exhibit.json").read_bytes() == before
    Project.open(project.path)
