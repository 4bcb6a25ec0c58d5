"""``python -m app.cli``: the same as the ``vitrine`` command."""
from __future__ import annotations

from app.cli.entry import main

raise SystemExit(main())
