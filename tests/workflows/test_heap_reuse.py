"""heap_reuse: while a scan is prepared, freed numpy temporaries are reused instead of being
faulted in afresh; afterwards glibc's defaults come back."""
from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from vitrine.app.workflows import heap_reuse as hr

GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


class _FakeLibc:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def mallopt(self, param: int, value: int) -> int:
        self.calls.append(("mallopt", param, value))
        return 1

    def malloc_trim(self, pad: int) -> int:
        self.calls.append(("malloc_trim", pad))
        return 1


def test_nested_uses_set_once_and_the_last_restores_the_defaults() -> None:
    libc = _FakeLibc()
    with hr.heap_reuse(libc):
        with hr.heap_reuse(libc):
            assert libc.calls == [("mallopt", hr.M_MMAP_MAX, 0), ("mallopt", hr.M_TRIM_THRESHOLD, hr.KEEP_FREED)]
        assert len(libc.calls) == 2
    assert libc.calls[2:] == [("mallopt", hr.M_MMAP_MAX, hr.DEFAULT_MMAP_MAX),
                              ("mallopt", hr.M_TRIM_THRESHOLD, hr.DEFAULT_TRIM_THRESHOLD), ("malloc_trim", 0)]


def test_the_defaults_come_back_after_an_error() -> None:
    libc = _FakeLibc()
    with pytest.raises(RuntimeError):
        with hr.heap_reuse(libc):
            raise RuntimeError("bad scan")
    assert libc.calls[-1] == ("malloc_trim", 0) and hr._users == 0


# Run in a fresh interpreter: in a test worker, memory freed by earlier tests may already
# sit in the heap and serve the temporary without a fault.
_PROBE = """
import resource, numpy as np
from numpy._core.multiarray import _set_madvise_hugepage
from vitrine.app.workflows.heap_reuse import heap_reuse
_set_madvise_hugepage(False)  # count 4 KiB faults: 16,384 for 64 MiB faulted afresh

def second_temporary():
    np.ones(8 << 20)  # made and freed
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    np.ones(8 << 20)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

outside = second_temporary()
with heap_reuse():
    inside = second_temporary()
print(outside, inside, second_temporary())
"""


@pytest.mark.skipif(not GLIBC, reason="glibc's allocator only")
def test_a_freed_temporary_is_reused_inside_and_faulted_in_again_outside() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    outside, inside, after = map(int, out.stdout.split())
    assert outside > 8000 and after > 8000 and inside < 1000, (outside, inside, after)


def test_no_garbage_collection_from_a_worker_thread(monkeypatch) -> None:
    # The editor imports on a worker thread and collects cycles on its GUI thread only.
    import gc
    import threading
    collected: list[str] = []
    monkeypatch.setattr(gc, "collect", lambda *a: collected.append(threading.current_thread().name) or 0)

    def run() -> None:
        with hr.heap_reuse(_FakeLibc()):
            pass
    worker = threading.Thread(target=run, name="import")
    worker.start()
    worker.join()
    with hr.heap_reuse(_FakeLibc()):
        pass
    assert collected == [threading.main_thread().name]
