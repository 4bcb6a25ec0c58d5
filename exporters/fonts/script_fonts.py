"""Which script a character belongs to, and which installed Noto font draws that script.

Latin, Greek and Cyrillic need no font of their own (every system font has them). Other
scripts are drawn from Debian's fonts-noto-core (/usr/share/fonts/truetype/noto) and
fonts-noto-cjk (/usr/share/fonts/opentype/noto, one collection for Chinese, Japanese and
Korean, whose face is chosen by the exhibit's languages).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from fontTools import unicodedata

NOTO_CORE = Path(os.environ.get("VITRINE_NOTO_CORE_DIR", "/usr/share/fonts/truetype/noto"))
NOTO_CJK = Path(os.environ.get("VITRINE_NOTO_CJK_DIR", "/usr/share/fonts/opentype/noto"))
SYSTEM_SCRIPTS = frozenset({"Latn", "Grek", "Cyrl", "Zyyy", "Zinh", "Zzzz"})
CJK_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Bopo", "Hang"})
# ISO 15924 code -> font file names tried in order (fonts-noto-core)
CORE_FONTS: dict[str, tuple[str, ...]] = {
    "Arab": ("NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf"),
    "Hebr": ("NotoSansHebrew-Regular.ttf",),
    "Tibt": ("NotoSansTibetan-Regular.ttf", "NotoSerifTibetan-Regular.ttf"),
    "Yiii": ("NotoSansYi-Regular.ttf",),
    "Thaa": ("NotoSansThaana-Regular.ttf",),
    "Syrc": ("NotoSansSyriac-Regular.ttf",),
    "Deva": ("NotoSansDevanagari-Regular.ttf",), "Beng": ("NotoSansBengali-Regular.ttf",),
    "Guru": ("NotoSansGurmukhi-Regular.ttf",), "Gujr": ("NotoSansGujarati-Regular.ttf",),
    "Orya": ("NotoSansOriya-Regular.ttf",), "Taml": ("NotoSansTamil-Regular.ttf",),
    "Telu": ("NotoSansTelugu-Regular.ttf",), "Knda": ("NotoSansKannada-Regular.ttf",),
    "Mlym": ("NotoSansMalayalam-Regular.ttf",), "Sinh": ("NotoSansSinhala-Regular.ttf",),
    "Thai": ("NotoSansThai-Regular.ttf",), "Laoo": ("NotoSansLao-Regular.ttf",),
    "Mymr": ("NotoSansMyanmar-Regular.ttf",), "Khmr": ("NotoSansKhmer-Regular.ttf",),
    "Ethi": ("NotoSansEthiopic-Regular.ttf",), "Armn": ("NotoSansArmenian-Regular.ttf",),
    "Geor": ("NotoSansGeorgian-Regular.ttf",), "Mong": ("NotoSansMongolian-Regular.ttf",),
    "Cher": ("NotoSansCherokee-Regular.ttf",), "Nkoo": ("NotoSansNKo-Regular.ttf",),
}
CJK_FILE = "NotoSansCJK-Regular.ttc"
# faces of NotoSansCJK-Regular.ttc, by the family name in its name table
CJK_FACE_FOR_LANGUAGE = (("ja", "Noto Sans CJK JP"), ("ko", "Noto Sans CJK KR"),
                         ("zh-Hant", "Noto Sans CJK TC"), ("zh-TW", "Noto Sans CJK TC"),
                         ("zh-HK", "Noto Sans CJK HK"), ("zh", "Noto Sans CJK SC"))


@dataclass(frozen=True)
class ScriptFont:
    """The font for one script group: ``key`` names the group in file names ('arabic', 'cjk');
    ``path`` is None when no font is installed; ``face`` picks a face of a collection."""

    key: str
    name: str
    path: Optional[Path]
    package: str
    face: Optional[str] = None


def script_group(ch: str) -> Optional[str]:
    """ISO 15924 code of ``ch``'s script ('Hani' for all CJK), or None when system fonts draw
    it (Latin, Greek, Cyrillic) or it belongs to no one script (digits, punctuation, marks)."""
    code = unicodedata.script(ch)
    if code in SYSTEM_SCRIPTS:
        return None
    return "Hani" if code in CJK_SCRIPTS else code


def font_for(code: str, languages: list[str]) -> ScriptFont:
    """The installed font drawing script ``code`` (from :func:`script_group`)."""
    if code == "Hani":
        face = next((f for prefix, f in CJK_FACE_FOR_LANGUAGE
                     if any(lang == prefix or lang.startswith(prefix + "-") for lang in languages)),
                    "Noto Sans CJK SC")
        path = NOTO_CJK / CJK_FILE
        return ScriptFont("cjk", "CJK (Chinese, Japanese, Korean)", path if path.is_file() else None,
                          "fonts-noto-cjk", face)
    name = unicodedata.script_name(code, default=code)
    key = name.lower().replace(" ", "-").replace("_", "-")
    path = next((NOTO_CORE / f for f in CORE_FONTS.get(code, ()) if (NOTO_CORE / f).is_file()), None)
    if path is None:  # a script not in the table: Noto's naming convention
        guess = NOTO_CORE / f"NotoSans{name.replace(' ', '').replace('_', '')}-Regular.ttf"
        path = guess if guess.is_file() else None
    return ScriptFont(key, name, path, "fonts-noto-core")
