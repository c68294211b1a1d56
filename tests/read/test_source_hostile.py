"""Hostile sources: each scan ends with what can be read, never an exception or a hang.

Nothing here asserts wall-clock time (the machines are shared); a scan that went quadratic or
recursed per bracket would not finish, or would raise, and fail the test that way.
"""

from __future__ import annotations

import pytest

from checker.read.source import LANGUAGES, MAX_STRINGS, scan_source
from tests.read import found, placed

LANGUAGE_NAMES = sorted(set(LANGUAGES.values()))
# A statement every language's scanner reads as `MODEL` bound to a Claude ID.
ASSIGNMENT = dict.fromkeys(LANGUAGE_NAMES, 'MODEL = "claude-3-haiku"')
ASSIGNMENT["php"] = '<?php $MODEL = "claude-3-haiku";'
ASSIGNMENT["template"] = '<input MODEL="claude-3-haiku">'


@pytest.mark.parametrize("language", LANGUAGE_NAMES)
def test_an_unterminated_string_at_the_end_keeps_what_came_before(language: str) -> None:
    for tail in ('\nBROKEN = "claude-2', "\nBROKEN = 'claude-2", "\n`claude-2", '\n"""claude-2'):
        strings = scan_source(ASSIGNMENT[language] + tail, language)
        assert [(s.value, s.bound) for s in strings] == [("claude-3-haiku", "MODEL")], tail


@pytest.mark.parametrize("language", LANGUAGE_NAMES)
def test_unbalanced_brackets_unclosed_comments_and_interpolations_end_quietly(
    language: str,
) -> None:
    for noise in (")))]]}}}", "((([[[{{{", "/* never closed", "`${", '"${', "{{ {% <% <!--"):
        text = noise + "\n" + ASSIGNMENT[language] + "\n" + noise
        for string in scan_source(text, language):
            assert placed(text, string, language)


@pytest.mark.parametrize("language", LANGUAGE_NAMES)
def test_nul_bytes_lone_surrogates_and_replacement_characters_are_just_text(
    language: str,
) -> None:
    text = "\x00\x00" + ASSIGNMENT[language].replace("haiku", "hai\ud800ku\ufffd") + "\x00\n"
    [string] = scan_source(text, language)
    assert string.value == "claude-3-hai\ud800ku\ufffd"
    assert placed(text, string, language)


@pytest.mark.parametrize("language", LANGUAGE_NAMES)
def test_a_hundred_thousand_literals_stop_at_the_cap(language: str) -> None:
    rows = "\n".join(f'<i m="claude-{n}">' for n in range(100_000))
    if language != "template":
        rows = "\n".join(f'M{n} = "claude-{n}";' for n in range(100_000))
    strings = scan_source(("<?php\n" if language == "php" else "") + rows, language)
    assert len(strings) == MAX_STRINGS
    assert strings[-1].value == f"claude-{MAX_STRINGS - 1}"


def test_a_five_megabyte_minified_bundle_without_a_signal_is_refused_before_lexing() -> None:
    chunk = 'function a(b,c){var d=b+c*2;return d>9?{x:"abc",y:[1,2,3]}:/re[a-z]+/g.test(c)}'
    bundle = chunk * (5_000_000 // len(chunk))
    assert len(bundle) > 4_900_000
    assert scan_source(bundle, "javascript") == []


def test_a_five_megabyte_minified_bundle_with_a_signal_is_read_to_the_end() -> None:
    chunk = 'function a(b,c){var d=b+c*2;return d>9?{x:"abc",y:[1,2,3]}:/re[a-z]+/g.test(c)}'
    bundle = chunk * (5_000_000 // len(chunk)) + 'var cfg={model:"claude-3-haiku"};'
    column = len(bundle) - len('"claude-3-haiku"};') + 1
    assert found(bundle, "javascript") == [("claude-3-haiku", 1, column, "model")]


@pytest.mark.parametrize("language", LANGUAGE_NAMES)
def test_deep_nesting_costs_no_recursion(language: str) -> None:
    depth = 100_000
    text = "(" * depth + "[" * depth + "{" * depth + ASSIGNMENT[language] + "}" * depth
    strings = scan_source(text, language)
    assert [s.value for s in strings] == ["claude-3-haiku"]


def test_deeply_nested_interpolations_are_bounded() -> None:
    text = "const m = " + "`${" * 50_000 + '"claude-3-haiku"' + "}`" * 50_000
    strings = scan_source(text, "javascript")
    assert all(placed(text, string, "javascript") for string in strings)
    placeholders = 'M = "' + "${" * 100_000 + 'X:-claude-3-haiku}"'
    assert [s.value for s in scan_source(placeholders, "python")] == ["claude-3-haiku"]


def test_slashes_that_open_no_regex_are_not_rescanned_to_the_end_of_the_line() -> None:
    text = "(/[" * 200_000 + ';m="claude-3-haiku"'
    assert [s.value for s in scan_source(text, "javascript")] == ["claude-3-haiku"]
