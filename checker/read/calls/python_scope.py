"""Names of one Python file that hold one value for good: what `model=MODEL` sends.

A name counts as a constant of its scope (a function, or the module) when it is bound exactly
once there, by a plain assignment, and never mutated in place (`messages.append(...)`). Imported
names are remembered as such, to be looked up in the project's own files after the pass. Each
scope's table is built on first use only: most calls pass literals.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from checker.read.calls.model import Pending

MUTATORS = frozenset(
    {"append", "extend", "insert", "pop", "clear", "remove", "reverse", "sort", "update",
     "setdefault", "popitem", "add", "discard"}
)  # fmt: skip
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_NESTED = (*_FUNCTIONS, ast.ClassDef)
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler)


@dataclass(frozen=True, slots=True)
class ImportedName:
    """`from MODULE import NAME` (`module` keeps the leading dots of a relative import)."""

    module: str
    name: str


@dataclass(frozen=True, slots=True)
class ImportedModule:
    """`import MODULE as ALIAS` (or the root package bound by a plain `import a.b`)."""

    module: str


Binding = ast.expr | ImportedName | ImportedModule


class Scope:
    """One function's (or the module's) names bound once, built lazily from its node."""

    def __init__(self, node: ast.AST, parent: Scope | None) -> None:
        self.node = node
        self.parent = parent
        self._table: dict[str, Binding | None] | None = None
        self._mutated: set[str] | None = None

    def lookup(self, name: str) -> tuple[Binding, Scope] | None:
        """What `name` is bound to, and the scope that binds it; None when not one value."""
        scope: Scope | None = self
        while scope is not None:
            table = scope.table()
            if name in table:
                bound = table[name]
                if bound is None or scope.mutated(name, bound):
                    return None
                return bound, scope
            scope = scope.parent
        return None

    def table(self) -> dict[str, Binding | None]:
        if self._table is None:
            self._table = _bindings(self.node)
        return self._table

    def mutated(self, name: str, bound: Binding) -> bool:
        """A list or dict changed in place after its assignment is not a constant."""
        if not isinstance(bound, ast.List | ast.Dict | ast.Set | ast.Call):
            return False
        if self._mutated is None:
            self._mutated = _mutated(self.node)
        return name in self._mutated


def pending_of(bound: Binding, attributes: list[str], language: str, origin: str) -> Pending | None:
    """`MODEL` imported by name, or `config.MODEL` through an imported module: the name to look
    up in the project's file for that module."""
    if isinstance(bound, ImportedName):
        if not attributes:
            return Pending(language, origin, bound.module, bound.name)
        module = _joined(bound.module, bound.name)
    elif isinstance(bound, ImportedModule):
        if not attributes:
            return None
        module = bound.module
    else:
        return None
    *middle, name = attributes
    for part in middle:
        module = _joined(module, part)
    return Pending(language, origin, module, name)


def _joined(module: str, name: str) -> str:
    return module + name if not module or module.endswith(".") else f"{module}.{name}"


def _bindings(scope: ast.AST) -> dict[str, Binding | None]:
    """Each name bound in this scope -> its one value, or None when bound more than once or by
    anything but a plain assignment (a parameter, a loop, `with ... as`, `global`)."""
    counts: dict[str, int] = {}
    values: dict[str, Binding] = {}
    if isinstance(scope, _FUNCTIONS):
        for argument in _arguments(scope.args):
            counts[argument] = counts.get(argument, 0) + 1
    for node in _own_nodes(scope):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            counts[node.id] = counts.get(node.id, 0) + 1
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                values[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if node.value is not None:
                values[node.target.id] = node.value
        elif isinstance(node, ast.Import | ast.ImportFrom):
            for name, bound in _imported(node):
                counts[name] = counts.get(name, 0) + 1
                values[name] = bound
        elif isinstance(node, ast.Global | ast.Nonlocal):
            for name in node.names:
                counts[name] = counts.get(name, 0) + 2
        elif isinstance(node, _DEFINITIONS) and node.name:  # never one plain value
            counts[node.name] = counts.get(node.name, 0) + 2
    return {name: values.get(name) if count == 1 else None for name, count in counts.items()}


def _imported(node: ast.Import | ast.ImportFrom) -> Iterator[tuple[str, Binding]]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                yield alias.asname, ImportedModule(alias.name)
            else:
                root = alias.name.split(".", 1)[0]
                yield root, ImportedModule(root)
        return
    module = "." * node.level + (node.module or "")
    for alias in node.names:
        if alias.name != "*":
            yield alias.asname or alias.name, ImportedName(module, alias.name)


def _arguments(arguments: ast.arguments) -> Iterator[str]:
    for argument in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
        yield argument.arg
    for extra in (arguments.vararg, arguments.kwarg):
        if extra is not None:
            yield extra.arg


def _own_nodes(scope: ast.AST) -> Iterator[ast.AST]:
    """Every node of a scope's body, without descending into nested functions and classes
    (their names are their own), iteratively: nesting depth costs no stack."""
    stack: list[ast.AST] = []
    if isinstance(scope, ast.Lambda):
        stack.append(scope.body)
    elif isinstance(scope, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef):
        stack.extend(scope.body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, _NESTED):
            continue
        stack.extend(ast.iter_child_nodes(node))


def _mutated(scope: ast.AST) -> set[str]:
    """Names changed in place anywhere below the scope (`x.append(...)`, `x[k] = v`, `del x[k]`)."""
    names: set[str] = set()
    for node in ast.walk(scope):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in MUTATORS:
                names.add(node.value.id)
        elif isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load):
            if isinstance(node.value, ast.Name):
                names.add(node.value.id)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names
