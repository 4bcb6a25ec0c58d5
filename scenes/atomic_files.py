"""Writing files so that a reader, or a process killed midway, sees the old bytes or the new,
never a mix: a temporary file in the same folder, flushed and fsynced, renamed into place."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Optional

CHUNK = 1 << 20


@contextmanager
def replacing(path: Path, *, prefix: Optional[str] = None, mode: Optional[int] = None) -> Iterator[BinaryIO]:
    """Yield a binary file whose contents replace ``path`` atomically when the block ends
    without error; on error the temporary file is removed and ``path`` is untouched.
    ``mode`` (e.g. 0o600) is set before any byte is written."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix or f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes, *, mode: Optional[int] = None) -> None:
    """Replace ``path`` with ``data`` atomically."""
    with replacing(path, mode=mode) as f:
        f.write(data)


def atomic_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` atomically (the target never holds a partial copy)."""
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    with replacing(target, prefix=".incoming.") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out, CHUNK)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: not every system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
