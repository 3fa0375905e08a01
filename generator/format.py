"""Stage 5: format generated Python (files, and `python` blocks in Markdown) with black."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata

import black
from black.parsing import InvalidInput

from . import cache

_MODE = black.Mode(line_length=88)
# Examples in docs are read, not imported: a little wider keeps a call's comment on its line.
_DOCS_MODE = black.Mode(line_length=100)
# Below this much source, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400_000
_BLANK_RUN = re.compile(r"\n{3,}")
# A fence is as long as its code needs (```` when the code holds ```).
_PYTHON_BLOCK = re.compile(r"^(`{3,})python\n(.*?)^\1$", re.DOTALL | re.MULTILINE)
# Another black version formats differently: its entries are kept apart (and age out).
_CACHE_NAMESPACE = f"black-{metadata.version('black')}"


class FormatError(Exception):
    """Generated code that black cannot parse: a generator bug, never the user's fault."""


def format_python(source: str, where: str, mode: black.Mode = _MODE) -> str:
    """black's output for `source`. black is deterministic for one version and mode, so the
    result is cached by content: a regeneration reformats only what changed."""
    key = hashlib.sha256(f"{mode.line_length}\0{source}".encode()).hexdigest()
    cached = cache.lookup(_CACHE_NAMESPACE, key)
    if cached is not None:
        return cached
    try:
        result = black.format_str(source, mode=mode)
    except InvalidInput as exc:
        raise FormatError(f"{where}: generated code does not parse: {exc}") from None
    cache.store(_CACHE_NAMESPACE, key, result)
    return result


def format_markdown(text: str, where: str) -> str:
    def block(match: re.Match[str]) -> str:
        fence = match.group(1)
        return f"{fence}python\n{format_python(match.group(2), where, _DOCS_MODE)}{fence}"

    return _BLANK_RUN.sub("\n\n", _PYTHON_BLOCK.sub(block, text))


def _format_one(item: tuple[str, str]) -> str:
    path, text = item
    if path.endswith(".py"):
        return format_python(text, path) if text.strip() else ""
    if path.endswith(".md"):
        return format_markdown(text, path)
    return text


def format_files(files: dict[str, str], preformatted: frozenset[str] = frozenset(),
                 advance: Callable[[], None] = lambda: None) -> dict[str, str]:
    """Every file formatted, except those in `preformatted` (black's output already); `advance`
    is called after each formatted file (for progress). black takes most of a generation's
    time, so a big project is formatted on every core; the result is the same bytes either
    way."""
    items = [(path, text) for path, text in files.items() if path not in preformatted]
    workers = min(os.cpu_count() or 1, 8)
    formatted: list[str] = []
    if workers > 1 and sum(len(text) for _, text in items) > PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for text in pool.map(_format_one, items, chunksize=8):
                formatted.append(text)
                advance()
    else:
        for item in items:
            formatted.append(_format_one(item))
            advance()
    done = {path: text for (path, _), text in zip(items, formatted, strict=True)}
    cache.keep_bounded()
    return {path: done.get(path, text) for path, text in files.items()}
