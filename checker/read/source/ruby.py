"""Ruby: the C-family lexer with Ruby's strings, `#` and `=begin` comments, heredocs and labels.

Ruby's bindings reduce to the shared tokens: `model: "x"` is a name and a colon, `:model => "x"`
and `"model" => "x"` a key and an arrow, `ENV.fetch("X", "d")`, `ENV["X"] || "d"` and
`ENV.fetch("X") { "d" }` environment lookups with defaults. Heredoc bodies and everything after
`__END__` are skipped: they are data, not code.
"""

from __future__ import annotations

import re

from checker.read.source.binding import bind
from checker.read.source.c_family import Quote, Syntax, lex
from checker.read.source.model import SourceString

RUBY = Syntax(
    quotes=(
        Quote('"', '"', multiline=True, interpolation="#{"),
        Quote("'", "'", escapes="quote", multiline=True),
        Quote("`", "`", multiline=True, interpolation="#{"),
    ),
    line_comment="#",
    block_comment=False,
    regex_literals=True,
    name=r"(?:@@?|\$)?[^\W\d]\w*(?:[?!](?![=~]))?",
    word_ops=(("or", "||"), ("and", "&&")),
    heredoc=r"<<[~-]?(?P<hq>['\"`]?)[A-Za-z_]\w*(?P=hq)",
    begin_end=True,
)
_END = re.compile(r"^__END__\r?$", re.MULTILINE)


def scan(text: str) -> list[SourceString]:
    """The wanted strings of one Ruby file."""
    data = _END.search(text)
    return bind(lex(text, RUBY, end=len(text) if data is None else data.start()))
