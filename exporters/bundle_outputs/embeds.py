"""Bundle output: a page per artifact for museums' collection pages (``embed/<slug>.html``: that
artifact alone, minimal UI, the same signed viewer and data), its oEmbed description
(``embed/<slug>.oembed.json``, when the public URL is known, since oEmbed needs absolute URLs),
and the search/sharing metadata (schema.org JSON-LD, Open Graph) of index.html and each embed."""
from __future__ import annotations

import html
import json
from pathlib import PurePosixPath

from vitrine.scenes.storage.exhibit_format import escape_lone_surrogates

from vitrine.exporters.pages.html_text import html_safe
from vitrine.exporters.pages.public_links import embed_url
from vitrine.exporters.pages.web_metadata import insert_head, jsonld_script, meta_tags, model_jsonld
from .context import BundleContext

EMBED_WIDTH, EMBED_HEIGHT = 640, 480


def artifact_slug(art: dict) -> str:
    """The artifact's folder name under models/ (the bundle writer's slug)."""
    return PurePosixPath(art["models"][0]["file"]).parent.name


def _poster(ctx: BundleContext, name: str) -> str | None:
    """posters/<name>.webp when this bundle has it (written by the poster output)."""
    rel = f"posters/{name}.webp"
    return rel if (ctx.root / rel).is_file() else None


def iframe_snippet(src: str, title: str) -> str:
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    return (f'<iframe src="{e(src)}" width="{EMBED_WIDTH}" height="{EMBED_HEIGHT}" title="{e(title)}" '
            f'style="border:0;max-width:100%" allow="xr-spatial-tracking; fullscreen" loading="lazy"></iframe>')


def _embed_page(index: str, art: dict, title: str, head: str) -> str:
    page = index.replace("base-uri 'none'", "base-uri 'self'")
    # the embed lives in embed/: <base> makes every relative path (scripts, data, models) the bundle's
    page = page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<base href="../">', 1)
    attr = html.escape(art["id"], quote=True)
    page = page.replace('<main id="vitrine" class="vt-root">',
                        f'<main id="vitrine" class="vt-root" data-embed-artifact="{attr}">', 1)
    start, end = page.find("<title>"), page.find("</title>")
    if start >= 0 and end > start:
        page = page[:start] + f"<title>{html.escape(title)}</title>" + page[end + len("</title>"):]
    return insert_head(page, head)


def write_embeds(ctx: BundleContext) -> None:
    doc, base = ctx.document, ctx.public_url
    lang = (doc.get("languages") or ["en"])[0]
    site = doc.get("institution") or ""
    ex_title = (doc.get("title") or {}).get(lang) or next((v for v in (doc.get("title") or {}).values() if v), "Exhibit")
    ex_desc = (doc.get("description") or {}).get(lang, "")
    index_path = ctx.root / "index.html"
    index = index_path.read_text("utf-8")
    models = []
    for art in doc.get("artifacts", []):
        slug = artifact_slug(art)
        poster = _poster(ctx, slug)
        page = f"embed/{slug}.html" if ctx.profile == "web" else "index.html"
        model = model_jsonld(doc, art, lang, base, page, poster)
        models.append(model)
        if ctx.profile != "web":
            continue  # a kiosk is not embedded anywhere
        title = f"{model['name']} — {ex_title}"
        oembed = None
        if base:
            oembed = f"{base}embed/{slug}.oembed.json"
            info = {"version": "1.0", "type": "rich", "title": title, "provider_name": site or ex_title,
                    "provider_url": base, "html": iframe_snippet(embed_url(base, slug), title),
                    "width": EMBED_WIDTH, "height": EMBED_HEIGHT}
            if poster:
                info.update(thumbnail_url=base + poster, thumbnail_width=EMBED_WIDTH, thumbnail_height=EMBED_HEIGHT)
            (ctx.root / "embed").mkdir(exist_ok=True)
            (ctx.root / "embed" / f"{slug}.oembed.json").write_text(
                escape_lone_surrogates(json.dumps(info, ensure_ascii=False, indent=1)) + "\n", encoding="utf-8")
        head = "\n".join([jsonld_script({"@context": "https://schema.org", **model}),
                          meta_tags(title, model["description"] or ex_desc, embed_url(base, slug) if base else "",
                                    (base + poster) if (base and poster) else poster, site, lang, oembed)])
        (ctx.root / "embed").mkdir(exist_ok=True)
        (ctx.root / page).write_text(html_safe(_embed_page(index, art, title, head)), encoding="utf-8")
    poster = _poster(ctx, "exhibit")
    page_data = {"@context": "https://schema.org", "@type": "WebPage", "name": ex_title, "description": ex_desc,
                 "inLanguage": lang, "hasPart": models}
    if base:
        page_data["url"] = base + "index.html"
    if poster:
        page_data["image"] = (base + poster) if base else poster
    head = "\n".join([jsonld_script(page_data),
                      meta_tags(ex_title, ex_desc, base + "index.html" if base else "",
                                (base + poster) if (base and poster) else poster, site, lang)])
    index_path.write_text(html_safe(insert_head(index, head)), encoding="utf-8")
