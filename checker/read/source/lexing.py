"""Pieces every lexer of this package shares: escape decoding and line bookkeeping."""

from __future__ import annotations

import re
import unicodedata

_ESCAPE = re.compile(
    r"\\(u\{[0-9a-fA-F]{1,8}\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}"
    r"|N\{[^\\}\n]{1,80}\}|[0-7]{1,3}|\r\n|.)",
    re.DOTALL,
)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "a": "\a"}
_SIMPLE |= {"e": "\x1b", "\n": "", "\r\n": ""}
_QUOTE_ONLY = re.compile(r"\\([\\'])")


def decode(raw: str, escapes: str) -> str:
    """A literal's value from its source text, by the language's escape rule.

    `all` decodes backslash escapes, `quote` only `\\\\` and `\\'` (PHP and Ruby single quotes),
    `doubled` turns `""` into `"` (C# verbatim), `keep` and `none` leave the text as written.
    """
    if escapes == "all" and "\\" in raw:
        return _ESCAPE.sub(_unescape, raw)
    if escapes == "quote" and "\\" in raw:
        return _QUOTE_ONLY.sub(r"\1", raw)
    if escapes == "doubled":
        return raw.replace('""', '"')
    return raw


def _unescape(match: re.Match[str]) -> str:
    body = match.group(1)
    head = body[0]
    try:
        if head in "uUx" and len(body) > 1:
            return chr(int(body[1:].strip("{}"), 16))
        if head == "N" and len(body) > 1:
            return unicodedata.lookup(body[2:-1])
        if head in "01234567":
            return chr(int(body, 8))
    except (KeyError, ValueError):
        return match.group(0)
    return _SIMPLE.get(body, body)


def advance(text: str, start: int, end: int, line: int, line_start: int) -> tuple[int, int]:
    """The line number and line start at `end`, knowing them at `start`."""
    count = text.count("\n", start, end)
    if count:
        return line + count, text.rfind("\n", start, end) + 1
    return line, line_start
