"""dotenv files as docker compose and python-dotenv read them.

`[export] KEY=value`; single quotes are literal, double quotes take `\\n`-style escapes and may span
lines; `#` starts a comment at the line start or after whitespace outside quotes; `KEY=` is an
empty value; a bare `KEY` (passed through from the environment) has no value. The key path is the
variable name; the position is the value's first character (its opening quote when quoted).
"""

from __future__ import annotations

import re

from checker.workspace.parsers.common import ParseError, Values, source_lines

_ASSIGNMENT = re.compile(r"[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*(=)?[ \t]*")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "$": "$"}
_DOUBLE_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def parse_dotenv(text: str, values: Values) -> None:
    """Record each assignment; a line that is neither an assignment nor a comment is CFG001."""
    lines = source_lines(text)
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        found = _ASSIGNMENT.match(line)
        if found is None:
            column = len(line) - len(line.lstrip()) + 1
            raise ParseError("invalid dotenv line: expected KEY=value", number, column)
        key, rest_start = found.group(1), found.end()
        if found.group(2) is None:
            if line[rest_start:].strip() and not line[rest_start:].lstrip().startswith("#"):
                raise ParseError("invalid dotenv line: expected `=`", number, rest_start + 1)
            continue
        value_line = number
        column = rest_start + 1
        value, used = _value(lines, number - 1, rest_start)
        number += used
        values.add(key, value, value_line, column)


def _value(lines: list[str], index: int, start: int) -> tuple[str, int]:
    """The value starting at `start` of line `index`, and how many extra lines it used."""
    rest = lines[index][start:]
    if not rest:
        return "", 0
    quote = rest[0]
    if quote == "'":
        end = rest.find("'", 1)
        if end == -1:
            raise ParseError("unterminated single-quoted value", index + 1, start + 1)
        return rest[1:end], 0
    if quote == '"':
        return _double_quoted(lines, index, start)
    comment = re.search(r"(?:^|[ \t])#", rest)
    return (rest[: comment.start()] if comment else rest).strip(), 0


def _double_quoted(lines: list[str], index: int, start: int) -> tuple[str, int]:
    """A double-quoted value, possibly spanning lines; scanned once, so linear in the file."""
    pieces: list[str] = []
    body = lines[index][start + 1 :]
    extra = 0
    escaped = False
    while True:
        for position, char in enumerate(body):
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                raw = "\n".join([*pieces, body[:position]])
                return _DOUBLE_ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[0]), raw), extra
        pieces.append(body)
        extra += 1
        if index + extra >= len(lines):
            raise ParseError("unterminated double-quoted value", index + 1, start + 1)
        body = lines[index + extra]
        escaped = False
