"""The `sdkwright` command. Exit codes: 0 ok, 1 differences (--check) or breaking changes
(diff), 2 bad input or usage."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .config import ClientConfig, Names, read_clients
from .errors import SpecError, UsageError
from .gate import GateError
from .inputs import UNRECORDED, Provenance
from .lock import locked
from .manifest import MANIFEST
from .progress import Progress
from .reexport import Reexport, parse_reexport
from .rerun import up_to_date
from .reuse import NOTHING, earlier_output
from .write import Plan, apply, diff, encode, plan, read_folder, refusals, stale

EXIT_OK, EXIT_DIFF, EXIT_BAD_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sdkwright", description=__doc__)
    parser.add_argument("--version", action="version", version=f"sdkwright {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    gen = commands.add_parser("generate", help="generate a client package from a spec")
    gen.add_argument("spec", nargs="?", type=Path,
                     help="OpenAPI file; without it, every [[tool.sdkwright.clients]] entry of "
                     "./pyproject.toml is generated")
    gen.add_argument("--out", type=Path, help="output folder (required with SPEC)")
    gen.add_argument("--package-name", help="import package name (default: spec title)")
    gen.add_argument("--client-name", help="client class name (default: spec title)")
    gen.add_argument("--env-prefix", help="environment variable prefix (default: spec title)")
    gen.add_argument("--templates", type=Path, help="folder of templates to use instead")
    gen.add_argument("--check", action="store_true",
                     help="write nothing; exit 1 with a diff if the output is out of date")
    gen.add_argument("--strict", action="store_true",
                     help="treat every OpenAPI schema violation as an error, not a warning")
    gen.add_argument("--force", action="store_true",
                     help="overwrite generated files edited since, and files at generated "
                     "paths that sdkwright did not write")
    gen.add_argument("--reexport", action="append", default=[], type=_reexport,
                     metavar="MODULE:NAME",
                     help="export NAME of the hand-written module MODULE (lib or inside it) "
                     "from the package root too; repeatable")
    gen.add_argument("-q", "--quiet", action="store_true",
                     help="no progress and no summary (warnings and errors still print)")

    val = commands.add_parser("validate", help="check a spec; print FILE:LINE: message lines")
    val.add_argument("spec", type=Path)
    _diff_parser(commands)
    return parser


def _diff_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dif = commands.add_parser("diff", help="list the changes between the clients of two "
                              "specs, with a semver verdict; exit 1 when anything breaks")
    dif.add_argument("old", nargs="?", type=Path, metavar="OLD_SPEC",
                     help="the spec before; without OLD_SPEC and NEW_SPEC, each "
                     "[[tool.sdkwright.clients]] spec of ./pyproject.toml at git HEAD")
    dif.add_argument("new", nargs="?", type=Path, metavar="NEW_SPEC",
                     help="the spec after; without both, the working copy's")
    dif.add_argument("--package-name", help="import package name (default: spec title)")
    dif.add_argument("--client-name", help="client class name (default: spec title)")
    dif.add_argument("--env-prefix", help="environment variable prefix (default: spec title)")
    dif.add_argument("--format", choices=("text", "json"), default="text",
                     help="a readable list (default), or JSON for tools")


def _reexport(text: str) -> Reexport:
    try:
        return parse_reexport(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _clients(args: argparse.Namespace) -> list[ClientConfig]:
    if args.spec is None:
        if (args.out or args.package_name or args.client_name or args.env_prefix
                or args.reexport):
            raise UsageError("--out, --reexport and the naming options need a SPEC")
        clients = read_clients(Path("pyproject.toml"))
    elif args.out is None:
        raise UsageError("generate SPEC needs --out DIR")
    else:
        clients = [ClientConfig(args.spec, args.out, args.package_name, args.client_name,
                                args.env_prefix, args.templates, tuple(args.reexport))]
    folders = [client.out.resolve() for client in clients]
    for i, folder in enumerate(folders):
        if folder in folders[:i]:
            raise UsageError(f"{clients[i].out}: more than one client writes to this folder")
    return clients


@dataclass(frozen=True)
class Produced:
    """A client's generation: its files and their inputs, or, when its folder is up to date
    already, only how many files the folder holds."""

    client: ClientConfig
    files: dict[str, bytes] | None
    made: Provenance = UNRECORDED
    up_to_date: int = 0


def _generate(args: argparse.Namespace) -> int:
    progress = Progress.on_terminal(sys.stderr, quiet=args.quiet)
    try:
        # Generate everything in memory first, so a bad spec leaves every folder untouched.
        results = [_produce(client, args, progress) for client in _clients(args)]
        return _check(results, args) if args.check else _write(results, args, progress)
    finally:
        progress.clear()


def _produce(client: ClientConfig, args: argparse.Namespace, progress: Progress) -> Produced:
    names = Names(client.package, client.client, client.env_prefix, client.reexports)
    templates = args.templates or client.templates
    if templates is not None and not templates.is_dir():
        raise UsageError(f"{templates}: templates folder not found")
    if not args.force:
        count = up_to_date(client.out, client.spec, names, templates)
        if count is not None:
            return Produced(client, None, up_to_date=count)
    # Imported here, not above: an up-to-date folder is told in a tenth of the time the
    # pipeline's modules take to import.
    from .pipeline import generate

    progress.task(str(client.spec))
    try:
        files, warnings, made = generate(client.spec, names, templates, strict=args.strict,
                                         progress=progress,
                                         earlier=NOTHING if args.force
                                         else earlier_output(client.out))
    except GateError as exc:
        # Named where it would have been written (nothing was), so that several clients'
        # faults can be told apart.
        raise GateError(str(client.out / exc.path), exc.line, exc.message) from None
    progress.clear()
    for problem in warnings:
        print(problem.as_warning(), file=sys.stderr)
    return Produced(client, encode(files), made)


def _write(results: list[Produced], args: argparse.Namespace, progress: Progress) -> int:
    with ExitStack() as stack:
        # Every folder is planned before any is written: an edited file in the last one stops
        # them all.
        plans: list[Plan | None] = []
        for result in results:
            if result.files is None:
                plans.append(None)
                continue
            out = result.client.out
            stack.enter_context(locked(out))
            folder = read_folder(out, result.files, out)
            plans.append(plan(result.files, folder, out, force=args.force,
                              made=result.made))
        for result, todo in zip(results, plans, strict=True):
            _apply(result, todo, args, progress)
    return EXIT_OK


def _apply(result: Produced, todo: Plan | None, args: argparse.Namespace,
           progress: Progress) -> None:
    client = result.client
    if todo is None:
        if not args.quiet:
            print(f"{client.spec} -> {client.out}: 0 written, {result.up_to_date} unchanged, "
                  "0 deleted", file=sys.stderr)
        return
    progress.task(str(client.spec))
    apply(todo.steps, client.out, progress)
    progress.clear()
    if todo.left:
        print(f"{client.out}: adopted sdkwright output that had no {MANIFEST}; left in "
              f"place, not generated now: {', '.join(todo.left)}", file=sys.stderr)
    if not args.quiet:
        print(f"{client.spec} -> {client.out}: {todo.written} written, "
              f"{todo.unchanged} unchanged, {todo.deleted} deleted", file=sys.stderr)


def _check(results: list[Produced], args: argparse.Namespace) -> int:
    status = EXIT_OK
    for result in results:
        client = result.client
        changes = {}
        if result.files is not None:
            with locked(client.out, shared=True):
                folder = read_folder(client.out, result.files, client.out)
            for problem in refusals(result.files, folder, client.out, force=False):
                print(problem, file=sys.stderr)
            changes = stale(result.files, folder, result.made)
            sys.stdout.write(diff(changes))
        if changes:
            status = EXIT_DIFF
        if not args.quiet:
            verdict = "up to date" if not changes else (
                "out of date, 1 file differs" if len(changes) == 1
                else f"out of date, {len(changes)} files differ")
            print(f"{client.spec} -> {client.out}: {verdict}", file=sys.stderr)
    return status


def _validate(args: argparse.Namespace) -> int:
    """Problems on stderr (those generation reads past as warnings), a summary on stdout.
    Any problem fails validation, warnings included: `validate` is the strict check."""
    from .pipeline import check
    from .summary import summary_line

    report = check(args.spec)
    lines = [(p.line, str(p)) for p in report.errors]
    lines += [(p.line, p.as_warning()) for p in report.warnings]
    for _, line in sorted(lines, key=lambda item: item[0]):
        print(line, file=sys.stderr)
    if report.summary is not None:
        print(summary_line(str(args.spec), report.summary, len(report.errors),
                           len(report.warnings)))
    return EXIT_BAD_INPUT if report.errors or report.warnings else EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    """The changes on stdout, breaking first, and the verdict as the last line."""
    from .changes import all_changes, as_json, as_text, verdict
    from .specdiff import compare_files, compare_with_head

    if args.new is None:
        if args.old is not None:
            raise UsageError("diff takes OLD_SPEC and NEW_SPEC, or neither")
        if args.package_name or args.client_name or args.env_prefix:
            raise UsageError("the naming options need OLD_SPEC and NEW_SPEC (without them, "
                             "each client's entry names it)")
        diffs = compare_with_head(read_clients(Path("pyproject.toml")), Path.cwd())
    else:
        names = Names(args.package_name, args.client_name, args.env_prefix)
        diffs = [compare_files(args.old, args.new, names)]
    sys.stdout.write(as_json(diffs) if args.format == "json" else as_text(diffs))
    return EXIT_DIFF if verdict(all_changes(diffs)) == "major" else EXIT_OK


# A generation allocates millions of small objects that live until its stage ends; at
# Python's default thresholds the cycle collector walks them over and over for nothing
# (about a tenth of a one-operation regeneration of 1,000 operations).
GC_THRESHOLDS = (50_000, 20, 100)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        if args.command == "generate":
            return _generate(args)
        if args.command == "diff":
            return _diff(args)
        return _validate(args)
    except SpecError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        print(f"sdkwright: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except GateError as exc:  # a generator (or custom template) bug, at the generated line
        print(f"{exc.path}:{exc.line}: internal error: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a generator bug: still one line unless asked for more
        if os.environ.get("SDKWRIGHT_DEBUG"):
            raise
        spec = getattr(args, "spec", None) or "sdkwright"
        print(f"{spec}:1: internal error: {type(exc).__name__}: {exc} "
              "(set SDKWRIGHT_DEBUG=1 for a traceback)", file=sys.stderr)
        return EXIT_BAD_INPUT
