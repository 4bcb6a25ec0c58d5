"""Export warnings and summary lines that the editor can translate: an ``ExportMessage`` is the
English line (a ``str``, unchanged for the CLI and JSON) with its ``template`` and ``args`` kept
beside it (see assets/templated_text.py); app/dialogs/export_summary.py shows it in the UI's
language. Every template is listed in app/window/message_catalogue.py EXPORT_TEMPLATES."""
from __future__ import annotations

from vitrine.assets.templated_text import TemplatedText


class ExportMessage(TemplatedText):
    """An exporter's English line with its template and arguments."""


__all__ = ["ExportMessage"]
