"""Garbage made while a background job runs is collected on the GUI thread, never the worker's."""
from __future__ import annotations

import gc
import threading

from vitrine.app.window.gui_thread_gc import collect_on_gui_thread

_kept: list = []


class _Cycle:
    def __init__(self, where: list) -> None:
        self.me, self.where = self, where

    def __del__(self) -> None:
        self.where.append(threading.current_thread() is threading.main_thread())


def test_cycles_dropped_on_a_worker_thread_are_collected_on_the_gui_thread(qapp, qtbot) -> None:
    collector = collect_on_gui_thread()
    assert not gc.isenabled()
    where: list = []

    def work() -> None:
        _Cycle(where)  # unreachable at once, but only the cycle collector can free it
        # enough live containers that automatic collection would have run on this thread
        _kept.extend([] for _ in range(gc.get_threshold()[0] * 3))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert where == []
    qtbot.waitUntil(lambda: bool(where), timeout=5000)  # the collector's GUI-thread timer
    assert where == [True]
    _kept.clear()
    assert collector is collect_on_gui_thread()
