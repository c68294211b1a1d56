"""Python argument values, read from the syntax tree only: literals, constants, env defaults.

Every function here is bounded: names are followed a few hops at most, nested values a few
levels deep, and a `messages` list is read in one pass over its elements.
"""

from __future__ import annotations

import ast

from checker.read.calls.model import UNKNOWN, ModelArg, Turn, Value, number
from checker.read.calls.python_scope import Scope, pending_of

MAX_HOPS = 4
MAX_TURNS = 10_000
MAX_MODEL_LENGTH = 300
# `os.getenv("X", "d")`, `os.environ.get("X", "d")`, `environ.setdefault("X", "d")`
_ENV_CALLS = {"getenv": frozenset({"", "os"}), "get": frozenset({"environ"})}
_ENV_CALLS["setdefault"] = frozenset({"environ"})
_NUMBER_CASTS = frozenset({"float", "int"})


class Where:
    """Line and column (1-based, in characters) of nodes, and their source as written."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ascii = text.isascii()
        self._lines: list[str] | None = None

    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return self._lines

    def of(self, node: ast.expr | ast.keyword) -> tuple[int, int]:
        return node.lineno, self.column(node.lineno, node.col_offset)

    def column(self, line: int, offset: int) -> int:
        """`ast` counts UTF-8 bytes; a finding counts characters."""
        if self.ascii:
            return offset + 1
        lines = self.lines()
        row = lines[line - 1] if 0 < line <= len(lines) else ""
        if row.isascii():
            return offset + 1
        return len(row.encode()[:offset].decode("utf-8", "replace")) + 1

    def source(self, node: ast.expr) -> str:
        """The node's source on its first line (`…` when it goes on), for a message."""
        lines = self.lines()
        if not 0 < node.lineno <= len(lines):
            return ""
        row = lines[node.lineno - 1].encode()
        end = node.end_col_offset if node.end_lineno == node.lineno else None
        piece = row[node.col_offset : end].decode("utf-8", "replace")
        return piece if end is not None else piece + " …"


def model_of(node: ast.expr, scope: Scope, origin: str, hops: int = 0) -> ModelArg:
    """The model a `model=` argument sends: a literal, a constant, an env lookup's default, or
    a name imported from another file (pending until that file is read)."""
    if hops > MAX_HOPS:
        return ModelArg(None)
    if isinstance(node, ast.Constant):
        value = node.value
        ok = isinstance(value, str) and len(value) <= MAX_MODEL_LENGTH
        return ModelArg(value if ok and isinstance(value, str) else None)
    default = env_default(node)
    if default is not None:
        variable, fallback = default
        inner = model_of(fallback, scope, origin, hops + 1)
        return ModelArg(inner.value, f"${variable}", inner.pending)
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        return model_of(node.values[-1], scope, origin, hops + 1)
    chain = _name_chain(node)
    if chain is None or hops >= MAX_HOPS:
        return ModelArg(None)
    root, attributes = chain
    found = scope.lookup(root)
    shown = ".".join((root, *attributes))
    if found is None:
        return ModelArg(None, shown)
    bound, where = found
    pending = pending_of(bound, attributes, "python", origin)
    if pending is not None:
        return ModelArg(None, shown, pending)
    if attributes or not isinstance(bound, ast.expr):
        return ModelArg(None, shown)
    inner = model_of(bound, where, origin, hops + 1)
    return ModelArg(inner.value, shown, inner.pending)


def scalar_of(node: ast.expr, scope: Scope, hops: int = 0) -> Value:
    """A number, string, bool or None the argument certainly holds; else UNKNOWN."""
    if hops > MAX_HOPS:
        return UNKNOWN
    if isinstance(node, ast.Constant):
        value = node.value
        return value if isinstance(value, str | int | float | bool) or value is None else UNKNOWN
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = scalar_of(node.operand, scope, hops + 1)
        if isinstance(inner, int | float) and not isinstance(inner, bool):
            return -inner if isinstance(node.op, ast.USub) else inner
        return UNKNOWN
    if isinstance(node, ast.Call) and _callee_name(node) in _NUMBER_CASTS and len(node.args) == 1:
        inner = scalar_of(node.args[0], scope, hops + 1)
        return number(inner) if isinstance(inner, str) else inner
    default = env_default(node)
    if default is not None:
        return scalar_of(default[1], scope, hops + 1)
    bound = resolved(node, scope, hops)
    return UNKNOWN if bound is None else scalar_of(bound[0], bound[1], hops + 1)


