"""Commands that hold the terminal until Ctrl-C (``vitrine serve``, ``vitrine kiosk``) stop one way."""
from __future__ import annotations

import sys
from typing import Callable

from vitrine.app.cli.errors import EXIT_OK


def run_until_interrupted(run: Callable[[], object], close: Callable[[], object]) -> int:
    """``run()`` until it returns or Ctrl-C, which prints "stopped" on stderr (no traceback);
    ``close()`` in every case. Returns EXIT_OK."""
    try:
        run()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        close()
    return EXIT_OK
