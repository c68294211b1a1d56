"""Each parser keeps the line and column of every value, and says where a syntax error is."""

from __future__ import annotations

import pytest

from checker.workspace.parsers import ParseError, parse_text


def positions(text: str, file_format: str) -> list[tuple[str, str, int, int]]:
    values = parse_text(text, file_format, "f")
    return [(v.key_path, v.value, v.location.line or 0, v.location.column or 0) for v in values]


def error_at(text: str, file_format: str) -> tuple[int | None, int | None]:
    with pytest.raises(ParseError) as caught:
        parse_text(text, file_format, "f")
    return caught.value.line, caught.value.column


def test_yaml_values_keep_source_text_and_the_position_of_the_value() -> None:
    text = (
        "llm:\n"
        "  model: 'claude-sonnet-4-5'\n"
        "  max_tokens: 100000\n"
        "  stream: yes\n"
        "  models:\n"
        "    - claude-haiku-4-5\n"
        "    - {id: claude-opus-4-1, weight: 2}\n"
        "  empty:\n"
        "  note: |\n"
        "    multi\n"
    )
    assert positions(text, "yaml") == [
        ("llm.model", "claude-sonnet-4-5", 2, 10),
        ("llm.max_tokens", "100000", 3, 15),
        ("llm.stream", "yes", 4, 11),
        ("llm.models[0]", "claude-haiku-4-5", 6, 7),
        ("llm.models[1].id", "claude-opus-4-1", 7, 12),
        ("llm.models[1].weight", "2", 7, 37),
        ("llm.empty", "", 8, 9),  # an empty value sits right after its colon
        ("llm.note", "multi\n", 9, 9),
    ]


def test_yaml_merge_keys_apply_with_explicit_keys_winning_and_positions_at_the_source() -> None:
    text = "base: &base\n  model: a\n  region: us\nprod:\n  <<: *base\n  region: eu\n"
    assert positions(text, "yaml") == [
        ("base.model", "a", 2, 10),
        ("base.region", "us", 3, 11),
        ("prod.model", "a", 2, 10),
        ("prod.region", "eu", 6, 11),
    ]


def test_yaml_with_several_documents_prefixes_the_document_index() -> None:
    text = "kind: A\nmodel: x\n---\nkind: B\nmodel: y\n"
    assert positions(text, "yaml") == [
        ("[0].kind", "A", 1, 7),
        ("[0].model", "x", 2, 8),
        ("[1].kind", "B", 4, 7),
        ("[1].model", "y", 5, 8),
    ]


def test_a_single_document_after_a_marker_has_no_prefix() -> None:
    assert positions("---\nmodel: x\n", "yaml") == [("model", "x", 2, 8)]


def test_yaml_duplicate_keys_keep_the_last_value() -> None:
    assert positions("model: a\nmodel: b\n", "yaml") == [("model", "b", 2, 8)]


def test_yaml_positions_count_characters_after_non_ascii_text() -> None:
    assert positions("café: ok\nllm: {model: x}\n", "yaml") == [
        ("café", "ok", 1, 7),
        ("llm.model", "x", 2, 14),
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("llm:\n  model: a\n model: b\n", (3, 2)),
        ("a: [1, 2\n", (2, 1)),
        ("a: *missing\n", (1, 4)),
        ("key: 'unterminated\n", (2, 1)),
    ],
)
def test_yaml_errors_carry_the_parsers_line_and_column(text: str, where: tuple[int, int]) -> None:
    assert error_at(text, "yaml") == where


def test_json_positions_survive_escapes_and_nesting() -> None:
    text = (
        '{\n  "a\\"b": "x\\"y",\n  "llm": {"model": "m", "max_tokens": 8192, "x": [true, null]}\n}'
    )
    assert positions(text, "json") == [
        ('a"b', 'x"y', 2, 11),
        ("llm.model", "m", 3, 20),
        ("llm.max_tokens", "8192", 3, 39),
        ("llm.x[0]", "true", 3, 51),
        ("llm.x[1]", "null", 3, 57),
    ]


def test_appsettings_json_may_hold_comments_and_trailing_commas_like_dotnet_allows() -> None:
    text = '{\n  // the model\n  "Model": "m", /* inline */ "Url": "http://x//y",\n  "L": [1,],\n}'
    assert positions(text, "jsonc") == [
        ("Model", "m", 3, 12),
        ("Url", "http://x//y", 3, 37),
        ("L[0]", "1", 4, 9),
    ]
    assert error_at(text, "json") == (2, 3)


