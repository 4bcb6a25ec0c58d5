"""Build a costly module fixture once for the whole test session, even with pytest-xdist.

Under xdist every worker builds a module's fixture for the tests it was given, so a fixture that
opens fifty pages in a browser was built twice. ``once_per_session`` builds it in the first worker
that asks, in a folder every worker of the session shares, under a file lock; the others wait for
it and read the JSON it left. Without xdist it simply builds it. (pytest-xdist's loadgroup mode
would do the same by scheduling, but does not group under the pytest this project pins.)
"""
from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import Any, Callable

import pytest


def once_per_session(tmp_path_factory: pytest.TempPathFactory, name: str,
                     build: Callable[[Path], Any]) -> Any:
    """``build(folder)`` run once per session; returns its (JSON-able) value in every worker.
    ``folder`` is empty, shared by the workers and kept for the session: what ``build`` writes
    there (bundles, screenshots) stays for the tests of every worker to read."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return build(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / f"shared-{name}"  # the session's, not this worker's
    shared.mkdir(exist_ok=True)
    done = shared / "value.json"
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second worker waits here while the first builds
        try:
            if not done.is_file():
                work = shared / "data"
                if work.exists():
                    pytest.fail(f"{name}: building it failed in another worker (see that worker's error)")
                work.mkdir()
                value = build(work)
                done.write_text(json.dumps(value), encoding="utf-8")
            return json.loads(done.read_text("utf-8"))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
