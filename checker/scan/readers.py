"""Bytes of one file -> its positioned values, by the reader its kind names. Nothing is judged here.

Structured files give every scalar with its key path; source files give the string literals a
model check could care about, keyed by the name each is bound to; plain text gives whole tokens
that contain `claude`. A literal or token bound to nothing is keyed by its line (`line 12`), so
that two of them in one file stay two values.
"""

from __future__ import annotations

from checker.findings import Location
from checker.read.source import scan_source
from checker.scan.defaults import with_defaults
from checker.scan.kinds import FileKind
from checker.scan.text import id_tokens
from checker.workspace.model import ConfigValue
from checker.workspace.parsers import ParseError, parse_text

# Cheap tests on the lowered bytes: a file none of these appear in holds nothing to check.
CLAUDE_SIGNALS = (b"claude", b"anthropic", b"sonnet", b"opus", b"haiku", b"fable", b"mythos")
STRUCTURED_SIGNALS = (*CLAUDE_SIGNALS, b"model")


def has_any_signal(lowered: bytes) -> bool:
    """Could any reader find something here? The cheapest reject, before the file's kind."""
    return any(signal in lowered for signal in STRUCTURED_SIGNALS)


def has_signal(lowered: bytes, kind: FileKind) -> bool:
    """Could this file hold a model reference? Structured files also for a `model` key (typos)."""
    signals = STRUCTURED_SIGNALS if kind.reader == "structured" else CLAUDE_SIGNALS
    return any(signal in lowered for signal in signals)


def decode(data: bytes, file_format: str, *, strict: bool) -> str:
    """UTF-8 text (a BOM is dropped). `.properties` fall back to ISO-8859-1, as Java reads them;
    a strict caller gets the position of the first bad byte, the others U+FFFD in its place."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if file_format == "properties":
            return data.decode("iso-8859-1")
        if not strict:
            return data.decode("utf-8-sig", "replace")
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise ParseError("not UTF-8 text", line, column) from None


def read_values(text: str, kind: FileKind, relative: str) -> list[ConfigValue]:
    """The file's values; structured readers raise ParseError or SkipError on bad input."""
    if kind.reader == "structured":
        return with_defaults(parse_text(text, kind.format, relative), text)
    if kind.reader == "source":
        return [
            ConfigValue(
                found.bound or f"line {found.line}",
                found.value,
                Location(relative, found.line, found.column),
            )
            for found in scan_source(text, kind.format)
        ]
    return text_values(text, relative)


def text_values(text: str, relative: str) -> list[ConfigValue]:
    """Whole `claude` tokens of a plain-text file (also the fallback for a broken config)."""
    return [
        ConfigValue(f"line {line}", token, Location(relative, line, column))
        for token, line, column in id_tokens(text)
    ]
