"""Bundle output: ``records/<slug>.dc.xml`` and ``records/<slug>.lido.xml`` for every artifact the
bundle publishes (``<slug>`` is the artifact's folder under models/)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .dublin_core import dublin_core_xml
from .lido_record import lido_xml

if TYPE_CHECKING:  # the outputs list imports this module: no import at run time
    from vitrine.exporters.bundle_outputs.context import BundleContext


def artifact_slug(entries: list[dict]) -> str:
    """The artifact's bundle slug from its model entries (``models/<slug>/<level>.glb``)."""
    return entries[0]["file"].split("/")[1]


def write_records(ctx: "BundleContext") -> None:
    """Write one Dublin Core and one LIDO record per published artifact."""
    folder = ctx.root / "records"
    for art in ctx.exhibit.artifacts:
        entries = ctx.models.get(art.id)
        if not entries:
            continue
        slug = artifact_slug(entries)
        files = [e["file"] for e in entries]
        folder.mkdir(exist_ok=True)
        (folder / f"{slug}.dc.xml").write_bytes(dublin_core_xml(art, files))
        (folder / f"{slug}.lido.xml").write_bytes(lido_xml(art, files, ctx.exhibit.institution))
