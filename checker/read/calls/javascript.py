"""JavaScript/TypeScript call sites, read from the C-family lexer's tokens: never run, linear.

A watcher follows the token stream for `X.messages.create(`, `generateText(`, `new
ChatAnthropic(`; at each, a small reader takes the object literal apart. Every token is read
once: what the reader skips (an arrow function in an object, a method body) goes back through the
watcher, so a call nested there is still found. `const` declarations and imports are noted on
the way, so `model: MODEL` can be resolved once the file (and the project) has been read.
Nesting is bounded (deeper values are skipped whole), and so is the number of calls per file.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.read.calls.dialects import (
    AI_SDK_FUNCTIONS,
    AI_SDK_OPTIONS,
    FOREIGN_RECEIVERS,
    LANGCHAIN_CLASSES,
    MESSAGES_METHODS,
    NAMES,
    is_request,
)
from checker.read.calls.js_values import (
    Arr,
    CallV,
    JsValue,
    Lit,
    Names,
    Obj,
    Opaque,
    OrElse,
    Ref,
    Spread,
    entry,
    model_of,
    resolved,
    scalar_of,
    shown,
    turns_of,
)
from checker.read.calls.model import (
    AI_SDK,
    LANGCHAIN,
    UNKNOWN,
    CallSite,
    FileCalls,
    ModelArg,
    Param,
    clipped,
    number,
)
from checker.read.source.c_family import JAVASCRIPT, shared_tokens
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
    Token,
)

if TYPE_CHECKING:
    from checker.scan.kinds import Tier

MAX_CALLS = 1_000
MAX_DEPTH = 32
MAX_NESTING = 16
MAX_ITEMS = 10_000
MAX_CLAUSE_TOKENS = 200
_HINT = re.compile(
    r"\.\s*(?:create|stream|parse|countTokens)\s*\("
    r"|\b(?:generateText|streamText|generateObject|streamObject|ChatAnthropic\w*)\s*\("
)
_MEMBER = frozenset({".", "?."})
_ENDS = frozenset({",", ";"})
_LITERALS = {"true": True, "false": False, "null": None, "undefined": UNKNOWN}
_MUTATORS = frozenset({"push", "pop", "shift", "unshift", "splice", "fill", "sort", "reverse"})
# Tokens the watcher only remembers, and the words of the others kinds that make it act.
_PASSIVE = frozenset({STRING, VALUE, CLOSE})
_WATCHED = {NAME: _MUTATORS, OP: frozenset({"="}), OPEN: frozenset({"("})}
_WATCHED[KEYWORD] = frozenset({"import"})


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    callee: str
    line: int
    column: int
    argument: JsValue | None


def read(text: str, relative: str, tier: Tier) -> FileCalls:
    """The Claude API calls of one JavaScript or TypeScript file, each argument placed."""
    if _HINT.search(text) is None:
        return FileCalls()
    scanner = _Scanner(text, relative)
    scanner.run()
    return FileCalls([site for found in scanner.found if (site := scanner.site(found, tier))],
                     scanner.unread)  # fmt: skip


def module_constants(text: str, relative: str) -> dict[str, ModelArg]:
    """The file's `const` names that hold a model (for the files that import them)."""
    scanner = _Scanner(text, relative)
    scanner.run()
    names = scanner.names
    found = {name: model_of(Ref(name, 0, 0), names) for name in names.constants}
    return {name: arg for name, arg in found.items() if arg.value or arg.pending}


class _Stream:
    """Tokens with a push-back stack."""

    __slots__ = ("back", "source")

    def __init__(self, tokens: Iterator[Token]) -> None:
        self.source = tokens
        self.back: list[Token] = []

    def next(self) -> Token | None:
        return self.back.pop() if self.back else next(self.source, None)

    def push(self, token: Token) -> None:
        self.back.append(token)

    def code(self) -> Token | None:
        """The next token that is not a line break."""
        token = self.next()
        while token is not None and token.kind == NEWLINE:
            token = self.next()
        return token

    def peek(self) -> Token | None:
        token = self.code()
        if token is not None:
            self.push(token)
        return token


