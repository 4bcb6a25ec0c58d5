"""`vitrine kiosk`'s memory ceiling (issue 16): it logs the browser's resident memory (the whole process
tree, from /proc) and restarts the browser cleanly when it passes --memory-limit. The browser is a fake:
a shell script whose child process really holds the memory, so the tree (not just the started process)
has to be summed."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from vitrine.app.cli import main
from vitrine.exporters.trust.kiosk_launcher import DEFAULT_MEMORY_LIMIT_MB, Kiosk
from vitrine.exporters.trust.process_memory import tree_pids, tree_rss_bytes

MB = 1024 * 1024


def _hungry_browser(tmp_path: Path, megabytes: int) -> Path:
    """A 'browser' (sh) whose child (python) touches ``megabytes`` MB, then both wait."""
    script = tmp_path / f"browser-{megabytes}mb"
    child = f"b = b'x' * ({megabytes} * 1024 * 1024); open('{tmp_path}/ready-' + str(__import__('os').getpid()), 'w').close(); " \
            "__import__('time').sleep(120)"
    script.write_text(f'#!/bin/sh\n"{sys.executable}" -c "{child}" &\nwait\n')
    script.chmod(0o755)
    return script


def _wait_ready(tmp_path: Path, count: int) -> None:
    for _ in range(3000):
        if len(list(tmp_path.glob("ready-*"))) >= count:
            return
        time.sleep(0.01)
    raise AssertionError("the fake browser's child never allocated its memory")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kiosks():
    made: list[Kiosk] = []
    yield made
    for kiosk in made:
        kiosk.stop()


def test_tree_rss_counts_the_children(tmp_path):
    import subprocess
    proc = subprocess.Popen([str(_hungry_browser(tmp_path, 96))], start_new_session=True)
    try:
        _wait_ready(tmp_path, 1)
        assert len(tree_pids(proc.pid)) == 2  # sh and its python child
        assert tree_rss_bytes(proc.pid) > 96 * MB
    finally:
        import os
        import signal
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert tree_pids(proc.pid) == set() and tree_rss_bytes(proc.pid) == 0


def test_kiosk_restarts_a_browser_over_its_memory_limit(bundle_copy, it_machine, kiosks, tmp_path):
    clock = Clock()
    log = tmp_path / "kiosk.log"
    kiosk = Kiosk(bundle_copy, browser=str(_hungry_browser(tmp_path, 96)), log_file=log, profile_dir=tmp_path / "p",
                  clock=clock, memory_limit_mb=64)
    kiosks.append(kiosk)
    kiosk.start()
    first = kiosk.process
    _wait_ready(tmp_path, 1)
    kiosk.step()
    # The old browser and its child are gone (killed as a group), a new one runs.
    assert first.poll() is not None and tree_pids(first.pid) == set()
    assert kiosk.launches == 2 and kiosk.memory_restarts == 1 and kiosk.process.poll() is None
    text = log.read_text()
    line = next(ln for ln in text.splitlines() if "over the 64 MB limit" in ln)
    used = float(line.split("the browser uses ")[1].split(" MB")[0])
    assert used > 96 and line.endswith("over the 64 MB limit; restarting it")


def test_kiosk_logs_memory_and_leaves_a_browser_under_its_limit(bundle_copy, it_machine, kiosks, tmp_path):
    clock = Clock()
    log = tmp_path / "kiosk.log"
    kiosk = Kiosk(bundle_copy, browser=str(_hungry_browser(tmp_path, 32)), log_file=log, profile_dir=tmp_path / "p",
                  clock=clock, memory_limit_mb=512, memory_log_every=600, check_every=3600)
    kiosks.append(kiosk)
    kiosk.start()
    _wait_ready(tmp_path, 1)
    kiosk.step()  # the first step logs at once
    clock.now += 599
    kiosk.step()  # not due yet
    clock.now += 1
    kiosk.step()  # due again
    lines = [ln for ln in log.read_text().splitlines() if "browser memory:" in ln]
    assert len(lines) == 2 and all(ln.endswith("MB (limit 512 MB)") for ln in lines)
    assert all(float(ln.split("browser memory: ")[1].split(" MB")[0]) > 32 for ln in lines)
    assert kiosk.launches == 1 and kiosk.memory_restarts == 0


def test_memory_limit_default_and_bad_input(tmp_path, capsys):
    assert DEFAULT_MEMORY_LIMIT_MB == 2048
    rc = main(["kiosk", str(tmp_path), "--memory-limit", "10"])
    assert rc == 2
    assert capsys.readouterr().err.strip().endswith("--memory-limit 10: give a number of megabytes, at least 64")
