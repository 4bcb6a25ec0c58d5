"""tests/worker_share.py: a costly fixture is built by one xdist worker and read by the others."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tests.worker_share import once_per_session


class _Factory:
    """What once_per_session uses of a worker's TempPathFactory: its basetemp is <session>/popen-gwN."""

    def __init__(self, session: Path, worker: str) -> None:
        self.base = session / f"popen-{worker}"
        self.base.mkdir(parents=True, exist_ok=True)

    def getbasetemp(self) -> Path:
        return self.base


def test_two_workers_build_once_and_both_read_the_value(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    built: list[Path] = []

    def build(folder: Path) -> dict:
        built.append(folder)
        time.sleep(0.3)  # the other worker arrives while this one builds
        (folder / "bundle.txt").write_text("made once")
        return {"folder": str(folder), "n": len(built)}

    got: dict[str, dict] = {}
    workers = [threading.Thread(target=lambda w=w: got.__setitem__(w, once_per_session(_Factory(tmp_path, w), "x", build)))
               for w in ("gw0", "gw1")]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    assert len(built) == 1 and got["gw0"] == got["gw1"] == {"folder": str(built[0]), "n": 1}
    assert (Path(got["gw1"]["folder"]) / "bundle.txt").read_text() == "made once"
    assert built[0].parent.parent == tmp_path  # in the session's folder, not a worker's


def test_a_build_that_failed_in_one_worker_fails_the_others_by_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")

    def broken(folder: Path) -> dict:
        raise RuntimeError("export failed")

    with pytest.raises(RuntimeError, match="export failed"):
        once_per_session(_Factory(tmp_path, "gw0"), "y", broken)
    with pytest.raises(pytest.fail.Exception, match="y: building it failed in another worker"):
        once_per_session(_Factory(tmp_path, "gw1"), "y", lambda folder: {})
