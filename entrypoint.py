#!/usr/bin/env python3
"""Docker action entrypoint: GitHub's `INPUT_*` env in, the shared code path runs, exit code out."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from checker.app import run
from checker.options import OPTIONS


def main() -> int:
    environ = dict(os.environ)
    given = {
        option.name: environ.get("INPUT_" + option.name.upper())
        for option in OPTIONS
        if option.action_input
    }
    root = Path(environ.get("GITHUB_WORKSPACE") or ".")
    workspace = str(root / (given.pop("working-directory") or "."))
    return run(given, environ, workspace=workspace, stdout=sys.stdout, stderr=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
