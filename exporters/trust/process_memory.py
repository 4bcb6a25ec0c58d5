"""Resident memory of a process tree, read from /proc (Linux): what `vitrine kiosk` watches to restart
a browser that has grown past its limit.

Chromium runs as many processes (zygotes, renderers, GPU, utility), some of which are not children of
the one the launcher started; all of them stay in its session, because the launcher starts it with
``start_new_session=True``. So the tree is: the process, its descendants, and every process in its
session.
"""
from __future__ import annotations

import os
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")  # bytes; /proc/PID/statm counts pages


def _stat_fields(text: str) -> list[str]:
    """Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses)."""
    return text[text.rindex(")") + 2:].split()


def tree_pids(root_pid: int, proc: Path = Path("/proc")) -> set[int]:
    """The pids of ``root_pid``, its descendants and its session (empty when it is gone)."""
    parent: dict[int, int] = {}
    session: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = _stat_fields((entry / "stat").read_text())
        except (OSError, ValueError):
            continue  # exited while we looked
        pid = int(entry.name)
        parent[pid] = int(fields[1])  # ppid (stat field 4)
        session[pid] = int(fields[3])  # session id (stat field 6)
    if root_pid not in parent:
        return set()
    found = {root_pid} | {pid for pid, sid in session.items() if sid == root_pid}
    grew = True
    while grew:
        more = {pid for pid, ppid in parent.items() if ppid in found and pid not in found}
        found |= more
        grew = bool(more)
    return found


def tree_rss_bytes(root_pid: int, proc: Path = Path("/proc")) -> int:
    """Resident set size, in bytes, summed over :func:`tree_pids` (0 when the process is gone).

    Shared pages (libraries, shared memory) are counted once per process, so the figure is an
    upper bound: good for a ceiling, which should rather restart early than never.
    """
    total = 0
    for pid in tree_pids(root_pid, proc):
        try:
            resident_pages = int((proc / str(pid) / "statm").read_text().split()[1])
        except (OSError, ValueError, IndexError):
            continue
        total += resident_pages * PAGE_SIZE
    return total
