"""Bundles shared by the browser test modules: each is exported once per session (once per
pytest-xdist worker) instead of once per module. The checks only read them: a check that
changes a bundle works on its own copy (env.copyBundle in the .mjs checks, shutil.copytree in
the tests)."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Iterator

import pytest

from tests.browser.browser_run import VIEWER


@pytest.fixture(scope="session")
def viewer_bundles(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``viewer_bundles(name, profile="web", hostile=False)``: the browser checks' project
    (tests/browser/viewer_project.py) exported under ``name``, made on first use."""
    from tests.browser.viewer_project import export_viewer_bundle
    base = tmp_path_factory.mktemp("viewer-bundles")
    made: dict[str, tuple[tuple[str, bool], Path]] = {}

    def get(name: str, profile: str = "web", hostile: bool = False) -> Path:
        if name not in made:
            made[name] = ((profile, hostile), export_viewer_bundle(base, name, profile=profile, hostile=hostile))
        assert made[name][0] == (profile, hostile), f"bundle {name!r} was first made as {made[name][0]}"
        return made[name][1]
    return get


@pytest.fixture(scope="session")
def sample_bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample exhibit (three artifacts, the editor's first project) exported as a web and a
    kiosk bundle: {"web": folder, "kiosk": folder}."""
    from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    base = tmp_path_factory.mktemp("sample-bundles")
    project = write_sample_exhibit(base / "sample.vitrine")
    export_bundle(project, base / "web", viewer_dir=VIEWER)
    export_bundle(project, base / "kiosk", viewer_dir=VIEWER, profile="kiosk")
    return {"web": base / "web", "kiosk": base / "kiosk"}


@pytest.fixture(scope="session")
def served_sample(sample_bundles: dict[str, Path]) -> Iterator[tuple[Path, str]]:
    """(the sample's web bundle, its URL) served by `vitrine serve`'s server (Content-Encoding
    negotiation included) on a free localhost port."""
    from vitrine.exporters.delivery.static_server import make_server, url_of
    server = make_server(sample_bundles["web"], port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield sample_bundles["web"], url_of(server)
    server.shutdown()
    server.server_close()
