"""The one path by which spec text reaches generated files, typed by where it goes.

Every string that comes from a spec is untrusted. Each destination has its own kind of safe
text: `PyCode` (Python source: identifiers, literals, annotations, docstrings, comments),
`MdText` (Markdown) and `TomlText` (TOML). Only the functions here build them from spec text,
and each template environment prints only its own kind (`generator/render.py`), so text made
safe for one destination cannot land in another.
"""

from __future__ import annotations

import keyword
import math
import re
from typing import Any
from urllib.parse import quote


class PyCode(str):
    """Text that is safe to place verbatim in a Python source file."""

    __slots__ = ()


class MdText(str):
    """Text that is safe to place verbatim in a Markdown file."""

    __slots__ = ()


class TomlText(str):
    """Text that is safe to place verbatim in a TOML file."""

    __slots__ = ()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\x85]")


class NotAnIdentifier(ValueError):
    """A name that is not a Python identifier reached code that needs one: a generator bug."""


def py_ident(name: str) -> PyCode:
    """`name` as Python code; it must already be a (non-keyword) ASCII identifier."""
    if not (name.isidentifier() and name.isascii()) or keyword.iskeyword(name):
        raise NotAnIdentifier(f"{name!r} is not a Python identifier")
    return PyCode(name)


def py_str(text: str) -> PyCode:
    """A Python string literal whose value is exactly `text`."""
    # repr() escapes quotes, backslashes, newlines and every non-printable character.
    literal = repr(str(text))
    if literal[0] == "'" and '"' not in text:
        # Then the text holds no quote at all: only the delimiters change.
        literal = '"' + literal[1:-1] + '"'
    return PyCode(literal)


class NotJson(TypeError):
    """A value with no JSON meaning reached `py_literal`: a generator bug, not spec text."""


def py_literal(value: Any) -> PyCode:
    """A Python expression for a JSON value (dict, list, str, number, bool, None) or bytes."""
    if value is None or isinstance(value, (bool, int, bytes)):
        return PyCode(repr(value))
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return PyCode(f'float("{value}")')
        return PyCode(repr(value))
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, list):
        return PyCode("[" + ", ".join(py_literal(v) for v in value) + "]")
    if isinstance(value, dict):
        items = ", ".join(f"{py_str(str(k))}: {py_literal(v)}" for k, v in value.items())
        return PyCode("{" + items + "}")
    raise NotJson(f"no Python literal for a {type(value).__name__}")


def _docstring_body(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    body = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                        else f"\\u{ord(m.group()):04x}", body)
    body = body.replace("\r", "\\r").replace("\t", "    ")
    return "\n".join(line.rstrip() for line in body.strip().split("\n"))


def py_docstring(text: str, indent: int = 0) -> PyCode:
    """A whole triple-quoted docstring whose value reads back as `text` (every quote and
    backslash escaped, so nothing in the text can close it), its later lines indented."""
    pad = " " * indent
    body = _docstring_body(text)
    if body.endswith('"'):
        # A quote just before the closing quotes (escaped, as every quote is): black pads it
        # with a space and ruff does not, so it is written as a hex escape instead.
        body = body[:-2] + "\\x22"
    lines = body.split("\n")
    body = "\n".join([lines[0], *(pad + line if line else "" for line in lines[1:])])
    closing = f"\n{pad}" if len(lines) > 1 else ""
    return PyCode(f'"""{body}{closing}"""')


def py_docstring_text(text: str) -> PyCode:
    """Spec text for a line inside a docstring that the template opens and closes itself."""
    return PyCode(_docstring_body(text))


def py_comment(text: str) -> PyCode:
    """A single-line comment body: no newline or control character survives."""
    return PyCode(_flat(text))


def _flat(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


_MD_INLINE = re.compile(r"([\\`*_{}\[\]()#+!|<>~&])")


def md_inline(text: str) -> MdText:
    """Spec text shown literally on one Markdown line (headings, list items, table cells)."""
    return MdText(_MD_INLINE.sub(r"\\\1", _flat(text)))


def md_code(text: str) -> MdText:
    """Text shown as an inline code span. The span's backtick run is longer than any run
    inside it, and it is padded when the text starts or ends with a backtick, as CommonMark
    specifies, so no text can end it early."""
    flat = _flat(text)
    fence = "`" * (_longest_run(flat, "`") + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return MdText(f"{fence}{pad}{flat}{pad}{fence}")


def md_cell_code(text: str) -> MdText:
    """An inline code span in a table cell. Tables are split into cells at every `|` before
    code spans are read, even inside one (GFM), so each is escaped: the table reads `\\|`
    as a `|` of the span."""
    return MdText(md_code(text).replace("|", "\\|"))


# Where a link's destination starts: after `](` (an inline link) or `]:` (a reference
# definition, which may also sit in a quote or a list item, its destination on the next line),
# unless that destination is an http, https or mailto URL.
_MD_UNSAFE_DESTINATION = re.compile(r"\]([(:])(?!\s*(?:https?|mailto):)", re.IGNORECASE)


def md_block(text: str) -> MdText:
    """A spec description as Markdown.

    OpenAPI descriptions are CommonMark, so inline markup and links are kept. What could
    escape the surrounding page is neutralised: raw HTML (`<` becomes `&lt;`, and `&` is
    `&amp;`, so no entity turns into markup), code fences, which would otherwise swallow the
    rest of the page, images, and links and link definitions to anything but http, https and
    mailto (relative links would point into the generated project, where nothing is). The
    `(` or `:` that starts such a destination is escaped: escaping the `]` before it would
    not do, as a backslash in front of that `]` would then escape our backslash instead.
    """
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("![", "!\\[")
    text = _MD_UNSAFE_DESTINATION.sub(lambda m: "]\\" + m.group(1), text)
    lines = []
    for line in text.strip().split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            line = line.replace(stripped[0], "\\" + stripped[0], 1)
        lines.append(line.rstrip())
    return MdText("\n".join(lines))


def md_link_target(target: str) -> MdText:
    """A link destination: a relative path the generator made, percent-encoded."""
    return MdText(quote(target, safe="/._-"))


def md_fenced(text: str, language: str) -> MdText:
    """A fenced code block whose fence no line of `text` can close."""
    fence = "`" * max(3, _longest_run(text, "`") + 1)
    return MdText(f"{fence}{language}\n{text.rstrip()}\n{fence}")


def toml_str(text: str) -> TomlText:
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
    return TomlText('"' + "".join(out) + '"')


def toml_comment(text: str) -> TomlText:
    """A single-line TOML comment body."""
    return TomlText(_flat(text))


def toml_key(name: str) -> TomlText:
    """A bare TOML key; only identifiers (package names) are ever keys."""
    return TomlText(py_ident(name))


def _longest_run(text: str, char: str) -> int:
    if char not in text:
        return 0
    return max(len(run) for run in re.findall(re.escape(char) + "+", text))
