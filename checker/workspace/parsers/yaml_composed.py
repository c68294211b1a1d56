"""YAML values with positions from the composed node graph (libyaml's C composer when present).

The full path, for files the fast path (`yaml_fast`) declines; imported only then.

Composing, not loading: scalars keep their source text (`100000`, `true`), marks give positions,
and aliases stay shared nodes, so an alias bomb is a small graph walked under a node budget
instead of being expanded. Merge keys (`<<: *base`) are applied as the app would see them, with
positions pointing at where each merged value is written. Tags are not resolved beyond what the
walk needs (merge keys and null), which keeps the C composer from calling back into Python's
regex resolver for every node.
"""

from __future__ import annotations

from typing import Any

import yaml

from checker.workspace.limits import MAX_DEPTH, MAX_NODES
from checker.workspace.parsers.common import ParseError, SkipError, Values

MERGE_TAG = "tag:yaml.org,2002:merge"
NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def _minimal_resolve(kind: type, value: str | None, implicit: Any) -> str:
    """Only the tags the walk looks at; everything else is a plain string."""
    if kind is yaml.ScalarNode:
        if implicit[0] and value == "<<":
            return MERGE_TAG
        if implicit[0] and value in NULLS:
            return NULL_TAG
        return STR_TAG
    return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG


def _fast_loader() -> Any:
    c_parser = getattr(getattr(yaml, "_yaml", None), "CParser", None)
    if c_parser is None:
        return yaml.SafeLoader

    class Composer(c_parser):  # type: ignore[misc, valid-type]
        """libyaml's composer with a resolver that does no regex work."""

        def descend_resolver(self, parent: object, index: object) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

        resolve = staticmethod(_minimal_resolve)

    return Composer


_LOADER: Any = _fast_loader()


def parse_composed_yaml(text: str, values: Values) -> None:
    """The full path: compose with libyaml, then walk the node graph."""
    try:
        documents = [node for node in yaml.compose_all(text, Loader=_LOADER) if node is not None]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if "maximum nesting depth" in problem:
            raise SkipError(f"nested deeper than libyaml allows ({problem})") from None
        if mark is None:
            raise ParseError(f"invalid YAML: {problem}") from None
        raise ParseError(f"invalid YAML: {problem}", mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as error:
        raise ParseError(f"invalid YAML: {str(error).splitlines()[0][:200]}") from None
    except RecursionError:
        raise SkipError(f"nested deeper than {MAX_DEPTH} levels") from None
    budget = [MAX_NODES]
    many = len(documents) > 1
    for index, document in enumerate(documents):
        _walk(document, f"[{index}]" if many else "", values, budget)


def _walk(root: yaml.Node, root_path: str, values: Values, budget: list[int]) -> None:
    """Iterative walk with a depth cap and a visited-node budget shared by the file's documents."""
    stack: list[tuple[yaml.Node, str, int]] = [(root, root_path, 0)]
    pop, push, add = stack.pop, stack.append, values.add
    scalar, sequence = yaml.ScalarNode, yaml.SequenceNode
    visited = 0
    while stack:
        node, path, depth = pop()
        visited += 1
        if depth > MAX_DEPTH:
            raise SkipError(f"nested deeper than {MAX_DEPTH} levels")
        if visited > budget[0]:
            raise SkipError(f"more than {MAX_NODES} nodes to visit (YAML aliases expand too much)")
        kind = type(node)
        if kind is scalar:
            if path or node.tag != NULL_TAG:
                mark = node.start_mark
                add(path, node.value, mark.line + 1, mark.column + 1)
        elif kind is sequence:
            items = node.value
            for index in range(len(items) - 1, -1, -1):
                push((items[index], f"{path}[{index}]", depth + 1))
        else:
            pairs = node.value
            if any(key.tag == MERGE_TAG for key, _ in pairs):
                pairs = _merged(node, depth, budget)  # type: ignore[arg-type]
            prefix = f"{path}." if path else ""
            for key, value in reversed(pairs):
                name = key.value if type(key) is scalar else "?"
                push((value, prefix + name, depth + 1))
    budget[0] -= visited


def _merged(node: yaml.MappingNode, depth: int, budget: list[int]) -> list[Any]:
    """The mapping's pairs with merge keys applied: merged first, so explicit keys win."""
    if depth > MAX_DEPTH:
        raise SkipError(f"nested deeper than {MAX_DEPTH} levels")
    merged: list[Any] = []
    explicit: list[Any] = []
    for key, value in node.value:
        if key.tag != MERGE_TAG:
            explicit.append((key, value))
            continue
        sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for source in reversed(sources):
            budget[0] -= 1
            if budget[0] < 0:
                raise SkipError(
                    f"more than {MAX_NODES} nodes to visit (YAML aliases expand too much)"
                )
            if isinstance(source, yaml.MappingNode):
                merged.extend(_merged(source, depth + 1, budget))
    return merged + explicit
