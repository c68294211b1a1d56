#!/usr/bin/env python3
"""Docker action entrypoint: GitHub's `INPUT_*` env in, the shared code path runs, exit code out.

The same image is a plain CLI, `docker run --rm -v "$PWD:/work" -w /work IMAGE [WORKSPACE] [...]`
(or `claude-preflight ...` inside it, as a GitLab job runs it). GitHub's runner starts a docker
action with no arguments and `GITHUB_ACTIONS=true`; anything else is a command line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from checker.app import run
from checker.options import OPTIONS


def main(argv: list[str]) -> int:
    environ = dict(os.environ)
    if argv or environ.get("GITHUB_ACTIONS") != "true":
        from checker.cli import main as cli_main  # noqa: PLC0415 - only the CLI needs argparse

        return cli_main(argv)
    given = {
        option.name: environ.get("INPUT_" + option.name.upper())
        for option in OPTIONS
        if option.action_input
    }
    root = Path(environ.get("GITHUB_WORKSPACE") or ".")
    workspace = str(root / (given.pop("working-directory") or "."))
    return run(
        given,
        environ,
        workspace=workspace,
        stdout=sys.stdout,
        stderr=sys.stderr,
        explicit_kind="input",
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
