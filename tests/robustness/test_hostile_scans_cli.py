"""`vitrine add` and `vitrine batch` on unusual and hostile scans (corpus: tests/assets/unusual/corpus.py):
a good one is added, a bad one is refused with one line naming it and leaves exhibit.json as it
was; in a batch each bad file fails alone with its one line and the others are prepared."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vitrine.app.cli import main
from tests.assets.unusual.corpus import INVALID, VALID, write_all
from tests.assets.unusual.hostile_files import symlinked_texture

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("project")
    assert main(["new", str(folder / "corpus"), "--title", "Corpus"]) == 0
    return folder / "corpus.vitrine"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitrine.app.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_add_refuses_a_hostile_gltf_in_one_line_and_changes_nothing(project: Path, tmp_path: Path) -> None:
    before = (project / "exhibit.json").read_bytes()
    proc = _cli("add", str(project), str(INVALID["gltf buffer ../../etc/passwd"][0](tmp_path)))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == ["vitrine: uri-buffer.gltf: refers to '../../../../../../etc/passwd', which is "
                                        "outside the scan's folder; only files in the scan's folder are read"]
    assert (project / "exhibit.json").read_bytes() == before


@pytest.mark.parametrize("case, message", [
    ("obj NaN vertex", "nan.obj: 1 of 4 vertices have NaN or infinite coordinates"),
    ("ply header claims 10^9 faces", "lying.ply: the header claims 1,000,000,000 face elements but the file holds "
                                     "only 100 bytes of data"),
    ("glb KTX2-only texture", "texture-ktx2.glb: uses KHR_texture_basisu (KTX2/Basis textures), which cannot be "
                              "decoded here; re-export the file without that compression"),
    ("directory named scan.ply", "{path}: is a folder, not a scan file (vitrine batch prepares every scan in a folder)"),
])
def test_add_refuses_a_bad_scan_in_one_line_and_changes_nothing(project: Path, tmp_path: Path, capsys, case: str,
                                                                 message: str) -> None:
    before = (project / "exhibit.json").read_bytes()
    scan = INVALID[case][0](tmp_path)
    assert main(["add", str(project), str(scan)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.splitlines() == ["vitrine: " + message.format(path=scan)]
    assert (project / "exhibit.json").read_bytes() == before


def test_add_says_what_it_left_out(project: Path, tmp_path: Path, capsys) -> None:
    """A texture behind a symlink out of the scan's folder: the scan is added, one warning says why it is untextured."""
    assert main(["add", str(project), str(symlinked_texture(tmp_path))]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "vitrine: warning: linked.obj: texture 'tex.png' is outside the scan's folder and is not read; " \
           "a placeholder checker texture is used" in err


def test_add_keeps_a_meshlab_textured_ply_textured(project: Path, tmp_path: Path, capsys) -> None:
    """Per-corner texcoords (MeshLab's textured PLY) reach the project's level GLB as UVs and an image."""
    scan = VALID["ply per-corner texcoord binary"][0](tmp_path)
    assert main(["add", str(project), str(scan)]) == 0
    artifact_id = capsys.readouterr().out.strip().splitlines()[-1]
    doc = json.loads((project / "exhibit.json").read_text("utf-8"))
    artifact = next(a for a in doc["artifacts"] if a["id"] == artifact_id)
    asset = next(a for a in doc["assets"] if a["id"] == artifact["asset_id"])
    glb = (project / asset["levels"][0]["file"]).read_bytes()
    gltf = json.loads(glb[20:20 + int.from_bytes(glb[12:16], "little")])
    prim = gltf["meshes"][0]["primitives"][0]
    assert "TEXCOORD_0" in prim["attributes"] and len(gltf["images"]) == 1
    assert gltf["accessors"][prim["attributes"]["POSITION"]]["count"] == 10  # seams split: 10 corners


def test_batch_prepares_the_good_and_fails_each_bad_file_in_one_line(tmp_path: Path, capsys) -> None:
    source = tmp_path / "incoming"
    source.mkdir()
    chosen = ["ply per-corner texcoord ascii", "obj negative indices, o/g", "glb sparse accessor",
              "gltf buffer absolute path", "stl binary inf vertex", "directory named scan.ply", "FIFO named scan.ply"]
    for i, case in enumerate(chosen):
        sub = source / f"{i}"
        sub.mkdir()
        writer = VALID[case][0] if case in VALID else INVALID[case][0]
        writer(sub)
    out = tmp_path / "collection"
    assert main(["batch", str(source), "--out", str(out), "--workers", "1", "--json"]) == 1
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert (summary["prepared"], summary["failed"]) == (3, 2)
    # a FIFO would have blocked the batch forever when hashed; it is skipped with a warning
    assert f"vitrine: warning: {source / '6' / 'pipe.ply'}: not a regular file; skipped" in captured.err.splitlines()
    entries = {Path(e["source"]).name: e for e in json.loads((out / "catalogue.json").read_text("utf-8"))["entries"]}
    assert {n for n, e in entries.items() if e["status"] == "prepared"} == {
        "wedge-ascii.ply", "negative.obj", "sparse.glb"}
    assert entries["uri-buffer.gltf"]["error"] == ("uri-buffer.gltf: refers to '/etc/passwd', which is outside the "
                                                   "scan's folder; only files in the scan's folder are read")
    assert entries["inf.stl"]["error"] == "inf.stl: 1 of 12 vertices have NaN or infinite coordinates"
    assert entries["negative.obj"]["summary"]["faces"] == 4


def test_every_corpus_file_is_written(tmp_path: Path) -> None:
    """The corpus writer makes each case in its own folder (for surveys by hand: see tests/assets/unusual/corpus.py)."""
    paths = write_all(tmp_path)
    assert len(paths) == len(VALID) + len(INVALID)
    assert all(p.exists() for p in paths.values())
