#!/usr/bin/env python3
"""Generate the README's action inputs/outputs tables from `checker/options.py`.

The tables live between `<!-- options-tables:start -->` and `<!-- options-tables:end -->`; this
script rewrites that section, and `--check` only reports whether it is current (the test suite
runs the check, so the README cannot drift from the code).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.options import ACTION_OUTPUTS, OPTIONS  # noqa: E402 - needs the repository on sys.path

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


def rewrite(readme_text: str) -> str:
    """The README with its generated section replaced; raises ValueError without the markers."""
    start, end = readme_text.find(START), readme_text.find(END)
    if start == -1 or end == -1 or end < start:
        raise ValueError(f"README needs the markers {START} and {END}, in that order")
    head = readme_text[: start + len(START)]
    return f"{head}\n{render_tables()}{readme_text[end:]}"


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
            f"readme_tables: the inputs/outputs tables in {arguments.readme.name} are out of date; "
            "run `python scripts/readme_tables.py` to regenerate them\n"
        )
        return 1
    arguments.readme.write_text(wanted, encoding="utf-8")
    sys.stdout.write(f"readme_tables: rewrote the tables in {arguments.readme}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
