"""Loading the UI translation chosen in Preferences (or following the system locale).

The ``.qm`` files are built from ``app/translations/*.ts`` by
``app/translations/build_translations.py``; a missing ``.qm`` leaves the UI in English.
"""
from __future__ import annotations

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
    return TRANSLATIONS_DIR / f"vitrine_{language}.qm"


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
