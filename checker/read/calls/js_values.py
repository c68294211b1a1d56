"""JavaScript/TypeScript values as the object-literal reader sees them, and what a rule reads.

The reader turns `{ model: anthropic("claude-x"), temperature: 0.2 }` into these small values;
names (`MODEL`, `config.MODEL`) stay references until the whole file (and, for imports, the
project) has been read. Reading a value back follows references a few hops at most.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.read.calls.model import UNKNOWN, ModelArg, Pending, Turn, Value, number

MAX_HOPS = 4
MAX_TURNS = 10_000
MAX_MODEL_LENGTH = 300
_NUMBER_CASTS = frozenset({"Number", "parseFloat", "parseInt"})


@dataclass(frozen=True, slots=True)
class Lit:
    """A literal: string, number, boolean, null (None) or undefined (UNKNOWN)."""

    value: Value
    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Obj:
    """An object literal; `spread` when a `...rest` adds keys the reader cannot see."""

    entries: dict[str, tuple[int, int, JsValue]]
    line: int
    column: int
    spread: bool = False


@dataclass(frozen=True, slots=True)
class Arr:
    items: tuple[JsValue, ...]
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Ref:
    """A name or member path (`MODEL`, `config.MODEL`, `process.env.CLAUDE_MODEL`)."""

    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class CallV:
    """A call: its callee's path and its first argument (`anthropic("claude-x")`)."""

    callee: str
    first: JsValue | None
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class OrElse:
    """`primary ?? fallback` (or `||`): what runs when the primary is unset."""

    primary: JsValue
    fallback: JsValue
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Spread:
    inner: JsValue
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Opaque:
    """Anything else: an expression the reader does not evaluate."""

    line: int
    column: int


JsValue = Lit | Obj | Arr | Ref | CallV | OrElse | Spread | Opaque


@dataclass(slots=True)
class Names:
    """What the file binds: `const` names (declared once, not mutated) and imports."""

    origin: str
    constants: dict[str, JsValue | None] = field(default_factory=dict)
    mutated: set[str] = field(default_factory=set)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)  # local -> (module, name)

    def declare(self, name: str, value: JsValue | None) -> None:
        self.constants[name] = value if name not in self.constants else None

    def constant(self, name: str) -> JsValue | None:
        return None if name in self.mutated else self.constants.get(name)

    def pending(self, path: str) -> Pending | None:
        """`MODEL` imported by name, or `config.MODEL` through `import * as config`."""
        root, _, rest = path.partition(".")
        imported = self.imports.get(root)
        if imported is None or (rest and imported[1] != "*") or (not rest and imported[1] == "*"):
            return None
        module, name = imported
        return Pending("javascript", self.origin, module, rest if rest else name)


def model_of(value: JsValue | None, names: Names, hops: int = 0) -> ModelArg:
    """The model a `model:` entry sends: a literal, `anthropic("...")`, a constant, an env
    lookup's fallback, or an imported name (pending until the project is read)."""
    if value is None or hops > MAX_HOPS:
        return ModelArg(None)
    if isinstance(value, Lit):
        ok = isinstance(value.value, str) and len(value.value) <= MAX_MODEL_LENGTH
        return ModelArg(value.value if ok and isinstance(value.value, str) else None)
    if isinstance(value, CallV):
        return model_of(value.first, names, hops + 1)
    if isinstance(value, OrElse):
        inner = model_of(value.fallback, names, hops + 1)
        via = _env_name(value.primary)
        return ModelArg(inner.value, f"${via}" if via else inner.via, inner.pending)
    if isinstance(value, Ref):
        pending = names.pending(value.path)
        if pending is not None:
            return ModelArg(None, value.path, pending)
        inner = model_of(names.constant(value.path), names, hops + 1)
        return ModelArg(inner.value, value.path, inner.pending)
    return ModelArg(None)


def scalar_of(value: JsValue | None, names: Names, hops: int = 0) -> Value:
    """A literal the entry certainly holds (through constants, fallbacks, `Number(...)`)."""
    if value is None or hops > MAX_HOPS:
        return UNKNOWN
    if isinstance(value, Lit):
        return value.value
    if isinstance(value, Ref):
        return scalar_of(names.constant(value.path), names, hops + 1)
    if isinstance(value, OrElse):
        return scalar_of(value.fallback, names, hops + 1)
    if isinstance(value, CallV) and value.callee in _NUMBER_CASTS:
        inner = scalar_of(value.first, names, hops + 1)
        return number(inner) if isinstance(inner, str) else inner
    return UNKNOWN


def resolved(value: JsValue | None, names: Names, hops: int = 0) -> JsValue | None:
    """A reference followed to the constant it names (objects and arrays in particular)."""
    while isinstance(value, Ref) and hops <= MAX_HOPS:
        value = names.constant(value.path)
        hops += 1
    return value


def entry(value: JsValue | None, key: str, names: Names) -> tuple[int, int, JsValue] | None:
    found = resolved(value, names)
    return found.entries.get(key) if isinstance(found, Obj) else None


def turns_of(value: JsValue | None, names: Names) -> tuple[Turn, ...] | None:
    """The roles of a `messages` array written in place (or held by a constant)."""
    found = resolved(value, names)
    if not isinstance(found, Arr):
        return None
    items = found.items[:MAX_TURNS]
    if len(found.items) > MAX_TURNS:
        items += (found.items[-1],)
    turns = []
    for item in items:
        role = entry(item, "role", names) if not isinstance(item, Spread) else None
        said = scalar_of(role[2], names) if role is not None else UNKNOWN
        turns.append(Turn(said if isinstance(said, str) else None, item.line, item.column))
    return tuple(turns)


def shown(value: JsValue | None) -> str:
    """How a message quotes a value: literals as written, containers abridged."""
    if isinstance(value, Lit):
        return value.text
    if isinstance(value, Obj):
        inner = ", ".join(
            f"{key}: {item.text}"
            for key, (_, _, item) in list(value.entries.items())[:2]
            if isinstance(item, Lit)
        )
        return "{ " + inner + (", … }" if inner else "… }")
    if isinstance(value, Ref):
        return value.path
    if isinstance(value, CallV):
        return f"{value.callee}({shown(value.first) if value.first else ''})"
    return "…"


def _env_name(value: JsValue) -> str:
    if isinstance(value, Ref) and value.path.startswith("process.env."):
        return value.path.removeprefix("process.env.")
    return ""
