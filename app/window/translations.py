"""Loading the UI translation chosen in Preferences (or following the system locale).

The ``.qm`` files are built from ``app/translations/*.ts`` by
``app/translations/build_translations.py`` in a checkout. An installed copy (a wheel carries the
``.ts`` sources, since its build step has no Qt tools) compiles a missing or stale ``.qm`` once
with PySide6's own ``pyside6-lrelease`` into the user's cache; if that fails the UI stays English.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
LANGUAGE_KEY = "ui/language"
SUPPORTED = ("en", "zh_CN")

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_current = "en"  # the language whose translators are installed ('en': none)


def system_language() -> str:
    """'zh_CN' for any Chinese system locale, else 'en' (the source language)."""
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def chosen_language(settings: Optional[QSettings]) -> str:
    """The language from Preferences; '' (the default) means follow the system."""
    value = str(settings.value(LANGUAGE_KEY, "") or "") if settings is not None else ""
    if value in SUPPORTED:
        return value
    return system_language()


def qm_path(language: str) -> Path:
    """The compiled catalogue for ``language``: the one beside its .ts when that is up to date,
    else one compiled from the .ts into the user's cache (a path that may not exist if the .ts
    is missing or cannot be compiled)."""
    beside = TRANSLATIONS_DIR / f"vitrine_{language}.qm"
    source = TRANSLATIONS_DIR / f"vitrine_{language}.ts"
    if not source.is_file() or _fresh(beside, source):
        return beside
    cached = _cache_dir() / f"vitrine_{language}.qm"
    if not _fresh(cached, source):
        _compile(source, cached)
    return cached


def _fresh(qm: Path, ts: Path) -> bool:
    try:
        return qm.stat().st_mtime >= ts.stat().st_mtime
    except OSError:
        return False


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vitrine" / "translations"


def _lrelease() -> Optional[str]:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.is_file() else shutil.which("pyside6-lrelease")


def _compile(source: Path, target: Path) -> bool:
    """Compile ``source`` (.ts) to ``target`` (.qm); False (UI stays English) when that fails."""
    tool = _lrelease()
    if tool is None:
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}")
        done = subprocess.run([tool, "-silent", str(source), "-qm", str(tmp)], capture_output=True, timeout=120)
        if done.returncode != 0 or not tmp.is_file():
            return False
        os.replace(tmp, target)  # never a half-written catalogue under the final name
        return True
    except (OSError, subprocess.SubprocessError):
        return False


def install_translations(language: str, app: Optional[QCoreApplication] = None) -> bool:
    """Install Vitrine's and Qt's own translators for ``language``; True if Vitrine's loaded.

    Any previously installed translators are removed first, so this can switch languages.
    """
    global _current
    app = app or QCoreApplication.instance()
    remove_translations(app)
    if app is None or language == "en":
        return False
    ours = QTranslator(app)
    loaded = ours.load(str(qm_path(language)))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
        _current = language
    # Qt's own strings (standard dialog buttons, context menus).
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded


def current_language() -> str:
    """The UI language in use now: 'zh_CN' while Vitrine's Chinese catalogue is installed, else 'en'."""
    return _current


def remove_translations(app: Optional[QCoreApplication] = None) -> None:
    global _current
    _current = "en"
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
