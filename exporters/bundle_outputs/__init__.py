"""Further outputs written into a bundle before it is signed (standards descriptions, AR files,
embed pages, precompressed copies, …), so that the bundle writer does not grow with each one.

Each output is a function ``(ctx: BundleContext) -> None`` that writes files under ``ctx.root``
and appends warnings to ``ctx.report.warnings``. They run in the order of ``OUTPUTS`` after the
viewer document, index.html and credits.html are written and before the manifest is signed, so
every file they write is listed and signed like the rest. Add an output: one line in OUTPUTS.
An output raises ExportError (one line) for a problem that must stop the export.
"""
from __future__ import annotations

from .context import BundleContext, OutputFn
from ..posters.output import write_posters
from .precompressed import write_precompressed

# (name, function): the name appears in progress messages and in tests
OUTPUTS: list[tuple[str, OutputFn]] = [
    ("posters", write_posters),
    ("precompressed", write_precompressed),  # keep LAST: it compresses what the others wrote
]


def write_outputs(ctx: BundleContext) -> None:
    """Run every registered output on ``ctx`` in order."""
    for _name, fn in OUTPUTS:
        fn(ctx)
