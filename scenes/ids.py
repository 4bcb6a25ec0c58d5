"""Stable object ids: a short kind prefix and random hex, never reused."""
from __future__ import annotations

import re
import secrets

ID_PATTERN = re.compile(r"^[a-z]+-[0-9a-f]{8,32}$")


def new_id(prefix: str) -> str:
    """Return a fresh id such as ``art-3f9a1c0b2d4e``."""
    return f"{prefix}-{secrets.token_hex(6)}"


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(ID_PATTERN.match(value))
