"""Which over-long lines send a file from ruff's output to black (generator/format.py): a
line black would leave as it is may stay ruff's; any line black might change must not."""

from __future__ import annotations

import black
import pytest
from sdkwright.format import CODE_WIDTH, black_may_differ

LONG = "schemas." + "X" * 96 + "Param"

LEFT_ALONE = {
    "a call without arguments": f"{LONG}.model_rebuild()\n",
    "an annotated parameter": f"def f(\n    self,\n    value: {LONG},\n) -> None:\n    pass\n",
    "a keyword argument": f"f(\n    value={LONG},\n)\n",
}
CHANGED = {
    "an annotated field": f"class A:\n    value: {LONG}\n",
    "an assigned call": f"value = {LONG}.model_rebuild()\n",
}


@pytest.mark.parametrize("text", LEFT_ALONE.values(), ids=LEFT_ALONE.keys())
def test_lines_black_leaves_alone_stay_ruffs(text: str) -> None:
    assert black.format_str(text, mode=black.Mode(line_length=CODE_WIDTH)) == text
    assert not black_may_differ(text, CODE_WIDTH)


@pytest.mark.parametrize("text", CHANGED.values(), ids=CHANGED.keys())
def test_lines_black_changes_go_to_black(text: str) -> None:
    assert black.format_str(text, mode=black.Mode(line_length=CODE_WIDTH)) != text
    assert black_may_differ(text, CODE_WIDTH)