def test_json_duplicate_keys_keep_the_last_value() -> None:
    assert positions('{"model": "a", "model": "b"}', "json") == [("model", "b", 1, 25)]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{\n  "a": 1,\n}', (3, 1)),
        ('{"a": tru}', (1, 7)),
        ('{\n"a": "x\ny"}', (2, 8)),
    ],
)
def test_json_errors_carry_the_decoders_line_and_column(text: str, where: tuple[int, int]) -> None:
    assert error_at(text, "json") == where


def test_toml_positions_for_keys_tables_arrays_of_tables_and_inline_values() -> None:
    text = (
        'title = "x"  # comment\n'
        "[llm]\n"
        'model = "claude-sonnet-4-5"\n'
        "max_tokens = 8_192\n"
        'site."eu.west".model = "m"\n'
        "models = [\n"
        '  "a",  # first\n'
        "  'b',\n"
        "]\n"
        'limits = { rpm = 5, tier = "t" }\n'
        "[[workers]]\n"
        "name = 'w1'\n"
        "[[workers]]\n"
        'name = """w2"""\n'
        "[workers.env]\n"
        "debug = false\n"
    )
    assert positions(text, "toml") == [
        ("title", "x", 1, 9),
        ("llm.model", "claude-sonnet-4-5", 3, 9),
        ("llm.max_tokens", "8_192", 4, 14),
        ("llm.site.eu.west.model", "m", 5, 24),
        ("llm.models[0]", "a", 7, 3),
        ("llm.models[1]", "b", 8, 3),
        ("llm.limits.rpm", "5", 10, 18),
        ("llm.limits.tier", "t", 10, 28),
        ("workers[0].name", "w1", 12, 8),
        ("workers[1].name", "w2", 14, 8),
        ("workers[1].env.debug", "false", 16, 9),
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a = 1\nb = \n", (2, 5)),
        ('[llm]\nmodel = "x\n', (2, 11)),
        ("a = 1\na = 2\n", (2, 6)),
    ],
)
def test_toml_errors_carry_the_line_and_column(text: str, where: tuple[int, int]) -> None:
    assert error_at(text, "toml") == where


def test_dotenv_export_quotes_comments_and_empty_values() -> None:
    text = (
        "# comment\n"
        "export ANTHROPIC_MODEL=claude-sonnet-4-5\n"
        "MAX_TOKENS = 4096 # tokens\n"
        "SINGLE='a # b'\n"
        'DOUBLE="line\\nnext \\"q\\""\n'
        "EMPTY=\n"
        "URL=https://h/#frag\n"
        'MULTI="one\n'
        'two"\n'
        "PASSTHROUGH\n"
        "AFTER=x\r\n"
    )
    assert positions(text, "dotenv") == [
        ("ANTHROPIC_MODEL", "claude-sonnet-4-5", 2, 24),
        ("MAX_TOKENS", "4096", 3, 14),
        ("SINGLE", "a # b", 4, 8),
        ("DOUBLE", 'line\nnext "q"', 5, 8),
        ("EMPTY", "", 6, 7),
        ("URL", "https://h/#frag", 7, 5),
        ("MULTI", "one\ntwo", 8, 7),
        ("AFTER", "x", 11, 7),
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("A=1\n  not an assignment\n", (2, 7)),
        ("A=1\n= no key\n", (2, 1)),
        ("A='open\n", (1, 3)),
        ('A=1\nB="open\nmore\n', (2, 3)),
    ],
)
def test_dotenv_errors_carry_the_line_and_column(text: str, where: tuple[int, int]) -> None:
    assert error_at(text, "dotenv") == where


def test_properties_separators_comments_continuations_and_escapes() -> None:
    text = (
        "# comment\n"
        "! bang comment\n"
        "spring.ai.anthropic.model=claude-sonnet-4-5\n"
        "max.tokens: 2048\n"
        "spaced   value here\n"
        "long = one \\\n"
        "       two\n"
        "escaped\\ key=caf\\u00e9\\tx\n"
        "empty=\n"
    )
    assert positions(text, "properties") == [
        ("spring.ai.anthropic.model", "claude-sonnet-4-5", 3, 27),
        ("max.tokens", "2048", 4, 13),
        ("spaced", "value here", 5, 10),
        ("long", "one two", 6, 8),
        ("escaped key", "café\tx", 8, 14),
        ("empty", "", 9, 7),
    ]


def test_properties_value_starting_on_a_continuation_line_points_there() -> None:
    assert positions("key = \\\n    value\n", "properties") == [("key", "value", 2, 5)]


def test_properties_malformed_unicode_escape_is_a_parse_error() -> None:
    assert error_at("a=1\nb=\\u12\n", "properties") == (2, None)
