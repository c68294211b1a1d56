"""Python call sites, read with `ast.parse` only: the file is never imported, compiled or run.

A cheap regex first finds the lines that may hold a call (`create(`, `ChatAnthropic(`, ...); the
tree walk then enters only the statements that span one of them, so a long module with two calls
costs its parse and little more. A file that does not parse (a syntax error, Python 2, a template)
gives no calls and says why; nesting too deep for the parser is caught the same way.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from checker.read import python_tree
from checker.read.calls.dialects import (
    FOREIGN_RECEIVERS,
    LANGCHAIN_CLASSES,
    LITELLM_FUNCTIONS,
    MESSAGES_METHODS,
    NAMES,
    is_request,
)
from checker.read.calls.model import (
    LANGCHAIN,
    LITELLM,
    CallSite,
    FileCalls,
    ModelArg,
    Param,
    clipped,
)
from checker.read.calls.python_scope import Scope, pending_of
from checker.read.calls.python_values import (
    Where,
    mapping_entry,
    model_of,
    scalar_of,
    turns_of,
)

if TYPE_CHECKING:
    from checker.scan.kinds import Tier

MAX_CALLS = 1_000
MAX_CALLEE_PARTS = 8
_HINT = re.compile(r"\b(?:create|stream|parse|count_tokens|ChatAnthropic\w*|a?completion)\s*\(")
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def read(text: str, relative: str, tier: Tier) -> FileCalls:
    """The Claude API calls of one Python file, each argument placed."""
    hints = _hint_lines(text)
    if not hints:
        return FileCalls()
    tree, error = parse(text)
    if tree is None:
        return FileCalls(error=error)
    reader = _Reader(Where(text), relative, tier, hints, litellm="litellm" in text)
    reader.walk(tree)
    return FileCalls(reader.sites, reader.unread)


def parse(text: str) -> tuple[ast.Module | None, str]:
    """The syntax tree (shared with the model-ID reader), or None and why not."""
    tree = python_tree.parse(text)
    if isinstance(tree, ast.Module):
        return tree, ""
    if isinstance(tree, SyntaxError):
        return None, f"it is not Python 3 (line {tree.lineno}: {clipped(str(tree.msg))})"
    if isinstance(tree, ValueError | OverflowError):
        return None, "it is not Python source"
    return None, "it is nested too deeply to parse"


def _hint_lines(text: str) -> list[int]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[int] = []
    line, last = 1, 0
    for match in _HINT.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


class _Reader:
    """One file's walk: the scopes met on the way and the calls found."""

    def __init__(
        self, where: Where, relative: str, tier: Tier, hints: list[int], *, litellm: bool
    ) -> None:
        self.where = where
        self.relative = relative
        self.tier = tier
        self.hints = hints
        self.litellm = litellm
        self.sites: list[CallSite] = []
        self.unread = 0

    def walk(self, tree: ast.Module) -> None:
        """Iterative, so deep nesting costs no stack; statements without a hinted line are
        skipped whole."""
        stack: list[tuple[ast.AST, Scope]] = [(tree, Scope(tree, None))]
        while stack:
            node, scope = stack.pop()
            if isinstance(node, _FUNCTIONS):
                scope = Scope(node, scope)
            elif isinstance(node, ast.Call):
                self._call(node, scope)
            for child in ast.iter_child_nodes(node):
                start = getattr(child, "lineno", None)
                if start is None or self._hinted(start, getattr(child, "end_lineno", start)):
                    stack.append((child, scope))

    def _hinted(self, start: int, end: int | None) -> bool:
        index = bisect_left(self.hints, start)
        return index < len(self.hints) and self.hints[index] <= (end or start)

    def _call(self, node: ast.Call, scope: Scope) -> None:
        parts = _callee(node.func)
        kind = self._kind(parts)
        if kind is None:
            return
        if len(self.sites) >= MAX_CALLS:
            self.unread += 1
            return
        line, column = self.where.of(node)
        site = CallSite(self.relative, line, column, kind, _shown(parts), tier=self.tier)
        names = NAMES[kind]
        for position, argument in enumerate(node.args):
            if isinstance(argument, ast.Starred):
                site.opaque = True
            elif kind == LITELLM and position < 2:
                written = ("model", "messages")[position]
                self._argument(site, written, written, argument, at=argument, scope=scope)
        for keyword in node.keywords:
            if keyword.arg is None:
                site.opaque = True
                continue
            name = names.get(keyword.arg)
            if name is not None:
                self._argument(site, name, keyword.arg, keyword.value, at=keyword, scope=scope)
        if kind == LITELLM:
            _litellm_options(site, node.keywords)
        if is_request(site):
            self.sites.append(site)

    def _kind(self, parts: list[str]) -> str | None:
        last = parts[-1]
        if len(parts) >= 2 and parts[-2] == "messages" and last in MESSAGES_METHODS:
            return None if FOREIGN_RECEIVERS.intersection(parts) else MESSAGES_METHODS[last]
        if last in LANGCHAIN_CLASSES:
            return LANGCHAIN
        if last in LITELLM_FUNCTIONS and self.litellm:
            return LITELLM if len(parts) == 1 or parts[-2] == "litellm" else None
        return None

    def _argument(
        self,
        site: CallSite,
        name: str,
        written: str,
        value: ast.expr,
        *,
        at: ast.expr | ast.keyword,
        scope: Scope,
    ) -> None:
        line, column = self.where.of(at)
        shown = f"{written}={self.where.source(value)}" if at is not value else written
        if name == "model":
            site.model = model_of(value, scope, self.relative)
            return
        if name == "messages":
            site.messages = turns_of(value, scope, self.where)
        elif name == "thinking":
            kind = mapping_entry(value, "type", scope)
            if kind is not None:
                inline = isinstance(value, ast.Dict | ast.Call)  # else: placed at the argument
                type_line, type_column = self.where.of(kind) if inline else (line, column)
                site.params["thinking.type"] = Param(
                    "thinking.type", written, scalar_of(kind, scope), clipped(shown),
                    type_line, type_column,
                )  # fmt: skip
        site.params[name] = Param(
            name, written, scalar_of(value, scope), clipped(shown), line, column
        )


