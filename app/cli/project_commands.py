"""CLI commands on projects: open, new, info, validate, sample."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Optional

from vitrine.app.cli.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEMS, CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open a project in the editor")
    p.add_argument("project", type=Path)
    p.set_defaults(handler=open_editor)

    p = sub.add_parser("new", help="create an empty project")
    p.add_argument("project", type=Path, help="folder to create (NAME.vitrine)")
    p.add_argument("--title", default="", help="exhibit title in the first language")
    p.add_argument("--languages", default="en,zh-Hans",
                   help="comma-separated BCP-47 tags, the default first (default: en,zh-Hans)")
    p.set_defaults(handler=new_project)

    p = sub.add_parser("info", help="print a summary of a project")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=project_info)

    p = sub.add_parser("validate", help="list a project's problems (exit 1 if any error or warning)")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=validate_project)

    p = sub.add_parser("sample", help="write the sample exhibit as a new project")
    p.add_argument("project", type=Path)
    p.set_defaults(handler=write_sample)


def parse_languages(text: str) -> list[str]:
    from vitrine.scenes.translations.language_tags import is_valid_tag
    tags = [t.strip() for t in text.split(",") if t.strip()]
    if not tags:
        raise CliError("--languages: give at least one language tag, e.g. en,zh-Hans")
    bad = [t for t in tags if not is_valid_tag(t)]
    if bad:
        raise CliError(f"--languages: {', '.join(bad)} is not a BCP-47 language tag (e.g. en, zh-Hans, fr-CA)")
    if len(set(tags)) != len(tags):
        raise CliError("--languages: a language is listed twice")
    return tags


def open_editor(args: argparse.Namespace) -> int:
    """Open the editor: on PROJECT, or on the sample exhibit the first time."""
    path: Optional[Path] = getattr(args, "project", None)
    if path is not None and not path.exists():
        raise CliError(f"{path}: no such project")
    if path is None:
        path = default_sample_path()
        if not (path / "exhibit.json").is_file():
            from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
            print(f"vitrine: writing the sample exhibit to {path}", file=sys.stderr)
            write_sample_exhibit(path)
    from vitrine.app.window.editor_app import run_editor
    return run_editor(str(path))


def default_sample_path() -> Path:
    base = Path(os.environ.get("VITRINE_DATA_DIR") or
                Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "vitrine")
    return base / "sample.vitrine"


def new_project(args: argparse.Namespace) -> int:
    from vitrine.scenes.storage.project_store import Project
    languages = parse_languages(args.languages)
    project = Project.create(args.project, title=args.title, languages=languages)
    print(project.path)
    return EXIT_OK


def project_info(args: argparse.Namespace) -> int:
    from vitrine.scenes.storage.project_store import Project, summary
    project = Project.open(args.project)
    data = summary(project)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    ex = project.document.exhibit
    title = ex.title.get(ex.languages[0]) or next(iter(ex.title.values()), "(untitled)")
    print(f"{title}  —  {project.path}")
    print(f"languages: {', '.join(ex.languages)}    format version: {ex.schema_version}")
    if ex.institution:
        print(f"institution: {ex.institution}")
    print(f"artifacts: {len(ex.artifacts)}    plinths: {len(ex.plinths)}    lights: {len(ex.lights)}    "
          f"viewpoints: {len(ex.viewpoints)}    annotations: {len(ex.annotations)}    tours: {len(ex.tours)}")
    for art in ex.artifacts:
        asset = project.document.asset(art.asset_id)
        dims = " × ".join(f"{d:.3f}" for d in asset.dimensions) + " m" if asset else "missing scan"
        print(f"  {art.id}  {art.name}  ({dims})")
    for tour in ex.tours:
        print(f"  tour {tour.id}: {tour.title.get(ex.languages[0], '')} ({len(tour.steps)} steps)")
    if project.problems:
        print(f"problems: {len(project.problems)} (run 'vitrine validate' for the list)")
    if data["recovery_available"]:
        print("unsaved changes from a crashed session are available; the editor offers to restore them")
    return EXIT_OK


def validate_project(args: argparse.Namespace) -> int:
    from vitrine.scenes.storage.project_store import Project, ProjectError
    try:
        project = Project.open(args.project)
    except ProjectError as exc:
        if args.json:
            print(json.dumps({"path": str(args.project), "error": str(exc), "issues": exc.details}, ensure_ascii=False))
        else:
            print(f"vitrine: {exc}", file=sys.stderr)
            for detail in exc.details[:20]:
                print(f"  {detail}", file=sys.stderr)
        return EXIT_BAD_INPUT
    problems = project.problems
    if args.json:
        print(json.dumps({"path": str(project.path), "problems": [p.to_dict() for p in problems]},
                         ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(str(p))
        print(f"{len(problems)} problem(s) in {project.path}")
    serious = [p for p in problems if p.severity in ("error", "warning")]
    return EXIT_PROBLEMS if serious else EXIT_OK


def write_sample(args: argparse.Namespace) -> int:
    from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
    project = write_sample_exhibit(args.project)
    print(project.path)
    return EXIT_OK
