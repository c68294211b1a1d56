"""Where a piece of a scalar sits: the scalar's column plus the piece's offset, past its quote.

Parsers report a quoted scalar at its opening quote; a default inside `"${VAR:-claude-x}"` or the
model inside `'anthropic:messages:claude-x'` starts one column further, and `fix` edits only
where the ID really is.
"""

from __future__ import annotations

from checker.findings import Location

QUOTES = frozenset("\"'")


class LineIndex:
    """The file's lines, split once and only when a column is first asked for."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None

    def line(self, number: int) -> str:
        if self._lines is None:
            self._lines = self._text.splitlines()
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""

    def inside(self, where: Location, offset: int) -> Location:
        """The location `offset` characters into the scalar that starts at `where`."""
        if where.line is None or where.column is None:
            return where
        line = self.line(where.line)
        quoted = where.column <= len(line) and line[where.column - 1] in QUOTES
        return Location(where.file, where.line, where.column + offset + (1 if quoted else 0))