def _litellm_options(site: CallSite, keywords: list[ast.keyword]) -> None:
    """`litellm.completion`'s own options: `additional_drop_params=["temperature"]` strips those
    parameters before the request leaves; `drop_params=True` does not strip Claude's sampling or
    thinking parameters, so a finding about them says so."""
    for keyword in keywords:
        value = keyword.value
        if keyword.arg == "additional_drop_params" and isinstance(value, ast.List | ast.Tuple):
            site.drop(
                {
                    item.value
                    for item in value.elts
                    if isinstance(item, ast.Constant) and isinstance(item.value, str)
                }
            )
        elif keyword.arg == "drop_params" and isinstance(value, ast.Constant):
            site.drop_params = "drop_params=True" if value.value is True else ""


def _callee(func: ast.expr) -> list[str]:
    """`self.client.messages.create` -> its parts; a call in the chain is `()`."""
    parts: list[str] = []
    node: ast.expr = func
    while len(parts) < MAX_CALLEE_PARTS:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            parts.append("()")
            node = node.func
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            break
        else:
            parts.append("…")
            break
    return parts[::-1]


def _shown(parts: list[str]) -> str:
    shown = ""
    for part in parts:
        shown += part if part == "()" or not shown else f".{part}"
    return shown


def module_constants(text: str, relative: str) -> dict[str, ModelArg]:
    """The module's names bound once that hold a model (for the files that import them); a
    re-exported import (`from .models import MODEL`) stays pending."""
    tree, _ = parse(text)
    if tree is None:
        return {}
    scope = Scope(tree, None)
    found: dict[str, ModelArg] = {}
    for name, bound in scope.table().items():
        if isinstance(bound, ast.expr):
            arg = model_of(bound, scope, relative)
        elif bound is not None:
            arg = ModelArg(None, name, pending_of(bound, [], "python", relative))
        else:
            continue
        if arg.value or arg.pending:
            found[name] = arg
    return found
