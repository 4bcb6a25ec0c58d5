"""Reusing freed memory while a scan is prepared, instead of faulting fresh pages in.

Preparing a 4.3M-face scan makes hundreds of short-lived numpy temporaries of 17-100 MB.
glibc serves every allocation above its mmap threshold (at most 32 MiB) with a fresh
``mmap`` and returns it with ``munmap`` when freed, so the next temporary faults its pages
in again and the kernel zeroes each one: on the 4.3M-face benchmark GLB that was 2.4 s of
system CPU in 6.6 s of CPU (benchmarks/bench_import_stages.py --without-heap-reuse).  Inside
:func:`heap_reuse` glibc takes every allocation from its heap and keeps freed memory there,
so later temporaries reuse pages already mapped: 0.8 s of system CPU, most of it the heap's
first growth to the peak.  Peak RSS grows by 1.5 % at 4.3M faces and by 6 % at 20M (freed
holes that the next, larger temporary cannot use; 4.4 GiB, within the 6 GB target), and the
20M import takes 22.4 s of CPU instead of 27.5.  On leaving, the defaults come back and the freed heap is handed back to the system (``malloc_trim``), so a
long-running editor does not keep the import's peak.

Other C libraries (macOS, Windows, musl) are left alone: the context does nothing there.
"""
from __future__ import annotations

import ctypes
import gc
import platform
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["heap_reuse"]

# glibc's <malloc.h> parameter numbers and defaults.
M_TRIM_THRESHOLD = -1
M_MMAP_MAX = -4
DEFAULT_TRIM_THRESHOLD = 128 * 1024
DEFAULT_MMAP_MAX = 65536
# Freed memory stays in the heap up to this much: the largest value mallopt takes (2 GiB).
KEEP_FREED = 2**31 - 1

_lock = threading.Lock()
_users = 0


def _glibc() -> ctypes.CDLL | None:
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _glibc()


@contextmanager
def heap_reuse(libc: ctypes.CDLL | None = _LIBC) -> Iterator[None]:
    """While the block runs, large allocations come from the heap and freed memory stays
    there for reuse.  Nested and concurrent uses share one setting; the last to leave
    restores glibc's defaults and trims the heap.  ``libc`` is for tests."""
    global _users
    if libc is None:
        yield
        return
    with _lock:
        _users += 1
        if _users == 1:
            libc.mallopt(M_MMAP_MAX, 0)
            libc.mallopt(M_TRIM_THRESHOLD, KEEP_FREED)
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                libc.mallopt(M_MMAP_MAX, DEFAULT_MMAP_MAX)
                libc.mallopt(M_TRIM_THRESHOLD, DEFAULT_TRIM_THRESHOLD)
                if threading.current_thread() is threading.main_thread():
                    # Temporaries held only by reference cycles (a mesh and its visuals) go now.
                    # Never from a worker thread: the editor collects on its GUI thread only
                    # (app/window/gui_thread_gc.py), as Qt objects in cycles must die there.
                    gc.collect()
                libc.malloc_trim(0)
