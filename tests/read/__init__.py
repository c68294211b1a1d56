"""Tests of the readers under `checker.read`; `found` and `at` keep the source-scanner tests short."""

from __future__ import annotations

from checker.read.source import scan_source

Found = tuple[str, int, int, str]


def found(text: str, language: str) -> list[Found]:
    """(value, line, column, bound) of every string the scanner returns, in order."""
    return [(s.value, s.line, s.column, s.bound) for s in scan_source(text, language)]


def values(text: str, language: str) -> list[str]:
    return [s.value for s in scan_source(text, language)]


def at(text: str, line: int, column: int) -> str:
    """The text from a 1-based (line, column) on, as an editor would place the cursor."""
    lines = text.split("\n")
    offset = sum(len(row) + 1 for row in lines[: line - 1]) + column - 1
    return text[offset:]
