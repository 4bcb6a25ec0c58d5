"""What search engines and link previews read in a bundle's pages: schema.org 3DModel JSON-LD
and Open Graph tags, with the poster image (posters/<slug>.webp, posters/exhibit.webp, when the
bundle has them). Every value is curator text: JSON-LD is escaped so no text can end its
<script> element, attributes are HTML-escaped."""
from __future__ import annotations

import html
import json
from typing import Any, Optional

GLB_TYPE = "model/gltf-binary"
USDZ_TYPE = "model/vnd.usdz+zip"


def _text(map_: Any, lang: str) -> str:
    if isinstance(map_, str):
        return map_
    if not isinstance(map_, dict):
        return ""
    return map_.get(lang) or next((v for v in map_.values() if v), "")


def _url(base: str, rel: str) -> str:
    return base + rel if base else rel


def model_jsonld(doc: dict, art: dict, lang: str, base: str, page: str, poster: Optional[str]) -> dict:
    """One artifact as a schema.org 3DModel: its finest published GLB (and USDZ) as encodings."""
    record = art.get("record") or {}
    rights = (art.get("rights") or {}).get("model") or {}
    finest = art["models"][-1]
    encodings = [{"@type": "MediaObject", "contentUrl": _url(base, finest["file"]), "encodingFormat": GLB_TYPE,
                  "contentSize": str(finest.get("bytes", ""))}]
    if art.get("ar"):
        encodings.append({"@type": "MediaObject", "contentUrl": _url(base, art["ar"]["usdz"]),
                          "encodingFormat": USDZ_TYPE})
    out: dict[str, Any] = {
        "@type": "3DModel", "name": _text(record.get("title"), lang) or art.get("name") or art["id"],
        "description": _text(record.get("description"), lang), "identifier": record.get("identifier") or art["id"],
        "url": _url(base, page), "encoding": encodings, "inLanguage": lang,
    }
    if record.get("maker"):
        out["creator"] = {"@type": "Person", "name": record["maker"]}
    if record.get("date"):
        out["temporalCoverage"] = record["date"]
    if rights.get("statement_uri"):
        out["license"] = rights["statement_uri"]
    if rights.get("holder"):
        out["copyrightHolder"] = {"@type": "Organization", "name": rights["holder"]}
    if rights.get("attribution"):
        out["creditText"] = rights["attribution"]
    if poster:
        out["image"] = _url(base, poster)
    return out


def jsonld_script(data: dict) -> str:
    """A <script type="application/ld+json"> element whose text cannot end early: <, > and &
    are written as \\u escapes (still the same JSON), so "</script>" in curator text stays text."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>'


def meta_tags(title: str, description: str, url: str, image: Optional[str], site: str, lang: str,
              oembed: Optional[str] = None) -> str:
    """Open Graph (and Twitter card) tags, attribute-escaped; plus the oEmbed discovery link."""
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    tags = [("og:type", "website"), ("og:title", title), ("og:description", description),
            ("og:site_name", site), ("og:locale", lang.replace("-", "_"))]
    if url:
        tags.append(("og:url", url))
    if image:
        tags += [("og:image", image), ("twitter:card", "summary_large_image")]
    lines = [f'<meta property="{k}" content="{esc(v)}">' for k, v in tags if v]
    if oembed:
        lines.append(f'<link rel="alternate" type="application/json+oembed" href="{esc(oembed)}" title="{esc(title)}">')
    return "\n".join(lines)


def insert_head(page: str, block: str) -> str:
    """``page`` with ``block`` just before its first </head>."""
    at = page.index("</head>")
    return page[:at] + block + "\n" + page[at:]
