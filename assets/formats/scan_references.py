"""Files a scan names (glTF buffers and images, PLY ``TextureFile``, OBJ textures): only
regular files inside the scan's own folder are read.

A scan from a lender or a download can name ``../../home/curator/.ssh/id_ed25519``,
``/etc/passwd``, ``http://tracker.example/x.png`` or a symlink planted beside it that
leads elsewhere; reading those would copy private files into a published bundle or
reach the network. Such a reference refuses the whole file with one line naming it.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from vitrine.assets.scan_errors import scan_error

# A scheme such as http:, https:, ftp:, file: (two letters at least: "C:" is a Windows drive).
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def referenced_file(scan: Path, name: str, *, percent_encoded: bool = False, folder: Path | None = None) -> Path:
    """The path of the file ``name`` refers to, beside ``scan`` (or in ``folder``).

    Raises ScanError (naming ``scan``) when ``name`` is a URL, an absolute path, or leads
    out of the folder through ``..`` or a symbolic link.  The file need not exist: the
    caller reports a missing one as before.  ``percent_encoded`` decodes glTF URIs
    (``my%20file.bin``).
    """
    text = unquote(name) if percent_encoded else name
    text = text.strip().replace("\\", "/")
    shown = repr(name[:200])
    if _SCHEME.match(text) and not re.match(r"^[A-Za-z]:/", text):
        raise scan_error(scan, "refers to {uri}, which is not a file beside the scan; "
                               "only files in the scan's folder are read", uri=shown)
    base = (folder if folder is not None else scan.parent)
    target = base / text
    try:
        root = base.resolve()
        resolved = target.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise scan_error(scan, "refers to {uri}, which is outside the scan's folder; "
                               "only files in the scan's folder are read", uri=shown) from None
    if text.startswith("/") or re.match(r"^[A-Za-z]:/", text) or not resolved.is_relative_to(root):
        raise scan_error(scan, "refers to {uri}, which is outside the scan's folder; "
                               "only files in the scan's folder are read", uri=shown)
    return target


__all__ = ["referenced_file"]
