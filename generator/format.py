"""Stage 5: format generated Python (files, and `python` blocks in Markdown) with black."""

from __future__ import annotations

import re

import black
from black.parsing import InvalidInput

_MODE = black.Mode(line_length=88)
# Examples in docs are read, not imported: a little wider keeps a call's comment on its line.
_DOCS_MODE = black.Mode(line_length=100)
_BLANK_RUN = re.compile(r"\n{3,}")
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


class FormatError(Exception):
    """Generated code that black cannot parse: a generator bug, never the user's fault."""


def format_python(source: str, where: str, mode: black.Mode = _MODE) -> str:
    try:
        return black.format_str(source, mode=mode)
    except InvalidInput as exc:
        raise FormatError(f"{where}: generated code does not parse: {exc}") from None


def format_markdown(text: str, where: str) -> str:
    def block(match: re.Match[str]) -> str:
        return "```python\n" + format_python(match.group(1), where, _DOCS_MODE) + "```"

    return _BLANK_RUN.sub("\n\n", _PYTHON_BLOCK.sub(block, text))


def format_files(files: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".py"):
            out[path] = format_python(text, path) if text.strip() else ""
        elif path.endswith(".md"):
            out[path] = format_markdown(text, path)
        else:
            out[path] = text
    return out
