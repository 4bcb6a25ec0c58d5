"""``vitrine``: the command line (entry point ``main``) and one module per command family.

No Qt at import time, so IT staff can batch-export on a machine without a display.
The families are listed in :mod:`vitrine.app.cli.commands`; errors and exit codes are in
:mod:`vitrine.app.cli.errors`.
"""
from __future__ import annotations

from vitrine.app.cli.entry import build_parser, main

__all__ = ["build_parser", "main"]
