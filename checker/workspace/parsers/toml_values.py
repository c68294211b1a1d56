"""TOML values with positions: `tomllib` is the truth for validity and values, a light scan of the
source supplies the line and column of each value (keys, dotted keys, tables, arrays of tables,
inline arrays and tables). A value the scan cannot place falls back to its nearest placed parent.

A key of more dotted parts than `MAX_DEPTH` is refused before `tomllib` sees it: `tomllib` spends
time quadratic in the parts (20 s and 3 GB for 30,000), and the walk would skip so deep a key
anyway.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import tomllib
from typing import Any

from checker.workspace.limits import MAX_DEPTH
from checker.workspace.parsers.common import (
    LineIndex,
    ParseError,
    SkipError,
    Values,
    join_key,
)

_ERROR_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = re.compile(r"[ \t]*")
_SCALAR_END = re.compile(r"[,\]}\s#]")
_STRING_END = {'"""': re.compile(r'"""(?!")'), "'''": re.compile(r"'''(?!')")}
_BASIC_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_LITERAL_STRING = re.compile(r"'[^'\n]*'")
# What can hold a dot that is not a key's: strings and comments; and what ends a key: `=`, `,`,
# a line end, an opening bracket or brace. Everything else is skipped by `search`.
_KEY_DOTS = re.compile(
    r'"""(?:[^"\\]++|\\.|"(?!""))*+"""'
    r"|'''(?:[^']++|'(?!''))*+'''"
    r'|"(?:[^"\\\n]++|\\.)*+"'
    r"|'[^'\n]*+'|#[^\n]*+|[=,\n{\[]|\."
)

Positions = dict[str, tuple[int, str]]


def parse_toml(text: str, values: Values) -> None:
    """Validate and read with `tomllib`, then place every leaf with the source scan."""
    if text.count(".") > MAX_DEPTH and _longest_dotted_key(text) > MAX_DEPTH:
        raise SkipError(f"a key of more than {MAX_DEPTH} dotted parts")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _ERROR_POSITION.search(message)
        message = _ERROR_POSITION.sub("", message)
        if found is None:
            raise ParseError(f"invalid TOML: {message}") from None
        raise ParseError(
            f"invalid TOML: {message}", int(found.group(1)), int(found.group(2))
        ) from None
    except RecursionError:
        raise SkipError(f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError:  # Python refuses an integer of more than 4,300 digits
        raise SkipError("a number too long to read (more than 4,300 digits)") from None
    positions: Positions = {}
    # on a surprise the positions stay partial; every value still gets its nearest placed parent
    with contextlib.suppress(IndexError, ValueError, RecursionError):
        _Scanner(text, positions).scan()
    lines = LineIndex(text)
    for path, value in _leaves(data, "", 0):
        offset, raw = _placed(positions, path)
        line, column = lines.position(offset)
        values.add(path, _text(value, raw), line, column)


def _longest_dotted_key(text: str) -> int:
    """The most dots outside strings and comments between two key boundaries: an upper bound of
    the parts of any key (a float or a time has one dot), found in one linear pass."""
    longest = dots = 0
    found = _KEY_DOTS.search(text)
    while found is not None:
        if found.group() == ".":
            dots += 1
            if dots > longest:
                longest = dots
                if longest > MAX_DEPTH:
                    return longest
        elif found.group()[:1] in "=,\n{[":
            dots = 0
        found = _KEY_DOTS.search(text, found.end())
    return longest


def _leaves(data: Any, path: str, depth: int) -> list[tuple[str, Any]]:
    if depth > MAX_DEPTH:
        raise SkipError(f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(data, dict):
        found: list[tuple[str, Any]] = []
        for key, value in data.items():
            found.extend(_leaves(value, join_key(path, key), depth + 1))
        return found
    if isinstance(data, list):
        found = []
        for index, value in enumerate(data):
            found.extend(_leaves(value, f"{path}[{index}]", depth + 1))
        return found
    return [(path, data)]


def _placed(positions: Positions, path: str) -> tuple[int, str]:
    probe = path
    while probe:
        if probe in positions:
            return positions[probe] if probe == path else (positions[probe][0], "")
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return 0, ""


def _text(value: Any, raw: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if raw and not raw.startswith(("[", "{")):
        return raw
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


class _Scanner:
    """Walks a valid TOML document and records `path -> (offset, raw text)` for every value."""

    def __init__(self, text: str, positions: Positions) -> None:
        self.text = text
        self.positions = positions
        self.pos = 0
        self.array_index: dict[tuple[str, ...], int] = {}

    def scan(self) -> None:
        prefix = ""
        text = self.text
        while self.pos < len(text):
            self._skip_blank()
            if self.pos >= len(text):
                return
            if text.startswith("[[", self.pos):
                prefix = self._header(array=True)
            elif text[self.pos] == "[":
                prefix = self._header(array=False)
            else:
                key = self._key("=")
                self.pos += 1
                self._value(join_key(prefix, key), 0)
            self._skip_line()

    def _header(self, *, array: bool) -> str:
        self.pos += 2 if array else 1
        keys = self._key_parts("]")
        self.pos += 2 if array else 1
        path = ""
        seen: tuple[str, ...] = ()
        for number, key in enumerate(keys, 1):
            seen = (*seen, key)
            path = join_key(path, key)
            last = number == len(keys)
            if last and array:
                index = self.array_index.get(seen, -1) + 1
                self.array_index = {
                    other: value
                    for other, value in self.array_index.items()
                    if other[: len(seen)] != seen
                }
                self.array_index[seen] = index
                path += f"[{index}]"
            elif seen in self.array_index:
                path += f"[{self.array_index[seen]}]"
        return path

    def _key(self, stop: str) -> str:
        return ".".join(self._key_parts(stop))

    def _key_parts(self, stop: str) -> list[str]:
        parts: list[str] = []
        text = self.text
        while True:
            self._skip_space()
            char = text[self.pos]
            if char == '"':
                found = _BASIC_STRING.match(text, self.pos)
                if found is None:
                    raise ValueError("unterminated key")
                parts.append(tomllib.loads(f"k = {found.group()}")["k"])
            elif char == "'":
                found = _LITERAL_STRING.match(text, self.pos)
                if found is None:
                    raise ValueError("unterminated key")
                parts.append(found.group()[1:-1])
            else:
                found = _BARE_KEY.match(text, self.pos)
                if found is None:
                    raise ValueError("bad key")
                parts.append(found.group())
            self.pos = found.end()
            self._skip_space()
            if text[self.pos] == stop:
                return parts
            self.pos += 1  # the dot between key parts

    def _value(self, path: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise ValueError("too deep")
        self._skip_space()
        text, start = self.text, self.pos
        char = text[start]
        if char == "[":
            self.pos += 1
            index = 0
            while True:
                self._skip_blank()
                if text[self.pos] == "]":
                    break
                self._value(f"{path}[{index}]", depth + 1)
                index += 1
                self._skip_blank()
                if text[self.pos] == ",":
                    self.pos += 1
            self.pos += 1
        elif char == "{":
            self.pos += 1
            while True:
                self._skip_space()
                if text[self.pos] == "}":
                    break
                key = self._key("=")
                self.pos += 1
                self._value(join_key(path, key), depth + 1)
                self._skip_space()
                if text[self.pos] == ",":
                    self.pos += 1
            self.pos += 1
        elif text.startswith(('"""', "'''"), start):
            end = _STRING_END[text[start : start + 3]].search(text, start + 3)
            self.pos = end.end() if end else len(text)
        elif char in "\"'":
            pattern = _BASIC_STRING if char == '"' else _LITERAL_STRING
            found = pattern.match(text, start)
            self.pos = found.end() if found else len(text)
        else:
            found = _SCALAR_END.search(text, start)
            self.pos = found.start() if found else len(text)
            # a date-time may contain one space: `1979-05-27 07:32:00`
            if found and text[self.pos] == " " and text[self.pos + 1 : self.pos + 2].isdigit():
                found = _SCALAR_END.search(text, self.pos + 1)
                self.pos = found.start() if found else len(text)
        self.positions[path] = (start, text[start : self.pos])

    def _skip_space(self) -> None:
        found = _SPACE.match(self.text, self.pos)
        self.pos = found.end() if found else self.pos

    def _skip_blank(self) -> None:
        """Spaces, newlines and comments."""
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t\r\n":
                self.pos += 1
            elif char == "#":
                self._skip_line()
            else:
                return

    def _skip_line(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end == -1 else end + 1
