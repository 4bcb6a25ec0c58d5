"""The Chinese catalogue is complete: every string the UI translates (tr(), translate(),
QT_TRANSLATE_NOOP in app/, as pyside6-lupdate extracts them) has a finished, non-empty
translation with the same placeholders; and messages from scenes/ and assets/ (problems,
scan errors, scan reports, level names) read in Chinese in the editor, in English in the CLI."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "app" / "translations" / "vitrine_zh_CN.ts"
PLACEHOLDER = re.compile(r"%\d|\{\w+\}")


def _build_translations():
    sys.path.insert(0, str(TS.parent))
    try:
        import build_translations
    finally:
        sys.path.remove(str(TS.parent))
    return build_translations


def untranslated(ts: Path) -> list[str]:
    """'context | source | why' for each message without a usable translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                out.append(f"{name} | {source} | unfinished")
            elif not text.strip():
                out.append(f"{name} | {source} | empty")
            elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                out.append(f"{name} | {source} | placeholders differ: {text}")
    return out


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    build = _build_translations()
    copy = tmp_path / "vitrine_zh_CN.ts"
    shutil.copy(TS, copy)
    # what the UI asks for now: lupdate adds every string of app/ missing from the catalogue as unfinished
    subprocess.run([build.tool("pyside6-lupdate"), *build.sources(), "-ts", str(copy), "-no-obsolete",
                    "-locations", "none", "-target-language", "zh_CN"], cwd=REPO, check=True, capture_output=True)
    missing = untranslated(copy)
    assert not missing, f"{len(missing)} untranslated UI strings:\n" + "\n".join(missing)


def test_the_check_finds_an_unfinished_and_a_missing_translation(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN"><context><name>C</name>'
                  '<message><source>A %1</source><translation type="unfinished"></translation></message>'
                  '<message><source>B {n}</source><translation>乙</translation></message>'
                  '<message><source>C</source><translation>丙</translation></message></context></TS>', encoding="utf-8")
    assert untranslated(ts) == ["C | A %1 | unfinished", "C | B {n} | placeholders differ: 乙"]


@pytest.fixture
def chinese():
    from vitrine.app.window.translations import TRANSLATIONS_DIR, install_translations, qm_path, remove_translations
    subprocess.run([sys.executable, str(TRANSLATIONS_DIR / "build_translations.py"), "--release-only"],
                   check=True, capture_output=True, cwd=REPO)
    assert install_translations("zh_CN")
    yield
    remove_translations()


def test_problems_scan_errors_reports_and_levels_read_in_chinese(qapp, chinese, tmp_path: Path) -> None:
    from vitrine.app.dialogs.error_messages import describe_error
    from vitrine.app.panels.scan_report import report_lines
    from vitrine.app.window.message_catalogue import level_name, problem_text
    from vitrine.assets.scan_errors import ScanError
    from vitrine.assets.scan_loading import peek_counts
    from vitrine.scenes.exhibit_model import Annotation, Artifact, Exhibit
    from vitrine.scenes.checks.validation import find_problems

    ex = Exhibit(title={"en": "Show"}, artifacts=[Artifact(name="Vase", asset_id="x" * 64)],
                 annotations=[Annotation(artifact_id="gone", title={"en": "Rim"})])
    problems = {p.message: problem_text(p) for p in find_problems(ex)}
    assert problems["the exhibit has no title in zh-Hans"] == "展览缺少 zh-Hans 标题"
    assert problems["the 3D model of 'Vase' has no rights statement"] == "“Vase”的三维模型没有权利声明"
    assert problems["annotation 'Rim' is pinned to an artifact that no longer exists"] == "注释“Rim”所在的展品已不存在"
    assert all(english != chinese for english, chinese in problems.items())

    fake = tmp_path / "notes.ply"
    fake.write_text("not a scan", encoding="utf-8")
    with pytest.raises(ScanError) as error:
        peek_counts(fake)
    assert str(error.value) == "notes.ply: is not a PLY file: it does not start with 'ply'"  # the CLI's English
    assert describe_error(error.value)[0] == "notes.ply: 不是 PLY 文件：文件开头不是 'ply'"
    short = tmp_path / "cut.stl"
    short.write_bytes(b"\0" * 80 + (1000).to_bytes(4, "little") + b"\0" * 100)  # claims 1,000 triangles
    with pytest.raises(ScanError) as error:
        peek_counts(short)
    assert "claims 1,000 triangles" in str(error.value)
    assert describe_error(error.value)[0] == "cut.stl: 二进制 STL 文件头声明有 1,000 个三角形，需要 50,084 字节，但文件只有 184 字节"

    report = {"format": "PLY", "vertices": 8, "faces": 12, "has_texture": False, "watertight": True,
              "problems": [{"severity": "warning", "code": "holes", "message": "2 holes or open borders (9 boundary edges)",
                            "template": "{holes} holes or open borders ({edges} boundary edges)",
                            "args": {"holes": "2", "edges": "9"}},
                           {"severity": "info", "code": "draco", "message": "Draco-compressed geometry was decoded"}]}
    lines = report_lines(report)
    assert "格式：PLY" in lines and "8 个顶点 · 12 个面" in lines and "封闭：是" in lines
    assert "• 警告：2 个孔洞或开放边界（9 条边界边）" in lines
    assert "• 提示：Draco-compressed geometry was decoded" in lines  # no template: the English stays readable
    assert [level_name(lv) for lv in ("original", "high", "thumbnail")] == ["原始", "高", "缩略"]


def test_the_cli_keeps_english_messages(tmp_path: Path) -> None:
    from vitrine.scenes.storage.project_store import Project
    project = Project.create(tmp_path / "p", title="Show", languages=["en", "zh-Hans"])
    project.save()
    result = subprocess.run([sys.executable, "-m", "vitrine.app.cli", "validate", str(project.path), "--json"],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    import json
    problems = json.loads(result.stdout)["problems"]
    title = next(p for p in problems if p["code"] == "missing-translation")
    assert title["message"] == "the exhibit has no title in zh-Hans"
    assert title["template"] == "the exhibit has no title in {languages}" and title["args"] == {"languages": "zh-Hans"}
