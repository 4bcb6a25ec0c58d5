"""CLI commands for publishing: export, serve (verify and keys: cli_trust_commands)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vitrine.app.cli.errors import EXIT_OK, EXIT_PROBLEMS, CliError
from vitrine.app.cli.foreground import run_until_interrupted
from vitrine.assets.levels.level_table import LEVEL_ORDER


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export a project as a signed WebXR bundle")
    p.add_argument("project", type=Path)
    p.add_argument("--out", type=Path, required=True, help="bundle folder to write (replaced atomically)")
    p.add_argument("--zip", action="store_true", help="also write OUT.zip beside the folder")
    p.add_argument("--profile", choices=["web", "kiosk"], default="web")
    p.add_argument("--levels", nargs="+", metavar="LEVEL",
                   choices=list(LEVEL_ORDER),
                   help="levels of detail to include (default: all; web leaves out a huge original)")
    p.add_argument("--recipient", default="", metavar="TEXT",
                   help="who receives this export (partner, kiosk, site): recorded in the signed publication "
                        "register and marked invisibly in every model, so a leaked copy can be traced")
    p.add_argument("--max-level", choices=list(LEVEL_ORDER),
                   help="finest level this export may publish (lowers, never raises, each artifact's policy)")
    p.add_argument("--public-url", default="", metavar="URL",
                   help="where the web bundle will live (https://museum.example/exhibits/x/): enables embeds' "
                        "oEmbed files, absolute links for search engines and the kiosk's QR hand-off codes")
    p.set_defaults(handler=export_command)

    p = sub.add_parser("serve", help="serve a bundle folder over http")
    p.add_argument("bundle", type=Path)
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.set_defaults(handler=serve_command)


def _export_error(exc: Exception) -> CliError:
    for line in getattr(exc, "details", []):
        print(f"  {line}", file=sys.stderr)
    return CliError(str(exc))


def export_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.exporters.errors import ExportError
    from vitrine.scenes.storage.project_store import Project

    def progress(fraction: float, message: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{fraction * 100:5.1f}%  {message[:60]:<60}", end="", file=sys.stderr, flush=True)

    public_url = ""
    if args.public_url:
        from vitrine.exporters.pages.public_links import normalise_public_url
        try:
            public_url = normalise_public_url(args.public_url)
        except ValueError as exc:
            raise CliError(f"--public-url: {exc}") from None
    try:
        project = Project.open(args.project)
        rep = export_bundle(project, args.out, profile=args.profile, make_zip=args.zip,
                            progress=progress, levels=args.levels, recipient=args.recipient,
                            max_level=args.max_level, public_url=public_url)
    except ExportError as exc:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        raise _export_error(exc) from None
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if rep.key_created:
        print(f"vitrine: created a signing key at {rep.key_path} (keep it safe; it never leaves this computer)",
              file=sys.stderr)
    for w in rep.warnings:
        print(f"vitrine: warning: {w}", file=sys.stderr)
    print(f"wrote {rep.out_dir} ({rep.files} files, {rep.bytes / 1e6:.1f} MB, profile {rep.profile})")
    if rep.zip_path:
        print(f"wrote {rep.zip_path} (the folder was written too)")
    for line in rep.published:
        print(f"publishes {line}")
    print(f"export id {rep.export_id} for {rep.recipient or '(no recipient named)'}, recorded in publications.jsonl")
    print(f"signed by {rep.fingerprint}")
    _print_embeds(rep.out_dir)
    return EXIT_OK


def _print_embeds(bundle: Path) -> None:
    """The iframe snippet of each artifact's embed page (written when --public-url was given)."""
    import json
    for path in sorted((bundle / "embed").glob("*.oembed.json")):
        info = json.loads(path.read_text("utf-8"))
        print(f"embed {path.name[:-len('.oembed.json')]}: {info['html']}")


def serve_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.delivery.static_server import make_server, url_of
    if not args.bundle.is_dir():
        raise CliError(f"{args.bundle}: no such bundle folder")
    try:
        server = make_server(args.bundle, args.host, args.port)
    except ExportError as exc:
        raise _export_error(exc) from None
    print(f"serving {args.bundle} at {url_of(server, args.host)} (Ctrl-C stops)", flush=True)
    return run_until_interrupted(server.serve_forever, server.server_close)
