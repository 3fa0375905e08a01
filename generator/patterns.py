"""Strings that match a schema's `pattern` (for example values, never for validation).

Real specs constrain identifiers with patterns (`^ZH[0-9a-fA-F]{32}$`); a sample that ignores
them is rejected by any server that validates requests. The regular expression is read with the
standard library's own parser, and every candidate is checked with `re.search` (JSON Schema
patterns are unanchored), so a pattern this module cannot follow only costs the example.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

# The standard library's regex parser; its public alias `sre_parse` warns on import. Typed as
# Any because typeshed describes only the deprecated alias.
_PARSER: Any = importlib.import_module("re._parser")
# Repeat counts tried in turn, so a `minLength` beyond the pattern's minimum can be met.
_STRETCHES = (0, 1, 2, 4, 8, 16, 32, 64)
_MAX_REPEAT = 256
# The longest sample built: a pattern asking for more (`a{1000000}`, nested repeats) gets none.
_MAX_LENGTH = 4096
# Characters tried for a negated class or `.`, most readable first.
_ANY_CHARS = "aA0-_ x.:/"
_CATEGORY_CHARS = {
    "CATEGORY_DIGIT": "0",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": "-",
}


@dataclass(frozen=True)
class _Choice:
    stretch: int  # how often an open-ended repeat repeats
    variant: int  # which character of a class, which alternative of a branch


class _Unsupported(Exception):
    """A construct with no sensible sample (for example a backreference)."""


def matching_string(pattern: str, min_length: int = 0, max_length: int | None = None,
                    variant: int = 0) -> str | None:
    """A short string that `pattern` finds and whose length is within the bounds, or None.
    Another `variant` takes other characters and alternatives, for a different string."""
    try:
        compiled = re.compile(pattern)
        tree = _PARSER.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    for stretch in _STRETCHES:
        try:
            text = _emit(tree, _Choice(stretch, variant))
        except (_Unsupported, RecursionError):
            return None
        if len(text) < min_length:
            continue
        if max_length is not None and len(text) > max_length:
            return None
        if compiled.search(text):
            return text
    return None


def finds(pattern: str, text: str) -> bool:
    """Whether `pattern` finds a match in `text` (False for a pattern Python cannot read)."""
    try:
        return re.search(pattern, text) is not None
    except (re.error, RecursionError, OverflowError):
        return False


def _emit(items: Any, choice: _Choice) -> str:
    text = ""
    for op, arg in items:
        text += _emit_one(str(op), arg, choice)
        if len(text) > _MAX_LENGTH:
            raise _Unsupported("a string this long")
    return text


def _emit_one(op: str, arg: Any, choice: _Choice) -> str:
    if op == "LITERAL":
        return chr(arg)
    if op == "NOT_LITERAL":
        return next(c for c in _ANY_CHARS if ord(c) != arg)
    if op == "ANY":
        return _ANY_CHARS[0]
    if op == "IN":
        return _class_char(arg, choice)
    if op == "CATEGORY":
        return _CATEGORY_CHARS.get(str(arg), "a")
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low: int = arg[0]
        high: int = arg[1]
        sub = arg[2]
        count = max(low, min(choice.stretch, high, _MAX_REPEAT))
        text = _emit(sub, choice)
        if len(text) * count > _MAX_LENGTH:
            raise _Unsupported("a string this long")
        return text * count
    if op == "SUBPATTERN":
        return _emit(arg[-1], choice)
    if op == "ATOMIC_GROUP":
        return _emit(arg, choice)
    if op == "BRANCH":
        branches = arg[1]
        return _emit(branches[choice.variant % len(branches)], choice)
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return ""  # anchors and lookarounds add no characters; the final search checks them
    raise _Unsupported(op)


def _class_char(items: Any, choice: _Choice) -> str:
    """A character the character class (`[...]`) accepts: the first one, for variant 0."""
    negated = any(str(op) == "NEGATE" for op, _ in items)
    if not negated:
        op, arg = items[choice.variant % len(items)] if str(items[0][0]) != "RANGE" else items[0]
        if str(op) == "RANGE":
            low, high = arg
            return chr(low + choice.variant % (high - low + 1))
        return _emit_one(str(op), arg, choice)
    for candidate in _ANY_CHARS:
        if re.fullmatch(_class_source(items), candidate):
            return candidate
    raise _Unsupported("NEGATE")


def _class_source(items: Any) -> str:
    """The class as regex source again, to test candidate characters against it."""
    parts: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            parts.insert(0, "^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(arg)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif name == "CATEGORY":
            parts.append({"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D",
                          "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
                          "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}.get(str(arg), ""))
        else:
            raise _Unsupported(name)
    return "[" + "".join(parts) + "]"
