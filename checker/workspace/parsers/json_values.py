"""JSON values with positions: the stdlib decides validity, a token scan finds each value's place.

`json` reports errors with line and column but keeps no positions for values, so a valid document
is scanned once more with a regular expression over its tokens (strings with escapes included).
JSONC's comments and trailing commas are blanked by one forward pass (`strip_jsonc`) whose every
step consumes what it reads, so an unclosed `/*` or quote costs one pass, not one per opener.
"""

from __future__ import annotations

import json
import re

from checker.workspace.limits import MAX_DEPTH
from checker.workspace.parsers.common import LineIndex, ParseError, SkipError, Values, join_key

# The next token of JSONC that the stripping pass cares about; whitespace is skipped by `search`.
_JSONC_NEXT = re.compile(r'"|//|/\*|[,}\]]|[^\s"/,}\]]++|/')
_STRING_REST = re.compile(r'(?:[^"\\]++|\\.)*+"', re.DOTALL)  # possessive: no backtracking
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[{}\[\],:]|[^\s{}\[\],:"]+', re.DOTALL)


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
    except ValueError:  # Python refuses an integer of more than 4,300 digits
        raise SkipError("a number too long to read (more than 4,300 digits)") from None
    _scan(text, values)


def parse_jsonc(text: str, values: Values) -> None:
    """JSON with comments and trailing commas, as .NET reads `appsettings.*.json`."""
    parse_json(strip_jsonc(text), values)


def strip_jsonc(text: str) -> str:
    """Comments and trailing commas become spaces (newlines kept), so positions do not move.

    A trailing comma is one followed by nothing but whitespace and comments before `}` or `]`.
    An unclosed string or `/*` ends the pass: the rest stays as written, and `json` reports it.
    """
    spans: list[tuple[int, int]] = []
    comma = -1
    position = 0
    while True:
        found = _JSONC_NEXT.search(text, position)
        if found is None:
            break
        lexeme, start = found.group(), found.start()
        if lexeme == '"':
            rest = _STRING_REST.match(text, start + 1)
            if rest is None:
                break
            position, comma = rest.end(), -1
        elif lexeme == "//":
            end = text.find("\n", start)
            position = len(text) if end == -1 else end
            spans.append((start, position))
        elif lexeme == "/*":
            end = text.find("*/", start + 2)
            if end == -1:
                break
            position = end + 2
            spans.append((start, position))
        elif lexeme == ",":
            comma, position = start, start + 1
        elif lexeme in "}]":
            if comma != -1:
                spans.append((comma, comma + 1))
            comma, position = -1, start + 1
        else:
            comma, position = -1, found.end()
    if not spans:
        return text
    spans.sort()
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append("".join("\n" if char == "\n" else " " for char in text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


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
