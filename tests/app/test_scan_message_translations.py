"""Every message the scan readers in assets/ build from a template reads in Chinese in the
editor: each template is listed in app/window/message_catalogue.py, the .ts holds a finished
Chinese translation that differs from the English and keeps its {placeholders}, and real bad
files give the same English line to the CLI and a Chinese line to the editor."""
from __future__ import annotations

import ast
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "app" / "translations" / "vitrine_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{\w+\}")
LATIN_WORD = re.compile(r"[A-Za-z_]{4,}")


def assets_templates() -> set[str]:
    """The literal templates passed to scan_error(path, template, ...) and Problem.of(sev, code, template, ...)."""
    found = set()
    for source in sorted((REPO / "assets").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = {"scan_error": 1, "of": 2}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            for choice in (arg.body, arg.orelse) if isinstance(arg, ast.IfExp) else (arg,):
                if isinstance(choice, ast.Constant) and isinstance(choice.value, str):
                    found.add(choice.value)
    return found


def ts_translations(context: str) -> dict[str, str]:
    out = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                out[message.findtext("source") or ""] = translation.text or ""
    return out


def test_every_assets_template_is_in_the_catalogue_with_a_chinese_translation() -> None:
    from vitrine.app.window.message_catalogue import SCAN_TEMPLATES

    templates = assets_templates()
    assert len(templates) > 80  # the walk found the readers' calls
    assert "unknown PLY format line {line}" in templates and "the glTF JSON is malformed ({error})" in templates
    assert sorted(templates - set(SCAN_TEMPLATES)) == []
    chinese = ts_translations("ScanMessages")
    for template in templates:
        text = chinese.get(template, "")
        assert text and text != template, template
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(template)), template
        # no English sentence left: once the placeholders are gone, only format names remain in Latin letters
        words = set(LATIN_WORD.findall(PLACEHOLDER.sub("", text)))
        assert words <= {"glTF", "JSON", "base", "Draco", "bufferView", "accessor", "end_header", "format",
                         "element", "property", "data", "ASCII", "solid", "facet"}, (template, words)


def test_the_walk_finds_both_branches_of_a_conditional_template() -> None:
    assert {"texture {name} is not found; a placeholder checker texture is used",
            "texture {name} is unreadable; a placeholder checker texture is used"} <= assets_templates()


@pytest.fixture
def chinese():
    from vitrine.app.window.translations import install_translations, remove_translations
    # the .qm beside the .ts (qm_path's folder is the user's cache while the .qm is stale)
    subprocess.run([sys.executable, str(TS.parent / "build_translations.py"), "--release-only"],
                   check=True, capture_output=True, cwd=REPO)
    assert install_translations("zh_CN")
    yield
    remove_translations()


def _error(call, *args):
    from vitrine.assets.scan_errors import ScanError
    with pytest.raises(ScanError) as error:
        call(*args)
    return error.value


def test_bad_files_read_in_english_in_the_cli_and_in_chinese_in_the_editor(qapp, chinese, tmp_path: Path) -> None:
    from vitrine.app.window.message_catalogue import scan_error_text, scan_problem_text, translate_message
    from vitrine.assets.scan_loading import load_scan, peek_counts

    ply = tmp_path / "bad.ply"
    ply.write_bytes(b"ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                    b"property float z\nelement face 1\nproperty list uchar int vertex_indices\n"
                    b"end_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 9\n")
    bad_index = _error(load_scan, ply)
    assert str(bad_index) == "bad.ply: 1 face indices point outside the 3 vertices"
    assert scan_error_text(bad_index) == "bad.ply: 1 个面索引超出了 3 个顶点的范围"

    header = tmp_path / "odd.ply"
    header.write_bytes(b"ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nbogus line\nend_header\n1\n")
    error = _error(peek_counts, header)
    assert str(error) == "odd.ply: unexpected PLY header line 'bogus line'"
    assert scan_error_text(error) == "odd.ply: 意外的 PLY 文件头行 'bogus line'"

    glb = tmp_path / "old.glb"
    glb.write_bytes(b"glTF" + struct.pack("<II", 1, 28) + struct.pack("<II", 8, 0x4E4F534A) + b"{}      ")
    error = _error(load_scan, glb)
    assert str(error) == "old.glb: GLB version 1 is not supported (only glTF 2.0)"
    assert scan_error_text(error) == "old.glb: 不支持 GLB 版本 1（仅支持 glTF 2.0）"

    obj = tmp_path / "pot.obj"
    obj.write_text("mtllib gone.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n", encoding="utf-8")
    problems = {p.code: p.as_dict() for p in load_scan(obj).problems}
    assert problems["missing_material"]["message"] == \
        "material library 'gone.mtl' is not found; colours and textures are lost"
    assert scan_problem_text(problems["missing_material"]) == "未找到材质库 'gone.mtl'；颜色和纹理将丢失"

    refused = translate_message("ScanMessages", "uses {extension} ({what}), which cannot be decoded here; "
                                "re-export the file without that compression",
                                {"extension": "EXT_meshopt_compression", "what": "meshoptimizer-compressed buffers"},
                                "english")
    assert refused == "使用了 EXT_meshopt_compression（meshoptimizer 压缩的缓冲区），此处无法解码；请不使用该压缩重新导出文件"


