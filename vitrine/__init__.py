"""Vitrine's one import name: vitrine.app, vitrine.scenes, vitrine.assets, vitrine.exporters.

Installed (pip, pipx), the four packages live inside this one (pyproject's package-dir). In a
source checkout they stay top-level folders beside this one, so the checkout's root is added
to this package's search path: ``PYTHONPATH=$PWD python -m vitrine.app.cli`` and the tests
import the very files being edited.
"""
from pathlib import Path as _Path

_here = _Path(__file__).resolve().parent
_checkout = _here.parent
if not (_here / "app").is_dir() and all((_checkout / p / "__init__.py").is_file()
                                        for p in ("app", "scenes", "assets", "exporters")):
    __path__.append(str(_checkout))  # noqa: F821  (a package's __path__ is defined)
