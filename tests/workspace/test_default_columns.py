"""An env reference's default sits where its bytes are, quoted or not, so `fix` can edit it."""

from __future__ import annotations

import pytest

from checker.scan.defaults import with_defaults
from checker.workspace.parsers import parse_text


@pytest.mark.parametrize(
    "line",
    [
        "    CLAUDE_MODEL: ${CLAUDE_MODEL:-claude-3-haiku-20240307}",
        '    CLAUDE_MODEL: "${CLAUDE_MODEL:-claude-3-haiku-20240307}"',
        "    CLAUDE_MODEL: '${CLAUDE_MODEL:-claude-3-haiku-20240307}'",
    ],
)
def test_the_default_of_a_quoted_or_plain_scalar_is_at_its_own_column(line: str) -> None:
    text = f"services:\n  app:\n    environment:\n{line[2:]}\n"
    values = with_defaults(parse_text(text, "yaml", "docker-compose.yml"), text)
    default = next(value for value in values if value.value == "claude-3-haiku-20240307")
    assert default.location.line == 4
    column = default.location.column
    assert column is not None
    row = text.splitlines()[3]
    assert row[column - 1 :].startswith("claude-3-haiku-20240307")


def test_a_value_without_a_reference_adds_nothing() -> None:
    text = "model: claude-sonnet-4-6\n"
    values = parse_text(text, "yaml", "config.yaml")
    assert with_defaults(values, text) == values
