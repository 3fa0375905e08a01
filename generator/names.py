"""Turning spec names into Python identifiers: deterministic, valid, never reserved."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

from .escape import Code

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")

# Attributes of pydantic's BaseModel that a field must not shadow.
PYDANTIC_RESERVED = frozenset(
    {
        "copy", "construct", "dict", "json", "schema", "schema_json", "fields", "validate",
        "parse_obj", "parse_raw", "parse_file", "from_orm", "update_forward_refs",
        # The runtime BaseModel's own methods.
        "to_dict", "to_json",
    }
)
BUILTIN_NAMES = frozenset(dir(builtins))
# Names a generated types module uses in annotations; a field must not shadow them in the
# class body, where later annotations are evaluated.
ANNOTATION_NAMES = frozenset(
    {
        "str", "int", "float", "bool", "object", "bytes", "date", "datetime", "Any", "Dict",
        "List", "Literal", "Mapping", "Optional", "Sequence", "Union", "Annotated", "Required",
        "TypedDict", "BaseModel", "Field", "OpenEnum", "OpenIntEnum", "schemas", "None",
        "FileContent", "FileTypes", "TaggedUnion",
    }
)
MAX_LENGTH = 80


def words(text: str) -> list[str]:
    """Split any text into lowercase-able ASCII words ("getHTTPItems2" -> get HTTP Items 2)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(ascii_text)


def snake(text: str) -> str:
    return "_".join(w.lower() for w in words(text))


def pascal(text: str) -> str:
    return "".join(w[:1].upper() + w[1:].lower() for w in words(text))


def upper_snake(text: str) -> str:
    return snake(text).upper()


def identifier(text: str, *, fallback: str, reserved: frozenset[str] = BUILTIN_NAMES) -> Code:
    """A snake_case identifier for `text`; keywords and `reserved` names get a `_` suffix."""
    name = snake(text)[:MAX_LENGTH].rstrip("_") or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        name += "_"
    return Code(name)


def field_name(text: str) -> Code:
    """An attribute name for a model field: never shadowing what the class body needs."""
    name = identifier(text, fallback="field", reserved=PYDANTIC_RESERVED | ANNOTATION_NAMES)
    return Code(name + "_") if name.startswith("model_") else name


def class_name(text: str, *, fallback: str = "Model") -> Code:
    name = pascal(text)[:MAX_LENGTH] or fallback
    if name[0].isdigit():
        name = f"{fallback}{name}"
    return safe_class(name)


def safe_class(name: str) -> Code:
    """`name`, with a `_` suffix if it would shadow a keyword, builtin or imported name."""
    if keyword.iskeyword(name) or name in BUILTIN_NAMES or name in ANNOTATION_NAMES:
        name += "_"
    return Code(name)


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


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name2`, `name3`, ... : the first not in `taken`; records the choice."""
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{name}{n}"
        n += 1
    taken.add(candidate)
    return candidate
