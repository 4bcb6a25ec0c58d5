"""Bundle output, registered last: outputs that add fields to the viewer document (AR files, QR
codes) change ``ctx.document``; this writes it again as exhibit.json and data/exhibit.js (still
before signing), after checking it against the viewer document schema."""
from __future__ import annotations

from vitrine.exporters.document.viewer_contract import check_document
from vitrine.exporters.document.viewer_document import document_json, exhibit_script
from .context import BundleContext


def rewrite_document(ctx: BundleContext) -> None:
    if not ctx.extras.get("document_changed"):
        return
    check_document(ctx.document)
    text = document_json(ctx.document)
    (ctx.root / "exhibit.json").write_text(text, encoding="utf-8")
    (ctx.root / "data" / "exhibit.js").write_text(exhibit_script(text), encoding="utf-8")
