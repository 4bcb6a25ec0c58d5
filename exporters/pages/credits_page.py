"""The static credits page (``credits.html``): who made the exhibit and who holds which rights.

Lists the exhibit's credits and institution, every artifact's catalogue record
with object and model rights, every image, audio and captions rights item,
capture provenance and processing steps, and the publisher's key fingerprint.
All curator text is HTML-escaped.
"""
from __future__ import annotations

from html import escape
from typing import Iterable

from vitrine.scenes.exhibit_model import Exhibit, Rights

from vitrine.exporters.document.object_metadata import measured_dimensions, rights_text


def _t(text: dict[str, str], lang: str) -> str:
    return text.get(lang) or next((v for v in text.values() if v), "")


def _rights(label: str, rights: Rights) -> str:
    uri = rights.statement_uri.strip()
    parts = []
    who = rights.attribution.strip() or rights.holder.strip()
    if who:
        parts.append(escape(who))
    if rights.holder.strip() and rights.attribution.strip() and rights.holder.strip() != rights.attribution.strip():
        parts.append("holder: " + escape(rights.holder))
    if uri:
        if uri.startswith(("http://", "https://")):
            parts.append(f'<a href="{escape(uri, quote=True)}">{escape(uri)}</a>')
        else:
            parts.append(escape(uri))
    body = " — ".join(parts) if parts else '<em class="missing">no rights statement</em>'
    return f"<dt>{escape(label)}</dt><dd>{body}</dd>"


def _dl(rows: Iterable[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows if v)
    return f"<dl>{items}</dl>" if items else ""


def render_credits(exhibit: Exhibit, *, fingerprint: str, generator: str, created: str,
                   media_rights: list[tuple[str, Rights]]) -> str:
    """The credits page HTML. ``media_rights`` lists (description, rights) of each exported media item."""
    lang = exhibit.languages[0] if exhibit.languages else "en"
    title = _t(exhibit.title, lang) or "Exhibit"
    assets = {a.id: a for a in exhibit.assets}
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang, quote=True)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Credits — {escape(title)}</title>",
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em}"
        "dt{font-weight:600}dd{margin:0 0 .5em 1.5em}.missing{color:#a33}code{word-break:break-all}</style>",
        "</head><body>",
        f"<h1>Credits — {escape(title)}</h1>",
        _dl([("Institution", exhibit.institution), ("Credits", exhibit.credits)]),
        f"<dl>{_rights('Exhibit rights', exhibit.rights)}</dl>",
        "<h2>Objects</h2>",
    ]
    for art in exhibit.artifacts:
        rec = art.record
        name = _t(rec.title, lang) or art.name or art.id
        out.append(f"<section><h3>{escape(name)}</h3>")
        out.append(_dl([("Identifier", rec.identifier), ("Maker", rec.maker), ("Date", rec.date),
                        ("Materials", ", ".join(rec.materials)), ("Dimensions (catalogued)", rec.dimensions_catalogued),
                        ("Dimensions (measured)", measured_dimensions(art, assets.get(art.asset_id))),
                        ("Institution", rec.institution), ("Credit line", rec.credit_line),
                        ("Classification", rec.classification), ("Record", rec.uri)]))
        out.append(f"<dl>{_rights('Object rights', art.rights.object)}{_rights('3D model rights', art.rights.model)}</dl>")
        asset = assets.get(art.asset_id)
        if asset is not None:
            cap = asset.capture
            capture = _dl([("Captured by", cap.captured_by), ("Captured on", cap.captured_on),
                           ("Equipment", cap.equipment), ("Software", cap.software), ("Notes", cap.notes)])
            if capture:
                out.append("<h4>Capture</h4>" + capture)
            if asset.processing:
                out.append("<h4>Processing</h4><ol>")
                for step in asset.processing:
                    params = ", ".join(f"{k}={v}" for k, v in step.parameters.items())
                    detail = " ".join(x for x in (step.tool, step.timestamp) if x)
                    out.append(f"<li>{escape(step.operation)}{' (' + escape(params) + ')' if params else ''}"
                               f"{' — ' + escape(detail) if detail else ''}</li>")
                out.append("</ol>")
        out.append("</section>")
    if media_rights:
        out.append("<h2>Images, audio and text</h2><dl>")
        out.extend(_rights(label, rights) for label, rights in media_rights)
        out.append("</dl>")
    out.append("<h2>Publisher</h2>")
    out.append(f"<p>This exhibit was signed by {escape(exhibit.institution or 'its publisher')}. "
               f"Publisher key fingerprint: <code>{escape(fingerprint)}</code></p>")
    out.append(f"<p>Made with {escape(generator)} on {escape(created)}.</p>")
    out.append("</body></html>\n")
    return "\n".join(x for x in out if x)


__all__ = ["render_credits", "rights_text"]
