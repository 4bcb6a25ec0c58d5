"""The file name of an MTL texture statement (``map_Kd [options] file``).

The MTL specification lets options come before the file name, e.g.
``map_Kd -bm 1.0 tex.png`` or ``map_Kd -s 1 1 1 -o 0 0 0 albedo.jpg``; trimesh hands the
whole rest of the line to its resolver, so without this the texture was looked up as
``-bm 1.0 tex.png`` and silently lost.  What remains after the options is the name, spaces
included (``map_Kd my albedo.jpg``).
"""
from __future__ import annotations

import re

# Option -> how many arguments it takes: an int is exact, a (min, max) range takes numbers
# while they read as numbers (-o, -s and -t take u, optionally v and w).
_OPTIONS: dict[str, int | tuple[int, int]] = {
    "-blendu": 1, "-blendv": 1, "-bm": 1, "-boost": 1, "-cc": 1, "-clamp": 1, "-imfchan": 1,
    "-mm": 2, "-texres": 1, "-type": 1, "-o": (1, 3), "-s": (1, 3), "-t": (1, 3),
}
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_TOKEN = re.compile(r"\S+")


def texture_file_name(arguments: str) -> str:
    """The file name in the arguments of an MTL ``map_*`` statement (everything after the
    keyword): known options and their values are skipped, the rest (stripped, inner spaces
    kept) is the name.  An unknown option is kept as part of the name."""
    text = arguments.strip()
    pos = 0
    while True:
        match = _TOKEN.search(text, pos)
        if match is None or match.group().lower() not in _OPTIONS:
            break
        want = _OPTIONS[match.group().lower()]
        lo, hi = (want, want) if isinstance(want, int) else want
        pos, taken = match.end(), 0
        while taken < hi:
            arg = _TOKEN.search(text, pos)
            # a range option stops at the first non-number; at least ``lo`` values are taken
            # and the name itself is never eaten
            if arg is None or (taken >= lo and not _NUMBER.match(arg.group())):
                break
            if _TOKEN.search(text, arg.end()) is None:
                break
            pos, taken = arg.end(), taken + 1
    return text[pos:].strip()


__all__ = ["texture_file_name"]
