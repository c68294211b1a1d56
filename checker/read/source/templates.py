"""Templates (ERB, Jinja, Django, Handlebars, Liquid, HTML, Vue, Svelte): attributes and tag code.

What counts: quoted attribute values (bound to the attribute's name), the strings of the code in
`{{ }}`, `{% %}`, `<% %>` and `<script>`, and the options of a `<select>`, whose values and labels
are bound to the select's name (`<select name="model">` -> `model`). `<!-- -->`, `{# #}`, `<%# %>`
and `{{! }}` are comments. Vue/Alpine/Angular directive values (`:value="'x'"`) are code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Generator, Iterator

from checker.read.source.binding import bind
from checker.read.source.c_family import JAVASCRIPT, Quote, Syntax, lex
from checker.read.source.lexing import advance
from checker.read.source.model import NAME, OP, RESET, STRING, SourceString, Token

EXPRESSION = Syntax(
    quotes=(Quote('"', '"'), Quote("'", "'"), Quote("`", "`", multiline=True, interpolation="${")),
    line_comment="",
    block_comment=False,
    name=r"(?:[^\W\d]|\$)[\w$]*",
    word_ops=(("or", "||"), ("and", "&&")),
)
MAX_SELECTS = 100
_MARKUP = re.compile(r"<!--|<%|\{\{|\{%|\{#|</?[A-Za-z][\w:.-]*")
_CLOSERS = {"{{": "}}", "{%": "%}", "<%": "%>"}
_COMMENTS = (("<%#", "%>"), ("{{!--", "--}}"), ("{{!", "}}"))
_SVELTE_BLOCK = re.compile(r"\{#(?:if|each|await|key|snippet)\b")
_SCRIPT_END = re.compile(r"</script", re.IGNORECASE)
_STYLE_END = re.compile(r"</style", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
_ATTRIBUTE = re.compile(r"[^\s=/>\"'<{}]+")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED = re.compile(r"[^\s>\"'=<`]+")
_DIRECTIVE = re.compile(r"(?::|@|v-|x-|bind:|on[a-z]|\[|\()")
_DIRECTIVE_NAME = re.compile(r"^(?:v-bind:|bind:|x-bind:|:|\[)|\]$")
_RESET = Token(RESET, "", 0, 0)


class _Template:
    """One pass over the markup; code regions are handed to the C-family lexer."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._pos = 0
        self._line = 1
        self._line_start = 0
        self._selects: list[str] = []

    def at(self, pos: int) -> tuple[int, int]:
        """Line and line start at `pos`; positions asked for only grow, so counting stays linear."""
        if pos >= self._pos:
            self._line, self._line_start = advance(
                self.text, self._pos, pos, self._line, self._line_start
            )
            self._pos = pos
            return self._line, self._line_start
        line = self._line - self.text.count("\n", pos, self._pos)
        return line, self.text.rfind("\n", 0, pos) + 1

    def tokens(self) -> Iterator[Token]:
        text, pos, size = self.text, 0, len(self.text)
        option = False
        while pos < size:
            found = _MARKUP.search(text, pos)
            if found is None:
                break
            begin, marker = found.start(), found.group()
            if option:
                yield from self._label(pos, begin)
                option = False
            if marker == "<!--":
                pos = _after(text, "-->", found.end())
            elif marker in _CLOSERS or marker == "{#":
                pos = yield from self._region(begin)
            elif marker.startswith("</"):
                if marker[2:].lower() == "select" and self._selects:
                    self._selects.pop()
                pos = _after(text, ">", found.end())
            else:
                pos, option = yield from self._element(marker[1:].lower(), found.end())

    def _region(self, begin: int, limit: int | None = None) -> Generator[Token, None, int]:
        """A template tag's code, not past `limit`; returns where the tag ends."""
        text = self.text
        limit = len(text) if limit is None else limit
        marker = text[begin : begin + 2]
        for comment, closer in _COMMENTS:
            if text.startswith(comment, begin):
                return _after(text, closer, begin + len(comment), limit)
        if marker == "{#" and not _SVELTE_BLOCK.match(text, begin):
            return _after(text, "#}", begin + 2, limit)
        start = begin + 2
        yield _RESET
        if marker == "{#":
            end = yield from lex(
                text, EXPRESSION, start=start, end=limit, origin=self.at(start), stop="}"
            )
            yield _RESET
            return min(end + 1, limit)
        closer = _CLOSERS[marker]
        close = text.find(closer, start, limit)
        end = limit if close < 0 else close
        yield from lex(text, EXPRESSION, start=start, end=end, origin=self.at(start))
        yield _RESET
        return min(end + len(closer), limit)

    def _element(self, name: str, pos: int) -> Generator[Token, None, tuple[int, bool]]:
        """An opening tag and, for `<script>`, its code; returns where it ends and whether an
        option's label follows."""
        attributes: dict[str, str] = {}
        pos, closed = yield from self._attributes(name, pos, attributes)
        text = self.text
        if closed:
            return pos, False
        if name == "select" and len(self._selects) < MAX_SELECTS:
            self._selects.append(attributes.get("name") or attributes.get("id") or "")
        elif name in ("script", "style"):
            found = (_SCRIPT_END if name == "script" else _STYLE_END).search(text, pos)
            end = len(text) if found is None else found.start()
            if name == "script":
                yield _RESET
                yield from lex(text, JAVASCRIPT, start=pos, end=end, origin=self.at(pos))
                yield _RESET
            return end, False
        return pos, name == "option" and "value" not in attributes

    def _attributes(
        self, tag: str, pos: int, attributes: dict[str, str]
    ) -> Generator[Token, None, tuple[int, bool]]:
        """The attributes of one tag; returns where the tag ends and whether it closed itself."""
        text, size = self.text, len(self.text)
        while True:
            pos = _skip_space(text, pos, size)
            if pos >= size:
                return size, True
            if text[pos] == ">":
                return pos + 1, False
            if text.startswith("/>", pos):
                return pos + 2, True
            if text.startswith(("{{", "{%", "<%"), pos):
                pos = yield from self._region(pos)
                continue
            if text[pos] == "{":
                pos = yield from self._expression("", pos)
                continue
            named = _ATTRIBUTE.match(text, pos)
            if named is None:
                pos += 1
                continue
            name, pos = named.group(), named.end()
            equals = _EQUALS.match(text, pos)
            if equals is None or equals.end() >= size:
                attributes[name.lower()] = ""
                continue
            pos = equals.end()
            if text[pos] == "{":
                pos = yield from self._expression(name, pos)
                continue
            if text[pos] in "\"'":
                close = text.find(text[pos], pos + 1)
                if close < 0:
                    return size, True
                start, end, quote, pos = pos + 1, close, pos, close + 1
            else:
                unquoted = _UNQUOTED.match(text, pos)
                if unquoted is None:
                    continue
                start, end, quote, pos = pos, unquoted.end(), pos, unquoted.end()
            attributes[name.lower()] = text[start:end]
            yield from self._value(tag, name, quote, start, end)

    def _value(self, tag: str, name: str, quote: int, start: int, end: int) -> Iterator[Token]:
        """One attribute's value: code for a directive, template tags inside, else a literal."""
        text = self.text
        yield _RESET
        if _DIRECTIVE.match(name):
            yield Token(NAME, _DIRECTIVE_NAME.sub("", name), 0, 0)
            yield Token(OP, "=", 0, 0)
            yield from lex(text, EXPRESSION, start=start, end=end, origin=self.at(start))
        elif any(text.find(marker, start, end) >= 0 for marker in _CLOSERS):
            inner = start
            while (found := _MARKUP.search(text, inner, end)) is not None:
                if found.group() in _CLOSERS:
                    inner = yield from self._region(found.start(), end)
                else:
                    inner = found.end()
        else:
            bound = name
            if tag == "option" and name.lower() == "value" and self._selects:
                bound = self._selects[-1]
            raw = text[start:end]
            line, line_start = self.at(quote)
            column = quote - line_start + 1
            content_line, content_start = self.at(start)
            yield Token(NAME, bound, line, column)
            yield Token(OP, "=", line, column)
            yield Token(
                STRING,
                html.unescape(raw) if "&" in raw and quote < start else raw,
                line,
                column,
                raw,
                content_line,
                start - content_start + 1,
            )
        yield _RESET

    def _expression(self, name: str, pos: int) -> Generator[Token, None, int]:
        """A JSX/Svelte `{expression}` value; returns where it ends."""
        yield _RESET
        if name:
            yield Token(NAME, name, 0, 0)
            yield Token(OP, "=", 0, 0)
        end = yield from lex(
            self.text, EXPRESSION, start=pos + 1, origin=self.at(pos + 1), stop="}"
        )
        yield _RESET
        return min(end + 1, len(self.text))

    def _label(self, start: int, end: int) -> Iterator[Token]:
        """The text of an `<option>` without a `value`, which is then its value."""
        text = self.text
        first = _skip_space(text, start, end)
        label = text[first:end].rstrip()
        if not label:
            return
        line, line_start = self.at(first)
        column = first - line_start + 1
        yield _RESET
        if self._selects:
            yield Token(NAME, self._selects[-1], line, column)
            yield Token(OP, "=", line, column)
        yield Token(STRING, label, line, column, label, line, column)
        yield _RESET


def _skip_space(text: str, pos: int, end: int) -> int:
    space = _SPACE.match(text, pos, end)
    return pos if space is None else space.end()


def _after(text: str, closer: str, pos: int, limit: int | None = None) -> int:
    limit = len(text) if limit is None else limit
    close = text.find(closer, pos, limit)
    return limit if close < 0 else close + len(closer)


def scan(text: str) -> list[SourceString]:
    """The wanted strings of one template."""
    return bind(_Template(text).tokens())
