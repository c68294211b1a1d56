"""One linear lexer for C-family code (JS/TS, Go, Java, Kotlin, C#, PHP, Rust, Swift).

Each language is data (`Syntax`): its string forms, comment forms and declaration words. The lexer
keeps a small explicit stack of modes (code, string, code interpolated in a string) instead of
recursing, and finds every string end, comment end and token with one regex match or `find` from the
current position, so the work stays linear in the text's length whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from checker.read.source.binding import bind
from checker.read.source.lexing import advance, decode
from checker.read.source.model import (
    CLOSE,
    DECL,
    KEYWORD,
    NAME,
    NEWLINE,
    OP,
    OPEN,
    STRING,
    VALUE,
    SourceString,
    Token,
)

KEYWORDS = frozenset({"case", "return", "typeof", "instanceof", "new", "delete", "void", "in"})
KEYWORDS |= {"of", "else", "do", "yield", "await", "throw", "mut", "if", "while", "for", "when"}
KEYWORDS |= {"not", "is", "lambda", "try", "finally", "def", "fn", "func", "fun", "function"}
KEYWORDS |= {"class", "struct", "import", "from", "package", "use", "as", "with", "elif"}
KEYWORDS |= {"except", "match", "echo"}
MAX_MODES = 200
MAX_REGEX = 1_000
MAX_KEPT_CHARACTERS = 200_000
_OPS = (
    r"===|!==|\?\?=|\|\|=|&&=|\.\.\.|=>|->|::|:=|\?\?|\?\.|\?:|==|!=|<=|>=|\+=|-=|\*=|/=|&&|\|\||"
    r"\+\+|--|."
)
# Punctuation that never starts a comment, string, regex, tag or number: lexed on the fast path.
_PLAIN_OPS = (
    r"===|!==|\|\|=|&&=|\.\.\.|=>|->|::|:=|==|!=|>=|\+=|-=|\*=|&&|\|\||\+\+|--"
    r"|[(){}\[\],;.=:+\-*&|!^~>]"
)
_REGEX_LITERAL = re.compile(r"/(?![*/])(?:[^/\\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[A-Za-z]*")
_NESTED_COMMENT = re.compile(r"/\*|\*/")
_PHP_OPEN = re.compile(r"<\?(?:php\b|=)?")
_BRACKETS = {"(": OPEN, "[": OPEN, "{": OPEN, ")": CLOSE, "]": CLOSE, "}": CLOSE}
_NEWLINE = Token(NEWLINE, "", 0, 0)
_BEFORE_REGEX = frozenset({OP, OPEN, KEYWORD, DECL})
_new = tuple.__new__


@dataclass(frozen=True, slots=True)
class Quote:
    """One string form: `opener` is a regex (prefix and quote), the rest says how it reads.

    `escapes`: `all` decoded, `keep` (a backslash protects the next character, nothing
    decoded), `quote` (only `\\\\` and `\\'`), `doubled` (`""` is a quote), `none`.
    `interpolation` opens code inside the string; `dollar_names` means `$name` interpolates too;
    with `hashes` the opener's `#`s repeat after the closing quote.
    """

    opener: str
    close: str
    escapes: str = "all"
    multiline: bool = False
    interpolation: str = ""
    dollar_names: bool = False
    hashes: bool = False


@dataclass(frozen=True, slots=True)
class Syntax:
    """What one language's code looks like to the lexer."""

    quotes: tuple[Quote, ...]
    line_comment: str = "//"
    block_comment: bool = True
    nested_comments: bool = False
    char_literal: str = ""
    regex_literals: bool = False
    name: str = r"[^\W\d]\w*"
    decls: frozenset[str] = frozenset()
    word_ops: tuple[tuple[str, str], ...] = ()
    header_ops: frozenset[str] = frozenset()
    php_tags: bool = False
    heredoc: str = ""
    begin_end: bool = False
    prefixed_quotes: bool = False


@dataclass(frozen=True)
class _Compiled:
    master: re.Pattern[str]
    quotes: dict[str, Quote]
    stops: dict[str, re.Pattern[str]]
    words: dict[str, tuple[int, str]]


@dataclass(slots=True)
class _String:
    """A string being read: where it started, and where line numbers were last known inside it."""

    quote: Quote
    stop: re.Pattern[str]
    close: str
    interpolation: str
    line: int
    column: int
    raw_column: int
    start: int
    sync: int
    interpolated: bool = False


