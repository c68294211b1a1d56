"""Java `.properties` files (Spring's `application-ENV.properties`), read as `java.util.Properties`.

`key=value`, `key: value` or `key value`; `#` and `!` comment lines; a line ending in an odd
number of backslashes continues on the next (leading whitespace dropped); `\\t`, `\\n`, `\\uXXXX`
escapes. The key path is the key itself (already dotted: `spring.ai.anthropic.model`).
"""

from __future__ import annotations

import re

from checker.workspace.parsers.common import ParseError, Values, source_lines

_UNICODE = re.compile(r"[0-9a-fA-F]{4}")
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
_SEPARATORS = "=: \t\f"


def parse_properties(text: str, values: Values) -> None:
    """Record each property; a malformed `\\uXXXX` escape is CFG001, as Java rejects it."""
    lines = source_lines(text)
    number = 0
    while number < len(lines):
        first = number
        segments = [(lines[number].lstrip(" \t\f"), number)]
        number += 1
        head = segments[0][0]
        if not head or head[0] in "#!":
            continue
        while _continues(segments[-1][0]) and number < len(lines):
            segments[-1] = (segments[-1][0][:-1], segments[-1][1])
            segments.append((lines[number].lstrip(" \t\f"), number))
            number += 1
        if _continues(segments[-1][0]):
            segments[-1] = (segments[-1][0][:-1], segments[-1][1])
        _record(segments, lines, first, values)


def _continues(line: str) -> bool:
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


def _record(segments: list[tuple[str, int]], lines: list[str], first: int, values: Values) -> None:
    logical = "".join(segment for segment, _ in segments)
    key_end = _key_end(logical)
    value_start = key_end
    while value_start < len(logical) and logical[value_start] in " \t\f":
        value_start += 1
    if value_start < len(logical) and logical[value_start] in "=:":
        value_start += 1
        while value_start < len(logical) and logical[value_start] in " \t\f":
            value_start += 1
    line, column = _physical(segments, lines, value_start)
    key = _unescape(logical[:key_end], first + 1)
    values.add(key, _unescape(logical[value_start:], line), line, column)


def _key_end(logical: str) -> int:
    escaped = False
    for position, char in enumerate(logical):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in _SEPARATORS:
            return position
    return len(logical)


def _physical(segments: list[tuple[str, int]], lines: list[str], offset: int) -> tuple[int, int]:
    """Map an offset of the joined logical line back to its physical line and column."""
    for segment, number in segments:
        if offset < len(segment) or (segment, number) == segments[-1]:
            indent = len(lines[number]) - len(lines[number].lstrip(" \t\f"))
            return number + 1, indent + offset + 1
        offset -= len(segment)
    return segments[0][1] + 1, 1


def _unescape(raw: str, line: int) -> str:
    if "\\" not in raw:
        return raw
    out: list[str] = []
    position = 0
    while position < len(raw):
        char = raw[position]
        if char != "\\" or position + 1 >= len(raw):
            out.append(char)
            position += 1
            continue
        escaped = raw[position + 1]
        if escaped == "u":
            digits = raw[position + 2 : position + 6]
            if not _UNICODE.fullmatch(digits):
                raise ParseError("malformed \\uXXXX escape", line)
            out.append(chr(int(digits, 16)))
            position += 6
            continue
        out.append(_ESCAPES.get(escaped, escaped))
        position += 2
    return "".join(out)
