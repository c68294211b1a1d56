"""Step outputs survive any value: the runner reads back exactly what was written.

`$GITHUB_OUTPUT` uses `name<<DELIMITER` blocks; a value holding newlines, `name=value` lines or a
delimiter-looking string must not end the block early or add outputs of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.redaction import Redactor
from checker.reporters.outputs import write_outputs
from tests.helpers import parse_github_output

TRICKY_VALUES = [
    "plain",
    "",
    "two\nlines",
    "passed=true\nerrors=0",
    "ghadelimiter_00000000-0000-0000-0000-000000000000",
    "x\nghadelimiter_1234\nreport<<EOF\nEOF",
    "trailing newline\n",
]


def _round_trip(tmp_path: Path, outputs: dict[str, str]) -> dict[str, str]:
    path = tmp_path / "output"
    path.write_text("", encoding="utf-8")
    write_outputs(path, outputs, Redactor())
    return parse_github_output(path.read_text(encoding="utf-8"))


def test_tricky_values_round_trip(tmp_path: Path) -> None:
    outputs = {f"o{n}": value for n, value in enumerate(TRICKY_VALUES)}
    assert _round_trip(tmp_path, outputs) == outputs


def test_every_value_uses_its_own_fresh_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "output"
    write_outputs(path, {"a": "1", "b": "2"}, Redactor())
    headers = [line for line in path.read_text().splitlines() if "<<" in line]
    delimiters = [header.split("<<")[1] for header in headers]
    assert len(set(delimiters)) == 2
    assert all(d.startswith("ghadelimiter_") for d in delimiters)


def test_outputs_are_redacted(tmp_path: Path) -> None:
    key = "sk-ant-api03-" + "Kp7" * 31 + "AA"
    path = tmp_path / "output"
    write_outputs(path, {"models": f'{{"prod": "{key}"}}'}, Redactor([key]))
    assert key not in path.read_text()


@settings(max_examples=150, deadline=None)
@given(
    value=st.lists(
        st.sampled_from([*"ab=<\n ", "ghadelimiter_", "EOF", "value<<EOF"]), max_size=20
    ).map("".join)
)
def test_any_value_round_trips(tmp_path_factory: pytest.TempPathFactory, value: str) -> None:
    folder = tmp_path_factory.mktemp("outputs")
    assert _round_trip(folder, {"value": value}) == {"value": value}
