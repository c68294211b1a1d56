"""Tests of the readers under `checker.read`; the helpers keep the source-scanner tests short."""

from __future__ import annotations

from checker.read.source import SourceString, scan_source

Found = tuple[str, int, int, str]
QUOTES = ("'", '"', "`")


def found(text: str, language: str) -> list[Found]:
    """(value, line, column, bound) of every string the scanner returns, each checked in place."""
    strings = scan_source(text, language)
    for string in strings:
        assert placed(text, string, language), string
    return [(s.value, s.line, s.column, s.bound) for s in strings]


def values(text: str, language: str) -> list[str]:
    return [s.value for s in scan_source(text, language)]


def placed(text: str, string: SourceString, language: str) -> bool:
    """Whether a string's position is its opening quote, or the first character of a default
    (`${VAR:-d}`) or of an unquoted template value, which have no quote of their own."""
    rest = at(text, string.line, string.column)
    unquoted = string.default_of or language == "template"
    return rest[:1] in QUOTES or bool(unquoted and rest.startswith(string.value))


def at(text: str, line: int, column: int) -> str:
    """The text from a 1-based (line, column) on, as an editor would place the cursor."""
    lines = text.split("\n")
    offset = sum(len(row) + 1 for row in lines[: line - 1]) + column - 1
    return text[offset:]
