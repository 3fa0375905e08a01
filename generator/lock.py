"""An advisory lock on the output folder, so two sdkwright runs never interleave their writes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if sys.platform != "win32":
    import fcntl


@contextmanager
def locked(folder: Path, *, shared: bool = False) -> Iterator[None]:
    """Hold a lock on `folder` (shared: for reading only) where the OS offers flock; a folder
    that does not exist yet is not locked (there is nothing in it to interleave with)."""
    if sys.platform == "win32" or not folder.is_dir():
        yield
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
