"""Where a document's nodes are: the root's line, read without mapping the whole document,
is the one the full line table has."""

from __future__ import annotations

import pytest
from sdkwright.yamlevents import line_table, root_line

TEXTS = [
    "openapi: 3.0.3\n",
    "# a comment\n\n# another\nopenapi: 3.0.3\n",
    "%YAML 1.2\n---\n\nopenapi: 3.0.3\n",
    "\n\n{\n  \"openapi\": \"3.0.3\"\n}\n",
    "- a\n- b\n",
    "just text\n",
    "a: [unclosed\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_root_line_is_the_line_tables(text: str) -> None:
    assert root_line(text) == line_table(text).get(())
