"""What the source scanners return, and the tokens every lexer of this package reduces code to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

NAME = 0  # an identifier, sigils (`$`, `@`) stripped
STRING = 1  # a string literal; `text` is its decoded value
OP = 2  # an operator or punctuation mark
OPEN = 3  # `(`, `[` or `{`
CLOSE = 4  # `)`, `]` or `}`
NEWLINE = 5  # a line break that may end a statement (the binder decides)
BREAK = 6  # a certain end of statement (Python's NEWLINE)
RESET = 7  # a region of code ends (a template tag): every open bracket is forgotten
KEYWORD = 8  # a keyword the binder cares about (`case`, `if`, `->` ...)
DECL = 9  # a declaration keyword whose next name is the target (`const`, `let`, `val` ...)
VALUE = 10  # a number, a regex or character literal: a value that is not a string


@dataclass(frozen=True, slots=True)
class SourceString:
    """One string literal of interest in a source file.

    `value` is the decoded text (no quotes); `line` and `column` (1-based, in characters) place
    its opening quote, or a `${VAR:-default}`'s first default character; `bound` is the name it is
    bound to or passed as (`""` when none); `default_of` is the variable an environment lookup
    reads when `value` is that lookup's default (`"CLAUDE_MODEL"`), else `""`.
    """

    value: str
    line: int
    column: int
    bound: str
    default_of: str


class Token(NamedTuple):
    """One lexical unit; for a STRING, where its content starts, so a `${VAR:-d}` can be placed."""

    kind: int
    text: str
    line: int
    column: int
    raw: str = ""
    raw_line: int = 0
    raw_column: int = 0
    interpolated: bool = False
