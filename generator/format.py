"""Stage 5: format generated Python (files, and `python` blocks in Markdown) as black does.

black is the judge: every file sdkwright writes is black's output. But black takes minutes
on a large API, and ruff's formatter, written in Rust, takes a second. For the code the
built-in templates emit, ruff's output is black's (tests/test_black_identity.py checks it
over the golden specs, the corpus and random specs). The two still differ where a line is
too long for either to fit: black may then wrap an annotation or a right-hand side in
parentheses that ruff does not add, and they count the width of some characters (emoji,
wide, combining) differently. So a file whose ruff output holds such a line (an over-long
line that is not a string, a line that ruff began with an operator, or code holding such a
character) is formatted by black instead. Templates other than the built-in ones may emit
anything: their output always goes through black.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ruff import find_ruff_bin  # type: ignore[import-untyped]  # ships no type hints

from . import cache
from .inputs import source_digest
from .reuse import NOTHING, Earlier

CODE_WIDTH = 88
# Examples in docs are read, not imported: a little wider keeps a call's comment on its line.
DOCS_WIDTH = 100
# Below this much source for black, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400_000
_BLANK_RUN = re.compile(r"\n{3,}")
# A fence is as long as its code needs (```` when the code holds ```).
_PYTHON_BLOCK = re.compile(r"^(`{3,})python\n(.*?)^\1$", re.DOTALL | re.MULTILINE)
# Another black version formats differently: its entries are kept apart (and age out).
_CACHE_NAMESPACE = f"black-{metadata.version('black')}"
# Over-long lines that neither formatter can shorten, and that black leaves as they are: a
# comment, a docstring, one string (a key, keyword or comparison before it, closing brackets
# after), one name (as a dict item, keyword argument, list item or annotated parameter: not an
# annotated assignment, whose annotation black wraps in parentheses), and
# the head of an import, a def, a class or a call that is not assigned, and a call without
# arguments as a statement of its own (`Model.model_rebuild()`): its only brackets are empty.
_STRING = r'(?:[rbfuRBFU]{0,2}"(?:[^"\\]|\\.)*"|[rbfuRBFU]{0,2}\'(?:[^\'\\]|\\.)*\')'
_UNSPLITTABLE = re.compile(
    r"\s*(?:#.*"
    r'|""".*"""'
    rf"|(?:\w+=|{_STRING}: |\w+: |== |!= |in )?{_STRING}[,)\]}}]*:?"
    rf"|(?:\w+=|{_STRING}: )?[\w.]+,?|\w+: [\w.]+,"
    r"|from [\w.]+ import \("
    r"|(?:async )?def \w+\(|class \w+\("
    r"|(?:return |await |return await )?[\w.]+\("
    r"|[\w.]+\(\))")
# A continuation line that ruff began with `|`: ruff splits a long union there, where black
# wraps the annotation in parentheses.
_UNION_START = re.compile(r"\s*\| ")

Unit = tuple[str, int]  # a file, and which of its Python blocks (0 for a .py file)


class FormatError(Exception):
    """Generated code that does not parse: a generator bug, never the user's fault."""


def format_python(source: str, where: str, width: int = CODE_WIDTH) -> str:
    """black's output for `source`. black is deterministic for one version and width, so
    the result is cached by content: a regeneration reformats only what changed."""
    key = hashlib.sha256(f"{width}\0{source}".encode()).hexdigest()
    cached = cache.lookup(_CACHE_NAMESPACE, key)
    if cached is not None:
        return cached
    import black  # only some files need black, and importing it takes a tenth of a second
    from black.parsing import InvalidInput

    try:
        result = black.format_str(source, mode=black.Mode(line_length=width))
    except InvalidInput as exc:
        raise FormatError(f"{where}: generated code does not parse: {exc}") from None
    cache.store(_CACHE_NAMESPACE, key, result)
    return result


def black_may_differ(text: str, width: int) -> bool:
    """Whether black could format ruff's output `text` differently: a line too long for
    `width` that black might still split (not inside a docstring, and none of the lines
    neither can shorten), a union that ruff split at `|`, or code holding a character whose
    width the two may count differently."""
    in_docstring = False
    for line in text.split("\n"):
        starts_in_docstring = in_docstring
        if line.count('"""') % 2:
            in_docstring = not in_docstring
        if starts_in_docstring or in_docstring:
            continue
        if len(line) > width and not _UNSPLITTABLE.fullmatch(line):
            return True
        if _UNION_START.match(line):
            return True
        if not line.isascii() and not all(map(_plainly_narrow, line)):
            return True
    return False