@dataclass(slots=True)
class _Code:
    """Code interpolated in a string, ended by the `closer` that balances its `opener`."""

    opener: str
    closer: str
    depth: int = 0


@dataclass(slots=True)
class _Cursor:
    """Line bookkeeping and the stack of modes (a list, not recursion: nesting costs no stack)."""

    line: int
    line_start: int
    modes: list[_String | _Code] = field(default_factory=list)

    def move(self, text: str, start: int, end: int) -> None:
        self.line, self.line_start = advance(text, start, end, self.line, self.line_start)

    def column(self, pos: int) -> int:
        return pos - self.line_start + 1


@cache
def _compile(syntax: Syntax) -> _Compiled:
    """The master pattern: the frequent tokens (names, plain punctuation) are tried first."""
    name = f"(?>{syntax.name})(?![\"'#])" if syntax.prefixed_quotes else syntax.name
    parts = [f"(?P<name>{name})", f"(?P<op>{_PLAIN_OPS})"]
    parts += [r"(?P<nl>\n)", r"(?P<cont>\\\r?\n)"]
    if syntax.line_comment:
        parts.append(f"(?P<lc>{syntax.line_comment})")
    if syntax.block_comment:
        parts.append(r"(?P<bc>/\*)")
    if syntax.php_tags:
        parts += [r"(?P<phpclose>\?>)", r"(?P<phpopen><\?(?:php\b|=)?)"]
    if syntax.heredoc:
        parts.append(f"(?P<heredoc>{syntax.heredoc})")
    quotes: dict[str, Quote] = {}
    stops: dict[str, re.Pattern[str]] = {}
    for index, quote in enumerate(syntax.quotes):
        group = f"q{index}"
        parts.append(f"(?P<{group}>{quote.opener})")
        quotes[group] = quote
        stops[group] = _stop_pattern(quote)
    if syntax.char_literal:
        parts.append(f"(?P<char>{syntax.char_literal})")
    parts += [f"(?P<word>{syntax.name})", r"(?P<num>\d[\w.]*)", f"(?P<other>{_OPS})"]
    words = {word: (KEYWORD, word) for word in KEYWORDS}
    words |= {word: (DECL, word) for word in syntax.decls}
    words |= {word: (OP, op) for word, op in syntax.word_ops}
    master = re.compile(r"[ \t\r\f\v\x00]*+(?:" + "|".join(parts) + ")", re.DOTALL)
    return _Compiled(master, quotes, stops, words)


def _stop_pattern(quote: Quote) -> re.Pattern[str]:
    """The characters where a string's content may end or change mode."""
    stops = {quote.close[0]}
    if quote.escapes in ("all", "keep", "quote"):
        stops.add("\\")
    if not quote.multiline:
        stops.add("\n")
    if quote.interpolation:
        stops.add(quote.interpolation[0])
    if quote.dollar_names:
        stops.add("$")
    return re.compile("[" + "".join(re.escape(char) for char in sorted(stops)) + "]")


def lex(
    text: str,
    syntax: Syntax,
    *,
    start: int = 0,
    end: int | None = None,
    origin: tuple[int, int] = (1, 0),
    stop: str = "",
) -> Generator[Token, None, int]:
    """Tokens of `text[start:end]`, `origin` being the line and line start at `start`.

    Returns where it ended: `end`, or with `stop` (`}`) the closer that balances nothing, which
    ends a template's `{expression}`.
    """
    lexer = _Lexer(text, syntax, start, len(text) if end is None else end, _Cursor(*origin))
    at, limit, modes = lexer.at, lexer.limit, lexer.at.modes
    match_at, words = lexer.compiled.master.match, lexer.compiled.words
    plain = frozenset(_BRACKETS) | syntax.header_ops if stop else syntax.header_ops
    while lexer.pos < limit:
        if not modes:
            found = match_at(text, lexer.pos, limit)
            if found is None:
                break
            group = found.lastgroup or ""
            if group == "name" or (group == "op" and found.group(group) not in plain):
                begin, lexer.pos = found.span(group)
                word = found.group(group)
                if group == "name":
                    bare = word.lstrip("$@")
                    kind, word = words.get(bare, (NAME, bare))
                else:
                    kind = _BRACKETS.get(word, OP)
                lexer.previous = kind
                yield _new(Token, (kind, word, at.line, begin - at.line_start + 1, "", 0, 0, False))
                continue
        token = lexer.step(stop)
        if token is not None:
            lexer.previous = token.kind
            yield token
        if lexer.stopped:
            break
    return min(lexer.pos, limit)


