"""MTL texture statements with options before the file name, and names with spaces (issue 17)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.assets.atlas_scans import ATLAS_COLOURS, write_atlas_obj
from vitrine.assets.formats.mtl_options import texture_file_name
from vitrine.assets.scan_loading import load_scan


@pytest.mark.parametrize("arguments, name", [
    ("tex.png", "tex.png"),
    ("-bm 1.0 tex.png", "tex.png"),
    ("-s 1 1 1 -o 0 0 0 albedo.jpg", "albedo.jpg"),
    ("-o 0.5 -clamp on albedo.jpg", "albedo.jpg"),        # -o with u only
    ("-s 1 2 albedo.jpg", "albedo.jpg"),                   # -s with u v
    ("my albedo.jpg", "my albedo.jpg"),
    ("-mm 0 1 -imfchan l  scan texture 2.png ", "scan texture 2.png"),
    ("-BM 0.5 Tex.PNG", "Tex.PNG"),                        # options are case-insensitive
    ("-s 1 1 1 2.png", "2.png"),                           # a numeric name is still the name
    ("-unknown x tex.png", "-unknown x tex.png"),          # never guess at an unknown option
])
def test_texture_file_name_skips_options(arguments: str, name: str) -> None:
    assert texture_file_name(arguments) == name


@pytest.mark.parametrize("lines, names", [
    (("map_Kd -bm 1.0 a0.png", "map_Kd -s 1 1 1 -o 0 0 0 a1.png", "map_Kd -clamp on -o 0.1 a2.png",
      "map_Kd -blendu off -blendv off -texres 256 a3.png"), ("a0.png", "a1.png", "a2.png", "a3.png")),
    (("map_Kd my atlas 0.png", "map_Kd -bm 1 my atlas 1.png", "map_Kd  my   atlas 2.png ",
      "map_Kd -s 1 1 1 my atlas 3.png"), ("my atlas 0.png", "my atlas 1.png", "my   atlas 2.png", "my atlas 3.png")),
])
def test_obj_textures_with_options_and_spaces_are_loaded(tmp_path: Path, lines, names) -> None:
    obj = write_atlas_obj(tmp_path, cells=8, side=16, names=names, map_lines=lines)
    scan = load_scan(obj)
    assert not [p for p in scan.problems if p.code == "missing_texture"]
    # every atlas's own colour is in the loaded texture(s): none is the placeholder checker
    images = scan.atlases or [scan.texture]
    pixels = np.concatenate([np.asarray(im.convert("RGB")).reshape(-1, 3) for im in images])
    found = {tuple(int(c) for c in row) for row in np.unique(pixels, axis=0)}
    assert set(ATLAS_COLOURS) <= found
    assert (200, 0, 200) not in found
