"""Python, read with the stdlib `tokenize` (the file is never imported, compiled or run).

When `tokenize` gives up (an unterminated string, a bad dedent, NUL bytes on 3.12, too deep
nesting on 3.12), the whole file is read again by the C-family lexer with Python's quoting, so a
broken file still yields what it holds.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Callable, Iterator
from functools import partial

from checker.read.source.binding import WANTED_WORDS, bind
from checker.read.source.c_family import Quote, Syntax, lex
from checker.read.source.lexing import decode
from checker.read.source.model import (
    BREAK,
    CLOSE,
    KEYWORD,
    NAME,
    OP,
    OPEN,
    STRING,
    VALUE,
    SourceString,
    Token,
)
from checker.read.source.python_spans import Span, hot_spans

KEYWORDS = frozenset({"if", "elif", "else", "for", "while", "with", "except", "def", "class"})
KEYWORDS |= {"lambda", "try", "finally", "return", "yield", "await", "not", "in", "is", "import"}
KEYWORDS |= {"from", "as", "del", "pass", "raise", "assert", "global", "nonlocal", "async"}
KEYWORDS |= {"case", "match"}
WORD_OPS = {"or": "||", "and": "&&"}
_PREFIX = re.compile(r"[A-Za-z]*")
_BRACKETS = {"(": OPEN, "[": OPEN, "{": OPEN, ")": CLOSE, "]": CLOSE, "}": CLOSE}
_FSTRING_START: int = getattr(tokenize, "FSTRING_START", -1)
_FSTRING_MIDDLE: int = getattr(tokenize, "FSTRING_MIDDLE", -1)
_FSTRING_END: int = getattr(tokenize, "FSTRING_END", -1)
_BREAK = Token(BREAK, "", 0, 0)


def _quotes() -> tuple[Quote, ...]:
    """Python's string forms for the fallback lexer: four quotes times four prefix families."""
    prefixes = (
        (r"(?:[rR][fF]|[fF][rR])", "keep", "{"),
        (r"(?:[rR][bB]?|[bB][rR])", "keep", ""),
        (r"[fF]", "all", "{"),
        (r"[bBuU]?", "all", ""),
    )
    quotes = []
    for mark in ('"""', "'''", '"', "'"):
        for prefix, escapes, interpolation in prefixes:
            multiline = len(mark) == 3
            quotes.append(Quote(prefix + mark, mark, escapes, multiline, interpolation))
    return tuple(quotes)


FALLBACK = Syntax(
    quotes=_quotes(),
    line_comment="#",
    block_comment=False,
    word_ops=tuple(WORD_OPS.items()),
    header_ops=frozenset({"->"}),
    prefixed_quotes=True,
)


class _UnreadableError(Exception):
    """`tokenize` read on past an unterminated string: the rest of its tokens cannot be trusted."""


_FAILURES = (tokenize.TokenError, SyntaxError, ValueError, _UnreadableError)


def scan(text: str) -> list[SourceString]:
    """The wanted strings of one Python file (NUL bytes go straight to the fallback: 3.12's
    tokenizer refuses them, 3.12.1's with a SystemError). Where the syntax tree allows, only the
    statements that may hold one are tokenized (`python_spans`); they read as in the whole file."""
    if "\x00" in text:
        return bind(lex(text, FALLBACK))
    split = hot_spans(text, WANTED_WORDS)
    if split is not None:
        try:
            return bind(_span_tokens(*split))
        except _FAILURES:
            pass  # a statement `tokenize` reads otherwise than the parser: read the whole file
    try:
        return bind(_tokens(io.StringIO(text).readline))
    except _FAILURES:
        return bind(lex(text, FALLBACK))


def _span_tokens(lines: list[str], spans: list[Span]) -> Iterator[Token]:
    """The tokens of each span, placed in the file; each span ends with a BREAK."""
    last = len(lines)
    for start, end in spans:
        rows = [line + "\n" for line in lines[start - 1 : min(end, last - 1)]]
        if end == last and lines[-1]:
            rows.append(lines[-1])  # the last line, without a newline
        yield from _tokens(partial(next, iter(rows), ""), start - 1)


def _tokens(readline: Callable[[], str], offset: int = 0) -> Iterator[Token]:
    """The tokens of the text `readline` gives, `offset` lines below the file's first."""
    fstring = _FString(offset)
    for token in tokenize.generate_tokens(readline):
        kind, word, (row, column) = token.type, token.string, token.start
        row += offset
        if kind == _FSTRING_START or fstring.depth:
            finished = fstring.feed(token)
            if finished is not None:
                yield finished
        elif kind == tokenize.NAME:
            if word in WORD_OPS:
                yield Token(OP, WORD_OPS[word], row, column + 1)
            else:
                yield Token(KEYWORD if word in KEYWORDS else NAME, word, row, column + 1)
        elif kind == tokenize.OP:
            shape = KEYWORD if word == "->" else _BRACKETS.get(word, OP)
            yield Token(shape, word, row, column + 1)
        elif kind == tokenize.STRING:
            yield _string(word, row, column)
        elif kind == tokenize.NEWLINE:
            yield _BREAK
        elif kind == tokenize.NUMBER:
            yield Token(VALUE, word, row, column + 1)
        elif kind == tokenize.ERRORTOKEN and word[:1] in ("'", '"'):
            raise _UnreadableError


def _string(source: str, row: int, column: int) -> Token:
    """A STRING token's value: prefix and quotes taken off, escapes decoded unless raw."""
    prefix = _PREFIX.match(source)
    letters = prefix.group().lower() if prefix else ""
    body = source[len(letters) :]
    mark = body[:3] if body[:3] in ('"""', "'''") else body[:1]
    raw = body[len(mark) : len(body) - len(mark)]
    quote_column = column + len(letters) + 1
    content_column = quote_column + len(mark)
    if "f" in letters and "{" in raw.replace("{{", "").replace("}}", ""):
        return Token(STRING, "", row, quote_column, raw, row, content_column, True)
    value = raw if "r" in letters else decode(raw, "all")
    if "f" in letters:
        value = value.replace("{{", "{").replace("}}", "}")
    return Token(STRING, value, row, quote_column, raw, row, content_column)


class _FString:
    """Python 3.12+ hands an f-string over in pieces; one without `{...}` is a plain literal."""

    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.depth = 0
        self._opened: tokenize.TokenInfo | None = None
        self._pieces: list[str] = []
        self._literal = True

    def feed(self, token: tokenize.TokenInfo) -> Token | None:
        kind = token.type
        if kind == _FSTRING_START:
            self.depth += 1
            if self.depth == 1:
                self._opened, self._pieces, self._literal = token, [], True
        elif kind == _FSTRING_MIDDLE and self.depth == 1:
            self._pieces.append(token.string)
        elif kind == tokenize.OP and token.string == "{":
            self._literal = False
        elif kind == _FSTRING_END:
            self.depth -= 1
            if not self.depth and self._opened is not None:
                return self._finish(self._opened)
        return None

    def _finish(self, opened: tokenize.TokenInfo) -> Token:
        row, column = opened.start
        row += self.offset
        letters = opened.string.rstrip("\"'").lower()
        quote_column = column + len(letters) + 1
        if not self._literal:
            return Token(STRING, "", row, quote_column, "", 0, 0, True)
        raw = "".join(self._pieces)
        value = raw if "r" in letters else decode(raw, "all")
        placed = "" if "{" in raw or "}" in raw else raw
        content_row, content_column = opened.end
        content_row += self.offset
        return Token(STRING, value, row, quote_column, placed, content_row, content_column + 1)
