"""Links back to where a web bundle lives (``vitrine export --public-url URL``): the checked base
URL, and the addresses of the exhibit, an annotation and an embed page under it."""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_MAX_URL = 2000  # longer than any QR code a phone reads comfortably


def normalise_public_url(url: str) -> str:
    """``url`` as the bundle's base: an absolute http(s) URL with a host, ending in ``/``, no query
    or fragment. ValueError (one line) otherwise."""
    text = (url or "").strip()
    if not text:
        raise ValueError("the public URL is empty")
    if len(text) > _MAX_URL or re.search(r"[\s\x00-\x1f\x7f<>\"'`\\]", text):
        raise ValueError(f"the public URL {text[:80]!r} is not a plain absolute http(s) URL")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"the public URL {text[:80]!r} must be an absolute http:// or https:// URL")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"the public URL {text[:80]!r} must not carry a query, fragment or password")
    path = parts.path or "/"
    if path.endswith(".html"):
        path = path.rsplit("/", 1)[0] + "/"
    if not path.endswith("/"):
        path += "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


def hash_value(value: str) -> str:
    """A value for the address fragment (``#annotation=…``): percent-encoded, nothing left raw
    that could end the parameter."""
    return quote(value, safe="-._~:")


def exhibit_url(base: str, key: str = "") -> str:
    """The exhibit's page; with ``key`` (SHA256:…) the pin that lets the viewer say Verified."""
    return f"{base}index.html" + (f"#key={hash_value(key)}" if key else "")


def annotation_url(base: str, annotation_id: str, key: str = "") -> str:
    """The exhibit opened at one annotation (the viewer's deep link)."""
    return f"{base}index.html#annotation={hash_value(annotation_id)}" + (f"&key={hash_value(key)}" if key else "")


def embed_url(base: str, slug: str) -> str:
    return f"{base}embed/{quote(slug)}.html"
