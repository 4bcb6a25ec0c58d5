"""Further outputs written into a bundle before it is signed (standards descriptions, AR files,
embed pages, precompressed copies, …), so that the bundle writer does not grow with each one.

Each output is a function ``(ctx: BundleContext) -> None`` that writes files under ``ctx.root``
and appends warnings to ``ctx.report.warnings``. They run in the order of ``OUTPUTS`` after the
viewer document, index.html and credits.html are written and before the manifest is signed, so
every file they write is listed and signed like the rest. Add an output: one line in OUTPUTS.
An output raises ExportError (one line) for a problem that must stop the export.
"""
from __future__ import annotations

from vitrine.exporters.standards.iiif_manifest import write_iiif_manifest
from vitrine.exporters.standards.object_records import write_records
from vitrine.exporters.standards.svx_scene import write_svx

from .ar_usdz import write_ar_usdz
from .context import BundleContext, OutputFn
from .document_refresh import rewrite_document
from .embeds import write_embeds
from .font_files import write_font_subsets
from .kiosk_handoff import write_handoff_codes
from vitrine.exporters.posters.output import write_posters
from .precompressed import write_precompressed

# (name, function): the name appears in progress messages and in tests
OUTPUTS: list[tuple[str, OutputFn]] = [
    ("posters", write_posters),  # first: embeds, Open Graph and IIIF refer to them
    ("voyager scene", write_svx),
    ("object records", write_records),
    ("ar-usdz", write_ar_usdz),
    ("handoff-qr", write_handoff_codes),
    ("font subsets", write_font_subsets),  # links fonts.css from index.html, before embeds copy it
    ("embeds", write_embeds),  # after ar-usdz (links the USDZ) and the posters
    ("iiif manifest", write_iiif_manifest),  # after the posters, which it uses as thumbnails
    ("document", rewrite_document),  # writes exhibit.json again when an output added fields
    ("precompressed", write_precompressed),  # keep LAST: it compresses what the others wrote
]


def write_outputs(ctx: BundleContext) -> None:
    """Run every registered output on ``ctx`` in order."""
    for _name, fn in OUTPUTS:
        fn(ctx)