def test_references_out_of_the_scans_folder_read_in_chinese(qapp, chinese, tmp_path: Path) -> None:
    from vitrine.app.window.message_catalogue import scan_error_text, scan_problem_text
    from vitrine.assets.scan_loading import load_scan
    from tests.assets.unusual.corpus import INVALID
    from tests.assets.unusual.hostile_files import ply_texture_outside

    error = _error(load_scan, INVALID["gltf buffer absolute path"][0](tmp_path))
    assert str(error) == ("uri-buffer.gltf: refers to '/etc/passwd', which is outside the scan's folder; "
                          "only files in the scan's folder are read")
    assert scan_error_text(error) == "uri-buffer.gltf: 引用了 '/etc/passwd'，它位于扫描所在文件夹之外；只读取扫描所在文件夹中的文件"
    problems = {p.code: p.as_dict() for p in load_scan(ply_texture_outside(tmp_path)).problems}
    assert scan_problem_text(problems["missing_texture"]) == \
        "纹理 '/etc/hostname.png' 位于扫描所在文件夹之外，未被读取；改用占位棋盘格纹理"


def test_export_summary_lines_and_warnings_read_in_chinese(qapp, chinese) -> None:
    import json
    import pickle

    from vitrine.app.dialogs.export_summary import ExportSummaryDialog
    from vitrine.app.window.message_catalogue import EXPORT_TEMPLATES, export_message_text
    from vitrine.exporters.export_messages import ExportMessage
    from vitrine.exporters.publication.policy import ArtifactPolicy
    from vitrine.exporters.publication.publishing import Publication
    from vitrine.scenes.exhibit_model import Artifact, Exhibit

    art = Artifact(name="Vase", asset_id="x" * 64)
    pub = Publication("e" * 32, recipient="Museum B", marked=True,
                      policies={art.id: ArtifactPolicy("high", True, "rights")},
                      published={art.id: [{"level": "medium", "faces": 150000, "points": 0, "texture": 2048},
                                          {"level": "high", "faces": 480000, "points": 0, "texture": 4096}]})
    [line] = pub.summary_lines(Exhibit(title={"en": "Show"}, artifacts=[art]))
    english = "Vase: medium, high (finest: 480,000 faces, textures up to 4096 px; limit high by rights); marked for Museum B"
    assert line == english and json.dumps(line) == json.dumps(english)  # the CLI's line, unchanged
    assert pickle.loads(pickle.dumps(line)).template == line.template
    assert export_message_text(line) == \
        "Vase：中、高（最精细：480,000 个面，纹理最大 4096 像素；上限 高，依据权利声明）；已为 Museum B 加标记"

    warning = ExportMessage("fonts: no font for the {script} script; install the Debian package "
                            "{package} (kiosks without internet may show boxes)", script="Tibetan",
                            package="fonts-noto-core")
    assert warning.template in EXPORT_TEMPLATES
    assert export_message_text(warning) == "字体：没有 Tibetan 文字的字体；请安装 Debian 软件包 fonts-noto-core（无网络的展台可能显示方框）"
    assert export_message_text("a line with no template") == "a line with no template"

    class Report:
        out_dir, zip_path, files, bytes, profile, recipient = "/tmp/out", None, 3, 1000, "web", "Museum B"
        fingerprint, key_created, key_path = "ab:cd", False, None
        published, warnings = [line], [warning]

    dialog = ExportSummaryDialog(Report(), [])
    assert dialog.findChild(type(dialog.warnings), "publishedList").item(0).text() == export_message_text(line)
    assert dialog.warnings.item(0).text().startswith("字体：")
    dialog.close()


