"""CLI commands for translators: strings export, strings import, strings missing (XLIFF 2.0)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vitrine.app.cli.errors import EXIT_OK, EXIT_PROBLEMS, CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("strings", help="translate an exhibit: export/import XLIFF 2.0, list what is missing")
    ssub = p.add_subparsers(dest="strings_command", metavar="ACTION", parser_class=type(p))
    ssub.required = True

    e = ssub.add_parser("export", help="write the exhibit's texts as XLIFF 2.0 for a translator")
    e.add_argument("project", type=Path)
    e.add_argument("--target", required=True, help="BCP-47 tag of the language to translate into (fr, ar, bo, …)")
    e.add_argument("--out", required=True, type=Path, help="the .xlf file to write")
    e.set_defaults(handler=export_strings)

    i = ssub.add_parser("import", help="add or update a language from a translated XLIFF 2.0 file")
    i.add_argument("project", type=Path)
    i.add_argument("xliff", type=Path)
    i.set_defaults(handler=import_strings)

    m = ssub.add_parser("missing", help="list what is still untranslated, per language")
    m.add_argument("project", type=Path)
    m.add_argument("--lang", help="only this language")
    m.add_argument("--json", action="store_true", help="machine-readable output")
    m.set_defaults(handler=missing_strings)


def _tag(value: str, option: str) -> str:
    from vitrine.scenes.translations.language_tags import LanguageTagError, check_tag
    try:
        return check_tag(value)
    except LanguageTagError as exc:
        raise CliError(f"{option}: {exc}") from None


def export_strings(args: argparse.Namespace) -> int:
    from vitrine.scenes.storage.atomic_files import atomic_write
    from vitrine.scenes.storage.project_store import Project
    from vitrine.scenes.translations.xliff_format import XliffError, write_xliff
    target = _tag(args.target, "--target")
    project = Project.open(args.project)
    try:
        data = write_xliff(project.document.exhibit, target, root=project.path)
    except XliffError as exc:
        raise CliError(f"--target: {exc}") from None
    try:
        atomic_write(args.out, data)
    except OSError as exc:
        raise CliError(f"{args.out}: cannot write ({exc.strerror})") from None
    print(f"{args.out}: {data.count(b'<unit ')} units from {project.document.exhibit.languages[0]} to {target}")
    return EXIT_OK


def import_strings(args: argparse.Namespace) -> int:
    from vitrine.scenes.storage.project_store import Project
    from vitrine.scenes.translations.translation_import import import_translations
    from vitrine.scenes.translations.xliff_format import MAX_XLIFF_BYTES, XliffError, parse_xliff
    path: Path = args.xliff
    try:
        size = path.stat().st_size
        if size > MAX_XLIFF_BYTES:
            raise CliError(f"{path}: the file is {size} bytes; the limit is {MAX_XLIFF_BYTES} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror})") from None
    project = Project.open(args.project)
    try:
        xliff = parse_xliff(data)
        plan = import_translations(project.document, xliff, root=project.path,
                                   store_media=lambda name, data: _store_media(project, name, data))
    except XliffError as exc:
        raise CliError(f"{path}: {exc}; the project was not changed") from None
    if plan.command is not None:
        project.save()
    print(f"{xliff.target_language}: {len(plan.updated)} updated, {len(plan.unchanged)} unchanged, "
          f"{len(plan.untranslated)} untranslated, {len(plan.refused)} refused")
    for refused in plan.refused:
        print(f"refused: {refused}", file=sys.stderr)
    return EXIT_PROBLEMS if plan.refused else EXIT_OK


def _store_media(project, name: str, data: bytes) -> str:
    """Store a generated file (a translated captions file) in the project's media/ folder."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return project.store_media_file(path)


def missing_strings(args: argparse.Namespace) -> int:
    from vitrine.scenes.storage.project_store import Project
    from vitrine.scenes.translations.caption_units import caption_units, missing_captions
    from vitrine.scenes.translations.units import missing_units, translatable_units
    project = Project.open(args.project)
    ex = project.document.exhibit
    src = ex.languages[0]
    if args.lang:
        lang = _tag(args.lang, "--lang")
        languages = [lang]
    else:
        languages = ex.languages[1:]
    # the texts and every cue of the source language's captions: what `strings export` writes as units
    total = len(translatable_units(ex)) + len(caption_units(ex, project.path, src))
    report = {lang: [(u.id, u.note, u.text(src)) for u in missing_units(ex, lang)]
              + [(c.id, c.note, c.source) for c in missing_captions(ex, project.path, lang)] for lang in languages}
    if args.json:
        print(json.dumps({"path": str(project.path), "source_language": src, "units": total,
                          "missing": {lang: [{"id": uid, "note": note, "source": source} for uid, note, source in units]
                                      for lang, units in report.items()}},
                         ensure_ascii=False, indent=2))
    else:
        for lang, units in report.items():
            print(f"{lang}: {len(units)} of {total} missing")
            for uid, note, _ in units:
                print(f"  {uid}  {note}")
    return EXIT_PROBLEMS if any(report.values()) else EXIT_OK
