"""CLI commands on other systems' standards: ``import-svx`` (a Smithsonian Voyager scene)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vitrine.app.cli.errors import EXIT_OK, CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-svx", help="make a new project from a Smithsonian Voyager scene (.svx.json)")
    p.add_argument("svx", type=Path, help="the Voyager scene; its models are read from beside it")
    p.add_argument("project", type=Path, help="the new project folder (.vitrine is added)")
    p.set_defaults(handler=import_svx_command)


def import_svx_command(args: argparse.Namespace) -> int:
    from vitrine.app.workflows.svx_import import SvxImportError, import_svx
    try:
        result = import_svx(args.svx, args.project)
    except SvxImportError as exc:
        raise CliError(str(exc)) from None
    for warning in result.warnings:
        print(f"vitrine: warning: {warning}", file=sys.stderr)
    print(f"{result.project.path}: {result.artifacts} artifacts, {result.annotations} annotations, "
          f"{result.tours} tours")
    return EXIT_OK
