"""Running batch preparation: locally on a process pool sized to the cores and to the memory
each scan needs, or on a dask.distributed cluster. Both run the same task
(:func:`batch_tasks.prepare_payload`) on the scan's bytes, so results are byte-identical
wherever a task runs, and workers need no shared storage.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from .batch_sources import find_scans
from .batch_tasks import estimate_bytes, make_payload, prepare_payload
from .collection import Collection

Event = dict[str, Any]  # {'kind': 'prepared'|'failed'|'skipped', 'source', 'done', 'total', 'error'?, 'seconds'}


@dataclass
class BatchSummary:
    """What a batch run did; ``problems`` are sources that were neither scans nor folders."""

    prepared: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    worker_peak_mb: float = 0.0  # the largest peak resident memory a worker reported

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def available_memory() -> int:
    """Bytes of memory available now (MemAvailable), or 4 GiB when it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 4 << 30


def run_batch(sources: list[Path], out: Path, *, workers: Optional[int] = None, scheduler: str = "",
              on_event: Optional[Callable[[Event], None]] = None, memory: Optional[int] = None) -> BatchSummary:
    """Prepare every scan found in ``sources`` into the collection ``out``.

    Prepared scans already in the collection (same source, same content) are skipped, so a
    second run resumes after a crash. ``scheduler`` ('tcp://HOST:PORT') runs the tasks on that
    dask.distributed cluster; otherwise a local pool of ``workers`` processes (default: the
    cores) admits tasks while their estimated memory fits ``memory`` bytes (default: 80 % of
    what is available)."""
    collection = Collection.open(out, create=True)
    scans, problems = find_scans(sources)
    summary = BatchSummary(problems=problems)
    todo: list[tuple[Path, str]] = []
    for scan in scans:
        sha = _sha256(scan)
        if collection.is_prepared(str(scan), sha):
            summary.skipped.append(str(scan))
        else:
            todo.append((scan, sha))
    total = len(scans)
    done = 0
    emit = on_event or (lambda event: None)
    for source in summary.skipped:
        done += 1
        emit({"kind": "skipped", "source": source, "done": done, "total": total})
    results = (_run_on_cluster(todo, scheduler) if scheduler else
               _run_locally(todo, workers or os.cpu_count() or 1, memory or int(available_memory() * 0.8)))
    for (scan, sha), result, seconds in results:
        done += 1
        if result["status"] == "prepared":
            summary.worker_peak_mb = max(summary.worker_peak_mb, result.get("worker_peak_mb", 0.0))
            collection.record_prepared(scan, result)
            summary.prepared.append(str(scan))
            emit({"kind": "prepared", "source": str(scan), "done": done, "total": total, "seconds": seconds})
        else:
            collection.record_failed(scan, sha, result["error"])
            summary.failed.append(str(scan))
            emit({"kind": "failed", "source": str(scan), "done": done, "total": total, "seconds": seconds,
                  "error": result["error"]})
    return summary


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _task(scan: Path) -> dict[str, Any]:
    try:
        payload = make_payload(scan)
    except OSError as exc:
        return {"status": "failed", "error": f"{scan.name}: cannot be read ({exc.strerror or exc})"}
    return prepare_payload(payload)


def _run_locally(todo: list[tuple[Path, str]], workers: int, memory: int) -> Iterator[tuple]:
    """Yield ((scan, sha), result, seconds) as tasks finish, admitting a task only while the
    estimated memory of those running fits ``memory`` (one always runs)."""
    if not todo:
        return
    pending = list(todo)
    running: dict[Future, tuple[tuple[Path, str], int, float]] = {}
    ctx = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(todo))), mp_context=ctx) as pool:
        while pending or running:
            in_use = sum(need for _, need, _ in running.values())
            while pending and len(running) < workers:
                need = estimate_bytes(pending[0][0])
                if running and in_use + need > memory:
                    break
                item = pending.pop(0)
                running[pool.submit(_task, item[0])] = (item, need, time.perf_counter())
                in_use += need
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                item, _, started = running.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # noqa: BLE001 (a worker killed by the OS, say)
                    result = {"status": "failed", "error": f"{item[0].name}: the worker stopped ({type(exc).__name__})"}
                yield item, result, time.perf_counter() - started


class ClusterUnreachable(Exception):
    """The scheduler address cannot be reached; the message is one line."""


def _run_on_cluster(todo: list[tuple[Path, str]], address: str) -> Iterator[tuple]:
    """Yield ((scan, sha), result, seconds) from a dask.distributed cluster at ``address``.
    The scan's bytes travel in the task, so workers need no access to the sources; only a
    window of about two tasks per worker is in flight, so the client never holds a whole
    collection in memory."""
    from distributed import Client, as_completed
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterUnreachable(f"{address}: cannot reach the dask scheduler ({' '.join(str(exc).split())[:200]})") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        queue = iter(todo)
        started: dict[str, tuple[tuple[Path, str], float]] = {}
        completed = as_completed()

        unreadable: list[tuple] = []
        count = iter(range(len(todo)))

        def submit_next() -> None:
            for item in queue:
                try:
                    payload = make_payload(item[0])
                except OSError as exc:
                    unreadable.append((item, {"status": "failed",
                                              "error": f"{item[0].name}: cannot be read ({exc.strerror or exc})"}, 0.0))
                    continue
                key = f"vitrine-prepare-{next(count)}-{item[1][:16]}"  # two copies of one scan are two tasks
                future = client.submit(prepare_payload, payload, key=key, pure=False)
                started[future.key] = (item, time.perf_counter())
                completed.add(future)
                return

        for _ in range(2 * workers):
            submit_next()
        for future in completed:
            item, t0 = started.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 (a worker lost, a task killed)
                result = {"status": "failed", "error": f"{item[0].name}: the cluster could not run it ({type(exc).__name__})"}
            future.release()
            submit_next()
            yield item, result, time.perf_counter() - t0
        yield from unreadable
    finally:
        client.close()
