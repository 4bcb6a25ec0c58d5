"""The exported viewer's own interface labels, for the editor's visitor preview.

The preview must read like the viewer, whose labels follow the *visitor's* language
(the exhibit language chosen in the preview), not the editor's UI language. So these
are a copy of the matching entries of ``exporters/viewer/src/i18n_labels.js`` rather
than Qt translations; ``tests/app/test_visitor_preview.py`` checks the copy against
the JavaScript so the two cannot drift apart.
"""
from __future__ import annotations

import re
from typing import Mapping

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "language": "Language",
        "close": "Close",
        "annotations": "Points of interest",
        "tours": "Tours",
        "startTour": "Start tour",
        "pause": "Pause",
        "resume": "Resume",
        "next": "Next step",
        "previous": "Previous step",
        "endTour": "End tour",
        "stepOf": "Step {n} of {total}",
        "imageCredit": "Image: {credit}",
        "openAnnotation": "Open: {title}",
    },
    "zh-Hans": {
        "language": "语言",
        "close": "关闭",
        "annotations": "看点",
        "tours": "导览",
        "startTour": "开始导览",
        "pause": "暂停",
        "resume": "继续",
        "next": "下一步",
        "previous": "上一步",
        "endTour": "结束导览",
        "stepOf": "第 {n} 步，共 {total} 步",
        "imageCredit": "图片：{credit}",
        "openAnnotation": "打开：{title}",
    },
}


def label_table(tag: str) -> Mapping[str, str]:
    """Best table for a BCP-47 tag, as the viewer's ``labelTable``: exact, Simplified
    Chinese for any zh tag that is not Traditional, same primary subtag, else English."""
    if tag in LABELS:
        return LABELS[tag]
    lower = (tag or "").lower()
    if lower.startswith("zh") and not re.search(r"hant|tw|hk|mo", lower):
        return LABELS["zh-Hans"]
    primary = lower.split("-")[0]
    for key, table in LABELS.items():
        if key.lower().split("-")[0] == primary and primary != "zh":
            return table
    return LABELS["en"]


def label(tag: str, key: str, **values: object) -> str:
    """The label ``key`` in the visitor language ``tag`` with ``{name}`` placeholders filled."""
    template = label_table(tag).get(key) or LABELS["en"].get(key, key)
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0),
                  template)