def resolved(node: ast.expr, scope: Scope, hops: int = 0) -> tuple[ast.expr, Scope] | None:
    """A bare name's one value in its scope (another node), or None."""
    if not isinstance(node, ast.Name) or hops >= MAX_HOPS:
        return None
    found = scope.lookup(node.id)
    if found is None or not isinstance(found[0], ast.expr):
        return None
    return found[0], found[1]


def mapping_entry(node: ast.expr, key: str, scope: Scope, hops: int = 0) -> ast.expr | None:
    """`{"type": ...}` or `dict(type=...)` (or any call with `type=`): the value under `key`."""
    if isinstance(node, ast.Dict):
        for name, value in zip(node.keys, node.values, strict=True):
            if isinstance(name, ast.Constant) and name.value == key:
                return value
        return None
    if isinstance(node, ast.Call):
        for keyword in node.keywords:
            if keyword.arg == key:
                return keyword.value
        return None
    bound = resolved(node, scope, hops)
    return None if bound is None else mapping_entry(bound[0], key, bound[1], hops + 1)


def turns_of(node: ast.expr, scope: Scope, where: Where, hops: int = 0) -> tuple[Turn, ...] | None:
    """The roles of a `messages` list written in place (or held by a constant); `history +
    [...]` and `[*history, ...]` still tell how the list ends. None: nothing is known."""
    if isinstance(node, ast.List | ast.Tuple):
        turns = [_turn(element, scope, where) for element in node.elts[:MAX_TURNS]]
        if len(node.elts) > MAX_TURNS:
            turns.append(_turn(node.elts[-1], scope, where))
        return tuple(turns)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and hops < MAX_HOPS:
        left = turns_of(node.left, scope, where, hops + 1)
        right = turns_of(node.right, scope, where, hops + 1)
        if left is None and right is None:
            return None
        line, column = where.of(node)
        return (left or (Turn(None, line, column),)) + (right or (Turn(None, line, column),))
    bound = resolved(node, scope, hops)
    return None if bound is None else turns_of(bound[0], bound[1], where, hops + 1)


def env_default(node: ast.expr) -> tuple[str, ast.expr] | None:
    """`os.getenv("X", DEFAULT)` and its kin: the variable and the default's node."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
        return None
    name = _callee_name(node)
    holders = _ENV_CALLS.get(name)
    if holders is None:
        return None
    receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
    holder = ""
    if isinstance(receiver, ast.Name):
        holder = receiver.id
    elif isinstance(receiver, ast.Attribute):
        holder = receiver.attr
    if holder not in holders:
        return None
    fallback = node.args[1] if len(node.args) >= 2 else None
    for keyword in node.keywords:
        if keyword.arg == "default":
            fallback = keyword.value
    variable = node.args[0] if node.args else None
    if fallback is None or not isinstance(variable, ast.Constant):
        return None
    return str(variable.value), fallback


def _turn(node: ast.expr, scope: Scope, where: Where) -> Turn:
    line, column = where.of(node)
    if isinstance(node, ast.Starred):
        return Turn(None, line, column)
    role = mapping_entry(node, "role", scope) if isinstance(node, ast.Dict | ast.Call) else None
    value = scalar_of(role, scope) if role is not None else UNKNOWN
    return Turn(value if isinstance(value, str) else None, line, column)


def _name_chain(node: ast.expr) -> tuple[str, list[str]] | None:
    """`config.llm.MODEL` -> (`config`, [`llm`, `MODEL`]); None for anything but names."""
    attributes: list[str] = []
    while isinstance(node, ast.Attribute) and len(attributes) < MAX_HOPS:
        attributes.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return node.id, attributes[::-1]


def _callee_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""
