"""Builders the hostile cases share: file contents at the limits, and checks on a run."""

from __future__ import annotations

from collections.abc import Callable

from tests.helpers import Run

# Just under the 5 MiB file cap, so the file is read, not skipped by its size.
NEAR_CAP = 5 * 1024 * 1024 - 4096
RETIRED = "claude-3-opus-20240229"
CURRENT = "claude-sonnet-4-6"


def codes(run: Run) -> list[str]:
    return [str(finding["code"]) for finding in (run.report or {}).get("findings", [])]


def has(*expected: str) -> Callable[[Run], None]:
    """The run's JSON report holds a finding of each code."""

    def check(run: Run) -> None:
        found = codes(run)
        for code in expected:
            assert code in found, (code, found, run.stderr[-500:])

    return check


def says(*fragments: str, where: str = "summary") -> Callable[[Run], None]:
    """The summary (or `stdout`, `stderr`) contains each fragment."""

    def check(run: Run) -> None:
        text = getattr(run, where)
        for fragment in fragments:
            assert fragment in text, (fragment, text[-3000:])

    return check


def never(*fragments: str, where: str = "summary") -> Callable[[Run], None]:
    def check(run: Run) -> None:
        text = getattr(run, where)
        for fragment in fragments:
            assert fragment not in text, (fragment, text[-3000:])

    return check


def both(*checks: Callable[[Run], None]) -> Callable[[Run], None]:
    def check(run: Run) -> None:
        for one in checks:
            one(run)

    return check


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        name, previous = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def many_lines(line: str, count: int = 100_000) -> str:
    return line * count
