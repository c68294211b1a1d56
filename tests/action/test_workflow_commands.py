"""Annotations and masks cannot be hijacked by what a repository puts in file names or messages.

Every string is run through the runner's own parsing rules: one finding gives exactly one command,
and its file, title and message come back unchanged (redacted, never interpreted).
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.findings import Location, Severity, make_finding
from checker.redaction import Redactor
from checker.reporters.workflow_commands import (
    ANNOTATION_LIMIT_PER_SEVERITY,
    WorkflowCommands,
    escape_data,
    escape_property,
)
from tests.action.runner_protocol import parse_command, parse_stream
from tests.reporting.reports import model_finding

HOSTILE = [
    "config/prod.yaml\n::error::injected",
    "a,line=99,file=evil.py",
    "100%0A::add-mask::x",
    "col:1::warning::boo",
    "%25%2C%3A",
    "\r\n::stop-commands::abc",
    "services/a b/values-production.yaml",
]
HOSTILE_TEXT = st.lists(
    st.sampled_from([*"ab:,%=\r\n ", "::", "::error::", "%0A", "%25", "::add-mask::"]),
    max_size=20,
).map("".join)


def _annotations(findings: list[object], redactor: Redactor | None = None) -> str:
    stream = io.StringIO()
    WorkflowCommands(stream, redactor or Redactor()).annotate(findings)  # type: ignore[arg-type]
    return stream.getvalue()


def test_a_hostile_file_name_stays_one_annotation_with_the_exact_file() -> None:
    for name in HOSTILE:
        finding = make_finding(
            "CFG001",
            "unparsable",
            file=name,
            file_format="YAML",
            problem="mapping values are not allowed here",
            location=Location(name, 3, 7),
        )
        output = _annotations([finding])
        assert output.count("\n") == 1, repr(output)
        command = parse_command(output.rstrip("\n"))
        assert command is not None
        assert command.name == "error"
        assert command.properties["file"] == name
        assert command.properties["line"] == "3"
        assert command.properties["col"] == "7"
        assert command.data.startswith(
            f"`{name}` is not valid YAML: mapping values are not allowed here.\nFix: "
        )


@settings(max_examples=200, deadline=None)
@given(file=HOSTILE_TEXT, message=HOSTILE_TEXT)
def test_any_file_and_message_round_trip_through_the_runner(file: str, message: str) -> None:
    finding = model_finding(
        "MOD007", message, severity=Severity.WARNING, location=Location(file or "x", 1)
    )
    output = _annotations([finding])
    lines = output.split("\n")
    assert lines[-1] == ""
    assert len(lines) == 2
    command = parse_command(lines[0])
    assert command is not None
    assert command.name == "warning"
    assert command.properties["file"] == (file or "x")
    assert command.properties["line"] == "1"
    assert set(command.properties) == {"title", "file", "line"}
    assert command.data == f"{finding.message}\nFix: {finding.fix}"


@settings(max_examples=200, deadline=None)
@given(text=HOSTILE_TEXT)
def test_escaped_text_never_holds_a_line_break_or_a_property_separator(text: str) -> None:
    assert "\n" not in escape_data(text)
    assert "\r" not in escape_data(text)
    prop = escape_property(text)
    assert not {",", ":", "\n", "\r"} & set(prop)


def test_secrets_in_messages_are_redacted_before_escaping() -> None:
    key = "sk-ant-api03-" + "Zq9" * 31 + "AA"
    finding = make_finding(
        "SEC003",
        "shape",
        location=Location(f"{key}.env", 1),
        slot=f"`{key}`",
        problems="ends with a newline",
        variable=key,
    )
    output = _annotations([finding], Redactor([key]))
    assert key not in output
    assert key[13:29] not in output
    assert "[REDACTED]" in output


def test_add_mask_masks_each_word_once_before_anything_else() -> None:
    stream = io.StringIO()
    commands = WorkflowCommands(stream, Redactor())
    commands.add_mask("first-secret second%secret\nthird")
    commands.add_mask("first-secret")
    masks = [parse_command(line) for line in stream.getvalue().splitlines()]
    assert [(m.name, m.data) for m in masks if m] == [
        ("add-mask", "first-secret"),
        ("add-mask", "second%secret"),
        ("add-mask", "third"),
    ]


def test_annotations_respect_the_per_step_limit_and_say_what_was_left_out() -> None:
    findings = [
        make_finding(
            "CFG001",
            "unparsable",
            file=f"f{n}.yaml",
            file_format="YAML",
            problem="mapping values are not allowed here",
            location=Location(f"f{n}.yaml", n + 1),
        )
        for n in range(ANNOTATION_LIMIT_PER_SEVERITY + 3)
    ]
    stream = io.StringIO()
    left_out = WorkflowCommands(stream, Redactor()).annotate(findings)
    commands = parse_stream(stream.getvalue())
    errors = [c for c in commands if c.name == "error"]
    notices = [c for c in commands if c.name == "notice"]
    assert len(errors) == ANNOTATION_LIMIT_PER_SEVERITY
    assert left_out["error"] == 3
    assert len(notices) == 1
    assert "3 error" in notices[0].data


def test_text_between_stop_and_resume_is_not_read_as_commands() -> None:
    stream = io.StringIO()
    commands = WorkflowCommands(stream, Redactor())
    token = commands.stop_commands()
    stream.write("::error::from a repository file\n::add-mask::nope\n")
    commands.resume_commands(token)
    stream.write("::notice::after\n")
    parsed = parse_stream(stream.getvalue())
    assert [(c.name, c.data) for c in parsed] == [("notice", "after")]
