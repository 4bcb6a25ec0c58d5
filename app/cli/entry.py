"""``vitrine``: the command line for IT staff and scripts.

Exit status: 0 success, 1 problems found, 2 bad input or usage. Errors are one
line on stderr naming the file and the reason; ``--debug`` shows tracebacks.
Subcommands live in one module per family, listed in :mod:`vitrine.app.cli.commands`.
"""
from __future__ import annotations

import argparse
import sys
import traceback
from typing import Callable, Optional, Sequence

from vitrine.app.cli.commands import command_modules
from vitrine.app.cli.errors import EXIT_BAD_INPUT, CliError
from vitrine.scenes.version import version


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        print(f"vitrine: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vitrine", description="Turn 3D scans of museum artifacts into interactive exhibits.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    parser.add_argument("--version", action="version", version=f"vitrine {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in command_modules():
        module.register(sub)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Optional[Callable[[argparse.Namespace], int]] = getattr(args, "handler", None)
    if handler is None:
        from vitrine.app.cli.project_commands import open_editor
        handler = open_editor
        args.project = None
    try:
        return int(handler(args) or 0)
    except CliError as exc:
        print(f"vitrine: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("vitrine: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for users; --debug shows it
        if args.debug:
            traceback.print_exc()
        known = _known_error_message(exc)
        print(f"vitrine: {known or f'unexpected error: {type(exc).__name__}: {exc}'}", file=sys.stderr)
        if not known and not args.debug:
            print("vitrine: run again with --debug for details", file=sys.stderr)
        return EXIT_BAD_INPUT


def _known_error_message(exc: Exception) -> str:
    """The one-line message of errors raised by scenes/assets/exporters for bad input."""
    from vitrine.scenes.storage.project_store import ProjectError
    from vitrine.scenes.storage.safe_paths import UnsafePathError
    known: tuple[type, ...] = (ProjectError, UnsafePathError)
    try:
        from vitrine.assets.scan_errors import ScanError
        known += (ScanError,)
    except ImportError:
        pass
    try:
        from vitrine.exporters.errors import ExportError
        known += (ExportError,)
    except ImportError:
        pass
    if isinstance(exc, known):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return ""
