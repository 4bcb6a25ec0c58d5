"""``python -m vitrine.app.cli``: the same as the ``vitrine`` command."""
from __future__ import annotations

from vitrine.app.cli.entry import main

raise SystemExit(main())