class _Lexer:
    """The lexer's state between tokens: position, lines, modes, and the heredocs still to skip."""

    def __init__(self, text: str, syntax: Syntax, pos: int, limit: int, at: _Cursor) -> None:
        self.text, self.syntax, self.limit, self.at = text, syntax, limit, at
        self.compiled = _compile(syntax)
        self.previous = OPEN
        self.depth = 0
        self.stopped = False
        self.no_regex_before = -1
        self.heredocs: list[str] = []
        if syntax.php_tags and not text.startswith("<?", pos):
            pos = _skip_html(text, pos, limit, at)
        self.pos = _skip_begin(text, pos, limit, at) if syntax.begin_end else pos

    def step(self, stop: str) -> Token | None:
        """Read one unit (a token, a comment, a piece of a string); the token it makes, if any."""
        modes, text, at = self.at.modes, self.text, self.at
        if modes and isinstance(modes[-1], _String):
            return self._string_step(modes[-1])
        match = self.compiled.master.match(text, self.pos, self.limit)
        if match is None:
            self.pos = self.limit
            return None
        group = match.lastgroup or ""
        begin, self.pos = match.span(group)
        if group == "phpopen":
            return None
        if group in ("nl", "cont"):
            at.line, at.line_start = at.line + 1, self.pos
            return self._newline() if group == "nl" else None
        if group in ("lc", "bc", "phpclose"):
            return self._skip(group, begin)
        if group in self.compiled.quotes:
            self._open_string(group, match.group(group), begin)
            return None
        word = match.group(group)
        kind = OP
        if group in ("name", "word"):
            bare = word.lstrip("$@")
            kind, word = self.compiled.words.get(bare, (NAME, bare))
        elif group in ("num", "char"):
            kind = VALUE
        elif group == "heredoc":
            self.heredocs.append(word.lstrip("<~- \t").strip("'\"`"))
            kind = VALUE
        elif word == "/" and self.syntax.regex_literals and self.previous in _BEFORE_REGEX:
            kind = self._regex_literal(begin)
        else:
            kind, word = self._punctuation(word, begin, stop)
        return None if self.stopped else Token(kind, word, at.line, at.column(begin))

    def _regex_literal(self, begin: int) -> int:
        """A `/` where a value may start opens a regex literal (JS, Ruby), unless one already
        failed to close on this line: then the rest of the line is read as code, so no line is
        scanned for a regex end more than once."""
        if begin < self.no_regex_before:
            return OP
        literal = _REGEX_LITERAL.match(self.text, begin, min(self.limit, begin + MAX_REGEX))
        if literal is None:
            newline = self.text.find("\n", begin, self.limit)
            self.no_regex_before = self.limit if newline < 0 else newline
            return OP
        self.pos = literal.end()
        return VALUE

    def _newline(self) -> Token:
        if self.heredocs:
            self.pos = _skip_heredocs(self.text, self.pos, self.limit, self.at, self.heredocs)
        if self.syntax.begin_end:
            self.pos = _skip_begin(self.text, self.pos, self.limit, self.at)
        return _NEWLINE

    def _skip(self, group: str, begin: int) -> Token | None:
        """A comment, or PHP's inline HTML after `?>` (which ends a statement as `;` does)."""
        text, pos, limit = self.text, self.pos, self.limit
        if group == "lc":
            newline = text.find("\n", pos, limit)
            self.pos = limit if newline < 0 else newline
            return None
        if group == "bc":
            self.pos = _comment_end(text, pos, limit, nested=self.syntax.nested_comments)
            self.at.move(text, pos, self.pos)
            return None
        column = self.at.column(begin)
        self.pos = _skip_html(text, pos, limit, self.at)
        return Token(OP, ";", self.at.line, column)

    def _punctuation(self, word: str, begin: int, stop: str) -> tuple[int, str]:
        """An operator or bracket; a closer may end an interpolation or the whole run (`stop`)."""
        kind = KEYWORD if word in self.syntax.header_ops else _BRACKETS.get(word, OP)
        modes = self.at.modes
        if modes:
            code = modes[-1]
            assert isinstance(code, _Code)
            if word == code.opener:
                code.depth += 1
            elif word == code.closer and code.depth:
                code.depth -= 1
            elif word == code.closer:
                modes.pop()
                string = modes[-1]
                assert isinstance(string, _String)
                string.sync = self.pos
                return CLOSE, ")"
        elif stop and word in ("{", stop):
            if word == stop and not self.depth:
                self.stopped, self.pos = True, begin
            self.depth += 1 if word == "{" else -1
        return kind, word

    def _open_string(self, group: str, opener: str, begin: int) -> None:
        quote = self.compiled.quotes[group]
        offset = min(index for index in map(opener.find, "\"'`") if index >= 0)
        hashes = "#" * opener.count("#") if quote.hashes else ""
        interpolation = quote.interpolation
        if hashes and interpolation.startswith("\\"):
            interpolation = "\\" + hashes + interpolation[1:]
        column = self.at.column(begin + offset)
        self.at.modes.append(
            _String(
                quote,
                self.compiled.stops[group],
                quote.close + hashes,
                interpolation,
                self.at.line,
                column,
                column + len(opener) - offset,
                self.pos,
                self.pos,
            )
        )

    def _string_step(self, string: _String) -> Token | None:
        """Advance inside a string to its next interesting character; a token when one is due."""
        text, at = self.text, self.at
        found = string.stop.search(text, self.pos, self.limit)
        if found is None:
            at.modes.pop()
            self.pos = self.limit
            return None
        here = found.start()
        self.pos = here + 1
        quote, interpolation = string.quote, string.interpolation
        if text[here] == "\n" and not quote.multiline:
            at.modes.pop()
            at.move(text, string.sync, here)
            self.pos = here
        elif interpolation and text.startswith(interpolation, here):
            return self._interpolate(string, here)
        elif text[here] == "\\" and quote.escapes in ("all", "keep", "quote"):
            self.pos = here + 2
        elif text.startswith(string.close, here):
            if quote.escapes == "doubled" and text.startswith(string.close, here + 1):
                self.pos = here + 2
                return None
            return self._close_string(string, here)
        elif text[here] == "$" and quote.dollar_names:
            following = text[here + 1 : here + 2]
            string.interpolated |= following.isalpha() or following in ("_", "{")
        return None

    def _interpolate(self, string: _String, here: int) -> Token | None:
        interpolation = string.interpolation
        self.pos = here + len(interpolation)
        if interpolation == "{" and self.text.startswith("{{", here):
            self.pos = here + 2
            return None
        string.interpolated = True
        if len(self.at.modes) >= MAX_MODES:
            return None
        self.at.move(self.text, string.sync, here)
        closer = ")" if interpolation[-1] == "(" else "}"
        self.at.modes.append(_Code(interpolation[-1], closer))
        return Token(OPEN, "(", self.at.line, self.at.column(here))

    def _close_string(self, string: _String, here: int) -> Token:
        self.at.modes.pop()
        self.pos = here + len(string.close)
        self.at.move(self.text, string.sync, self.pos)
        raw = self.text[string.start : here]
        value = "" if string.interpolated else decode(raw, string.quote.escapes)
        if string.interpolation == "{":
            value = value.replace("{{", "{").replace("}}", "}")
        return Token(
            STRING,
            value,
            string.line,
            string.column,
            raw,
            string.line,
            string.raw_column,
            string.interpolated,
        )


