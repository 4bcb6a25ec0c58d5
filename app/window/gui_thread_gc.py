"""Python's cyclic garbage collector, run on the GUI thread only.

Automatic collection runs in whichever thread happens to allocate. When a background job (an
import, an export) triggers it, Qt objects caught in reference cycles (a closed plot's pyqtgraph
menus, say) are destroyed on the worker thread while the GUI thread deletes their relatives: the
two then wait for each other, one for the GIL and one for a Qt object mutex, and the editor
freezes (seen during an export's font subsetting). pyqtgraph's GarbageCollector turns automatic
collection off and collects on a GUI-thread timer instead.
"""
from __future__ import annotations

from typing import Optional

from pyqtgraph.util.garbage_collector import GarbageCollector

_collector: Optional[GarbageCollector] = None


def collect_on_gui_thread(interval_s: float = 1.0) -> GarbageCollector:
    """Start (once) collecting on a timer of ``interval_s`` seconds; call on the GUI thread
    after the QApplication exists. Returns the collector (its ``check()`` collects now if due)."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=interval_s)
    return _collector
