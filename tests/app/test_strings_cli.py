"""`vitrine strings export/import/missing`: the XLIFF round trip on the sample exhibit and
bad input (one line, exit 2, project unchanged)."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vitrine.app.cli import main
from vitrine.scenes.storage.project_store import Project
from vitrine.scenes.translations.xliff_format import XLIFF_NS

ROOT = Path(__file__).resolve().parents[2]
NS = {"x": XLIFF_NS}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitrine.app.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
    return write_sample_exhibit(tmp_path_factory.mktemp("strings") / "sample").path


def fill_targets(xlf: Path, make) -> None:
    ET.register_namespace("", XLIFF_NS)
    tree = ET.parse(xlf)
    for unit in tree.getroot().iterfind(".//x:unit", NS):
        seg = unit.find("x:segment", NS)
        tgt = seg.find("x:target", NS)
        if tgt is None:
            tgt = ET.SubElement(seg, f"{{{XLIFF_NS}}}target")
        tgt.text = make(unit.get("id"), seg.find("x:source", NS).text)
        seg.set("state", "translated")
    tree.write(xlf, encoding="utf-8", xml_declaration=True)


def test_round_trip_on_the_sample_leaves_nothing_missing(sample: Path, tmp_path: Path, capsys) -> None:
    project = tmp_path / "rt.vitrine"
    Project.open(sample).save_as(project)
    xlf = tmp_path / "fr.xlf"
    assert main(["strings", "missing", str(project), "--lang", "fr", "--json"]) == 1
    before = json.loads(capsys.readouterr().out)
    assert len(before["missing"]["fr"]) == before["units"] > 10
    assert main(["strings", "export", str(project), "--target", "fr", "--out", str(xlf)]) == 0
    capsys.readouterr()
    exported = [u.get("id") for u in ET.parse(xlf).getroot().iterfind(".//x:unit", NS)]
    cue_ids = [uid for uid in exported if ".captions." in uid]
    assert cue_ids  # the sample's chime has captions
    # the missing list names what the export writes: every text and every caption cue
    assert [m["id"] for m in before["missing"]["fr"]] == exported
    fill_targets(xlf, lambda uid, src: f"FR: {src}")
    assert main(["strings", "import", str(project), str(xlf)]) == 0
    assert f"fr: {len(exported)} updated, 0 unchanged, 0 untranslated, 0 refused" in capsys.readouterr().out
    opened = Project.open(project)
    ex = opened.document.exhibit
    assert ex.languages == ["en", "zh-Hans", "fr"]
    assert ex.annotations[0].body["fr"] == "FR: " + ex.annotations[0].body["en"]  # newlines kept
    assert "\n\n" in ex.annotations[0].body["fr"]
    # the captions come back as a French captions file for the same recording, with its timings
    owner = ex.annotations[0]
    assert owner.audio["fr"].file == owner.audio["en"].file
    en_vtt = opened.resolve(owner.audio["en"].captions).read_text("utf-8")
    fr_vtt = opened.resolve(owner.audio["fr"].captions).read_text("utf-8")
    from vitrine.scenes.translations.caption_units import parse_vtt
    assert [(c.timing, "FR: " + c.text) for c in parse_vtt(en_vtt)] == [(c.timing, c.text) for c in parse_vtt(fr_vtt)]
    assert main(["validate", str(project), "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [p for p in problems if "fr" in p["message"]] == []
    assert main(["strings", "missing", str(project)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"zh-Hans: 0 of {before['units']} missing",
                                                    f"fr: 0 of {before['units']} missing"]
    # exporting again fills the targets in
    assert main(["strings", "export", str(project), "--target", "fr", "--out", str(xlf)]) == 0
    targets = ET.parse(xlf).getroot().findall(".//x:target", NS)
    assert len(targets) == len(exported) and all(t.text.startswith("FR: ") for t in targets)
    assert main(["strings", "import", str(project), str(xlf)]) == 0
    assert f"fr: 0 updated, {len(exported)} unchanged, 0 untranslated, 0 refused" in capsys.readouterr().out


def test_changed_sources_are_refused_and_listed_the_rest_imported(sample: Path, tmp_path: Path) -> None:
    project_path = tmp_path / "ch.vitrine"
    Project.open(sample).save_as(project_path)
    xlf = tmp_path / "ar.xlf"
    assert run_cli("strings", "export", str(project_path), "--target", "ar", "--out", str(xlf)).returncode == 0
    fill_targets(xlf, lambda uid, src: "ترجمة")
    project = Project.open(project_path)
    ann = project.document.exhibit.annotations[1]
    ann.title["en"] = "Carved signs (revised)"
    project.save()
    proc = run_cli("strings", "import", str(project_path), str(xlf))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines() == [f"refused: {ann.id}.title (Annotation 1 on 'Carved relief tablet': "
                                        "title): its source text changed since the export"]
    ex = Project.open(project_path).document.exhibit
    assert "ar" in ex.languages and "ar" not in ex.annotations[1].title
    assert ex.annotations[0].title["ar"] == "ترجمة"


def test_a_language_without_the_captions_of_a_recording_is_listed(sample: Path, tmp_path: Path, capsys) -> None:
    project_path = tmp_path / "cap.vitrine"
    Project.open(sample).save_as(project_path)
    project = Project.open(project_path)
    owner = next(a for a in project.document.exhibit.annotations if a.audio)
    en, zh = owner.audio["en"], owner.audio["zh-Hans"]
    assert main(["strings", "missing", str(project_path), "--lang", "zh-Hans"]) == 0  # zh-Hans has its captions
    assert capsys.readouterr().out.startswith("zh-Hans: 0 of ")

    zh.captions = None  # the same chime, its Chinese captions dropped
    project.save()
    assert main(["strings", "missing", str(project_path), "--lang", "zh-Hans", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(m["id"], m["source"]) for m in report["missing"]["zh-Hans"]] == [(f"{owner.id}.captions.1", "[a soft chime]")]
    assert "audio captions, cue 1 (00:00.000 --> 00:02.000)" in report["missing"]["zh-Hans"][0]["note"]
    assert main(["strings", "missing", str(project_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"zh-Hans: 1 of {report['units']} missing" and out[1].startswith(f"  {owner.id}.captions.1  ")

    # a Chinese recording of its own: its own captions count (their cues need not match the English ones) ...
    chime = tmp_path / "chime-zh.wav"
    chime.write_bytes(project.resolve(en.file).read_bytes() + b"\0")
    vtt = tmp_path / "chime-zh.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n［钟声］\n\n00:01.000 --> 00:02.000\n［余音］\n", encoding="utf-8")
    zh.file, zh.captions = project.store_media_file(chime), project.store_media_file(vtt)
    project.save()
    assert main(["strings", "missing", str(project_path), "--lang", "zh-Hans"]) == 0
    capsys.readouterr()
    # ... and without captions it leaves the English cue untranslated
    zh.captions = None
    project.save()
    assert main(["strings", "missing", str(project_path), "--lang", "zh-Hans", "--json"]) == 1
    assert [m["id"] for m in json.loads(capsys.readouterr().out)["missing"]["zh-Hans"]] == [f"{owner.id}.captions.1"]


def assert_one_line_exit_2(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_bad_input_is_one_line_exit_2_and_the_project_is_unchanged(sample: Path, tmp_path: Path) -> None:
    project = tmp_path / "bad.vitrine"
    Project.open(sample).save_as(project)
    before = (project / "exhibit.json").read_bytes()
    xlf = tmp_path / "fr.xlf"
    assert main(["strings", "export", str(project), "--target", "fr", "--out", str(xlf)]) == 0
    good = xlf.read_text(encoding="utf-8")
    cases = {
        "notxml.xlf": ("<xliff><unit>", "not well-formed XML"),
        "v12.xlf": (good.replace('version="2.0" ', 'version="1.2" '), "XLIFF version 1.2 is not supported"),
        "unknown.xlf": (good.replace('<unit id="exh-', '<unit id="exh-0000'), "is not in this exhibit"),
        "bomb.xlf": ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                     '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n' + good.split("?>", 1)[1].replace(
                         "<source>", "<source>&b;", 1), "declares a DTD or entities"),
    }
    for name, (text, message) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert_one_line_exit_2(run_cli("strings", "import", str(project), str(tmp_path / name)), name, message,
                               "the project was not changed")
    big = tmp_path / "big.xlf"
    with big.open("wb") as f:
        f.truncate(16 * 1024 * 1024 + 1)
    assert_one_line_exit_2(run_cli("strings", "import", str(project), str(big)), "big.xlf", "the limit is")
    assert_one_line_exit_2(run_cli("strings", "export", str(project), "--target", "klingon!", "--out", str(xlf)),
                           "--target", "not a BCP-47 language tag")
    assert_one_line_exit_2(run_cli("strings", "missing", str(project), "--lang", "en_US"), "--lang", "BCP-47")
    assert (project / "exhibit.json").read_bytes() == before