def _literal_templates(sources: list[Path], callees: tuple[str, ...]) -> set[str]:
    """The first argument of every call to one of ``callees`` in ``sources``; each must be a
    literal, so that the catalogue can list it."""
    used = set()
    for source in sources:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in callees and node.args:
                assert isinstance(node.args[0], ast.Constant), f"{source}: {node.func.id} needs a literal template"
                used.add(node.args[0].value)
    return used


def test_every_export_template_has_a_chinese_translation() -> None:
    from vitrine.app.window.message_catalogue import EXPORT_TEMPLATES

    sources = sorted(set((REPO / "exporters").rglob("*.py")) - {REPO / "exporters" / "export_messages.py"})
    used = _literal_templates(sources, ("ExportMessage",))
    assert len(used) >= 15 and sorted(used - set(EXPORT_TEMPLATES)) == []
    chinese = ts_translations("ExportMessages")
    for template in EXPORT_TEMPLATES:
        text = chinese.get(template, "")
        assert text and text != template, template
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(template)), template


def test_every_reason_template_is_in_the_catalogue() -> None:
    from vitrine.app.window.message_catalogue import SCAN_TEMPLATES

    sources = [*sorted((REPO / "assets").rglob("*.py")), REPO / "app" / "workflows" / "project_import.py"]
    used = _literal_templates(sources, ("T", "TemplatedText"))
    assert len(used) >= 18 and sorted(used - set(SCAN_TEMPLATES)) == []
    chinese = ts_translations("ScanMessages")
    for template in used:
        text = chinese.get(template, "")
        assert text and text != template, template
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(template)), template


def test_unit_and_up_axis_reasons_read_in_chinese(qapp, chinese) -> None:
    import numpy as np
    import trimesh

    from vitrine.app.window.message_catalogue import scan_reason_text
    from vitrine.assets.inspection import guess_units, inspect_scan
    from vitrine.assets.scan_model import Scan
    from vitrine.assets.templated_text import TemplatedText

    unit, reason = guess_units(np.array([300.0, 120.0, 80.0]))
    assert (unit, reason) == ("mm", "The largest side is 300 units; read as millimetres that is a 0.30 m object.")
    assert scan_reason_text(reason) == "最长边为 300 个单位；按毫米读取，物体长 0.30 米。"
    assert scan_reason_text(guess_units(np.array([1e6, 1.0, 1.0]))[1]) == \
        "最长边为 1e+06 个单位，按任何常用单位都不像是一件展品的尺寸。"

    box = trimesh.creation.box((0.2, 0.3, 0.1))  # a box stands stably on a flat base
    report = inspect_scan(Scan(Path("box.ply"), "PLY", mesh=box))
    up = report["up_axis_reason"]
    assert isinstance(up, TemplatedText) and up.template
    text = scan_reason_text(up)
    assert text != str(up) and not re.search(r"[A-Za-z]{4,}", re.sub(r"\b(PLY|glTF|OBJ)\b", "", text)), text

    warning = TemplatedText("{file}: units could not be guessed ({reason}); metres assumed — correct them in the "
                            "Inspector or with --units", file="cube.obj", reason=guess_units(np.array([1e6, 1, 1]))[1])
    assert scan_reason_text(warning) == ("cube.obj：无法推测单位（最长边为 1e+06 个单位，按任何常用单位都不像是一件展品的尺寸。）；"
                                         "已假定为米——请在检查器中或用 --units 更正")


def test_what_the_voyager_scene_leaves_out_reads_in_chinese(qapp, chinese) -> None:
    from vitrine.app.window.message_catalogue import export_message_text
    from vitrine.exporters.export_messages import ExportMessage
    from vitrine.exporters.standards.svx_scene import _left_out_lines
    from vitrine.scenes.exhibit_model import Exhibit

    lines = _left_out_lines({"zh-Hans"}, [ExportMessage("tour narration audio")], Exhibit(title={"en": "Show"}))
    assert lines == ["scene.svx.json leaves out: zh-Hans texts (Voyager has no Chinese)",
                     "scene.svx.json leaves out: tour narration audio"]
    assert [export_message_text(line) for line in lines] == [
        "scene.svx.json 略去了：zh-Hans 文字（Voyager 不支持中文）",
        "scene.svx.json 略去了：导览解说音频"]
