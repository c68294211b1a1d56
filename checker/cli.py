"""The command line: `claude-preflight [WORKSPACE] [options]`, also `python -m checker`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from checker import __version__
from checker.app import EXIT_USAGE, run
from checker.catalog_listing import list_catalog
from checker.errors import UsageError
from checker.explain import explain
from checker.options import OPTIONS
from checker.redaction import ALWAYS_SECRET_ENV, Redactor


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line as one line and exit code 2, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claude-preflight",
        description="Prove a Claude API integration will work in production before you deploy.",
    )
    parser.add_argument(
        "workspace",
        nargs="*",
        metavar="WORKSPACE",
        help="repository to check (default: .); with --files, the files to report on",
    )
    for option in OPTIONS:
        if not option.cli:
            continue
        if option.flag:
            parser.add_argument(
                f"--{option.name}",
                dest=option.name.replace("-", "_"),
                action="store_true",
                help=option.help.replace("`", "").replace("%", "%%"),
            )
            continue
        default = (
            f" (default: {option.default_text.replace('`', '')})" if option.default_text else ""
        )
        parser.add_argument(
            f"--{option.name}",
            dest=option.name.replace("-", "_"),
            metavar=option.metavar,
            default=None,
            help=option.help.replace("`", "").replace("%", "%%") + default.replace("%", "%%"),
        )
    parser.add_argument("--version", action="version", version=f"claude-preflight {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run; returns the exit code (0 passed, 1 failed, 2 misuse)."""
    # argparse echoes what it could not parse, which may be a key pasted in the wrong place.
    redact = Redactor(os.environ.get(name, "") for name in ALWAYS_SECRET_ENV)
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["fix"]:  # a sub-command; a workspace named `fix` is `./fix`
        from checker.fix.command import fix_main  # noqa: PLC0415 - only `fix` needs it

        return fix_main(words[1:], dict(os.environ), stdout=sys.stdout, stderr=sys.stderr)
    try:
        arguments = vars(build_parser().parse_args(argv))
    except UsageError as error:
        sys.stderr.write(redact(f"claude-preflight: error: {error}") + "\n")
        return EXIT_USAGE
    if arguments.get("explain"):
        return explain(arguments["explain"], sys.stdout, sys.stderr, redact)
    paths: list[str] = arguments.pop("workspace")
    only_files = tuple(paths) if arguments.get("files") else None
    if only_files is None and len(paths) > 1:
        sys.stderr.write(
            "claude-preflight: error: unrecognized arguments after the workspace "
            "(one workspace; to check files, add --files)\n"
        )
        return EXIT_USAGE
    workspace = paths[0] if paths and only_files is None else None
    given = {
        option.name: arguments.get(option.name.replace("-", "_"))
        for option in OPTIONS
        if option.cli and not option.flag and option.name != "explain"
    }
    if arguments.get("catalog"):
        return list_catalog(
            given,
            dict(os.environ),
            workspace=workspace,
            stdout=sys.stdout,
            stderr=sys.stderr,
            redact=redact,
        )
    return run(
        given,
        dict(os.environ),
        workspace=workspace,
        stdout=sys.stdout,
        stderr=sys.stderr,
        only_files=only_files,
    )


def console_main() -> NoReturn:
    sys.exit(main())
