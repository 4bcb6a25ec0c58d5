"""The command families of ``vitrine``: the one list to extend when a family is added.

Each family is a module in this package with ``register(subparsers)`` that adds its
subcommands (each setting ``handler``); it imports ``vitrine.app.cli.errors``, never the entry
point. Modules are imported in this order, which is the order ``vitrine --help`` lists them.
No Qt at import time: a family imports Qt inside the handler that needs it.
"""
from __future__ import annotations

import importlib
from types import ModuleType

COMMAND_FAMILIES: tuple[str, ...] = (
    "vitrine.app.cli.project_commands",   # open, new, info, validate, sample
    "vitrine.app.cli.scan_commands",      # inspect, add
    "vitrine.app.cli.batch_commands",     # batch
    "vitrine.app.cli.export_commands",    # export, serve
    "vitrine.app.cli.trust_commands",     # verify, keys
    "vitrine.app.cli.kiosk_commands",     # kiosk
    "vitrine.app.cli.publication_commands",  # publications, trace
    "vitrine.app.cli.standards_commands",  # import-svx
    "vitrine.app.cli.strings_commands",   # strings export/import/missing (XLIFF)
)


def command_modules() -> list[ModuleType]:
    """The family modules, imported, in ``COMMAND_FAMILIES`` order."""
    return [importlib.import_module(name) for name in COMMAND_FAMILIES]


__all__ = ["COMMAND_FAMILIES", "command_modules"]
