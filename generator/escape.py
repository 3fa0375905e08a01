"""The one path by which spec text reaches generated files.

Every string that comes from a spec is untrusted. Templates may only print values of type
`Code` (text already made safe for its destination) or numbers; the render stage refuses any
other string, so spec text cannot reach output without passing through a function here.
"""

from __future__ import annotations

import math
import re
from typing import Any


class Code(str):
    """Text that is safe to place verbatim in its destination file."""

    __slots__ = ()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\x85]")


def py_str(text: str) -> Code:
    """A Python string literal whose value is exactly `text`."""
    # repr() escapes quotes, backslashes, newlines and every non-printable character.
    literal = repr(str(text))
    if literal[0] == "'" and '"' not in text:
        # Then the text holds no quote at all: only the delimiters change.
        literal = '"' + literal[1:-1] + '"'
    return Code(literal)


def py_literal(value: Any) -> Code:
    """A Python expression for a JSON value (dict, list, str, number, bool, None)."""
    if value is None or isinstance(value, bool):
        return Code(repr(value))
    if isinstance(value, int):
        return Code(repr(value))
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return Code(f'float("{value}")')
        return Code(repr(value))
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, bytes):
        return Code(repr(value))
    if isinstance(value, list):
        return Code("[" + ", ".join(py_literal(v) for v in value) + "]")
    if isinstance(value, dict):
        items = ", ".join(f"{py_str(str(k))}: {py_literal(v)}" for k, v in value.items())
        return Code("{" + items + "}")
    return py_str(str(value))


def docstring_body(text: str) -> Code:
    """Text for the inside of a triple-double-quoted docstring, read back as `text`."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    body = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                        else f"\\u{ord(m.group()):04x}", body)
    body = body.replace("\r", "\\r").replace("\t", "    ")
    lines = [line.rstrip() for line in body.strip().split("\n")]
    return Code("\n".join(lines))


def comment(text: str) -> Code:
    """A single-line comment body: no newline or control character survives."""
    return Code(" ".join(_CONTROL.sub(" ", text).split()))


_MD_INLINE = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def md_inline(text: str) -> Code:
    """Spec text shown literally on one Markdown line (headings, list items, table cells)."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return Code(_MD_INLINE.sub(r"\\\1", flat))


def md_code(text: str) -> Code:
    """Spec text inside an inline code span."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    fence = "`" * (_longest_run(flat, "`") + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return Code(f"{fence}{pad}{flat}{pad}{fence}")


def md_block(text: str) -> Code:
    """A spec description as Markdown.

    OpenAPI descriptions are CommonMark, so inline markup is kept. What could escape the
    surrounding page is neutralised: raw HTML (`<` becomes `&lt;`) and code fences, which
    would otherwise swallow the rest of the page.
    """
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    lines = []
    for line in text.strip().split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            line = line.replace(stripped[0], "\\" + stripped[0], 1)
        lines.append(line.rstrip())
    return Code("\n".join(lines))


def md_fenced(text: str, language: str) -> Code:
    """A fenced code block whose fence no line of `text` can close."""
    fence = "`" * max(3, _longest_run(text, "`") + 1)
    return Code(f"{fence}{language}\n{text.rstrip()}\n{fence}")


def toml_str(text: str) -> Code:
    """A TOML basic string whose value is exactly `text`."""
    out = []
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return Code('"' + "".join(out) + '"')


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(re.escape(char) + "+", text)
    return max((len(r) for r in runs), default=0)
