"""JSON values with positions: the stdlib decides validity, a token scan finds each value's place.

`json` reports errors with line and column but keeps no positions for values, so a valid document
is scanned once more with a regular expression over its tokens (strings with escapes included).
"""

from __future__ import annotations

import json
import re

from checker.workspace.limits import MAX_DEPTH
from checker.workspace.parsers.common import LineIndex, ParseError, SkipError, Values, join_key

_JSONC_NOISE = re.compile(r'"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/|,(?=\s*[}\]])', re.DOTALL)
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+', re.DOTALL)


class _Frame:
    """One open object or array: its key path and where the scan stands inside it."""

    __slots__ = ("index", "is_object", "key", "path")

    def __init__(self, path: str, is_object: bool) -> None:
        self.path = path
        self.is_object = is_object
        self.key: str | None = None
        self.index = 0

    def child_path(self) -> str:
        if self.is_object:
            return join_key(self.path, self.key or "")
        return f"{self.path}[{self.index}]"


def parse_json(text: str, values: Values) -> None:
    """Validate with `json`, then record every string, number, boolean and null leaf."""
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(f"invalid JSON: {error.msg}", error.lineno, error.colno) from None
    except RecursionError:
        raise SkipError(f"nested deeper than {MAX_DEPTH} levels") from None
    _scan(text, values)


def parse_jsonc(text: str, values: Values) -> None:
    """JSON with comments and trailing commas, as .NET reads `appsettings.*.json`."""
    parse_json(_JSONC_NOISE.sub(_blank_noise, text), values)


def _blank_noise(match: re.Match[str]) -> str:
    """Comments and trailing commas become spaces (newlines kept), so positions do not move."""
    token = match.group()
    if token.startswith('"'):
        return token
    return "".join("\n" if char == "\n" else " " for char in token)


def _scan(text: str, values: Values) -> None:
    lines = LineIndex(text)
    stack: list[_Frame] = []
    expecting_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        frame = stack[-1] if stack else None
        if first in "{[":
            if len(stack) >= MAX_DEPTH:
                raise SkipError(f"nested deeper than {MAX_DEPTH} levels")
            stack.append(_Frame(frame.child_path() if frame else "", first == "{"))
            expecting_key = first == "{"
        elif first in "}]":
            stack.pop()
        elif first == ",":
            if frame is not None and frame.is_object:
                expecting_key = True
            elif frame is not None:
                frame.index += 1
        elif first == ":":
            expecting_key = False
        elif expecting_key and frame is not None:
            frame.key = _decode(token)
        else:
            line, column = lines.position(match.start())
            text_value = _decode(token) if first == '"' else token
            values.add(frame.child_path() if frame else "", text_value, line, column)


def _decode(token: str) -> str:
    if "\\" not in token:
        return token[1:-1]
    decoded = json.loads(token)
    return decoded if isinstance(decoded, str) else token