class _Scanner:
    """One file's pass: the watcher's window, what the file binds, the calls found."""

    def __init__(self, text: str, relative: str) -> None:
        self.tokens = _Stream(iter(shared_tokens(text, JAVASCRIPT)))
        self.names = Names(relative)
        self.window: deque[Token] = deque(maxlen=12)
        self.found: list[_Found] = []
        self.unread = 0
        self.nesting = 0
        self.depth = 0

    def run(self) -> None:
        """The watcher's loop; most tokens only join the window (the fast path, inlined)."""
        back, source = self.tokens.back, self.tokens.source
        append, step = self.window.append, self.step
        while True:
            token = back.pop() if back else next(source, None)
            if token is None:
                return
            kind, text = token[0], token[1]
            if kind in _PASSIVE or (kind in _WATCHED and text not in _WATCHED[kind]):
                append(token)
            elif kind != NEWLINE:
                step(token)

    def step(self, token: Token) -> bool:
        """Watch one token of code; True when it opened a call that was read to its end."""
        kind, text, window = token.kind, token.text, self.window
        if kind == NEWLINE:
            return False
        if kind == OPEN and text == "(" and self.nesting < MAX_NESTING:
            call = self._call_kind()
            if call is not None:
                self._call(*call)
                window.clear()
                return True
        elif kind == DECL and self.nesting < MAX_NESTING:
            window.clear()
            self._declaration(constant=text == "const")
            return False
        elif kind == KEYWORD and text == "import":
            window.clear()
            self._import()
            return False
        elif len(window) >= 2 and window[-1].text == "." and window[-2].kind == NAME:
            if kind == NAME and text in _MUTATORS:
                self.names.mutated.add(window[-2].text)
        elif kind == OP and text == "=" and len(window) >= 3 and window[-2].text == ".":
            self.names.mutated.add(window[-3].text)
        window.append(token)
        return False

    def _call_kind(self) -> tuple[str, str, Token] | None:
        """The call the window ends with, if it is one this reader knows: (kind, callee, start)."""
        window = self.window
        last = window[-1] if window else None
        if last is None or last.kind != NAME:
            return None
        before = window[-2] if len(window) >= 2 else None
        if last.text in MESSAGES_METHODS and before is not None and before.text in _MEMBER:
            if len(window) < 3 or window[-3].text != "messages":
                return None
            start = len(window) - 3
            while (
                start >= 2 and window[start - 1].text in _MEMBER and window[start - 2].kind == NAME
            ):
                start -= 2
            parts = [window[index].text for index in range(start, len(window), 2)]
            if FOREIGN_RECEIVERS.intersection(parts):
                return None
            return MESSAGES_METHODS[last.text], ".".join(parts), window[start]
        if last.text in AI_SDK_FUNCTIONS and (before is None or before.text != "function"):
            return AI_SDK, last.text, last
        if last.text in LANGCHAIN_CLASSES:
            if before is not None and before.text == "new":
                return LANGCHAIN, f"new {last.text}", before
            return LANGCHAIN, last.text, last
        return None

    def _call(self, kind: str, callee: str, start: Token) -> None:
        """From just past `(`: the first argument, then the rest up to the matching `)`."""
        self.nesting += 1
        self.window.clear()
        try:
            first = self.tokens.code()
            argument = None
            if first is not None and first.kind != CLOSE:
                argument = self._value(first)
                self._rest_of_group()
            if len(self.found) >= MAX_CALLS:
                self.unread += 1
            else:
                self.found.append(_Found(kind, callee, start.line, start.column, argument))
        finally:
            self.nesting -= 1

    def _value(self, token: Token, *, statement: bool = False) -> JsValue:
        """One value starting at `token` (already taken); a terminator is put back. Values
        nested deeper than MAX_DEPTH (counted across calls within calls) are skipped whole."""
        self.window.clear()
        if self._ends(token, statement=statement):
            self.tokens.push(token)
            return Opaque(token.line, token.column)
        if self.depth >= MAX_DEPTH:
            self._skip(token, statement=statement)
            return Opaque(token.line, token.column)
        self.depth += 1
        try:
            return self._read_value(token, statement=statement)
        finally:
            self.depth -= 1

    def _read_value(self, token: Token, *, statement: bool) -> JsValue:
        kind, text, line, column = token.kind, token.text, token.line, token.column
        value: JsValue
        if kind == STRING:
            literal = UNKNOWN if token.interpolated else text
            value = Lit(literal, f'"{text}"', line, column)
        elif kind == VALUE:
            value = Lit(number(text), text, line, column)
        elif kind == OP and text == "-" and (ahead := self.tokens.peek()) and ahead.kind == VALUE:
            self.tokens.code()
            positive = number(ahead.text)
            negative = -positive if isinstance(positive, float) else UNKNOWN
            value = Lit(negative, f"-{ahead.text}", line, column)
        elif kind == OP and text == "...":
            inner = self.tokens.code()
            spread = self._value(inner) if inner is not None else Opaque(line, column)
            return Spread(spread, line, column)
        elif kind == OPEN and text == "{":
            value = self._object(token)
        elif kind == OPEN and text == "[":
            value = self._array(token)
        elif kind == NAME and text in _LITERALS:
            value = Lit(_LITERALS[text], text, line, column)
        elif kind == NAME:
            value = self._name(token)
        else:
            self._skip(token, statement=statement)
            return Opaque(line, column)
        return self._tail(value, statement=statement)

    def _tail(self, value: JsValue, *, statement: bool) -> JsValue:
        """What follows a value: a `??` / `||` fallback, a TypeScript `as`, the end, or more
        expression (then the whole is not a literal)."""
        ahead = self.tokens.next() if statement else self.tokens.code()
        if ahead is None:
            return value
        if self._ends(ahead, statement=statement):
            self.tokens.push(ahead)
            return value
        if ahead.kind == OP and ahead.text in ("??", "||"):
            fallback = self.tokens.code()
            if fallback is None:
                return value
            other = self._value(fallback, statement=statement)
            return OrElse(value, other, value.line, value.column)
        if ahead.text in ("as", "satisfies"):
            kind = self.tokens.code()
            if kind is not None and kind.text != "const":
                self._skip(kind, statement=statement)
            return value
        self._skip(ahead, statement=statement)
        return Opaque(value.line, value.column)

    def _name(self, token: Token) -> JsValue:
        """A name or member path; a call on it (`anthropic("claude-x")`) keeps its first
        argument, and a call this reader knows (`client.messages.create(`) is read as one."""
        path = [token]
        while (ahead := self.tokens.peek()) is not None and ahead.text in _MEMBER:
            self.tokens.code()
            member = self.tokens.code()
            if member is None or member.kind not in (NAME, KEYWORD):
                if member is not None:
                    self.tokens.push(member)
                break
            path += [ahead, member]
        dotted = ".".join(part.text for part in path[::2])
        ahead = self.tokens.peek()
        if ahead is None or ahead.kind != OPEN or ahead.text != "(":
            return Ref(dotted, token.line, token.column)
        self.tokens.code()
        self.window.clear()
        self.window.extend(path)
        call = self._call_kind() if self.nesting < MAX_NESTING else None
        self.window.clear()
        if call is not None:
            self._call(*call)
            return Opaque(token.line, token.column)
        first = self.tokens.code()
        argument = None
        if first is not None and first.kind != CLOSE:
            argument = self._value(first)
            self._rest_of_group()
        return CallV(dotted, argument, token.line, token.column)

    def _object(self, opener: Token) -> Obj:
        entries: dict[str, tuple[int, int, JsValue]] = {}
        spread = False
        while (token := self.tokens.code()) is not None:
            kind, text = token.kind, token.text
            if kind == CLOSE or text == ";":
                if kind != CLOSE:
                    self.tokens.push(token)
                break
            if text == ",":
                continue
            if text == "...":
                spread = True
                self._value(token)
                continue
            if kind == OPEN and text == "[":  # a computed key: its value is not looked at
                self._rest_of_group()
                self._skip_entry()
                continue
            if kind not in (NAME, STRING, KEYWORD, DECL, VALUE):
                self._skip(token, statement=False)
                continue
            ahead = self.tokens.peek()
            if ahead is not None and ahead.text == ":":
                self.tokens.code()
                start = self.tokens.code()
                if start is None:
                    break
                entries[text] = (token.line, token.column, self._value(start))
            elif ahead is None or ahead.kind == CLOSE or ahead.text == ",":
                entries[text] = (token.line, token.column, Ref(text, token.line, token.column))
            else:  # a method, a getter, `async name()`: its body goes back to the watcher
                self._skip_entry()
        return Obj(entries, opener.line, opener.column, spread)

    def _array(self, opener: Token) -> Arr:
        items: list[JsValue] = []
        last: JsValue | None = None
        while (token := self.tokens.code()) is not None:
            if token.kind == CLOSE or token.text == ";":
                if token.kind != CLOSE:
                    self.tokens.push(token)
                break
            if token.text == ",":
                continue
            item = self._value(token)
            if len(items) < MAX_ITEMS:
                items.append(item)
            else:
                last = item
        if last is not None:
            items.append(last)
        return Arr(tuple(items), opener.line, opener.column)

    def _skip_entry(self) -> None:
        """The rest of an object entry, up to its `,` or the object's `}`."""
        token = self.tokens.code()
        if token is not None:
            if self._ends(token, statement=False):
                self.tokens.push(token)
            else:
                self._skip(token, statement=False)

    def _skip(self, token: Token | None, *, statement: bool) -> None:
        """An expression not evaluated, up to its end at this level; every token of it is
        watched (it may hold a call). `token`, its first, is not a terminator."""
        self.window.clear()
        depth = 0
        while token is not None:
            if depth == 0 and self._ends(token, statement=statement):
                self.tokens.push(token)
                return
            if not self.step(token):
                if token.kind == OPEN:
                    depth += 1
                elif token.kind == CLOSE:
                    depth -= 1
            token = self.tokens.next()

    def _rest_of_group(self) -> None:
        """Up to and including the `)`, `]` or `}` that closes the group already opened."""
        self.window.clear()
        depth = 0
        while (token := self.tokens.next()) is not None:
            if self.step(token):
                continue
            if token.kind == OPEN:
                depth += 1
            elif token.kind == CLOSE:
                if depth == 0:
                    return
                depth -= 1

    def _ends(self, token: Token, *, statement: bool) -> bool:
        if token.kind == CLOSE:
            return True
        if token.kind == NEWLINE:
            return statement
        return token.kind == OP and token.text in _ENDS

    def _declaration(self, *, constant: bool) -> None:
        """`const NAME [: Type] = value`: the name's one value; `let`/`var` names are noted as
        bound, so that a `const` of the same name elsewhere is not trusted."""
        name = self.tokens.code()
        if name is None or name.kind != NAME:
            if name is not None:
                self.tokens.push(name)
            return
        if not constant:
            self.names.declare(name.text, None)
            return
        self.nesting += 1
        try:
            self._constant(name)
        finally:
            self.nesting -= 1

    def _constant(self, name: Token) -> None:
        ahead = self.tokens.code()
        if ahead is not None and ahead.text == ":":
            ahead = self._past_type()
        if ahead is None or ahead.text != "=":
            if ahead is not None:
                self.tokens.push(ahead)
            self.names.declare(name.text, None)
            return
        start = self.tokens.code()
        value = self._value(start, statement=True) if start is not None else None
        if isinstance(value, CallV) and value.callee == "require":
            module = value.first.value if isinstance(value.first, Lit) else None
            if isinstance(module, str):
                self.names.imports[name.text] = (module, "*")
        self.names.declare(name.text, value)

    def _past_type(self) -> Token | None:
        """Skip a type annotation; the `=` after it (or whatever ended it)."""
        depth = 0
        for _ in range(MAX_CLAUSE_TOKENS):
            token = self.tokens.code()
            if token is None:
                return None
            if token.kind == OPEN:
                depth += 1
            elif token.kind == CLOSE:
                if depth == 0:
                    return token
                depth -= 1
            elif depth == 0 and (token.text == "=" or token.text in _ENDS):
                return token
        return None

    def _import(self) -> None:
        """`import X, { A, B as C } from "m"` and `import * as ns from "m"`; anything else
        (`import("m")`, `import.meta`, a broken clause) is left to the watcher."""
        bound: list[tuple[str, str]] = []
        token = self.tokens.code()
        if token is not None and token.kind == NAME and token.text == "type":
            token = self.tokens.code()  # `import type {...}`: types, nothing to bind
        if token is not None and token.kind == NAME:
            bound.append((token.text, "default"))
            token = self.tokens.code()
            if token is not None and token.text == ",":
                token = self.tokens.code()
        if token is not None and token.text == "*":
            alias = self._alias()
            bound += [(alias, "*")] if alias else []
            token = self.tokens.code()
        elif token is not None and token.text == "{":
            bound += self._import_list()
            token = self.tokens.code()
        if token is None or token.text != "from":
            if token is not None:
                self.tokens.push(token)
            return
        module = self.tokens.code()
        if module is not None and module.kind == STRING:
            for local, name in bound:
                self.names.imports[local] = (module.text, name)
        elif module is not None:
            self.tokens.push(module)

    def _import_list(self) -> list[tuple[str, str]]:
        bound: list[tuple[str, str]] = []
        for _ in range(MAX_CLAUSE_TOKENS):
            token = self.tokens.code()
            if token is None or token.kind == CLOSE:
                break
            if token.kind == NAME and token.text != "type":
                ahead = self.tokens.peek()
                alias = self._alias() if ahead is not None and ahead.text == "as" else ""
                bound.append((alias or token.text, token.text))
        return bound

    def _alias(self) -> str:
        """`as NAME` after `*` or an imported name."""
        token = self.tokens.code()
        if token is None or token.text != "as":
            if token is not None:
                self.tokens.push(token)
            return ""
        name = self.tokens.code()
        return name.text if name is not None and name.kind == NAME else ""

    def site(self, found: _Found, tier: Tier) -> CallSite | None:
        """A call whose first argument is an object (written there or held by a constant)."""
        names = self.names
        body = resolved(found.argument, names)
        if not isinstance(body, Obj):
            return None
        site = CallSite(names.origin, found.line, found.column, found.kind, found.callee)
        site.tier, site.opaque = tier, body.spread
        spelled = NAMES[found.kind]
        for key, (line, column, value) in body.entries.items():
            if found.kind == AI_SDK and key == AI_SDK_OPTIONS[0]:
                options = entry(value, AI_SDK_OPTIONS[1], names)
                thinking = entry(options[2], "thinking", names) if options else None
                if thinking is not None:
                    written = ".".join((*AI_SDK_OPTIONS, "thinking"))
                    self._thinking(site, written, thinking[2], thinking[0], thinking[1])
                continue
            name = spelled.get(key)
            if name is None:
                continue
            if name == "model":
                site.model = model_of(value, names)
                continue
            if name == "messages":
                site.messages = turns_of(value, names)
            elif name == "thinking":
                self._thinking(site, key, value, line, column)
                continue
            quoted = clipped(f"{key}: {shown(value)}")
            site.params[name] = Param(name, key, scalar_of(value, names), quoted, line, column)
        return site if is_request(site) else None

    def _thinking(
        self, site: CallSite, written: str, value: JsValue, line: int, column: int
    ) -> None:
        kind = entry(value, "type", self.names)
        quoted = clipped(f"{written}: {shown(resolved(value, self.names))}")
        site.params["thinking"] = Param("thinking", written, UNKNOWN, quoted, line, column)
        if kind is not None:
            scalar = scalar_of(kind[2], self.names)
            if isinstance(value, Obj):  # written in place; a constant's is placed at the key
                line, column = kind[2].line, kind[2].column
            site.params["thinking.type"] = Param(
                "thinking.type", written, scalar, quoted, line, column
            )
