"""HCL (Terraform `*.tf`, `*.tfvars`) values with positions: a hand-written, linear-time scan.

No parser dependency and no recursion: one tokenizer pass feeds an explicit stack of open block
bodies, objects, tuples and expression groups (calls, parentheses, indexes, `for` expressions), so
nesting costs a list entry, and more than `MAX_DEPTH` open levels skip the file.

Key paths:
- an attribute is its name (`claude_model`); a block adds its type and labels, dotted:
  `resource "aws_lambda_function" "api" { timeout = 30 }` gives
  `resource.aws_lambda_function.api.timeout`;
- an object element adds `.KEY` (the identifier, the quoted key's text, or the source text of a
  key expression such as `(var.k)`); a tuple element adds `[i]`;
- recorded: string literals (escapes decoded; a string with `${...}` or `%{...}` keeps its raw text
  between the quotes), heredoc bodies, and numbers and bools that are a whole value; identifiers,
  references and `null` are not;
- a value that is an expression (call, operator, conditional, `for`) records each string literal in
  it under the value's path, and objects and tuples inside it add their keys and indices:
  `model = lookup(var.m, "prod", "claude-x")` gives `model` ("prod") and `model#2` ("claude-x"),
  `tags = merge(local.tags, { Model = "x" })` gives `tags.Model`;
- a key path met again in the file (the 2nd+ literal of one expression, a repeated nested block
  such as `ingress { }`) gets `#2`, `#3`, ...: HCL forbids redefining a key, so nothing is an
  override and every literal is kept.

Positions are the value's first character: the opening quote of a quoted string (as the other
parsers place quoted values), for a heredoc its first body line at column 1, or past the common
indent that `<<-` removes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.workspace.limits import MAX_DEPTH
from checker.workspace.parsers.common import LineIndex, ParseError, SkipError, Values, join_key

_STRING, _TEMPLATE, _HEREDOC, _NUMBER, _IDENT, _PUNCT, _NEWLINE, _END = range(8)
_OPERANDS = frozenset({_STRING, _TEMPLATE, _HEREDOC, _NUMBER, _IDENT})
Token = tuple[int, int, int, str]  # kind, start offset, end offset, text (a string's value)

_TOKEN = re.compile(
    r"(?P<space>[ \t\r\ufeff]+)|(?P<newline>\n)|(?P<comment>(?:#|//)[^\n]*)|(?P<block>/\*)"
    r"|(?P<heredoc><<(?P<flush>-?)(?P<marker>[^\W\d][\w-]*)[ \t]*\r?\n)|(?P<string>\")"
    r"|(?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<ident>[^\W\d][\w-]*)"
    r"|(?P<punct>=>|==|!=|<=|>=|&&|\|\||\.\.\.|[{}\[\]()=:,?.*+\-/%<>!])"
)
_PLAIN_STRING = re.compile(r'"((?:[^"\\\n$%]++|\\.|[$%](?!\{))*+)"')
_STRING_STOP = re.compile(r'["\\\n]|\$\$?\{|%%?\{')  # `$${` and `%%{` are escapes
_TEMPLATE_STOP = re.compile(r'["{}]')
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))|\$\$\{|%%\{", re.DOTALL)
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_OPENER_OF = {"}": "{", "]": "[", ")": "("}
_CLOSERS = frozenset(_OPENER_OF)
_IN_STRING = -1  # on the template scan's stack; an interpolation's entry is its open-brace count

_BODY, _OBJECT, _TUPLE, _GROUP = range(4)
_ITEM, _HEADER, _KEY, _AFTER_KEY, _VALUE = range(5)


def parse_hcl(text: str, values: Values) -> None:
    """Record every literal leaf; unbalanced or unterminated input is CFG001."""
    _Parser(text, values).parse()


class _Frame:
    """One open level: a body, an object, a tuple or an expression group, and its current value."""

    __slots__ = (
        "closer",
        "first",
        "fresh",
        "index",
        "key_count",
        "key_start",
        "key_token",
        "kind",
        "labels",
        "name",
        "opened",
        "path",
        "place",
        "record",
        "state",
    )

    def __init__(self, kind: int, path: str, closer: str, opened: int, record: bool) -> None:
        self.kind = kind
        self.path = path
        self.closer = closer
        self.opened = opened
        self.record = record  # False inside a key expression: its literals are not values
        self.state = _ITEM if kind == _BODY else _KEY if kind == _OBJECT else _VALUE
        self.place = f"{path}[0]" if kind == _TUPLE else path  # key path of the current value
        self.first = kind == _TUPLE  # the next token starts the current value
        self.fresh = True  # nothing read yet: `{ for` / `[ for` make this a `for` expression
        self.index = 0
        self.name = ""
        self.labels: list[str] = []
        self.key_start = 0
        self.key_count = 0
        self.key_token: Token = (_END, 0, 0, "")


class _Parser:
    def __init__(self, text: str, values: Values) -> None:
        self.text = text
        self.values = values
        self.lines = LineIndex(text)
        self.seen: dict[str, int] = {}
        self.stack = [_Frame(_BODY, "", "", 0, record=True)]
        self.tokens = self._tokens()
        self.ahead: Token | None = None
        self.after_operand = False  # the previous token ended an operand: `[` is an index
        self.last_end = 0
        self.minus: int | None = None  # offset of a leading `-` before a number

    def parse(self) -> None:
        nul = self.text.find("\0")
        if nul != -1:
            raise self._error("NUL byte", nul)
        handlers = (self._body, self._object, self._tuple, self._group)
        while True:
            token = self._next()
            if token[0] == _END:
                self._finish(token)
                return
            frame = self.stack[-1]
            handlers[frame.kind](frame, token)
            kind = token[0]
            self.after_operand = kind in _OPERANDS or (kind == _PUNCT and token[3] in _CLOSERS)
            self.last_end = token[2]

    # the frames

    def _body(self, frame: _Frame, token: Token) -> None:
        kind, start, _, text = token
        if frame.state == _VALUE:
            if kind != _NEWLINE and not (kind == _PUNCT and text == "}" and frame.closer):
                self._value(frame, token)
                return
            if frame.first:
                raise self._error(f"expected a value for `{frame.name}`", start)
            frame.state = _ITEM
        elif frame.state == _HEADER:
            if kind in (_STRING, _TEMPLATE, _IDENT):
                frame.labels.append(text)
            elif kind == _PUNCT and text == "=" and not frame.labels:
                frame.state, frame.first = _VALUE, True
                frame.place = join_key(frame.path, frame.name)
            elif kind == _PUNCT and text == "{":
                path = ".".join([frame.name, *frame.labels])
                frame.state = _ITEM
                self._push(_BODY, join_key(frame.path, path), "}", start, record=True)
            else:
                raise self._error(f"expected `=` or `{{` after `{frame.name}`", start)
            return
        if kind == _NEWLINE:
            return
        if kind == _IDENT:
            frame.name, frame.labels, frame.state = text, [], _HEADER
        elif kind == _PUNCT and text == "}" and frame.closer:
            self.stack.pop()
        elif kind == _PUNCT and text in _CLOSERS:
            raise self._error(f"unexpected `{text}`", start)
        else:
            raise self._error("expected an attribute or a block", start)

    def _object(self, frame: _Frame, token: Token) -> None:
        kind, start, _, text = token
        punct = text if kind == _PUNCT else ""
        if frame.state == _VALUE:
            if kind != _NEWLINE and punct not in (",", "}"):
                self._value(frame, token)
                return
            if frame.first:
                raise self._error("expected a value", start)
            frame.state = _KEY
            if punct != "}":
                return
        if frame.state == _KEY:
            if kind == _NEWLINE or punct == ",":
                return
            if punct == "}":
                self.stack.pop()
                return
            if frame.fresh and kind == _IDENT and text == "for" and not self._peek_key_end():
                frame.kind, frame.first = _GROUP, False
                return
            frame.fresh = False
            frame.state, frame.key_start, frame.key_count = _AFTER_KEY, start, 0
            frame.key_token = token
        if punct in ("=", ":") and frame.key_count:
            frame.state, frame.first = _VALUE, True
            frame.place = join_key(frame.path, self._key(frame))
            return
        if kind == _NEWLINE or punct in (",", "}", "=", ":"):
            raise self._error("expected `key = value`", start)
        frame.key_count += 1
        if punct in ("{", "[", "("):
            self._push(_GROUP, "", {"{": "}", "[": "]", "(": ")"}[punct], start, record=False)
        elif punct in _CLOSERS:
            raise self._closer_error(frame, token)

    def _tuple(self, frame: _Frame, token: Token) -> None:
        kind, start, _, text = token
        if kind == _NEWLINE:
            return
        if frame.fresh:
            frame.fresh = False
            if kind == _IDENT and text == "for" and self._peek()[0] == _IDENT:
                frame.kind, frame.first, frame.place = _GROUP, False, frame.path
                return
        if kind == _PUNCT and text == ",":
            if frame.first:
                raise self._error("expected a value", start)
            frame.index += 1
            frame.place, frame.first = f"{frame.path}[{frame.index}]", True
        elif kind == _PUNCT and text == "]":
            self.stack.pop()
        else:
            self._value(frame, token)

    def _group(self, frame: _Frame, token: Token) -> None:
        if token[0] == _NEWLINE:
            return
        if token[0] == _PUNCT and token[3] == frame.closer:
            self.stack.pop()
        else:
            self._value(frame, token)

    def _value(self, frame: _Frame, token: Token) -> None:
        """One token of the frame's current value (its terminators are the caller's business)."""
        kind, start, _, text = token
        first, minus = frame.first, self.minus
        frame.first, self.minus = False, None
        if kind in (_STRING, _TEMPLATE, _HEREDOC):
            if frame.record:
                self._emit(frame.place, text, start)
        elif kind == _NUMBER or (kind == _IDENT and text in ("true", "false")):
            if first and frame.record and self._value_ends(frame):
                if minus is None:
                    self._emit(frame.place, text, start)
                else:
                    self._emit(frame.place, f"-{text}", minus)
        elif kind != _PUNCT:
            return
        elif text == "-" and first and minus is None:
            frame.first, self.minus = True, start
        elif text == "{":
            self._push(_OBJECT, frame.place, "}", start, frame.record)
        elif text == "[":
            tuple_or_index = _GROUP if self.after_operand and not first else _TUPLE
            self._push(tuple_or_index, frame.place, "]", start, frame.record)
        elif text == "(":
            self._push(_GROUP, frame.place, ")", start, frame.record)
        elif text in _CLOSERS:
            raise self._closer_error(frame, token)

    def _finish(self, token: Token) -> None:
        frame = self.stack[-1]
        if len(self.stack) > 1:
            raise self._error(f"`{_OPENER_OF[frame.closer]}` is never closed", frame.opened)
        if frame.state == _HEADER:
            raise self._error(f"expected `=` or `{{` after `{frame.name}`", token[1])
        if frame.state == _VALUE and frame.first:
            raise self._error(f"expected a value for `{frame.name}`", token[1])

    # helpers

    def _push(self, kind: int, path: str, closer: str, opened: int, record: bool) -> None:
        if len(self.stack) > MAX_DEPTH:
            raise SkipError(f"nested deeper than {MAX_DEPTH} levels")
        self.stack.append(_Frame(kind, path, closer, opened, record))

    def _key(self, frame: _Frame) -> str:
        kind, _, _, text = frame.key_token
        if frame.key_count == 1 and kind in (_IDENT, _NUMBER, _STRING, _TEMPLATE):
            return text
        return self.text[frame.key_start : self.last_end]

    def _value_ends(self, frame: _Frame) -> bool:
        """The next token ends the frame's current value: a lone literal, not an operand."""
        kind, _, _, text = self._peek()
        if kind in (_NEWLINE, _END):
            return True
        if kind != _PUNCT:
            return False
        if frame.kind == _BODY:
            return text == "}" and bool(frame.closer)
        if frame.kind == _OBJECT:
            return text in (",", "}")
        return frame.kind == _TUPLE and text in (",", "]")

    def _peek_key_end(self) -> bool:
        kind, _, _, text = self._peek()
        return kind == _PUNCT and text in ("=", ":")

    def _emit(self, path: str, value: str, offset: int) -> None:
        count = self.seen.get(path, 0) + 1
        self.seen[path] = count
        line, column = self.lines.position(offset)
        self.values.add(path if count == 1 else f"{path}#{count}", value, line, column)

    def _error(self, message: str, offset: int) -> ParseError:
        line, column = self.lines.position(offset)
        return ParseError(f"invalid HCL: {message}", line, column)

    def _closer_error(self, frame: _Frame, token: Token) -> ParseError:
        if not frame.closer:
            return self._error(f"unexpected `{token[3]}`", token[1])
        line, _ = self.lines.position(frame.opened)
        opener = _OPENER_OF[frame.closer]
        return self._error(f"`{token[3]}` does not close the `{opener}` of line {line}", token[1])

    def _next(self) -> Token:
        if self.ahead is not None:
            token, self.ahead = self.ahead, None
            return token
        return next(self.tokens)

    def _peek(self) -> Token:
        if self.ahead is None:
            self.ahead = next(self.tokens)
        return self.ahead

    # the tokenizer

    def _tokens(self) -> Iterator[Token]:
        text, size, pos = self.text, len(self.text), 0
        match = _TOKEN.match
        while pos < size:
            found = match(text, pos)
            if found is None:
                raise self._error(f"unexpected character {text[pos]!r}", pos)
            group, end = found.lastgroup, found.end()
            if group == "ident":
                yield (_IDENT, pos, end, found.group())
            elif group == "punct":
                yield (_PUNCT, pos, end, found.group())
            elif group == "newline":
                yield (_NEWLINE, pos, end, "\n")
            elif group == "string":
                token = self._string(pos)
                end = token[2]
                yield token
            elif group == "number":
                yield (_NUMBER, pos, end, found.group())
            elif group == "heredoc":
                token = self._heredoc(found)
                end = token[2]
                yield token
            elif group == "block":
                close = text.find("*/", pos + 2)
                if close == -1:
                    raise self._error("unterminated comment", pos)
                end = close + 2
                if text.count("\n", pos, end):
                    yield (_NEWLINE, pos, end, "\n")
            pos = end
        yield (_END, size, size, "")

    def _string(self, start: int) -> Token:
        """A quoted string from its opening quote: the decoded value, or a template's raw text."""
        text = self.text
        plain = _PLAIN_STRING.match(text, start)
        if plain is not None:
            return (_STRING, start, plain.end(), self._decode(plain.group(1), start + 1))
        stack = [_IN_STRING]
        pos, template = start + 1, False
        while stack:
            if stack[-1] == _IN_STRING:
                found = _STRING_STOP.search(text, pos)
                if found is None or found.group() == "\n":
                    raise self._error("unterminated string", start)
                char, pos = found.group(), found.end()
                if char == '"':
                    stack.pop()
                elif char == "\\":
                    pos += 1
                elif len(char) == 2:
                    stack.append(0)
                    template = True
            else:
                found = _TEMPLATE_STOP.search(text, pos)
                if found is None:
                    raise self._error("unterminated string", start)
                char, pos = found.group(), found.end()
                if char == '"':
                    if len(stack) > MAX_DEPTH:
                        raise SkipError(f"nested deeper than {MAX_DEPTH} levels")
                    stack.append(_IN_STRING)
                elif char == "{":
                    stack[-1] += 1
                elif stack[-1]:
                    stack[-1] -= 1
                else:
                    stack.pop()
        raw = text[start + 1 : pos - 1]
        if template:
            return (_TEMPLATE, start, pos, raw)
        return (_STRING, start, pos, self._decode(raw, start + 1))

    def _decode(self, raw: str, offset: int) -> str:
        if "\\" not in raw and "$${" not in raw and "%%{" not in raw:
            return raw

        def replace(found: re.Match[str]) -> str:
            if found.group(0) in ("$${", "%%{"):
                return found.group(0)[1:]
            code = found.group(1) or found.group(2)
            if code is not None:
                point = int(code, 16)
                if point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF:
                    return chr(point)
            elif found.group(3) in _ESCAPES:
                return _ESCAPES[found.group(3)]
            raise self._error(f"invalid escape {found.group(0)!r}", offset + found.start())

        return _ESCAPE.sub(replace, raw)

    def _heredoc(self, opener: re.Match[str]) -> Token:
        """`<<EOT` / `<<-EOT` to its closing marker line: the body, placed at its first line."""
        text, marker = self.text, opener.group("marker")
        body_start = pos = opener.end()
        lines: list[str] = []
        while True:
            newline = text.find("\n", pos)
            line_end = len(text) if newline == -1 else newline
            line = text[pos:line_end].removesuffix("\r")
            if line.strip(" \t") == marker:
                break
            if newline == -1:
                raise self._error(f"heredoc `{marker}` is never closed", opener.start())
            lines.append(line)
            pos = newline + 1
        indent = 0
        if opener.group("flush"):
            indent = min(
                (len(line) - len(line.lstrip(" \t")) for line in lines if line.strip(" \t")),
                default=0,
            )
            lines = [line[indent:] for line in lines]
        shift = indent if lines and lines[0] else 0
        return (_HEREDOC, body_start + shift, line_end, "".join(f"{line}\n" for line in lines))
