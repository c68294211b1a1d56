"""The byte arithmetic of one edit: find the value where the reader said, replace it alone."""

from __future__ import annotations

import pytest

from checker.fix.edits import EditRefusedError, apply_edits, edited_line, locate


def _fix(data: bytes, line: int, column: int, old: str, new: str, fmt: str | None = None) -> bytes:  # noqa: PLR0917 - the edit's own coordinates, in the order `locate` takes them
    return apply_edits(data, [locate(data, line, column, old, new, file_format=fmt)])


def test_a_bare_value_is_replaced_and_nothing_else() -> None:
    data = b"llm:\n  model: claude-opus-4.8   # keep me\n"
    assert _fix(data, 2, 10, "claude-opus-4.8", "claude-opus-4-8", "yaml") == (
        b"llm:\n  model: claude-opus-4-8   # keep me\n"
    )


def test_a_position_at_the_opening_quote_keeps_the_quotes() -> None:
    data = b'{\n  "model": "claude-opus-4.8"\n}'
    assert _fix(data, 2, 12, "claude-opus-4.8", "claude-opus-4-8") == (
        b'{\n  "model": "claude-opus-4-8"\n}'
    )


def test_crlf_and_a_bom_stay_and_columns_count_after_the_bom() -> None:
    data = b"\xef\xbb\xbfmodel: claude-opus-4.8\r\nother: x\r\n"
    assert _fix(data, 1, 8, "claude-opus-4.8", "claude-opus-4-8", "yaml") == (
        b"\xef\xbb\xbfmodel: claude-opus-4-8\r\nother: x\r\n"
    )


def test_columns_are_characters_not_bytes() -> None:
    data = "name: Café ☕ model=claude-opus-4.8\n".encode()
    column = "name: Café ☕ model=".__len__() + 1
    out = _fix(data, 1, column, "claude-opus-4.8", "claude-opus-4-8")
    assert out == "name: Café ☕ model=claude-opus-4-8\n".encode()


def test_latin1_properties_keep_their_encoding() -> None:
    data = b"# Caf\xe9\nllm.model=claude-opus-4.8\n"
    out = _fix(data, 2, 11, "claude-opus-4.8", "claude-opus-4-8", "properties")
    assert out == b"# Caf\xe9\nllm.model=claude-opus-4-8\n"


@pytest.mark.parametrize(
    ("data", "column", "why"),
    [
        (b"model: claude-opus-4.9\n", 8, "not the value"),
        (b"model: claude-opus-4.8-beta\n", 8, "longer word"),
        (b'model: "claude-opus-4.8x"\n', 8, "continues past its quotes"),
        (b"model: claude-opus-4.8\n", 40, "no longer at the reported position"),
        (b'"model": "claude\\u002dopus-4.8"\n', 10, "not the value"),
    ],
)
def test_bytes_that_are_not_the_value_are_refused(data: bytes, column: int, why: str) -> None:
    with pytest.raises(EditRefusedError, match=why):
        locate(data, 1, column, "claude-opus-4.8", "claude-opus-4-8", file_format="yaml")


def test_a_line_past_the_end_is_refused() -> None:
    with pytest.raises(EditRefusedError, match="fewer lines"):
        locate(b"a: b\n", 3, 1, "b", "c")


@pytest.mark.parametrize("new", ["claude next 1", 'claude-"x"', "claude-x#1", "${HOME}", "-x"])
def test_a_replacement_that_would_need_quoting_is_refused(new: str) -> None:
    with pytest.raises(EditRefusedError, match="quoting or escaping"):
        locate(b"model: claude-opus-4.8\n", 1, 8, "claude-opus-4.8", new, file_format="yaml")


def test_a_bare_yaml_value_that_would_change_type_is_refused() -> None:
    with pytest.raises(EditRefusedError, match="quotes in YAML"):
        locate(b"model: claude-x\n", 1, 8, "claude-x", "1.5", file_format="yaml")


def test_the_same_value_quoted_in_yaml_may_take_it() -> None:
    data = b'model: "claude-x"\n'
    assert _fix(data, 1, 8, "claude-x", "1.5", "yaml") == b'model: "1.5"\n'


def test_edits_on_one_line_apply_from_the_end() -> None:
    data = b"models: [claude-opus-4.8, 'claude-haiku-4-5']\n"
    first = locate(data, 1, 10, "claude-opus-4.8", "claude-opus-4-8")
    second = locate(data, 1, 27, "claude-haiku-4-5", "claude-haiku-4-5-20251001")
    assert apply_edits(data, [first, second]) == (
        b"models: [claude-opus-4-8, 'claude-haiku-4-5-20251001']\n"
    )
    assert edited_line(data, second) == "models: [claude-opus-4.8, 'claude-haiku-4-5-20251001']"
