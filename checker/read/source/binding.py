"""From tokens to the string literals a model check cares about, each with the name it is bound to.

Every lexer of this package reduces its language to the same tokens (`model.Token`), so the rules
of SPEC section 2 live here once: assignment and declaration targets, keyword arguments, keys and
fields, lists bound to a name, and the defaults of environment lookups, which are returned with the
looked-up variable as their name (`os.getenv("CLAUDE_MODEL", "claude-x")` -> `CLAUDE_MODEL`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.read.source.model import (
    BREAK,
    CLOSE,
    DECL,
    KEYWORD,
    NAME,
    NEWLINE,
    OP,
    OPEN,
    RESET,
    STRING,
    SourceString,
    Token,
)

SIGNALS = ("claude", "anthropic.", "sonnet", "opus", "haiku", "fable", "mythos")
# A text holding none of these yields nothing: no signal, and no name with `model` in it.
WANTED_WORDS = (*SIGNALS, "model")
MAX_STRINGS = 10_000
MAX_DEPTH = 1_000

# Keyword names that say nothing about the value: `Field(default="x")` keeps the field's name.
TRANSPARENT = frozenset({"default", "value", "fallback", "defaultvalue", "default_value"})
# Keywords after which a `:` ends a header (`if x:`, `case "a":`, `def f() -> str:`).
HEADERS = frozenset({"case", "if", "elif", "else", "for", "while", "with", "except", "def"})
HEADERS |= {"class", "try", "finally", "match", "->"}
# Words and marks whose `:` is part of an expression (`a ? b : c`, `lambda m: x`), not a key's.
COLON_OWNERS = frozenset({"?", "lambda"})
ASSIGN = frozenset({"=", ":=", "+=", "??=", "||=", "=>"})
OR_ELSE = frozenset({"||", "??", "?:"})
MEMBER = frozenset({".", "::", "->", "?."})
# Names whose `[...]` or `.NAME` reads an environment variable.
ENV_HOLDERS = frozenset({"env", "environ", "ENV", "_ENV", "_SERVER", "environment"})
# Calls that read an environment variable, with the qualifiers they need (empty: any).
ENV_CALLS: dict[str, frozenset[str]] = {
    "getenv": frozenset(),
    "Getenv": frozenset(),
    "GetEnvironmentVariable": frozenset(),
    "env": frozenset(),
    "get": frozenset({"environ", "env"}),
    "fetch": frozenset({"ENV"}),
    "var": frozenset({"env"}),
    "setdefault": frozenset({"environ"}),
    "getOrDefault": frozenset({"getenv()"}),
    "getProperty": frozenset({"System"}),
}
# Methods chained on a lookup whose first string is its default (Rust, Java, Kotlin).
CHAIN_DEFAULTS = frozenset({"unwrap_or", "unwrap_or_else", "orElse", "or_else", "getOrElse"})

_CALL, _INDEX = 1, 2
_PLACEHOLDER = re.compile(
    r"\$\{(?:(?P<shell>[A-Za-z_]\w*)(?::-|:=|-|=|:)|(?P<dotted>[A-Za-z_][\w.\-]*):)"
    r"(?P<default>[^{}$]*)\}"
)
_NOTHING = Token(OPEN, "", 0, 0)


def has_signal(value: str) -> bool:
    """Whether a value names Claude or one of its model families."""
    low = value.lower()
    return any(word in low for word in SIGNALS)


@dataclass(slots=True)
class _Frame:
    """One open bracket, and the clause (statement, argument, element) being read inside it."""

    opener: str = ""
    inherited: str = ""
    callee: str = ""
    env: int = 0
    env_key: str | None = None
    env_default: str | None = None
    defaulted: bool = False
    arg: int = 0
    count: int = 0
    first: str | None = None
    own: str = ""
    last_name: str = ""
    decl: int = 0
    decl_target: str = ""
    annot: str = ""
    called: str = ""
    colons: int = 0
    header: bool = False

    def reset(self) -> None:
        self.own = self.last_name = self.decl_target = self.annot = self.called = ""
        self.decl = self.colons = 0
        self.header = False

    def bind(self, name: str, *, keyword: bool = True) -> None:
        """Make `name` the binding; a keyword or key that says nothing (`default=`) is skipped."""
        if not keyword or name.lower() not in TRANSPARENT:
            self.own = name


class Binder:
    """Reads tokens one at a time, keeping only what a binding needs: open brackets, last tokens."""

    def __init__(self) -> None:
        self.results: list[SourceString] = []
        self._stack = [_Frame()]
        self._overflow = 0
        self._p1 = self._p2 = self._p3 = _NOTHING
        self._soft_break = False
        self._pending: str | None = None
        self._awaiting: str | None = None
        self._key_candidate = 0
        self._last_closed = ""

    def bind(self, tokens: Iterable[Token]) -> list[SourceString]:
        """The wanted strings of a token stream, at most `MAX_STRINGS` of them."""
        for token in tokens:
            self.feed(token)
            if len(self.results) >= MAX_STRINGS:
                del self.results[MAX_STRINGS:]
                break
        return self.results

    def feed(self, token: Token) -> None:
        kind = token.kind
        if kind == NEWLINE:
            self._soft_break = True
            return
        if kind in (BREAK, RESET):
            self._break(everything=kind == RESET)
            return
        top = self._stack[-1]
        if self._soft_break:
            self._soft_break = False
            if top.opener in ("", "{") and kind != OP and self._p1.kind not in (OP, OPEN):
                top.reset()
        pending, self._pending = self._pending, None
        awaiting, self._awaiting = self._awaiting, None
        key_candidate, self._key_candidate = self._key_candidate, 0
        if kind != CLOSE:
            top.count += 1
        if kind == STRING:
            self._string(top, token, awaiting)
        elif kind == NAME:
            self._name(top, token.text, pending)
        elif kind == OPEN:
            self._open(top, token.text, pending)
        elif kind == CLOSE:
            self._close(pending)
        elif kind == OP:
            self._op(top, token.text, pending, key_candidate)
        elif kind == DECL:
            top.decl = top.decl or 1
        elif kind == KEYWORD and token.text in HEADERS:
            top.header = True
        elif kind == KEYWORD and token.text in COLON_OWNERS:
            top.colons += 1
        self._p3, self._p2, self._p1 = self._p2, self._p1, token

    def _break(self, *, everything: bool) -> None:
        if everything:
            del self._stack[1:]
            self._overflow = 0
        self._stack[-1].reset()
        self._soft_break = False
        self._pending = self._awaiting = None
        self._p1 = self._p2 = self._p3 = _NOTHING

    def _string(self, top: _Frame, token: Token, awaiting: str | None) -> None:
        if top.count == 1:
            top.first = token.text
        if token.interpolated:
            return
        if awaiting is not None:
            self._emit(token, awaiting, awaiting)
        elif top.env_default is not None:
            self._emit(token, top.env_default, top.env_default)
            top.env_default = None
        elif top.env and top.arg == 0 and top.env_key is None and top.count == 1:
            top.env_key = token.text
            self._emit(token, "", "")
        elif top.env == _CALL and top.arg == 1 and top.env_key is not None and not top.defaulted:
            top.defaulted = True
            self._emit(token, top.env_key, top.env_key)
        else:
            before = len(self.results)
            self._emit(token, top.own or top.inherited, "")
            if not has_signal(token.text):
                self._key_candidate = len(self.results) - before

    def _name(self, top: _Frame, word: str, pending: str | None) -> None:
        if self._p1.text == "." and self._p2.kind == NAME and self._p2.text == "env":
            self._pending = word
        elif pending is not None and word in CHAIN_DEFAULTS and self._p1.text in MEMBER:
            self._pending = pending
        top.last_name = word
        if top.decl == 1:
            top.decl_target = word
            top.decl = 2

    def _open(self, top: _Frame, opener: str, pending: str | None) -> None:
        p1 = self._p1
        callee = p1.text if p1.kind == NAME else ""
        block = opener == "{" and (p1.kind in (CLOSE, KEYWORD) or p1.text == "=>")
        inherited = "" if block else top.own or top.inherited
        if opener == "(" and "model" in callee.lower():
            inherited = callee
        frame = _Frame(opener, inherited, callee)
        if opener == "(":
            if pending is not None and callee in CHAIN_DEFAULTS:
                frame.env_default = pending
            elif callee in ENV_CALLS and self._qualified(ENV_CALLS[callee]):
                frame.env = _CALL
        elif opener == "[" and callee in ENV_HOLDERS:
            frame.env = _INDEX
        elif opener == "{" and pending is not None and p1.kind == CLOSE:
            frame.env_default = pending
        if len(self._stack) < MAX_DEPTH:
            self._stack.append(frame)
        else:
            self._overflow += 1

    def _qualified(self, qualifiers: frozenset[str]) -> bool:
        if not qualifiers:
            return True
        if self._p2.text not in MEMBER:
            return False
        p3 = self._p3
        qualifier = p3.text if p3.kind == NAME else f"{self._last_closed}()"
        return qualifier in qualifiers if p3.kind in (NAME, CLOSE) else False

    def _close(self, pending: str | None) -> None:
        if self._overflow:
            self._overflow -= 1
            return
        if len(self._stack) == 1:
            return
        frame = self._stack.pop()
        top = self._stack[-1]
        if frame.env and frame.env_key is not None and not frame.defaulted:
            self._pending = frame.env_key
        elif pending is not None:
            self._pending = pending
        if frame.opener == "[" and frame.count == 1 and frame.first is not None:
            top.last_name = frame.first
        elif frame.opener == "(":
            top.called = frame.callee
        self._last_closed = frame.callee

    def _op(self, top: _Frame, op: str, pending: str | None, key_candidate: int) -> None:
        if op == ",":
            top.arg += 1
            top.reset()
            if pending is not None and top.callee == "Or" and top.arg == 1:
                top.env, top.env_key = _CALL, pending
        elif op == ";":
            top.reset()
        elif op in MEMBER:
            self._pending = pending
        elif op in OR_ELSE and pending is not None:
            self._awaiting = pending
        elif op in COLON_OWNERS:
            top.colons += 1
        elif op in (":", "?:"):
            self._colon(top, key_candidate)
        elif op in ASSIGN:
            self._assign(top, op, key_candidate)

    def _colon(self, top: _Frame, key_candidate: int) -> None:
        p1 = self._p1
        if top.colons:
            top.colons -= 1
        elif top.header:
            top.reset()
        elif p1.kind == NAME:
            top.bind(p1.text)
            top.annot = p1.text
        elif p1.kind == STRING and top.opener in ("{", "["):
            self._drop_key(key_candidate)
            top.bind(p1.text)
        elif p1.kind == CLOSE and top.called:
            top.annot = top.called

    def _assign(self, top: _Frame, op: str, key_candidate: int) -> None:
        p1 = self._p1
        if op == "=>":
            if p1.kind not in (NAME, STRING):
                return
            self._drop_key(key_candidate)
            target = p1.text
        else:
            target = top.decl_target or top.annot or top.last_name
        top.bind(target, keyword=not top.decl_target and top.opener in ("(", "{", "["))
        top.decl_target = top.annot = ""
        top.decl = 2

    def _drop_key(self, key_candidate: int) -> None:
        """A key that passed the filter only by its container's name is a name, not a value."""
        if key_candidate:
            del self.results[-key_candidate:]

    def _emit(self, token: Token, bound: str, default_of: str) -> None:
        value = token.text
        if "${" in value and self._placeholders(token):
            return
        if has_signal(value) or "model" in bound.lower():
            self.results.append(SourceString(value, token.line, token.column, bound, default_of))

    def _placeholders(self, token: Token) -> bool:
        """Emit each `${VAR:-default}` / `${prop:default}` of a literal; False when it has none.

        A default is placed by finding the same placeholder in the literal's source text, so one
        written with escapes in it is left out rather than given a wrong column.
        """
        decoded = list(_PLACEHOLDER.finditer(token.text))
        if not decoded:
            return False
        raw = list(_PLACEHOLDER.finditer(token.raw))
        for found, written in zip(decoded, raw, strict=False):
            default = found.group("default")
            if not default or written.group("default") != default:
                continue
            name = found.group("shell") or found.group("dotted") or ""
            at = written.start("default")
            newlines = token.raw.count("\n", 0, at)
            line = token.raw_line + newlines
            column = token.raw_column + at if not newlines else at - token.raw.rfind("\n", 0, at)
            if has_signal(default) or "model" in name.lower():
                self.results.append(SourceString(default, line, column, name, name))
        return True


def bind(tokens: Iterable[Token]) -> list[SourceString]:
    """The wanted strings of one file's tokens."""
    return Binder().bind(tokens)
