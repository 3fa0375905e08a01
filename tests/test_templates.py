"""The built-in runtime-core templates that render to their own text are black's output.

sdkwright.render.verbatim_core names them, and generation skips formatting them on that
promise; this is what keeps it.
"""

from __future__ import annotations

import black
import pytest
from sdkwright.assets import default_templates
from sdkwright.render import verbatim_modules

TEMPLATES = default_templates() / "package"
VERBATIM = verbatim_modules(default_templates())


def test_the_shared_runtime_core_is_verbatim() -> None:
    assert {"_base_client", "_models", "_types"} <= set(VERBATIM)


@pytest.mark.parametrize("name", VERBATIM)
def test_verbatim_core_template_is_black_formatted(name: str) -> None:
    source = (TEMPLATES / f"{name}.py.jinja").read_text("utf-8")
    assert black.format_str(source, mode=black.Mode(line_length=88)) == source
