"""The scans that were quadratic or backtracking before issue 10, in-process: the same answers as
before on ordinary input, and a time bound on the worst input (generous: two shared cores).

Before (bench/hostile.py, one process each): JSONC 11.6 s for 120 KB of unclosed `/*"`, TOML
21.6 s and 3.4 GB for a key of 30,000 dots, the redactor 64 s for 330 KB of `eyJ`, a glob
`**a` x 15 more than 90 s. The glob matcher has its own tests (tests/workspace/test_globs.py).
"""

from __future__ import annotations

import contextlib
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.redaction import REDACTED, Redactor, _redact_jwts
from checker.workspace.parsers import ParseError, SkipError, parse_text
from checker.workspace.parsers.json_values import strip_jsonc

BOUND_SECONDS = 3.0
OLD_JSONC_NOISE = re.compile(r'"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/|,(?=\s*[}\]])', re.DOTALL)
OLD_JWT = re.compile(r"eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*")


def _old_jsonc(text: str) -> str:
    def blank(match: re.Match[str]) -> str:
        token = match.group()
        return token if token.startswith('"') else re.sub(r"[^\n]", " ", token)

    return OLD_JSONC_NOISE.sub(blank, text)


def _timed(call: object, *args: object) -> float:
    started = time.monotonic()
    with contextlib.suppress(ParseError, SkipError):
        call(*args)  # type: ignore[operator]
    return time.monotonic() - started


JSONC_PIECES = st.sampled_from(['"a"', '"\\""', "//c\n", "/*x*/", ",", "}", "]", " ", "\n", "1"])


@settings(max_examples=500)
@given(st.lists(JSONC_PIECES, max_size=30).map("".join))
def test_jsonc_stripping_blanks_what_the_regex_blanked(text: str) -> None:
    """On closed comments and strings the single pass gives the regex's answer (and also drops a
    trailing comma followed by a comment, which the regex kept)."""
    if "," in text:
        assert len(strip_jsonc(text)) == len(text)
        return
    assert strip_jsonc(text) == _old_jsonc(text)


@pytest.mark.parametrize(
    "text",
    ['{"a": 1' + '/*"' * 40_000, '{"a": "' + '\\"' * 60_000, "/*" * 60_000, '"' * 120_001],
    ids=["unclosed-comments-and-quotes", "escaped-quotes", "openers", "quotes"],
)
def test_jsonc_on_unclosed_input_is_linear(text: str) -> None:
    assert _timed(parse_text, text, "jsonc", "appsettings.production.json") < BOUND_SECONDS


def test_a_trailing_comma_after_a_comment_is_dropped() -> None:
    values = parse_text('{"model": "claude-x", // the model\n}', "jsonc", "a.json")
    assert [value.value for value in values] == ["claude-x"]


@pytest.mark.parametrize("parts", [30_000, 66])
def test_a_toml_key_of_too_many_parts_is_skipped_before_tomllib(parts: int) -> None:
    text = "a" + ".a" * (parts - 1) + " = 1\n"
    with pytest.raises(SkipError, match="dotted parts"):
        parse_text(text, "toml", "config/production.toml")
    assert _timed(parse_text, text, "toml", "x.toml") < BOUND_SECONDS


def test_dots_in_toml_strings_numbers_and_comments_are_not_key_parts() -> None:
    dots = "." * 500
    text = f'a.b.c = 1.5\ns = "{dots}"\nt = """{dots}"""\n# {dots}\nu = [1.5, 2.5]\n'
    assert len(parse_text(text, "toml", "x.toml")) == 5


TOKEN_PIECES = st.sampled_from(["eyJ", "a", "Zz9", ".", " ", "-", "_", "x" * 8, "=", "é"])


@settings(max_examples=1000)
@given(st.lists(TOKEN_PIECES, max_size=25).map("".join))
def test_jwt_redaction_replaces_what_the_regex_replaced(text: str) -> None:
    assert _redact_jwts(text) == OLD_JWT.sub(REDACTED, text)


@pytest.mark.parametrize(
    "text",
    ["eyJ" * 110_000, "eyJ" * 50_000 + "." + "a" * 100_000, ("eyJ" * 100 + ".") * 3_000],
    ids=["one-run", "one-dot", "many-dots"],
)
def test_the_redactor_is_linear_on_eyj_runs(text: str) -> None:
    redact = Redactor(["sk-ant-api03-" + "q" * 93 + "AA"])
    assert _timed(redact, text) < BOUND_SECONDS
