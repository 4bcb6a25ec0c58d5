"""Refresh the editor's translation sources and build the binary catalogues.

    python app/translations/build_translations.py            # lupdate, then lrelease
    python app/translations/build_translations.py --release-only   # only make the .qm

``pyside6-lupdate`` extracts every ``self.tr()`` / ``QCoreApplication.translate()`` /
``QT_TRANSLATE_NOOP`` string from ``app/`` into ``vitrine_<lang>.ts`` (keeping existing
translations); ``pyside6-lrelease`` compiles each .ts to the .qm the editor loads.
The .qm files are build outputs (gitignored).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_DIR = HERE.parent
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv's bin/), else one on PATH."""
    for candidate in (Path(sys.executable).parent / name, Path(sys.executable).parent / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"build_translations: {name} not found (install PySide6-Essentials)")
    return found


UNTRANSLATED = ("cli", "workflows", "translations")  # the command line prints English; workflows have no UI


def sources() -> list[str]:
    """UI sources: everything in app/ but the command line, the Qt-free workflows and this folder."""
    files = [p for p in sorted(APP_DIR.rglob("*.py"))
             if p.relative_to(APP_DIR).parts[0] not in UNTRANSLATED]
    return [str(p.relative_to(APP_DIR.parent)) for p in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release-only", action="store_true", help="do not run lupdate")
    args = parser.parse_args(argv)
    root = APP_DIR.parent
    for lang in LANGUAGES:
        ts = HERE / f"vitrine_{lang}.ts"
        qm = HERE / f"vitrine_{lang}.qm"
        if not args.release_only:
            subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete",
                            "-locations", "none", "-target-language", lang], cwd=root, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=root, check=True)
        print(f"built {qm.relative_to(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
