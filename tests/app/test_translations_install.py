"""An installed copy carries only the .ts catalogue (its build step has no Qt tools): the editor
compiles it once into the user's cache and shows Chinese, and stays English if it cannot."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[2] / "app" / "translations" / "vitrine_zh_CN.ts"


@pytest.fixture
def only_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> Path:
    from vitrine.app.window import translations
    shipped = tmp_path / "site" / "translations"
    shipped.mkdir(parents=True)
    shutil.copyfile(TS, shipped / TS.name)
    monkeypatch.setattr(translations, "TRANSLATIONS_DIR", shipped)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    yield tmp_path
    translations.remove_translations(qapp)


def test_a_missing_catalogue_is_compiled_into_the_cache(only_the_source: Path, qapp) -> None:
    from PySide6.QtCore import QCoreApplication
    from vitrine.app.window.translations import install_translations, qm_path
    assert install_translations("zh_CN", qapp)
    assert QCoreApplication.translate("AnnotationPanel", "Missing translation") == "缺少翻译"
    compiled = qm_path("zh_CN")
    assert compiled == only_the_source / "cache" / "vitrine" / "translations" / "vitrine_zh_CN.qm"
    assert not list((only_the_source / "site" / "translations").glob("*.qm"))  # site-packages untouched


def test_without_lrelease_the_editor_stays_english(only_the_source: Path, qapp, monkeypatch) -> None:
    from PySide6.QtCore import QCoreApplication
    from vitrine.app.window import translations
    monkeypatch.setattr(translations, "_lrelease", lambda: None)
    assert not translations.install_translations("zh_CN", qapp)
    assert QCoreApplication.translate("AnnotationPanel", "Missing translation") == "Missing translation"
