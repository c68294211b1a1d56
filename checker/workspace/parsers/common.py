"""What every parser shares: its two failure kinds and the collector of positioned values."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from sys import intern
from typing import Any

from checker.findings import Location
from checker.workspace.limits import MAX_VALUES
from checker.workspace.model import ConfigValue


class ParseError(Exception):
    """The file is not valid in its format (CFG001): the parser's message, line and column."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class SkipError(Exception):
    """The file hit a limit (CFG003): nothing in it is checked."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    return tuple(getattr(cls, name).__set__ for name in names)


_SET_FILE, _SET_LINE, _SET_COLUMN = _slot_setters(Location, "file", "line", "column")
_SET_KEY, _SET_VALUE, _SET_LOCATION = _slot_setters(ConfigValue, "key_path", "value", "location")
_new = object.__new__


def positioned(key_path: str, value: str, file: str, line: int, column: int) -> ConfigValue:
    """`ConfigValue(key_path, value, Location(file, line, column))`, built three times faster.

    Both are frozen slotted dataclasses, whose `__init__` goes through `object.__setattr__`; a
    monorepo scan builds hundreds of thousands of them, so the slots are filled directly.
    """
    location = _new(Location)
    _SET_FILE(location, file)
    _SET_LINE(location, line)
    _SET_COLUMN(location, column)
    config_value = _new(ConfigValue)
    _SET_KEY(config_value, key_path)
    _SET_VALUE(config_value, value)
    _SET_LOCATION(config_value, location)
    return config_value


class Values:
    """Scalar leaves by key path; a repeated key path keeps the last value, as apps read it."""

    __slots__ = ("_by_path", "_file")

    def __init__(self, file: str) -> None:
        self._file = file
        self._by_path: dict[str, ConfigValue] = {}

    def add(self, key_path: str, value: str, line: int, column: int) -> None:
        """Record one scalar at its 1-based line and column."""
        by_path = self._by_path
        if len(by_path) >= MAX_VALUES and key_path not in by_path:
            raise SkipError(f"more than {MAX_VALUES} values")
        key_path = intern(key_path)
        by_path[key_path] = positioned(key_path, value, self._file, line, column)

    def add_all(self, found: list[tuple[str, str, int, int]]) -> None:
        """Record many `(key_path, value, line, column)` at once: the fast path's hot loop."""
        by_path, file = self._by_path, self._file
        if len(by_path) + len(found) > MAX_VALUES:
            raise SkipError(f"more than {MAX_VALUES} values")
        new, set_file, set_line, set_column = _new, _SET_FILE, _SET_LINE, _SET_COLUMN
        set_key, set_value, set_location = _SET_KEY, _SET_VALUE, _SET_LOCATION
        for raw_path, value, line, column in found:  # `positioned`, inlined
            key_path = intern(raw_path)
            location = new(Location)
            set_file(location, file)
            set_line(location, line)
            set_column(location, column)
            config_value = new(ConfigValue)
            set_key(config_value, key_path)
            set_value(config_value, value)
            set_location(config_value, location)
            by_path[key_path] = config_value

    def result(self) -> list[ConfigValue]:
        """The values in the order their keys first appeared."""
        return list(self._by_path.values())


class LineIndex:
    """Offsets to 1-based (line, column) for scanners that work on the whole text."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (both 1-based, column counted in characters) of an offset."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def join_key(prefix: str, key: str) -> str:
    """Dotted key path: `llm` + `model` -> `llm.model`."""
    return f"{prefix}.{key}" if prefix else key


def source_lines(text: str) -> list[str]:
    """Lines split on LF only (CR stripped), so line numbers match what editors and parsers show."""
    return [line.removesuffix("\r") for line in text.split("\n")]
