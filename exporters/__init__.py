"""Exporting exhibits as signed, self-contained WebXR bundles (no Qt, no app imports).

Public API: :func:`export_bundle`, :class:`ExportReport`, :class:`ExportError`,
:func:`verify_bundle`.
"""
from vitrine.exporters.errors import ExportError

__all__ = ["ExportError", "export_bundle", "ExportReport", "verify_bundle"]


def __getattr__(name: str):
    if name in ("export_bundle", "ExportReport"):
        from vitrine.exporters.bundle import bundle_writer
        return getattr(bundle_writer, name)
    if name == "verify_bundle":
        from vitrine.exporters.trust.manifest import verify_bundle
        return verify_bundle
    raise AttributeError(name)
