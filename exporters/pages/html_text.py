"""Text that HTML pages can carry: UTF-8 cannot encode an unpaired surrogate (browsers would show
U+FFFD anyway), so curator text holding one is written with U+FFFD and never fails an export."""
from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def html_safe(page: str) -> str:
    """``page`` with every unpaired surrogate replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", page)
