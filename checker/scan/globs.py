"""Workspace globs matched in time linear in the path: a lazily built DFA, never backtracking.

A regular expression engine that backtracks (Python's `re`) spends time exponential in the
number of wildcards on a glob such as `**a**a**a**a` against a long name that does not match. Here
each glob becomes a small NFA (one state per glob character) and a path is matched by walking the
set of NFA states it can be in, one character at a time; the sets met are cached as DFA states, so
an ordinary path costs one dictionary lookup per character. Past `MAX_DFA_STATES` cached states
(globs such as `**a??????????` have exponentially many) new sets are computed without being kept,
which stays linear: at most one step per NFA state per character.

Syntax, workspace-relative with `/`: `*` and `?` stay inside one folder, `**` crosses folders
(`**/` also matches no folder at all), `[abc]`, `[a-z]`, `[!abc]` are classes, `{a,b}` is an
alternative (up to the first `}`). A glob whose class is invalid (`[z-a]`, `[!]`) matches its text
literally; leading `./` and `/` are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from checker.findings import Finding, make_finding

if TYPE_CHECKING:
    from checker.settings import Settings

MAX_DFA_STATES = 2_000
# Longer globs are cut to this many characters (the checks that read the config say so).
MAX_GLOB_CHARS = 1_000

_ANY, _NOT_SLASH, _CHAR, _CLASS = range(4)
_ClassSpec = tuple[bool, frozenset[str], tuple[tuple[str, str], ...]]


class _InvalidClassError(ValueError):
    """A `[...]` class a regular expression would reject: the glob is taken literally."""


class _Nfa:
    """States with character moves (kind, argument, target) and epsilon moves."""

    __slots__ = ("epsilon", "moves")

    def __init__(self) -> None:
        self.moves: list[list[tuple[int, object, int]]] = []
        self.epsilon: list[list[int]] = []

    def state(self) -> int:
        self.moves.append([])
        self.epsilon.append([])
        return len(self.moves) - 1

    def closure(self, states: Iterable[int]) -> frozenset[int]:
        seen = set(states)
        stack = list(seen)
        while stack:
            for target in self.epsilon[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return frozenset(seen)

    def step(self, states: frozenset[int], char: str) -> frozenset[int]:
        targets = [
            target
            for state in states
            for kind, argument, target in self.moves[state]
            if _accepts(kind, argument, char)
        ]
        return self.closure(targets) if targets else frozenset()


def _accepts(kind: int, argument: object, char: str) -> bool:
    if kind == _ANY:
        return True
    if kind == _NOT_SLASH:
        return char != "/"
    if kind == _CHAR:
        return char == argument
    negate, chars, ranges = cast(_ClassSpec, argument)
    inside = char in chars or any(low <= char <= high for low, high in ranges)
    return inside != negate


def normalized(glob: str) -> str:
    """The glob as it is matched: stripped, without a leading `./` or `/`, and bounded."""
    return glob.strip().removeprefix("./").lstrip("/")[:MAX_GLOB_CHARS]


def _compile(nfa: _Nfa, glob: str, start: int) -> int:
    """Add the glob's states after `start`; returns the state reached at its end."""
    glob = normalized(glob)
    current, index = start, 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):  # any folders, or none
            after, loop = nfa.state(), nfa.state()
            nfa.epsilon[current] += [after, loop]
            nfa.moves[loop] += [(_ANY, None, loop), (_CHAR, "/", after)]
            current, index = after, index + 3
            continue
        if glob.startswith("**", index):
            loop = nfa.state()
            nfa.epsilon[current].append(loop)
            nfa.moves[loop].append((_ANY, None, loop))
            current, index = loop, index + 2
            continue
        if char == "*":
            loop = nfa.state()
            nfa.epsilon[current].append(loop)
            nfa.moves[loop].append((_NOT_SLASH, None, loop))
            current = loop
        elif char == "?":
            after = nfa.state()
            nfa.moves[current].append((_NOT_SLASH, None, after))
            current = after
        elif char == "[" and "]" in glob[index + 2 :]:
            end = glob.index("]", index + 2)
            after = nfa.state()
            nfa.moves[current].append((_CLASS, _class(glob[index + 1 : end]), after))
            current, index = after, end + 1
            continue
        elif char == "{" and "}" in glob[index:]:
            end = glob.index("}", index)
            joined = nfa.state()
            for option in glob[index + 1 : end].split(","):
                option_start = nfa.state()
                nfa.epsilon[current].append(option_start)
                nfa.epsilon[_compile(nfa, option, option_start)].append(joined)
            current, index = joined, end + 1
            continue
        else:
            after = nfa.state()
            nfa.moves[current].append((_CHAR, char, after))
            current = after
        index += 1
    return current


