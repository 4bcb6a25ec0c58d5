"""Paths stored in a project or bundle may never leave its folder.

Refused: absolute paths, drive letters, ``..`` components, backslashes, NUL, and
symbolic links whose target lies outside the folder.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path, PurePosixPath


class UnsafePathError(ValueError):
    """A stored path would escape its folder."""


_DRIVE = re.compile(r"^[A-Za-z]:")


def check_relative(rel: str) -> PurePosixPath:
    """Validate a stored relative path (POSIX separators) and return it normalised."""
    if not isinstance(rel, str) or not rel:
        raise UnsafePathError("empty path")
    if "\x00" in rel or "\\" in rel:
        raise UnsafePathError(f"{rel!r}: backslashes and NUL are not allowed in stored paths")
    if rel.startswith("/") or _DRIVE.match(rel):
        raise UnsafePathError(f"{rel!r}: absolute paths are not allowed")
    parts = PurePosixPath(rel).parts
    if any(p == ".." for p in parts):
        raise UnsafePathError(f"{rel!r}: '..' would leave the folder")
    return PurePosixPath(*[p for p in parts if p != "."])


def resolve_inside(root: Path, rel: str) -> Path:
    """Absolute path of ``rel`` under ``root``, refusing anything (links too) that escapes it."""
    clean = check_relative(rel)
    root_real = Path(os.path.realpath(root))
    target = Path(os.path.realpath(root_real / clean))
    if target != root_real and root_real not in target.parents:
        raise UnsafePathError(f"{rel!r} points outside {root}")
    return target


def safe_file_name(name: str, max_length: int = 80) -> str:
    """A file name safe on every platform, keeping letters of any script (中文 stays)."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = re.sub(r"[^\w\-. ]+", "_", stem, flags=re.UNICODE)
    stem = re.sub(r"\.{2,}", ".", stem).strip(" .") or "file"
    ext = re.sub(r"[^A-Za-z0-9]+", "", ext)[:10].lower()
    stem = stem[: max_length - len(ext) - 1]
    return f"{stem}.{ext}" if ext else stem


def slugify(text: str, fallback: str = "item") -> str:
    """A lowercase URL-safe folder name (``Bust of Laurana`` -> ``bust-of-laurana``)."""
    text = unicodedata.normalize("NFKD", text)
    ascii_text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-")
    return slug or fallback