def _comment_end(text: str, pos: int, limit: int, *, nested: bool) -> int:
    if not nested:
        close = text.find("*/", pos, limit)
        return limit if close < 0 else close + 2
    depth = 1
    while depth:
        found = _NESTED_COMMENT.search(text, pos, limit)
        if found is None:
            return limit
        depth += 1 if found.group() == "/*" else -1
        pos = found.end()
    return pos


def _skip_html(text: str, pos: int, limit: int, at: _Cursor) -> int:
    """PHP: the inline HTML up to the next `<?php` / `<?=` is not code."""
    found = _PHP_OPEN.search(text, pos, limit)
    finish = limit if found is None else found.end()
    at.move(text, pos, finish)
    return finish


def _skip_begin(text: str, pos: int, limit: int, at: _Cursor) -> int:
    """Ruby: a `=begin` ... `=end` comment starting at this line start."""
    if not text.startswith("=begin", pos) or text[pos + 6 : pos + 7].strip():
        return pos
    close = text.find("\n=end", pos, limit)
    newline = -1 if close < 0 else text.find("\n", close + 1, limit)
    finish = limit if newline < 0 else newline
    at.move(text, pos, finish)
    return finish


def _skip_heredocs(text: str, pos: int, limit: int, at: _Cursor, heredocs: list[str]) -> int:
    """Ruby, PHP: the bodies of the heredocs opened on the line just ended, each up to the line
    that starts with its name (`EOS`, `EOT;`, `  TEXT`), indented or not."""
    for name in heredocs:
        while pos < limit:
            newline = text.find("\n", pos, limit)
            finish = limit if newline < 0 else newline
            row = text[pos:finish].strip()
            if row.startswith(name) and not row[len(name) : len(name) + 1].isidentifier():
                pos = finish
                break
            if newline < 0:
                pos = limit
                break
            pos = newline + 1
            at.line, at.line_start = at.line + 1, pos
    heredocs.clear()
    return pos


