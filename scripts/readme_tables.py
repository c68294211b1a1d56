#!/usr/bin/env python3
"""Generate the README's generated sections: the action inputs/outputs tables (from
`checker/options.py`) and "Where it looks" (from the layout table in `checker/scan/layouts.py` and
the path tiers in `checker/scan/kinds.py`).

Each lives between its `<!-- NAME:start -->` and `<!-- NAME:end -->` markers; this script
rewrites them, and `--check` only reports whether they are current (the test suite runs the
check, so the README cannot drift from the code).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.options import ACTION_OUTPUTS, OPTIONS  # noqa: E402 - needs the repository on sys.path
from checker.scan import kinds, layouts  # noqa: E402
from checker.scan.runenv import MODEL_VARIABLES  # noqa: E402
from checker.workspace.names import CANONICAL_ALIASES  # noqa: E402

START = "<!-- options-tables:start -->"
END = "<!-- options-tables:end -->"
README = ROOT / "README.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_tables() -> str:
    """Both markdown tables, inputs first, exactly as they appear in the README."""
    lines = [
        "### Inputs",
        "",
        "Every input is optional. An input left empty counts as not given: the value then comes",
        "from `.claude-preflight.yml`, then the env var, then the default.",
        "",
        "| Input | CLI flag | Description | Default |",
        "|---|---|---|---|",
    ]
    for option in OPTIONS:
        if not option.action_input:
            continue
        flag = f"`--{option.name}`" if option.cli else "—"
        lines.append(
            f"| `{option.name}` | {flag} | {_cell(option.help)} | {_cell(option.default_text)} |"
        )
    lines += ["", "### Outputs", "", "| Output | Description |", "|---|---|"]
    lines += [f"| `{name}` | {_cell(text)} |" for name, text in ACTION_OUTPUTS.items()]
    return "\n".join(lines) + "\n"


def _codes(words: Iterable[str]) -> str:
    return ", ".join(f"`{word}`" for word in sorted(words))


def render_where_it_looks() -> str:
    """The "Where it looks" section: the layout table, sections, shared sources and tiers."""
    names = "; ".join("|".join(aliases) for aliases in CANONICAL_ALIASES.values())
    lines = [
        "Every tracked text file is read once (`git ls-files -co --exclude-standard`, or a walk",
        "that honours `.gitignore` where git is not there). Each file is one of:",
        "",
        "**Environment config files**, attributed to an environment by their path, below any",
        "sub-folder (each service of a monorepo is its own group). ENV is one of: " + names + ".",
        "",
        "| layout | |",
        "|---|---|",
    ]
    lines += [f"| `{pattern}` | |" for pattern in layouts.layout_patterns()]
    lines += [f"| `{name}` | {how} |" for name, how in layouts.SECTION_LAYOUTS]
    lines += [
        "",
        "**Shared sources**: every other file that names a Claude model: source code, single",
        "config files (a LiteLLM proxy config is production's), infrastructure code and tool",
        "configs. Every environment reads them, production included. So does the run's own",
        "environment: " + _codes(MODEL_VARIABLES) + " and any `*_MODEL` variable holding a Claude",
        "ID are production's values, reported as `env:NAME`.",
        "",
        "**Never blocking**: findings in these paths are notices at most. Folders "
        + _codes(kinds.NON_RUNTIME_FOLDERS)
        + "; extensions "
        + _codes(kinds.NON_RUNTIME_EXTENSIONS)
        + "; names starting "
        + _codes(kinds.NON_RUNTIME_PREFIXES)
        + " or `test_`, or holding "
        + _codes(kinds.TEST_NAME_MARKERS)
        + "; lock files. **Templates** (a name part "
        + _codes(kinds.TEMPLATE_SUFFIXES)
        + " after the first, as in `.env.example`) are warnings at most.",
    ]
    return "\n".join(lines) + "\n"


SECTIONS = (
    (START, END, render_tables),
    ("<!-- where-it-looks:start -->", "<!-- where-it-looks:end -->", render_where_it_looks),
)


def rewrite(readme_text: str) -> str:
    """The README with its generated sections replaced; raises ValueError without the markers."""
    for start_marker, end_marker, render in SECTIONS:
        start, end = readme_text.find(start_marker), readme_text.find(end_marker)
        if start == -1 or end == -1 or end < start:
            raise ValueError(f"README needs the markers {start_marker} and {end_marker}, in order")
        head = readme_text[: start + len(start_marker)]
        readme_text = f"{head}\n{render()}{readme_text[end:]}"
    return readme_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether it is current")
    parser.add_argument("--readme", type=Path, default=README, help="README to rewrite")
    arguments = parser.parse_args(argv)
    current = arguments.readme.read_text(encoding="utf-8")
    try:
        wanted = rewrite(current)
    except ValueError as error:
        sys.stderr.write(f"readme_tables: {error}\n")
        return 2
    if current == wanted:
        return 0
    if arguments.check:
        sys.stderr.write(
            f"readme_tables: the generated sections of {arguments.readme.name} are out of date; "
            "run `python scripts/readme_tables.py` to regenerate them\n"
        )
        return 1
    arguments.readme.write_text(wanted, encoding="utf-8")
    sys.stdout.write(f"readme_tables: rewrote the tables in {arguments.readme}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
