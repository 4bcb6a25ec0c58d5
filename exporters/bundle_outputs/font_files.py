"""Bundle output: fonts/<family>-<script>.woff2 subsets and fonts.css, linked from index.html.

A kiosk has no internet and often no fonts beyond Latin, so the bundle carries, per script the
exhibit shows (Arabic, Tibetan, Yi, CJK, …), a subset of the installed Noto font with exactly
the characters used, and fonts.css maps them with ``unicode-range`` into one family that the
page's font stack puts first. Latin, Greek and Cyrillic use system fonts: nothing is written
for an exhibit that only uses them.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from vitrine.exporters.fonts.script_fonts import script_group
from vitrine.exporters.fonts.subsets import make_subset, plan_subsets, unicode_range

from vitrine.exporters.export_messages import ExportMessage
from .context import BundleContext

FAMILY = "Vitrine Script"
FONTS_DIR = "fonts"
CSS_NAME = "fonts.css"
VIEWER_CSS_LINK = '<link rel="stylesheet" href="viewer.css">'
_DEFAULT_STACK = 'system-ui, "Noto Sans", sans-serif'


def write_font_subsets(ctx: BundleContext) -> None:
    texts = list(_strings(ctx.document))
    plan = plan_subsets(texts, list(ctx.exhibit.languages))
    # the viewer's own labels (visitor.json, built into viewer.js) in the scripts already needed
    viewer_js = ctx.root / "viewer.js"
    if plan.subsets and viewer_js.is_file():
        labels = _script_text(viewer_js.read_text("utf-8", errors="replace"))
        for item in plan.subsets:
            item.optional = frozenset(c for c in labels if script_group(c) == item.code)
    for font in plan.missing:
        ctx.report.warnings.append(ExportMessage("fonts: no font for the {script} script; install the Debian package "
                                                 "{package} (kiosks without internet may show boxes)",
                                                 script=font.name, package=font.package))
    if not plan.subsets:
        return
    rules = []
    (ctx.root / FONTS_DIR).mkdir(exist_ok=True)
    for item in plan.subsets:
        make_subset(item)
        if item.unmapped:
            ctx.report.warnings.append(ExportMessage("fonts: {font} has no glyph for {count} {script} character(s): {chars}",
                                                     font=item.font.path.name, count=len(item.unmapped),
                                                     script=item.font.name, chars="".join(sorted(item.unmapped))[:20]))
        drawn = item.chars
        if not drawn:
            continue
        (ctx.root / FONTS_DIR / item.file_name).write_bytes(item.data)
        rules.append(f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: 400; '
                     f'font-display: swap;\n  src: url("{FONTS_DIR}/{item.file_name}") format("woff2");\n'
                     f'  unicode-range: {unicode_range(drawn)}; }}')
    if not rules:
        return
    stack = _viewer_font_stack(ctx)
    css = ("/* Font subsets for the scripts this exhibit uses (SIL Open Font License, notices inside "
           "each font). Written by Vitrine. */\n" + "\n".join(rules) +
           f'\n:root {{ font-family: "{FAMILY}", {stack}; }}\n')
    (ctx.root / CSS_NAME).write_text(css, encoding="utf-8")
    index = ctx.root / "index.html"
    page = index.read_text("utf-8")
    if VIEWER_CSS_LINK not in page:
        ctx.report.warnings.append(ExportMessage("fonts: index.html has no viewer.css link; fonts.css is not linked"))
        return
    index.write_text(page.replace(VIEWER_CSS_LINK, f'{VIEWER_CSS_LINK}\n<link rel="stylesheet" href="{CSS_NAME}">', 1),
                     encoding="utf-8")


def _viewer_font_stack(ctx: BundleContext) -> str:
    """The viewer's own :root font stack, so fonts.css only puts the subsets in front of it."""
    css = ctx.root / "viewer.css"
    text = css.read_text("utf-8") if css.is_file() else ""
    m = re.search(r":root\s*\{[^}]*?font-family:\s*([^;}]+)", text)
    return m.group(1).strip() if m else _DEFAULT_STACK


def _script_text(js: str) -> set[str]:
    """The characters of a built script, with esbuild's ASCII escapes (\\uXXXX, \\u{X}) decoded."""
    chars = set(js) - {"\ufffd"}
    for m in re.finditer(r"\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})", js):
        code = int(m.group(1) or m.group(2), 16)
        if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            chars.add(chr(code))
    return chars


def _strings(value: Any) -> Iterator[str]:
    """Every string in the viewer document (what visitors can see, and ids that are ASCII)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