def scan(text: str, syntax: Syntax) -> list[SourceString]:
    """The wanted strings of one file written in `syntax`."""
    return bind(shared_tokens(text, syntax))


def shared_tokens(text: str, syntax: Syntax) -> Iterable[Token]:
    """The tokens of a file that two readers lex in turn (JS/TS: the model-ID reader and the call
    reader): the last small text's are kept for the next reader, a large text's streamed afresh."""
    if len(text) > MAX_KEPT_CHARACTERS:
        return lex(text, syntax)
    return _kept_tokens(text, syntax)


@lru_cache(maxsize=1)
def _kept_tokens(text: str, syntax: Syntax) -> tuple[Token, ...]:
    return tuple(lex(text, syntax))


_CHAR = r"b?'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'"
_DOUBLE = Quote('"', '"')
_DOUBLE_MULTILINE = Quote('"', '"', multiline=True)

JAVASCRIPT = Syntax(
    quotes=(_DOUBLE, Quote("'", "'"), Quote("`", "`", multiline=True, interpolation="${")),
    regex_literals=True,
    name=r"(?:[^\W\d]|\$)[\w$]*",
    decls=frozenset({"var", "let", "const"}),
)
GO = Syntax(
    quotes=(_DOUBLE, Quote("`", "`", escapes="none", multiline=True)),
    char_literal=_CHAR,
    decls=frozenset({"var", "const"}),
)
JAVA = Syntax(quotes=(Quote('"""', '"""', multiline=True), _DOUBLE), char_literal=_CHAR)
KOTLIN = Syntax(
    quotes=(
        Quote('"""', '"""', escapes="none", multiline=True, interpolation="${", dollar_names=True),
        Quote('"', '"', interpolation="${", dollar_names=True),
    ),
    nested_comments=True,
    char_literal=_CHAR,
    decls=frozenset({"val", "var", "const"}),
    word_ops=(("to", "=>"),),
)
CSHARP = Syntax(
    quotes=(
        Quote(r'\$+"""', '"""', escapes="none", multiline=True, interpolation="{"),
        Quote('"""', '"""', escapes="none", multiline=True),
        Quote(r'(?:\$@|@\$)"', '"', escapes="doubled", multiline=True, interpolation="{"),
        Quote('@"', '"', escapes="doubled", multiline=True),
        Quote(r'\$"', '"', interpolation="{"),
        _DOUBLE,
    ),
    char_literal=_CHAR,
)
PHP = Syntax(
    quotes=(
        Quote("'", "'", escapes="quote", multiline=True),
        Quote('"', '"', multiline=True, interpolation="{$", dollar_names=True),
    ),
    line_comment=r"//|#(?!\[)",
    name=r"\$?[^\W\d]\w*",
    decls=frozenset({"const"}),
    php_tags=True,
    heredoc=r"<<<[ \t]*(?P<hq>['\"]?)[A-Za-z_]\w*(?P=hq)",
)
RUST = Syntax(
    quotes=(Quote('b?r#*"', '"', escapes="none", multiline=True, hashes=True), _DOUBLE_MULTILINE),
    nested_comments=True,
    prefixed_quotes=True,
    char_literal=_CHAR,
    decls=frozenset({"let", "const", "static"}),
)
SWIFT = Syntax(
    quotes=(
        Quote('#+"""', '"""', escapes="none", multiline=True, interpolation="\\(", hashes=True),
        Quote('#+"', '"', escapes="none", interpolation="\\(", hashes=True),
        Quote('"""', '"""', multiline=True, interpolation="\\("),
        Quote('"', '"', interpolation="\\("),
    ),
    nested_comments=True,
    decls=frozenset({"let", "var"}),
)
SYNTAXES = {
    "javascript": JAVASCRIPT,
    "go": GO,
    "java": JAVA,
    "kotlin": KOTLIN,
    "csharp": CSHARP,
    "php": PHP,
    "rust": RUST,
    "swift": SWIFT,
}
