"""Progress on a terminal: the stage and the work done, redrawn in place on one stderr line."""

from __future__ import annotations

import os
import time
from typing import TextIO

# Redraws at most this often: a terminal that scrolls fast slows the work it reports on.
INTERVAL = 0.1
_CLEAR_LINE = "\r\x1b[K"


class Progress:
    """Draws on `stream`, or does nothing when it is None (piped output, --quiet)."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream
        self._label = ""
        self._stage = ""
        self._unit = ""
        self._total: int | None = None
        self._done = 0
        self._drawn_at = 0.0
        self._shown = False

    @classmethod
    def on_terminal(cls, stream: TextIO, *, quiet: bool) -> Progress:
        return cls(stream if not quiet and stream.isatty() else None)

    def task(self, label: str) -> None:
        """Name what the following stages work on (the spec, with several clients)."""
        self._label = label

    def stage(self, name: str, total: int | None = None, unit: str = "") -> None:
        self._stage, self._total, self._unit, self._done = name, total, unit, 0
        self._draw()

    def advance(self) -> None:
        self._done += 1
        if self._stream is not None and (
                time.monotonic() - self._drawn_at >= INTERVAL or self._done == self._total):
            self._draw()

    def clear(self) -> None:
        """Remove the progress line, so that the next message starts on a clean line."""
        if self._stream is not None and self._shown:
            self._stream.write(_CLEAR_LINE)
            self._stream.flush()
            self._shown = False

    def _draw(self) -> None:
        if self._stream is None:
            return
        count = f" {self._done}/{self._total}" if self._total is not None else (
            f" {self._done}" if self._done else "")
        text = f"{self._label}: {self._stage}{count}{' ' + self._unit if count else ''}"
        self._stream.write(_CLEAR_LINE + text[: _width(self._stream)])
        self._stream.flush()
        self._drawn_at = time.monotonic()
        self._shown = True


def _width(stream: TextIO) -> int:
    # One column short of the terminal: a line that wraps cannot be redrawn in place. A
    # terminal that reports no size (0 columns) gets the classic 80.
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        columns = 0
    return columns - 1 if columns > 1 else 79


SILENT = Progress(None)