def _plainly_narrow(char: str) -> bool:
    """Whether black and ruff both count `char` as one column. They measure a line by
    different Unicode width tables, which disagree on emoji and their modifiers, variation
    selectors, combining and format characters and Hangul vowel and final jamo (and wide
    characters are kept out too): on a line near the limit, one splits it where the other
    does not."""
    category = unicodedata.category(char)
    return char.isascii() or (
        unicodedata.east_asian_width(char) in ("N", "Na", "H", "A")
        and category[0] in "LNPSZ" and category != "Sk" and not unicodedata.combining(char)
        and not 0x1160 <= ord(char) <= 0x11FF and not 0xD7B0 <= ord(char) <= 0xD7FF)


def _ruff(sources: dict[Unit, str], width: int) -> dict[Unit, str]:
    """ruff's formatting of every source, in one run over a temporary folder."""
    if not sources:
        return {}
    with tempfile.TemporaryDirectory(prefix="sdkwright-format-", dir=_scratch()) as folder:
        names = {unit: Path(folder, f"{i}.py") for i, unit in enumerate(sources)}
        for unit, path in names.items():
            path.write_text(sources[unit], "utf-8")
        done = subprocess.run(
            [find_ruff_bin(), "format", "--isolated", "--no-cache", "--quiet",
             "--line-length", str(width), folder],
            capture_output=True, text=True, check=False)
        if done.returncode != 0:
            # Unparsable output: black names the file and the fault.
            return {unit: format_python(text, unit[0], width) for unit, text in sources.items()}
        return {unit: path.read_text("utf-8") for unit, path in names.items()}


def _scratch() -> str | None:
    """Where ruff's working copies go: memory (Linux's /dev/shm) where there is such a
    folder, else the system's temporary folder. Thousands of small files are written, read
    and deleted there, which on a busy disk takes longer than ruff itself."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def _black_all(sources: dict[Unit, str], width: int) -> dict[Unit, str]:
    items = list(sources.items())
    if min(os.cpu_count() or 1, 8) > 1 and sum(len(t) for _, t in items) > PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 8)) as pool:
            texts = list(pool.map(_black_one, items, [width] * len(items), chunksize=8))
    else:
        texts = [_black_one(item, width) for item in items]
    return dict(zip(sources, texts, strict=True))


def _black_one(item: tuple[Unit, str], width: int) -> str:
    (path, _), text = item
    return format_python(text, path, width)


def _format(sources: dict[Unit, str], width: int, exact: bool) -> dict[Unit, str]:
    """Each source as black formats it: through ruff where that is the same, else black."""
    if exact:
        return _black_all(sources, width)
    out = _ruff(sources, width)
    doubtful = {unit: sources[unit] for unit, text in out.items()
                if black_may_differ(text, width)}
    out.update(_black_all(doubtful, width))
    return out


def _blocks(files: Iterable[tuple[str, str]]) -> dict[Unit, str]:
    return {(path, i): match.group(2)
            for path, text in files if path.endswith(".md")
            for i, match in enumerate(_PYTHON_BLOCK.finditer(text))}


@dataclass(frozen=True)
class Formatted:
    files: dict[str, str]
    # Each formatted file's source digest (inputs.source_digest), for the manifest.
    sources: dict[str, str]
    # Files taken as an earlier generation left them: formatted, and compiled, already.
    reused: frozenset[str]


def format_files(files: dict[str, str], preformatted: frozenset[str] = frozenset(),
                 advance: Callable[[], None] = lambda: None, *,
                 exact: bool = False, earlier: Earlier = NOTHING) -> Formatted:
    """Every file as black formats it, except those in `preformatted` (black's output
    already) and those `earlier` holds already; `advance` is called once per file (for
    progress). With `exact` (templates other than the built-in ones), black formats
    everything itself."""
    sources = {path: source_digest(text) for path, text in files.items()
               if path not in preformatted and _formats(path, text)}
    taken = {path: text for path in sources
             if (text := earlier.take(path, sources[path])) is not None}
    todo = [(path, text) for path, text in files.items() if path in sources and
            path not in taken]
    code = _format({(path, 0): text for path, text in todo if path.endswith(".py")},
                   CODE_WIDTH, exact)
    examples = _format(_blocks(todo), DOCS_WIDTH, exact)
    out = {**files, **taken}
    for path, text in todo:
        out[path] = code[(path, 0)] if path.endswith(".py") else \
            _with_blocks(path, text, examples)
    for _ in files:
        advance()
    cache.keep_bounded()
    return Formatted(out, sources, frozenset(taken))


def _formats(path: str, text: str) -> bool:
    """Whether formatting changes anything of this file: Python with code in it, Markdown
    with Python examples."""
    if path.endswith(".py"):
        return bool(text.strip())
    return path.endswith(".md") and _PYTHON_BLOCK.search(text) is not None


def _with_blocks(path: str, text: str, examples: dict[Unit, str]) -> str:
    index = iter(range(len(examples) + 1))

    def block(match: re.Match[str]) -> str:
        fence = match.group(1)
        return f"{fence}python\n{examples[(path, next(index))]}{fence}"

    return _BLANK_RUN.sub("\n\n", _PYTHON_BLOCK.sub(block, text))
