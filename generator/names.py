"""Spec names as Python names: case conversion, and one registry (`Namespace`) per scope.

Every name placed in generated code is claimed in the namespace of the scope it lives in:
the client constructor, a module, a class body, a method. A namespace starts with the names
its template introduces (reserved); a claim gets the name it asks for, with one rule when
that is not free: a reserved name gets a `_` suffix, and a name already claimed gets `2`,
`3`, ... So no spec name can shadow a template's name or another spec name, and whatever
order claims come in, the same claims give the same names.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .escape import PyCode, py_ident

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")

BUILTIN_NAMES = frozenset(dir(builtins))
KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
# Attributes of pydantic's BaseModel (and the runtime's own) that a field must not shadow.
PYDANTIC_RESERVED = frozenset({
    "copy", "construct", "dict", "json", "schema", "schema_json", "fields", "validate",
    "parse_obj", "parse_raw", "parse_file", "from_orm", "update_forward_refs", "to_dict",
    "to_json",
})
MAX_LENGTH = 80


def words(text: str) -> list[str]:
    """Split any text into ASCII words ("getHTTPItems2" -> get HTTP Items 2)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(ascii_text)


# The same names recur all over a spec (each operation's fields, parameters, tags).
@lru_cache(maxsize=1 << 16)
def snake(text: str) -> str:
    return "_".join(w.lower() for w in words(text))


@lru_cache(maxsize=1 << 16)
def pascal(text: str) -> str:
    return "".join(w[:1].upper() + w[1:].lower() for w in words(text))


def upper_snake(text: str) -> str:
    return snake(text).upper()


def snake_name(text: str, fallback: str) -> str:
    """A snake_case identifier for `text` (not yet checked against any scope)."""
    name = snake(text)[:MAX_LENGTH].rstrip("_") or fallback
    return f"{fallback}_{name}" if name[0].isdigit() else name


def pascal_name(text: str, fallback: str) -> str:
    """A PascalCase identifier for `text` (not yet checked against any scope)."""
    name = pascal(text)[:MAX_LENGTH] or fallback
    return f"{fallback}{name}" if name[0].isdigit() else name


def singular(word: str) -> str:
    """Good-enough English singular for resource names ("livestreams" -> "livestream")."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class Namespace:
    """The names of one Python scope."""

    def __init__(self, label: str, reserved: Iterable[str] = ()) -> None:
        self.label = label
        self._reserved = KEYWORDS | frozenset(reserved)
        self._taken: set[str] = set()
        # What each claim key received: claiming the same thing twice gives one name.
        self._by_key: dict[object, PyCode] = {}

    def claim(self, preferred: str, key: object | None = None) -> PyCode:
        """A free name for `preferred` (an identifier), recorded as taken. With a `key`, a
        second claim of the same key returns the first claim's name."""
        if key is not None and key in self._by_key:
            return self._by_key[key]
        name = preferred + "_" if preferred in self._reserved else preferred
        base, n = name, 2
        while name in self._taken or name in self._reserved:
            name = f"{base}{n}"
            n += 1
        self._taken.add(name)
        code = py_ident(name)
        if key is not None:
            self._by_key[key] = code
        return code

    def __contains__(self, name: object) -> bool:
        return name in self._taken or name in self._reserved

    def claimed(self, key: object) -> PyCode | None:
        return self._by_key.get(key)
