"""Writing files so that a reader, or a process killed midway, sees the old bytes or the new,
never a mix: a temporary file in the same folder, flushed and fsynced, renamed into place.

Files get the permissions the user's umask gives a new file (0644 under the usual 022), as
``open()`` would, so colleagues on a shared drive can read a project; the temporary file's
own 0600 from ``mkstemp`` is not kept. Secrets pass ``mode=0o600`` explicitly."""
from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Optional

CHUNK = 1 << 20
_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask. Python can only read it by setting it, so it is set to 0o077
    for an instant: a file another thread creates meanwhile is at worst more private."""
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def default_file_mode() -> int:
    """The mode ``open()`` gives a new file under the current umask (0o644 under 0o022)."""
    return 0o666 & ~current_umask()


@contextmanager
def replacing(path: Path, *, prefix: Optional[str] = None, mode: Optional[int] = None) -> Iterator[BinaryIO]:
    """Yield a binary file whose contents replace ``path`` atomically when the block ends
    without error; on error the temporary file is removed and ``path`` is untouched.
    The file gets ``mode`` (e.g. 0o600 for a key) or else what the umask gives a new file;
    it is set before any byte is written."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix or f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, default_file_mode() if mode is None else mode)
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


def atomic_copy(source: Path, target: Path, *, expected_sha256: Optional[str] = None) -> str:
    """Copy ``source`` to ``target`` atomically (the target never holds a partial copy);
    returns the SHA-256 hex digest of the bytes copied, hashed as they pass (one read).
    With ``expected_sha256``, a copy of other bytes is removed and ``ValueError`` raised."""
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with replacing(target, prefix=".incoming.") as out, open(source, "rb") as src:
        for block in iter(lambda: src.read(CHUNK), b""):
            digest.update(block)
            out.write(block)
        if expected_sha256 is not None and digest.hexdigest() != expected_sha256:
            raise ValueError(f"{Path(source).name}: its bytes are not those expected (SHA-256 differs)")
    return digest.hexdigest()


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
