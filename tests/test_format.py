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


# ruff's output for a random spec's parameter: ruff counts the emoji and its skin-tone
# modifier as two columns, black as four, and black joins the Literal's line that ruff split.
DISPUTED_WIDTH = (
    "class R:\n"
    "    def f(\n"
    "        self,\n"
    "        user_id2: Union[\n"
    "            Union[\n"
    "                Literal[\n"
    '                    "Vf\u00d7\u00c5\\x02V\\x0b\\x1b\\U0010715c", '
    '"\\\\x00\\U0008902aK\\U000873e5\U0001f44d\U0001f3fb"\n'
    "                ],\n"
    "                Literal[262, -3],\n"
    "            ],\n"
    "            NotGiven,\n"
    "        ] = NOT_GIVEN,\n"
    "    ) -> None:\n"
    "        pass\n"
)


def test_code_with_characters_of_disputed_width_goes_to_black() -> None:
    assert black.format_str(DISPUTED_WIDTH, mode=black.Mode(line_length=CODE_WIDTH)) \
        != DISPUTED_WIDTH
    assert black_may_differ(DISPUTED_WIDTH, CODE_WIDTH)
    # Letters of one column by both counts, and the text of a docstring, stay ruff's.
    assert not black_may_differ('x = "Gr\u00fc\u00dfe \u00c5 \u00e9"\n', CODE_WIDTH)
    assert not black_may_differ('"""A \U0001f44d\U0001f3fb\n\nin a docstring.\n"""\n',
                                CODE_WIDTH)
