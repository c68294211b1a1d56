"""A fast path for the plainest YAML: block mappings and lists of plain scalars, ASCII only.

Most environment configs are exactly that, and composing them with libyaml costs more than all
the rest of a monorepo scan. A file is taken here only when every line is blank, a comment,
`key: plain value`, `key:` opening a nested block, or `- plain value`, with consistent indentation;
anything else (quotes, flow collections, anchors, tags, block scalars, multi-line scalars,
documents markers, tabs, CR, non-ASCII, an empty value) returns False and the file goes through
the full YAML composer, which also produces the CFG001 positions. For what it accepts, it gives the
same key paths, values and positions as the composer (a test compares both).
"""

from __future__ import annotations

import re

from checker.workspace.limits import MAX_DEPTH, MAX_VALUES
from checker.workspace.parsers.common import Values

_PLAIN = r"[A-Za-z0-9_./+$=(~][^\s#:]*(?:(?: +|:)[^\s#:]+)*"
_LINE = re.compile(
    rf"(?P<indent> *)(?:(?P<dash>- +)(?P<item>{_PLAIN})"
    rf"|(?P<key>[A-Za-z_][A-Za-z0-9_.\-]*):(?: +(?P<value>{_PLAIN}))?)"
    r"(?: +#.*)? *"
)
_COMMENT = re.compile(r" *(?:#.*)?")
_MARKERS = ("---", "...", "%")


class _Block:
    """One open mapping or list: its indentation, key path and next list index."""

    __slots__ = ("indent", "is_list", "next_index", "path", "prefix")

    def __init__(self, indent: int, path: str, is_list: bool) -> None:
        self.indent = indent
        self.path = path
        self.prefix = f"{path}." if path else ""
        self.is_list = is_list
        self.next_index = 0


def parse_plain_yaml(text: str, values: Values) -> bool:
    """Record the values of a plain block-YAML file and return True, or return False untouched."""
    if not _plain_text(text) or text.count("\n") > MAX_VALUES:
        return False
    found: list[tuple[str, str, int, int]] = []
    append = found.append
    blocks: list[_Block] = []
    block: _Block | None = None
    pending: tuple[int, str] | None = None  # a `key:` waiting for its nested block
    fullmatch, comment = _LINE.fullmatch, _COMMENT.fullmatch
    number = 0
    for line in text.split("\n"):
        number += 1
        match = fullmatch(line)
        if match is None:
            if comment(line):
                continue
            return False
        spaces, dash, item, key, value = match.groups()
        indent = len(spaces)
        is_item = dash is not None
        if (
            pending is not None
            or block is None
            or block.indent != indent
            or (block.is_list != is_item)
        ):
            block = _enter(blocks, pending, indent, is_item)
            pending = None
            if block is None:
                return False
        if is_item:
            append((f"{block.path}[{block.next_index}]", item, number, match.start(3) + 1))
            block.next_index += 1
        elif value is None:
            pending = (indent, block.prefix + key)
        else:
            append((block.prefix + key, value, number, match.start(5) + 1))
    if pending is not None or not found:
        return False
    values.add_all(found)
    return True


def _enter(
    blocks: list[_Block], pending: tuple[int, str] | None, indent: int, is_item: bool
) -> _Block | None:
    """The block a line at `indent` belongs to (opening or closing blocks), or None if invalid."""
    if pending is not None:
        parent_indent, parent_path = pending
        if not (indent > parent_indent or (is_item and indent == parent_indent)):
            return None
        if len(blocks) >= MAX_DEPTH:
            return None
        blocks.append(_Block(indent, parent_path, is_item))
        return blocks[-1]
    if not blocks:
        if indent != 0 or is_item:
            return None
        blocks.append(_Block(0, "", False))
    while blocks and (
        blocks[-1].indent > indent
        or (blocks[-1].indent == indent and blocks[-1].is_list and not is_item)
    ):
        blocks.pop()
    if not blocks or blocks[-1].indent != indent or blocks[-1].is_list != is_item:
        return None
    return blocks[-1]


def _plain_text(text: str) -> bool:
    """Printable ASCII and LF only, and no document markers or directives."""
    if not text.isascii() or not text.replace("\n", "").isprintable():
        return False
    if text.startswith(_MARKERS):
        return False
    return not any(f"\n{marker}" in text for marker in _MARKERS)