def _class(body: str) -> _ClassSpec:
    negate = body[:1] in ("!", "^")
    body = body.lstrip("!") if body.startswith("!") else body[1:] if negate else body
    if not body:
        raise _InvalidClassError(body)
    chars: set[str] = set()
    ranges: list[tuple[str, str]] = []
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            low, high = body[index], body[index + 2]
            if low > high:
                raise _InvalidClassError(body)
            ranges.append((low, high))
            index += 3
        else:
            chars.add(body[index])
            index += 1
    return negate, frozenset(chars), tuple(ranges)


def _literal(nfa: _Nfa, glob: str, start: int) -> int:
    current = start
    for char in normalized(glob):
        after = nfa.state()
        nfa.moves[current].append((_CHAR, char, after))
        current = after
    return current


class _State:
    """One DFA state: a set of NFA states, whether it accepts, and its cached moves."""

    __slots__ = ("accepting", "moves", "states")

    def __init__(self, states: frozenset[int], accepting: bool) -> None:
        self.states = states
        self.accepting = accepting
        self.moves: dict[str, _State] = {}


class GlobSet:
    """Any of several globs; `fullmatch` a path, or `matches` it or one of its folders."""

    def __init__(self, globs: Iterable[str]) -> None:
        self.globs = tuple(globs)
        nfa = _Nfa()
        start = nfa.state()
        ends: set[int] = set()
        for glob in self.globs:
            glob_start = nfa.state()
            nfa.epsilon[start].append(glob_start)
            try:
                ends.add(_compile(nfa, glob, glob_start))
            except _InvalidClassError:
                literal_start = nfa.state()
                nfa.epsilon[start].append(literal_start)
                ends.add(_literal(nfa, glob, literal_start))
                nfa.epsilon[start].remove(glob_start)
        self._nfa = nfa
        self._ends = frozenset(ends)
        self._cache: dict[frozenset[int], _State] = {}
        self._dead = _State(frozenset(), False)
        self._start = self._state(nfa.closure([start]))

    def _state(self, states: frozenset[int]) -> _State:
        if not states:
            return self._dead
        known = self._cache.get(states)
        if known is not None:
            return known
        made = _State(states, not self._ends.isdisjoint(states))
        if len(self._cache) < MAX_DFA_STATES:
            self._cache[states] = made
        return made

    def _next(self, state: _State, char: str) -> _State:
        found = state.moves.get(char)
        if found is None:
            found = self._state(self._nfa.step(state.states, char))
            if found is self._dead or self._cache.get(found.states) is found:
                state.moves[char] = found  # never a move to an uncached state: memory stays bounded
        return found

    def fullmatch(self, path: str) -> bool:
        """The whole path matches one of the globs."""
        state = self._start
        for char in path:
            state = self._next(state, char)
            if state is self._dead:
                return False
        return state.accepting

    def matches(self, path: str) -> bool:
        """The path, or one of its folders (`bench` matches `bench/x.py`), matches a glob."""
        if not self.globs:
            return False
        state = self._start
        for char in path:
            if char == "/" and state.accepting:
                return True
            state = self._next(state, char)
            if state is self._dead:
                return False
        return state.accepting


def long_glob_findings(settings: Settings) -> list[Finding]:
    """One CFG003 notice per setting whose globs were cut to `MAX_GLOB_CHARS` characters."""
    groups = {
        "environments": [g for globs in (settings.environments or {}).values() for g in globs],
        "include": list(settings.include),
        "exclude": list(settings.exclude),
    }
    findings = []
    for key, globs in groups.items():
        cut = sum(1 for glob in globs if len(glob.strip()) > MAX_GLOB_CHARS)
        if cut:
            findings.append(
                make_finding(
                    "CFG003",
                    "glob_too_long",
                    count=cut,
                    key=key,
                    limit=MAX_GLOB_CHARS,
                    details={"reason": "glob too long"},
                )
            )
    return findings
