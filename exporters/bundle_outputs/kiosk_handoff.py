"""Bundle output: the kiosk hands an object to the visitor's phone. With a public URL, a kiosk
bundle gets a QR code (SVG, made here with segno, so nothing is drawn at run time) for every
annotation and one for the exhibit, each leading to the same place at the public URL with the
museum's key pinned (``#key=``, see the trust model). Without a public URL, no code at all."""
from __future__ import annotations

import hashlib
import io
import re

import segno

from vitrine.exporters.errors import ExportError
from vitrine.exporters.pages.public_links import annotation_url, exhibit_url, normalise_public_url
from .context import BundleContext

_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def qr_svg(url: str) -> bytes:
    """A QR code (error correction M, 4-module quiet zone) as SVG, one user unit per module,
    black on white so it reads on any background."""
    buf = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buf, kind="svg", border=4, scale=1, xmldecl=False,
                                                  dark="#000", light="#fff")
    return buf.getvalue()


def qr_name(annotation_id: str) -> str:
    """qr/<id>.svg; an id that is not a plain token is named by its hash instead."""
    stem = annotation_id if _SAFE_ID.match(annotation_id) and annotation_id != "exhibit" \
        else "a-" + hashlib.sha256(annotation_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return f"qr/{stem}.svg"


def write_handoff_codes(ctx: BundleContext) -> None:
    """Also checks and normalises ``ctx.public_url`` for the outputs after it (embeds)."""
    if not ctx.public_url:
        return
    try:
        ctx.public_url = normalise_public_url(ctx.public_url)
    except ValueError as exc:
        raise ExportError(f"--public-url: {exc}") from None
    ctx.document["bundle"]["public_url"] = ctx.public_url
    ctx.extras["document_changed"] = True
    if ctx.profile != "kiosk":
        return
    key = ctx.document["bundle"]["publisher"]["fingerprint"]
    (ctx.root / "qr").mkdir(exist_ok=True)
    url = exhibit_url(ctx.public_url, key)
    (ctx.root / "qr" / "exhibit.svg").write_bytes(qr_svg(url))
    ctx.document["bundle"]["qr"] = {"url": url, "svg": "qr/exhibit.svg"}
    for ann in ctx.document.get("annotations", []):
        url = annotation_url(ctx.public_url, ann["id"], key)
        rel = qr_name(ann["id"])
        (ctx.root / rel).write_bytes(qr_svg(url))
        ann["qr"] = {"url": url, "svg": rel}
