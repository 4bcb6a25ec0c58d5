"""CLI command `vitrine kiosk`: verify, serve on 127.0.0.1 from the verifying server, run Chromium
in kiosk mode and keep it running. A thin handler over vitrine.exporters.trust.kiosk_launcher."""
from __future__ import annotations

import argparse
from pathlib import Path

from vitrine.app.cli.errors import EXIT_PROBLEMS, CliError
from vitrine.app.cli.foreground import run_until_interrupted


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kiosk", help="show a verified bundle full screen on this machine, and keep it so")
    p.add_argument("bundle", type=Path)
    p.add_argument("--browser", default="/usr/bin/chromium", metavar="PATH", help="the browser (default /usr/bin/chromium)")
    p.add_argument("--port", type=int, default=0, help="loopback port to serve on (default: any free port)")
    p.add_argument("--check-every", type=float, default=60.0, metavar="MINUTES",
                   help="verify the bundle again this often (default 60)")
    p.add_argument("--memory-limit", type=float, default=2048, metavar="MB",
                   help="restart the browser when its processes hold more than this much memory (default 2048)")
    p.add_argument("--log", type=Path, metavar="FILE", help="rotating log file (default: CONFIG/kiosk.log)")
    p.set_defaults(handler=kiosk_command)


def kiosk_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.trust.signing_keys import config_dir
    from vitrine.exporters.trust.kiosk_launcher import Kiosk, KioskRefused
    if not args.check_every > 0:
        raise CliError(f"--check-every {args.check_every:g}: give a number of minutes above 0")
    if not args.memory_limit >= 64:
        raise CliError(f"--memory-limit {args.memory_limit:g}: give a number of megabytes, at least 64")
    if not 0 <= args.port <= 65535:
        raise CliError(f"--port {args.port}: not a port number")
    if not args.bundle.is_dir():
        raise CliError(f"{args.bundle}: no such bundle folder")
    kiosk = Kiosk(args.bundle, browser=args.browser, port=args.port, check_every=args.check_every * 60,
                  memory_limit_mb=args.memory_limit, log_file=args.log or config_dir() / "kiosk.log")
    try:
        kiosk.start()
    except KioskRefused as exc:
        kiosk.stop()
        raise CliError(str(exc), EXIT_PROBLEMS) from None
    except ExportError as exc:
        kiosk.stop()
        raise CliError(str(exc)) from None
    kiosk.echo()
    print(f"kiosk: showing {args.bundle} at {kiosk.url} (log: {kiosk.log_file}; Ctrl-C stops)", flush=True)
    return run_until_interrupted(kiosk.run, kiosk.stop)
