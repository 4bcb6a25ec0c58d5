"""CLI commands for publications: ``vitrine publications`` (the signed register) and
``vitrine trace`` (which recipient a leaked model was published to)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vitrine.app.cli.errors import EXIT_OK, EXIT_PROBLEMS, CliError

TRACE_HELP = ("find which export a suspect model (GLB, glTF, OBJ, PLY, STL, ...) came from. Exit 0: a match, "
              "printed with the recipient, export id, date and artifact; a match needs a false-match "
              "probability of at most 1e-6 (candidates x exp(-z^2/2)). Exit 1: nothing matches (an unmarked "
              "scan, another museum's model). Exit 2: the file or project cannot be read.")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("publications", help="list the exports recorded in a project's publication register")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true", help="print the entries as JSON")
    p.add_argument("--verify", action="store_true",
                   help="check the hash chain and every signature; exit 1 naming the first bad entry")
    p.set_defaults(handler=publications_command)

    p = sub.add_parser("trace", help="trace a suspect model to the recipient it was published to",
                       description=TRACE_HELP)
    p.add_argument("project", type=Path)
    p.add_argument("suspect", type=Path)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=trace_command)


def _artifacts_text(entry: dict) -> str:
    arts = entry.get("artifacts") or []
    return ", ".join(f"{a.get('name') or a.get('artifact_id')} ({'/'.join(lv.get('level', '?') for lv in a.get('levels', []))})"
                     for a in arts if isinstance(a, dict))


def publications_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.publication.museum_secret import known_fingerprints
    from vitrine.exporters.publication.register import RegisterReport, read_entries, register_path, verify_register
    from vitrine.scenes.storage.project_store import Project, ProjectError
    try:
        project = Project.open(args.project)
    except ProjectError as exc:
        raise CliError(str(exc)) from None
    try:
        if args.verify:
            rep = verify_register(project.path, known_fingerprints())
        else:  # listing: every readable entry, unchecked
            rep = RegisterReport(entries=read_entries(project.path))
    except (ExportError, OSError) as exc:
        raise CliError(f"{register_path(project.path)}: {exc}") from None
    if args.json:
        print(json.dumps({"entries": rep.entries, "verified": rep.problem is None if args.verify else None,
                          "problem": rep.problem}, ensure_ascii=False, indent=1))
    else:
        if not rep.entries and rep.problem is None:
            print(f"{register_path(project.path)}: no exports recorded yet")
        for e in rep.entries:
            print(f"{e['exported_at']}  {e['recipient'] or '(no recipient)'}  {e['profile']}  {e['export_id']}  "
                  f"{_artifacts_text(e)}")
    if rep.problem is not None:
        print(f"bad: {register_path(project.path)} {rep.problem}")
        return EXIT_PROBLEMS
    if args.verify:
        print(f"ok: {len(rep.entries)} entries, hash chain intact, every signature by this museum's key")
    return EXIT_OK


def trace_command(args: argparse.Namespace) -> int:
    from vitrine.exporters.errors import ExportError
    from vitrine.exporters.tracing.suspect_trace import SuspectError, trace_suspect
    from vitrine.scenes.storage.project_store import Project, ProjectError
    try:
        project = Project.open(args.project)
        result = trace_suspect(project, args.suspect)
    except (ProjectError, SuspectError, ExportError) as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        for line in result.lines():
            print(line)
    return EXIT_OK if result.match else EXIT_PROBLEMS
