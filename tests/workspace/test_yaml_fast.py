"""The plain-YAML fast path agrees with the full composer on everything it accepts."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.workspace.parsers.common import ParseError, SkipError, Values
from checker.workspace.parsers.yaml_composed import parse_composed_yaml
from checker.workspace.parsers.yaml_fast import parse_plain_yaml

LINES = [
    "llm:",
    "model: claude-sonnet-4-5",
    "max_tokens: 100000",
    "url: https://x.example/a:b",
    "name: two words  # comment",
    "list:",
    "- item",
    "- other # note",
    "- k: v",
    "-x",
    "# comment",
    "",
    "key: a: b",
    "key: 'quoted'",
    "key: [1, 2]",
    "key: &anchor x",
    "key: *anchor",
    "key: b#c",
    "key:value",
    "key: |",
    "continued text",
    "---",
    "key: ~",
    "key: x\t",
    "dup: 1",
    "dup: 2",
]


def composed(text: str) -> list[tuple[str, str, int | None, int | None]] | None:
    values = Values("f")
    try:
        parse_composed_yaml(text, values)
    except (ParseError, SkipError):
        return None
    return [(v.key_path, v.value, v.location.line, v.location.column) for v in values.result()]


def fast(text: str) -> list[tuple[str, str, int | None, int | None]] | None:
    values = Values("f")
    if not parse_plain_yaml(text, values):
        return None
    return [(v.key_path, v.value, v.location.line, v.location.column) for v in values.result()]


def test_a_typical_environment_file_takes_the_fast_path_with_identical_results() -> None:
    text = (
        "# production\n"
        "llm:\n"
        "  model: claude-sonnet-4-5  # pinned\n"
        "  max_tokens: 16000\n"
        "  fallbacks:\n"
        "  - claude-haiku-4-5\n"
        "  - claude-opus-4-1\n"
        "service:\n"
        "    url: https://api.internal:8443/v1\n"
        "    name: billing api\n"
        "top: 1\n"
    )
    result = fast(text)
    assert result is not None
    assert result == composed(text)
    assert ("llm.fallbacks[1]", "claude-opus-4-1", 7, 5) in result


def test_anything_unusual_falls_back_to_the_composer() -> None:
    for text in ("a: 'q'\n", "a: [1]\n", "a:\n  - k: v\n", "a: b\r\n", "é: x\n", "a:\n", "- x\n"):
        assert fast(text) is None, text


PLAIN_LINES = [
    "llm:",
    "model: x",
    "- item",
    "# c",
    "",
    "dup: 1",
    "dup: 2",
    "u: h://a:b",
    "n: a b # c",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0, 0, 2, 2, 4, 1, 3]),
            st.one_of(st.sampled_from(PLAIN_LINES), st.sampled_from(LINES)),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_fast_path_never_disagrees_with_the_composer(lines: list[tuple[int, str]]) -> None:
    text = "\n".join(" " * indent + line for indent, line in lines) + "\n"
    result = fast(text)
    if result is not None:
        assert result == composed(text), text


def test_composer_reference_is_pyyaml_itself() -> None:
    text = "a:\n  b: 1\n"
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    assert node is not None
    assert composed(text) == [("a.b", "1", 2, 6)] == fast(text)
