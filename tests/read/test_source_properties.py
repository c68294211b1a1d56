"""Properties every scanner keeps on any text: it never raises, and every position is exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.read.source import LANGUAGES, scan_source
from tests.read import at, placed

LANGUAGE_NAMES = sorted(set(LANGUAGES.values()))
# Pieces that reach every lexer state: quotes and prefixes, comments, interpolation, brackets,
# template tags, environment lookups and placeholders, next to the words the filter looks for.
FRAGMENTS = (
    '"', "'", "`", '"""', "'''", "r", "b", "f", "@", "$", "#", "r#", "%", "\\", "\\(", "\n", " ",
    "//", "/*", "*/", "#{", "${", "{", "}", "(", ")", "[", "]", "=", ":", ",", ";", "?", "??",
    "||", "=>", "<", ">", "/", "<!--", "-->", "{{", "}}", "{%", "%}", "{#", "#}", "<%", "%>",
    "<select name=", "<option", "</select>", "<script>", "</script>", "<?php", "?>", "=begin",
    "=end", "<<~EOS", "EOS", "model", "MODEL", "claude", "claude-opus-4-1", "os.getenv(",
    "process.env.X", "ENV[", "env::var(", ".unwrap_or(", "getenv()", "${CLAUDE_MODEL:-",
    "${claude.model:", "\x00", "\ud800", "\ufffd", "\r\n", "\t", '"claude-a"', "'claude-b'",
    "`claude-c`", '"${X_MODEL:-claude-d}"', "'${m.model:claude-e}'", "model = ", "model: ",
    '"model" => ', "value=", '"\\"claude\\""', "'\\x63laude'",
)  # fmt: skip
texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=40).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=texts | st.text(), language=st.sampled_from(LANGUAGE_NAMES))
def test_any_text_scans_and_every_position_points_at_the_literal(text: str, language: str) -> None:
    for string in scan_source(text, language):
        assert placed(text, string, language), (string, at(text, string.line, string.column)[:20])
