"""Kiosk fonts: a bundle carries a font subset per non-Latin script its texts use, and only those."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from tests.exporters.conftest import make_project

ARABIC_TITLE = "الحافة المكسورة، مع نقش"
ARABIC_BODY = "حافة مكسورة.\nسطر ثانٍ"


@pytest.fixture(scope="module")
def arabic_bundle(tmp_path_factory: pytest.TempPathFactory, viewer_dir: Path):
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.scenes.storage.project_store import Project
    project = make_project(tmp_path_factory.mktemp("ar"))
    ex = project.document.exhibit
    ex.languages.append("ar")
    ex.title["ar"] = "معرض صغير"
    ex.annotations[0].title["ar"] = ARABIC_TITLE
    ex.annotations[0].body["ar"] = ARABIC_BODY
    project.save()
    out = tmp_path_factory.mktemp("out") / "bundle"
    rep = export_bundle(Project.open(project.path), out, viewer_dir=viewer_dir)
    return out, rep, project


def cmap_of(path: Path) -> set[str]:
    return {chr(c) for c in TTFont(io.BytesIO(path.read_bytes())).getBestCmap()}


def test_arabic_and_chinese_get_exactly_their_subsets_with_the_glyphs_used(arabic_bundle, viewer_dir) -> None:
    out, rep, project = arabic_bundle
    fonts = sorted(p.name for p in (out / "fonts").iterdir())
    assert fonts == ["NotoSansArabic-arabic.woff2", "NotoSansCJK-cjk.woff2"]
    arabic_used = set(ARABIC_TITLE + ARABIC_BODY + "معرض صغير") - set(" \n.")
    arabic = cmap_of(out / "fonts" / "NotoSansArabic-arabic.woff2")
    assert arabic_used <= arabic
    assert "،" in arabic  # the Arabic comma (a 'Common' character) comes with the Arabic text
    assert not {chr(c) for c in range(0x20, 0x250)} & (arabic - set(" "))  # Latin left to system fonts
    assert len(arabic) <= len(arabic_used) + 10
    cjk = cmap_of(out / "fonts" / "NotoSansCJK-cjk.woff2")
    chinese_used = set("小展口沿口沿有缺口。") - {"。"}
    assert chinese_used <= cjk
    # the viewer's own Chinese labels come too (built into viewer.js), but not the font's 65,000 glyphs
    from fontTools import unicodedata
    labels = json.loads((viewer_dir / "visitor.json").read_text("utf-8"))["labels"]["zh-Hans"]
    label_hani = {c for text in labels.values() for c in text if unicodedata.script(c) == "Hani"}
    if (viewer_dir / "dist" / "viewer.js").stat().st_size > 10_000:  # the real viewer, not the stub
        assert len(label_hani) > 50 and label_hani <= cjk
    assert len(cjk) < len(chinese_used) + len(label_hani) + 60
    assert (out / "fonts" / "NotoSansCJK-cjk.woff2").stat().st_size < 150_000
    assert (out / "fonts" / "NotoSansArabic-arabic.woff2").stat().st_size < 30_000
    assert not [w for w in rep.warnings if w.startswith("fonts:")]


def test_fonts_css_is_linked_signed_and_maps_each_subset(arabic_bundle) -> None:
    out, _rep, _project = arabic_bundle
    css = (out / "fonts.css").read_text("utf-8")
    faces = re.findall(r'url\("fonts/([^"]+)"\) format\("woff2"\);\n  unicode-range: ([^;]+);', css)
    assert sorted(f for f, _ in faces) == ["NotoSansArabic-arabic.woff2", "NotoSansCJK-cjk.woff2"]
    arabic_range = dict(faces)["NotoSansArabic-arabic.woff2"]
    assert "U+627" in arabic_range or re.search(r"U\+6[0-2][0-9A-F]-6[2-9][0-9A-F]", arabic_range)
    assert ':root { font-family: "Vitrine Script", ' in css
    index = (out / "index.html").read_text("utf-8")
    assert '<link rel="stylesheet" href="fonts.css">' in index
    assert index.index('href="viewer.css"') < index.index('href="fonts.css"')
    files = json.dumps(json.loads((out / "manifest.json").read_text("utf-8")))
    for name in ("fonts.css", "fonts/NotoSansArabic-arabic.woff2", "fonts/NotoSansCJK-cjk.woff2"):
        assert name in files
    from vitrine.exporters.trust.manifest import verify_bundle
    assert verify_bundle(out).ok


def test_latin_only_exhibit_carries_no_fonts(tmp_path: Path, viewer_dir: Path) -> None:
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    project = make_project(tmp_path, title="Plain")
    ex = project.document.exhibit
    ex.languages = ["en", "fr"]
    ex.title = {"en": "Plain", "fr": "Éclat à côté"}
    for ann in ex.annotations:
        ann.title.pop("zh-Hans", None)
        ann.body.pop("zh-Hans", None)
        if ann.image is not None:
            ann.image.alt.pop("zh-Hans", None)
    project.save()
    export_bundle(project, tmp_path / "b", viewer_dir=viewer_dir)
    assert not (tmp_path / "b" / "fonts").exists() and not (tmp_path / "b" / "fonts.css").exists()
    assert "fonts.css" not in (tmp_path / "b" / "index.html").read_text("utf-8")


def test_a_script_without_an_installed_font_is_a_warning_naming_the_package(
        tmp_path: Path, viewer_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.exporters.fonts import script_fonts
    monkeypatch.setattr(script_fonts, "NOTO_CORE", tmp_path / "no-fonts")
    project = make_project(tmp_path)
    ex = project.document.exhibit
    ex.languages.append("bo")
    ex.title["bo"] = "བོད་ཡིག"
    project.save()
    rep = export_bundle(project, tmp_path / "b", viewer_dir=viewer_dir)
    assert ("fonts: no font for the Tibetan script; install the Debian package fonts-noto-core "
            "(kiosks without internet may show boxes)") in rep.warnings
    assert sorted(p.name for p in (tmp_path / "b" / "fonts").iterdir()) == ["NotoSansCJK-cjk.woff2"]


def test_tibetan_and_yi_use_their_noto_fonts() -> None:
    from vitrine.exporters.fonts.subsets import make_subset, plan_subsets
    plan = plan_subsets(["བོད་ཡིག།", "ꆈꌠꁱꂷ"], ["bo", "ii"])
    assert not plan.missing
    by_key = {s.font.key: s for s in plan.subsets}
    assert set(by_key) == {"tibetan", "yi"}
    for item in by_key.values():
        make_subset(item)
        assert not item.unmapped
        assert item.chars <= {chr(c) for c in TTFont(io.BytesIO(item.data)).getBestCmap()}
