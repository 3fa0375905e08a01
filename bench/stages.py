"""One cold sdkwright generation in this process, timed stage by stage; prints one JSON object.

Usage (bench/generate.py --split runs it with the interpreter it measures, in a fresh process,
with SDKWRIGHT_CACHE_DIR pointing at an empty folder)::

    python bench/stages.py SPEC OUT PACKAGE CLIENT ENV_PREFIX

The stages are the functions that generator/pipeline.py's `generate` and the CLI chain, called
in the same order: import, load (with bundling and the reference and shape checks), validate
(run here before the rest, where a generation runs it beside the rest), build (the IR), render
(Jinja, and the list of core modules that skip formatting), format, compile gate, write (plan
+ apply under the folder's lock). Seconds per stage, wall time.
"""

# ruff: noqa: E402 - the clock starts before sdkwright is imported: importing it is a stage.
from __future__ import annotations

import time

STARTED = time.perf_counter()

import json
import sys
from pathlib import Path

from sdkwright.assets import default_templates
from sdkwright.build import Names, build
from sdkwright.bundle import bundle
from sdkwright.errors import SpecError
from sdkwright.format import format_files
from sdkwright.gate import check_compiles
from sdkwright.load import load
from sdkwright.pipeline import readable_document
from sdkwright.render import render, verbatim_core
from sdkwright.validate import check_version, problems_soon
from sdkwright.verdicts import Verdicts
from sdkwright.write import write


class Laps:
    """Wall time between consecutive marks, by the name of the stage that just ended."""

    def __init__(self, start: float) -> None:
        self.times: dict[str, float] = {}
        self._last = start

    def mark(self, stage: str) -> None:
        now = time.perf_counter()
        self.times[stage] = now - self._last
        self._last = now


def generate_in_stages(spec: Path, out: Path, names: Names, laps: Laps) -> dict[str, str]:
    readable = readable_document(bundle(load(spec)))
    laps.mark("load")
    if readable.errors:
        raise SpecError(readable.errors)
    # What a generation without --strict checks, which it does beside the later stages.
    problems_soon(readable.doc).result()
    laps.mark("validate")
    verdicts = Verdicts.remembered(spec, check_version(readable.doc))
    built = build(readable.doc, names, verdicts)
    verdicts.keep()
    laps.mark("build")
    templates = default_templates()
    files = render(built.api, built.fixtures, templates)
    preformatted = verbatim_core(built.api, templates)
    laps.mark("render")
    formatted = format_files(files, preformatted)
    laps.mark("format")
    check_compiles(formatted.files, formatted.reused)
    laps.mark("gate")
    write(formatted.files, out)
    laps.mark("write")
    return formatted.files


def main(argv: list[str]) -> int:
    spec, out, package, client, env_prefix = argv
    laps = Laps(STARTED)
    laps.mark("import")
    files = generate_in_stages(Path(spec), Path(out), Names(package, client, env_prefix), laps)
    print(json.dumps({
        "stages": laps.times,
        "files": len(files),
        "py_files": sum(1 for name in files if name.endswith(".py")),
        "bytes": sum(len(text.encode()) for text in files.values()),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
