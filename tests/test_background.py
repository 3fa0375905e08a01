"""Work in a forked child process (generator/background.py): the same result as in this
process, whatever becomes of the child."""

from __future__ import annotations

import os
import time

import pytest
from sdkwright.background import in_background

PARENT = os.getpid()


def test_the_result_comes_from_the_child() -> None:
    pending = in_background(lambda: (os.getpid(), list(range(100_000))))
    pid, numbers = pending.result()
    assert numbers == list(range(100_000))
    if (os.cpu_count() or 1) > 1:
        assert pid != PARENT


def test_a_child_that_dies_leaves_the_work_to_this_process() -> None:
    def work() -> int:
        if os.getpid() != PARENT:
            os._exit(9)
        return 42

    assert in_background(work).result() == 42


def test_a_child_that_dies_gives_what_if_lost_says_when_given() -> None:
    def work() -> int:
        if os.getpid() != PARENT:
            os._exit(9)
        return 42

    pending = in_background(work, lambda: -1)
    assert pending.result() == (-1 if (os.cpu_count() or 1) > 1 else 42)


def test_a_fault_in_the_work_is_raised_here_without_a_trace_from_the_child(
        capfd: pytest.CaptureFixture[str]) -> None:
    def work() -> int:
        raise ValueError("no good")

    pending = in_background(work)
    with pytest.raises(ValueError, match="no good"):
        pending.result()
    assert "Traceback" not in capfd.readouterr().err


def test_close_stops_work_no_longer_wanted() -> None:
    def work() -> int:
        if os.getpid() != PARENT:
            time.sleep(600)  # close() kills it, or the test waits for it
        return 1

    pending = in_background(work)
    pending.close()
    assert pending.result() == 1  # asked for after all: done here
