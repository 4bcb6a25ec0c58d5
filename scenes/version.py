"""The one place that says which Vitrine this is (read from the installed package metadata).

Lives in ``scenes/`` because every package that needs it (``exporters/``, ``app/``) may import
``scenes/``; ``assets/`` records no version.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _distribution_version

FALLBACK_VERSION = "0.1.0"  # running from a checkout that was never pip-installed


def version() -> str:
    """Vitrine's full version, e.g. ``"0.1.0"``."""
    try:
        return _distribution_version("vitrine")
    except PackageNotFoundError:
        return FALLBACK_VERSION


def generator_name() -> str:
    """``"Vitrine x.y"``: what written files name as their generator (major.minor only)."""
    return "Vitrine " + ".".join(version().split(".")[:2])


def tool_name() -> str:
    """``"Vitrine x.y.z"``: the tool recorded in an artifact's processing history."""
    return f"Vitrine {version()}"
