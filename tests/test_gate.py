"""The compile gate (generator/gate.py) on output large enough to be shared with a child
process: every file is checked, and of several faults the first file's is reported."""

from __future__ import annotations

import pytest
from sdkwright.gate import PARALLEL_CHARS, GateError, check_compiles

FILLER = "x = 1\n" * 2_000


def _many(count: int) -> dict[str, str]:
    files = {f"pkg/m{i:04}.py": FILLER for i in range(count)}
    assert sum(map(len, files.values())) > PARALLEL_CHARS
    return files


def test_large_clean_output_passes() -> None:
    check_compiles({"pyproject.toml": "[project]\nname = 'x'\n", **_many(200)})


@pytest.mark.parametrize("faulty", [(3,), (4,), (7, 150), (150, 8)])
def test_the_first_fault_in_file_order_is_reported(faulty: tuple[int, ...]) -> None:
    files = _many(200)
    for i in faulty:
        files[f"pkg/m{i:04}.py"] = FILLER + f"def f{i}(a, a): pass\n"
    with pytest.raises(GateError) as caught:
        check_compiles(files)
    first = min(faulty)
    assert (caught.value.path, caught.value.line) == (f"pkg/m{first:04}.py", 2_001)
    assert "duplicate argument 'a'" in caught.value.message


def test_a_project_file_that_does_not_load_is_reported() -> None:
    with pytest.raises(GateError, match=r"^pyproject.toml:\d+: generated TOML does not load"):
        check_compiles({**_many(200), "pyproject.toml": "[project]\nname = \n"})


def test_files_compiled_already_are_not_compiled_again() -> None:
    files = {**_many(200), "pkg/old.py": "def f(a, a): pass\n"}
    check_compiles(files, frozenset({"pkg/old.py"}))
