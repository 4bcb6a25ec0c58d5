"""CLI commands on scans: inspect a file, add it to a project."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vitrine.app.cli.errors import EXIT_OK, EXIT_PROBLEMS, CliError
from vitrine.app.workflows.project_import import UNIT_CHOICES, UP_CHOICES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inspect", help="report what a scan holds and what is wrong with it")
    p.add_argument("scan", type=Path)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=inspect_command)

    p = sub.add_parser("add", help="import a scan into a project as a new artifact",
                       description="vitrine add PROJECT SCAN, or vitrine add PROJECT --from COLLECTION ASSET_ID "
                                   "to take a scan prepared by 'vitrine batch' without reprocessing it")
    p.add_argument("project", type=Path)
    p.add_argument("scan", type=Path, metavar="SCAN|ASSET_ID")
    p.add_argument("--from", dest="collection", type=Path, metavar="COLLECTION",
                   help="a collection made by 'vitrine batch'; SCAN is then an asset id (8+ characters)")
    p.add_argument("--name", help="the artifact's name (default: from the file name)")
    p.add_argument("--units", choices=UNIT_CHOICES, default="auto", help="the scan's units (default: guess)")
    p.add_argument("--up", choices=UP_CHOICES, default="auto", help="the scan's up axis (default: guess)")
    p.add_argument("--max-faces", type=int, default=None,
                   help="refuse scans with more faces than this (default 20 million)")
    p.add_argument("--simplified", action="store_true",
                   help="for a scan over the face limit: import it simplified to 500,000 faces "
                        "(the original file is still kept unchanged)")
    p.set_defaults(handler=add_command)


def _progress_printer(enabled: bool):
    last = {"msg": ""}

    def show(fraction: float, message: str) -> None:
        if enabled and message != last["msg"]:
            last["msg"] = message
            print(f"  {fraction * 100:5.1f}%  {message}", file=sys.stderr)
    return show


def inspect_command(args: argparse.Namespace) -> int:
    from vitrine.assets.inspection import format_report_text, inspect_scan
    from vitrine.assets.scan_loading import load_scan
    _check_scan_path(args.scan)
    report = inspect_scan(load_scan(args.scan))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_report_text(report))
    errors = [p for p in report.get("problems", []) if p.get("severity") == "error"]
    return EXIT_PROBLEMS if errors else EXIT_OK


def _check_scan_path(scan: Path) -> None:
    if scan.is_dir():
        raise CliError(f"{scan}: is a folder, not a scan file (vitrine batch prepares every scan in a folder)")
    if not scan.is_file():
        raise CliError(f"{scan}: no such file" if not scan.exists() else f"{scan}: is not a regular file")


# What the loader left out of an import (the rest of the inspection, e.g. holes, is for `vitrine inspect`).
_LOST_DATA = {"missing_texture", "missing_material", "ignored_property", "ignored_element"}


def add_command(args: argparse.Namespace) -> int:
    from vitrine.scenes.storage.project_store import Project
    from vitrine.app.workflows.project_import import import_scan
    if args.collection is not None:
        return _add_from_collection(args)
    _check_scan_path(args.scan)
    from vitrine.assets.scan_errors import ScanTooLarge
    project = Project.open(args.project)
    try:
        result = import_scan(project, args.scan, name=args.name, units=args.units, up=args.up,
                             progress=_progress_printer(sys.stderr.isatty()), max_faces=args.max_faces,
                             simplified=args.simplified)
    except ScanTooLarge as exc:
        raise CliError(f"{exc} (run again with --simplified to import a simplified version)") from None
    return _place_and_save(project, result)


def _add_from_collection(args: argparse.Namespace) -> int:
    from vitrine.app.workflows.collection import Collection, CollectionError, add_from_collection
    from vitrine.scenes.storage.project_store import Project
    project = Project.open(args.project)
    try:
        result = add_from_collection(project, Collection.open(args.collection), str(args.scan), name=args.name)
    except CollectionError as exc:
        raise CliError(str(exc)) from None
    return _place_and_save(project, result)


def _place_and_save(project, result) -> int:
    """Push an import (scan or prepared scan) placed in free space, save, report; one undo step:
    the artifact, its plinth (or the floor) and the start view reframed."""
    from vitrine.app.workflows.placement import placed_import_command
    project.document.history.push(placed_import_command(project.document, result.command, result.artifact_id))
    project.save()
    for warning in result.warnings:
        print(f"vitrine: warning: {warning}", file=sys.stderr)
    inspection = getattr(result, "report", None) or {}
    name = Path(str(inspection.get("path", ""))).name
    for problem in inspection.get("problems", []):
        if problem.get("code") in _LOST_DATA:
            print(f"vitrine: warning: {name}: {problem.get('message')}", file=sys.stderr)
    print(result.artifact_id)
    return EXIT_OK
