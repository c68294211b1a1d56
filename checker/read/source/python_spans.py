"""The lines of a Python file worth tokenizing: the statements that may hold a wanted string.

`tokenize` is pure Python before 3.12, the costliest step of reading a Python file, and most of a
module names no model. The binder forgets everything at the end of a logical line (a BREAK), so
the lines between two statement ends read the same alone as within the file. The syntax tree
(shared with the call reader) says where statements end; only the runs whose lines hold a signal
word, `model` or a backslash (an escape may spell a signal) are tokenized.
"""

from __future__ import annotations

import ast
from bisect import bisect_left
from collections.abc import Iterator

from checker.read import python_tree

Span = tuple[int, int]  # first and last line, 1-based, inclusive
_COMPOUND = (
    ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try, ast.TryStar,
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Match,
)  # fmt: skip


def hot_spans(text: str, words: tuple[str, ...]) -> tuple[list[str], list[Span]] | None:
    """The file's lines (split on `\\n`, as `tokenize` reads them) and, in order, the runs of
    lines that may hold a wanted string, each starting and ending with a logical line; None when
    the file cannot be split safely (no tree, or a lone `\\r`, which the parser counts as a line
    break and `tokenize` does not)."""
    if text.count("\r") != text.count("\r\n"):
        return None
    tree = python_tree.parse(text)
    if not isinstance(tree, ast.Module):
        return None
    lines = text.split("\n")
    hot = _hot_lines(text, words)
    spans: list[Span] = []
    start = 1
    for end in _ends(tree, lines):
        index = bisect_left(hot, start)
        if index < len(hot) and hot[index] <= end:
            spans.append((start, end))
        start = end + 1
    return lines, spans


def _ends(tree: ast.Module, lines: list[str]) -> list[int]:
    """The lines after which a logical line surely ends, in order, the last line always among
    them: a statement's last line, unless a simple statement goes on past it (`a = 1; b = (`)
    or it ends in a backslash (a continuation, or a comment that merely looks like one)."""
    ends: set[int] = set()
    crossed: set[int] = set()
    for statement in _statements(tree.body):
        end = statement.end_lineno or statement.lineno
        ends.add(end)
        if end > statement.lineno and not isinstance(statement, _COMPOUND):
            crossed.update(range(statement.lineno, end))
    ends -= crossed
    found = sorted(end for end in ends if not lines[end - 1].rstrip("\r").endswith("\\"))
    if not found or found[-1] < len(lines):
        found.append(len(lines))
    return found


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, at any depth (bodies, branches, handlers, cases), in no set order."""
    stack = [body]
    while stack:
        for statement in stack.pop():
            yield statement
            if not isinstance(statement, _COMPOUND):
                continue
            for name in ("body", "orelse", "finalbody"):
                children = getattr(statement, name, None)
                if children:
                    stack.append(children)
            for part in (*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())):
                stack.append(part.body)


def _hot_lines(text: str, words: tuple[str, ...]) -> list[int]:
    """The sorted numbers of the lines holding a word (any case) or a backslash. Lowering keeps
    every line break in place, so a position in the lowered text falls on the same line."""
    low = text.lower()
    lines: set[int] = set()
    for needle, haystack in [*((word, low) for word in words), ("\\", text)]:
        line, counted = 1, 0
        at = haystack.find(needle)
        while at >= 0:
            line += haystack.count("\n", counted, at)
            counted = at
            lines.add(line)
            at = haystack.find(needle, at + 1)
    return sorted(lines)
