"""Reading and rewriting the annotation expressions that the IR build produces."""

from __future__ import annotations

import io
import tokenize

from .escape import Code


def _tokens(annotation: str) -> list[tokenize.TokenInfo]:
    return list(tokenize.generate_tokens(io.StringIO(annotation).readline))


def names_used(annotation: str) -> set[str]:
    """The top-level names an annotation needs in scope (`schemas.X` needs `schemas`)."""
    out: set[str] = set()
    previous = ""
    for tok in _tokens(annotation):
        if tok.type == tokenize.NAME and previous != ".":
            out.add(tok.string)
        previous = tok.string
    return out


def qualify(annotation: str, local: set[str], module: str) -> Code:
    """Prefix the names in `local` with `module.`, leaving string literals untouched."""
    parts: list[str] = []
    previous = ""
    for tok in _tokens(annotation):
        if tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            continue
        text = tok.string
        if tok.type == tokenize.NAME and previous != "." and text in local:
            text = f"{module}.{text}"
        parts.append(text)
        previous = tok.string
    return Code(_join(parts))


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and out[-1] == "," and part not in ("]", ")"):
            out += " "
        out += part
    return out
