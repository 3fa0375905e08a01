"""The `sdkwright` command. Exit codes: 0 ok, 1 differences (--check), 2 bad input or usage."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .build import Names
from .config import ClientConfig, read_clients
from .errors import SpecError, UsageError
from .pipeline import check, generate
from .summary import summary_line
from .write import diff, write

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

    val = commands.add_parser("validate", help="check a spec; print FILE:LINE: message lines")
    val.add_argument("spec", type=Path)
    return parser


def _clients(args: argparse.Namespace) -> list[ClientConfig]:
    if args.spec is None:
        if args.out or args.package_name or args.client_name or args.env_prefix:
            raise UsageError("--out and the naming options need a SPEC")
        return read_clients(Path.cwd() / "pyproject.toml")
    if args.out is None:
        raise UsageError("generate SPEC needs --out DIR")
    return [ClientConfig(args.spec, args.out, args.package_name, args.client_name,
                         args.env_prefix, args.templates)]


def _generate(args: argparse.Namespace) -> int:
    clients = _clients(args)
    # Generate everything in memory first, so a bad spec leaves every folder untouched.
    results = []
    for client in clients:
        names = Names(client.package, client.client, client.env_prefix)
        templates = args.templates or client.templates
        if templates is not None and not templates.is_dir():
            raise UsageError(f"{templates}: templates folder not found")
        files, warnings = generate(client.spec, names, templates, strict=args.strict)
        for problem in warnings:
            print(problem.as_warning(), file=sys.stderr)
        results.append((client, files))
    status = EXIT_OK
    for client, files in results:
        if args.check:
            changes = diff(files, client.out)
            if changes:
                sys.stdout.write(changes)
                print(f"{client.out}: out of date with {client.spec}", file=sys.stderr)
                status = EXIT_DIFF
        else:
            write(files, client.out)
            print(f"{client.spec} -> {client.out} ({len(files)} files)", file=sys.stderr)
    return status


def _validate(args: argparse.Namespace) -> int:
    """Problems on stderr (those generation reads past as warnings), a summary on stdout.
    Any problem fails validation, warnings included: `validate` is the strict check."""
    report = check(args.spec)
    lines = [(p.line, str(p)) for p in report.errors]
    lines += [(p.line, p.as_warning()) for p in report.warnings]
    for _, line in sorted(lines, key=lambda item: item[0]):
        print(line, file=sys.stderr)
    if report.summary is not None:
        print(summary_line(str(args.spec), report.summary, len(report.errors),
                           len(report.warnings)))
    return EXIT_BAD_INPUT if report.errors or report.warnings else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "generate":
            return _generate(args)
        return _validate(args)
    except SpecError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        print(f"sdkwright: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a generator bug: still one line unless asked for more
        if os.environ.get("SDKWRIGHT_DEBUG"):
            raise
        spec = getattr(args, "spec", None) or "sdkwright"
        print(f"{spec}:1: internal error: {type(exc).__name__}: {exc} "
              "(set SDKWRIGHT_DEBUG=1 for a traceback)", file=sys.stderr)
        return EXIT_BAD_INPUT
