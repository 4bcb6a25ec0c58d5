"""`vitrine batch`: prepare a whole collection of scans, locally or on a dask cluster."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, TextIO

from vitrine.app.cli.errors import EXIT_OK, EXIT_PROBLEMS, CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="prepare every scan in files or folders into a collection",
                       description="Inspect, repair and build levels of detail for every scan found, into a "
                                   "content-addressed collection with a catalogue.json. A second run skips "
                                   "what is prepared. Exit 0 when all were prepared, 1 when some failed.")
    p.add_argument("sources", type=Path, nargs="+", metavar="SOURCE", help="scan files or folders to search")
    p.add_argument("--out", type=Path, required=True, metavar="COLLECTION", help="the collection folder")
    p.add_argument("--workers", type=int, default=None, help="local worker processes (default: the cores)")
    p.add_argument("--scheduler", default="", metavar="ADDRESS",
                   help="run on a dask.distributed cluster, e.g. tcp://10.0.0.5:8786 (workers need no shared storage)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=batch_command)


def batch_command(args: argparse.Namespace) -> int:
    from vitrine.app.workflows.batch_runner import ClusterUnreachable, run_batch
    from vitrine.app.workflows.collection import CollectionError
    if args.workers is not None and args.workers < 1:
        raise CliError(f"--workers {args.workers}: give a number of processes above 0")
    if args.scheduler and not args.scheduler.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
        raise CliError(f"--scheduler {args.scheduler}: give the scheduler's address, e.g. tcp://HOST:8786")
    missing = [s for s in args.sources if not s.exists()]
    if missing:
        raise CliError(f"{missing[0]}: no such file or folder")
    show = progress_display(sys.stderr, sys.stderr.isatty())
    try:
        summary = run_batch(args.sources, args.out, workers=args.workers, scheduler=args.scheduler, on_event=show)
    except (CollectionError, ClusterUnreachable) as exc:
        raise CliError(str(exc)) from None
    for problem in summary.problems:
        print(f"vitrine: warning: {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps({"collection": str(args.out), "prepared": len(summary.prepared),
                          "failed": len(summary.failed), "skipped": len(summary.skipped),
                          "failed_sources": summary.failed}, indent=1))
    else:
        print(f"{len(summary.prepared)} prepared, {len(summary.skipped)} already prepared, "
              f"{len(summary.failed)} failed; catalogue: {args.out / 'catalogue.json'}")
    return EXIT_PROBLEMS if summary.failed else EXIT_OK


def progress_display(stream: TextIO, terminal: bool) -> Callable[[dict[str, Any]], None]:
    """On a terminal, one bar redrawn in place with an ETA; piped, one plain line per scan."""
    t0 = time.monotonic()

    def show(event: dict[str, Any]) -> None:
        done, total = event["done"], event["total"]
        name = Path(event["source"]).name
        if not terminal:
            what = event["error"] if event["kind"] == "failed" else name  # the error names the file
            print(f"{event['kind']} {done}/{total} {what}", file=stream, flush=True)
            return
        elapsed = time.monotonic() - t0
        eta = elapsed / done * (total - done) if done and event["kind"] != "skipped" else 0
        width = 30
        filled = int(width * done / max(1, total))
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} ETA {int(eta) // 60}:{int(eta) % 60:02d} {name[:40]}"
        print(line.ljust(100), end="" if done < total else "\n", file=stream, flush=True)
        if event["kind"] == "failed":
            print(f"\nfailed: {event['error']}", file=stream, flush=True)

    return show
