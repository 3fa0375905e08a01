"""A computation that runs in a forked child process while this process goes on.

Used for work whose result is needed only at the end of a run: openapi-spec-validator's
wording of a spec's faults takes seconds on a large spec, and a generation that reads past
them needs the words only when it reports its warnings. Where there is no `fork` (Windows),
or one core, or the child cannot start or dies, the work runs here instead: the result is
the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from abc import ABC, abstractmethod
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")


class Pending(ABC, Generic[T]):
    """A result that is, or will be, there."""

    @abstractmethod
    def result(self) -> T: ...

    def close(self) -> None:
        """Stop the work if it still runs (the result is no longer wanted)."""


class Done(Pending[T]):
    def __init__(self, value: T) -> None:
        self._value = value

    def result(self) -> T:
        return self._value


class _Running(Pending[T]):
    def __init__(self, redo: Callable[[], T], child: multiprocessing.process.BaseProcess,
                 receive: Connection) -> None:
        self._redo = redo
        self._child = child
        self._receive = receive
        self._value: Done[T] | None = None

    def result(self) -> T:
        if self._value is None:
            try:
                value: T = self._receive.recv()  # before join: a large result fills the pipe
            except (EOFError, OSError):  # the child died
                value = self._redo()
            finally:
                self.close()
            self._value = Done(value)
        return self._value.result()

    def close(self) -> None:
        if self._child.is_alive():
            self._child.kill()
        self._child.join()
        self._receive.close()


def in_background(work: Callable[[], T], if_lost: Callable[[], T] | None = None
                  ) -> Pending[T]:
    """`work()`, started in a forked child process where that can help. If the child dies,
    the result is `if_lost()`, or else `work()` done here. An `if_lost` that holds less than
    `work` lets this process free what `work` needs while the child runs."""
    if sys.platform != "linux" or (os.cpu_count() or 1) < 2:
        # macOS has fork, but forking a process that has loaded system frameworks is unsafe.
        return Done(work())
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    # With fork, the child inherits `work` as it is: nothing is pickled but the result.
    child = context.Process(target=_run, args=(work, send), daemon=True)
    try:
        child.start()
    except (OSError, AssertionError):  # out of processes, or this is a daemonic process
        receive.close()
        send.close()
        return Done(work())
    send.close()
    return _Running(if_lost or work, child, receive)


def _run(work: Callable[[], T], send: Connection) -> None:
    try:
        send.send(work())
    except BaseException:  # the parent runs the work again, and meets the fault itself
        pass
    finally:
        send.close()
