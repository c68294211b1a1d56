"""Presence, shape, kind and placeholder checks on the secrets of one run (SEC001-SEC005)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.context import RunContext
from checker.findings import Severity
from checker.redaction import Redactor
from tests.secrets.support import SK, codes, make_key, only, secrets_outcome

KEY = make_key()
GITHUB = RunContext(on_github=True, event_name="push")


def test_a_well_formed_key_passes_and_is_handed_to_the_live_check(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path)
    assert outcome.findings == []
    assert outcome.api_key == KEY
    assert outcome.live_skip_reason is None


def test_the_api_key_input_wins_over_the_env_var(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": "changeme"}, tmp_path, given={"api-key": KEY})
    assert outcome.findings == []
    assert outcome.api_key == KEY


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "`ANTHROPIC_API_KEY` is not set"),
        ({"ANTHROPIC_API_KEY": ""}, "`ANTHROPIC_API_KEY` is set but empty"),
        ({"ANTHROPIC_API_KEY": " \n"}, "`ANTHROPIC_API_KEY` contains only whitespace"),
    ],
)
def test_unset_empty_and_blank_keys_are_all_missing(
    tmp_path: Path, environ: dict[str, str], expected: str
) -> None:
    outcome = secrets_outcome(environ, tmp_path)
    finding = only(outcome.findings, "SEC001")
    assert expected in finding.message
    assert outcome.api_key is None
    assert outcome.live_skip_reason == "no API key in this run"


def test_on_github_the_missing_key_names_the_input_and_the_env_var(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": ""}, tmp_path, context=GITHUB)
    finding = only(outcome.findings, "SEC001")
    assert "`api-key` input is empty" in finding.message
    assert "`ANTHROPIC_API_KEY` is set but empty" in finding.message
    assert "environment the job does not declare" in finding.message
    assert "with: api-key: ${{ secrets.ANTHROPIC_API_KEY }}" in finding.fix


def test_a_misspelt_variable_is_pointed_out(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTRHOPIC_API_KEY": KEY}, tmp_path)
    assert "`ANTRHOPIC_API_KEY` is set, though" in only(outcome.findings, "SEC001").message


def test_every_required_secret_is_checked_and_named(tmp_path: Path) -> None:
    outcome = secrets_outcome(
        {"ANTHROPIC_API_KEY": KEY, "DATABASE_URL": ""},
        tmp_path,
        given={"required-secrets": "DATABASE_URL,SENTRY_DSN"},
    )
    messages = sorted(f.message for f in outcome.findings if f.code == "SEC001")
    assert messages == [
        "`DATABASE_URL` is set but empty in this run.",
        "`SENTRY_DSN` is not set in this run.",
    ]
    assert outcome.api_key == KEY


def test_a_custom_api_key_env_is_the_one_required(tmp_path: Path) -> None:
    outcome = secrets_outcome({"CLAUDE_KEY": KEY}, tmp_path, given={"api-key-env": "CLAUDE_KEY"})
    assert outcome.findings == []
    assert outcome.api_key == KEY


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        (KEY + "\n", "ends with a newline"),
        (KEY + "\r\n", "ends with a Windows line break (CR LF)"),
        ("  " + KEY, "starts with 2 spaces"),
        (KEY + "\t", "ends with a tab"),
        (f'"{KEY}"', "is wrapped in double quotes"),
        (f"'{KEY}'", "is wrapped in single quotes"),
        (f'"{KEY}', "starts with a double quote"),
        (KEY[:-1], "is 107 characters long, where an Anthropic API key has exactly 108"),
        (KEY + KEY, "is 216 characters long"),
        (KEY[:50] + "é" + KEY[51:], "(the first, at position 51, is a non-ASCII character)"),
        (KEY[:60] + " " + KEY[61:], "(the first, at position 61, is a space)"),
        (KEY[:-2] + "Ab", "does not end in `AA`"),
    ],
)
def test_malformed_keys_say_what_is_wrong_without_showing_the_value(
    tmp_path: Path, value: str, phrase: str
) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": value}, tmp_path)
    finding = only(outcome.findings, "SEC003")
    assert phrase in finding.message
    body = KEY[len(SK) + 6 :]
    for start in range(0, len(body) - 8):
        assert body[start : start + 8] not in finding.message + finding.fix


def test_several_shape_problems_are_reported_together(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": f' "{KEY}"\n'}, tmp_path)
    message = only(outcome.findings, "SEC003").message
    assert message == (
        "`ANTHROPIC_API_KEY` starts with a space, ends with a newline and is wrapped in double "
        "quotes."
    )


def test_surrounding_whitespace_is_stripped_for_the_live_check(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": f'"{KEY}"\n'}, tmp_path)
    assert outcome.api_key == KEY


def test_a_key_with_a_character_no_header_can_carry_skips_the_live_check(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY[:50] + "é" + KEY[51:]}, tmp_path)
    assert outcome.api_key is None
    assert outcome.live_skip_reason is not None
    assert "HTTP header" in outcome.live_skip_reason


def test_a_gateway_key_of_unknown_format_only_gets_whitespace_checks(tmp_path: Path) -> None:
    environ = {"ANTHROPIC_API_KEY": "sk-litellm-virtual-0123456789abcdef"}
    given = {"base-url": "https://llm-gateway.internal.example"}
    assert secrets_outcome(environ, tmp_path, given=given).findings == []
    environ["ANTHROPIC_API_KEY"] += "\n"
    outcome = secrets_outcome(environ, tmp_path, given=given)
    assert only(outcome.findings, "SEC003").message == "`ANTHROPIC_API_KEY` ends with a newline."


@pytest.mark.parametrize(
    "value", ["litellm-virtual-0123456789abcdef", "0123456789abcdef0123", "org-Ab12Cd34Ef56"]
)
def test_a_key_of_unknown_format_for_anthropics_api_is_malformed_and_never_sent(
    tmp_path: Path, value: str
) -> None:
    """Every Anthropic API key starts with `sk-ant-`: anything else would be refused, and might be
    another service's secret, which is not Anthropic's to see."""
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": value}, tmp_path)
    finding = only(outcome.findings, "SEC003")
    assert finding.message == (
        "`ANTHROPIC_API_KEY` does not start with `sk-ant-`, as every Anthropic API key does, and "
        "the base URL is Anthropic's API (the value was not sent anywhere)."
    )
    assert finding.fix is not None
    assert "set `base-url` to the gateway" in finding.fix
    assert outcome.api_key is None
    assert outcome.live_skip_reason == "the API key is not an Anthropic key"


def test_another_providers_key_passes_through_a_gateway(tmp_path: Path) -> None:
    openai = "sk-proj-" + "Ab12Cd34Ef56Gh78Ij90" * 2
    outcome = secrets_outcome(
        {"ANTHROPIC_API_KEY": openai},
        tmp_path,
        given={"base-url": "https://openrouter.example/api"},
    )
    assert outcome.findings == []
    assert outcome.api_key == openai


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        (make_key("admin01"), "holds an Admin API key"),
        (make_key("oat01", body_length=80), "holds an OAuth access token"),
        (make_key("ort01", body_length=80), "Claude.ai OAuth refresh token"),
        (SK + "sid01-" + "x1Y2z3" * 10, "Claude.ai session cookie"),
        ("sk-proj-" + "Ab12Cd34Ef56Gh78Ij90" * 2, "an OpenAI project key"),
        ("sk-" + "A1b2C3d4E5f6" * 4, "an OpenAI-style key"),
        ("AKIA" + "ABCDEFGHIJ234567", "an AWS access key ID"),
        ("AIza" + "Sy" + "A1b2C3d4E5" * 3 + "xyz", "a Google API key"),
        ("ghp_" + "A1b2C3d4E5f6" * 3, "a GitHub token"),
        ("github_pat_" + "A1b2C3d4E5f6" * 4, "a GitHub fine-grained token"),
        ("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvIn0.c2lnbmF0dXJl", "JSON Web Token"),
    ],
)
def test_the_wrong_kind_of_credential_is_named_and_never_sent(
    tmp_path: Path, value: str, phrase: str
) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": value}, tmp_path)
    finding = only(outcome.findings, "SEC004")
    assert phrase in finding.message
    assert finding.severity is Severity.ERROR
    assert outcome.api_key is None
    assert outcome.live_skip_reason == "the API-key slot holds another kind of credential"


def test_an_admin_key_of_the_wrong_length_is_also_malformed(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": make_key("admin01")[:-3]}, tmp_path)
    assert codes(outcome.findings) == ["SEC003", "SEC004"]
    assert "an Admin API key has exactly 110" in only(outcome.findings, "SEC003").message


def test_the_enterprise_admin_prefix_is_a_warning_and_the_live_check_decides(
    tmp_path: Path,
) -> None:
    value = SK + "api01-" + "A1b2C3d4E5f6" * 8
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": value}, tmp_path)
    finding = only(outcome.findings, "SEC004")
    assert finding.severity is Severity.WARNING
    assert "Claude Enterprise" in finding.message
    assert outcome.api_key == value


def test_an_admin_key_in_another_required_secret_is_fine(tmp_path: Path) -> None:
    outcome = secrets_outcome(
        {"ANTHROPIC_API_KEY": KEY, "ANTHROPIC_ADMIN_KEY": make_key("admin01")},
        tmp_path,
        given={"required-secrets": "ANTHROPIC_ADMIN_KEY"},
    )
    assert outcome.findings == []


@pytest.mark.parametrize(
    "value",
    [
        "your-api-key",
        "YOUR_ANTHROPIC_API_KEY",
        "your-key-here",
        "changeme",
        "xxx",
        "XXXXXXXXXXXX",
        "****",
        "TODO",
        "dummy",
        "test",
        "placeholder",
        "<KEY>",
        "<your anthropic key>",
        "${ANTHROPIC_API_KEY}",
        "${{ secrets.ANTHROPIC_API_KEY }}",
        "{{ anthropic_key }}",
        "$ANTHROPIC_API_KEY",
        SK + "...",
        SK + "xxx",
        SK + "api03-...",
        SK + "api03-xxxxxxxxxxxxxxxxxxxx",
        SK + "your-key-here",
        SK + "api03-<your-key>",
        '"changeme"\n',
    ],
)
def test_placeholders_are_called_placeholders_and_never_sent(tmp_path: Path, value: str) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": value}, tmp_path)
    assert codes(outcome.findings) == ["SEC005"]
    assert outcome.api_key is None
    assert outcome.live_skip_reason == "the API key is a placeholder"


def test_a_real_key_that_happens_to_contain_placeholder_words_is_not_a_placeholder(
    tmp_path: Path,
) -> None:
    key = KEY[:20] + "xxxyourkeyhere" + KEY[34:]
    assert len(key) == len(KEY)
    assert secrets_outcome({"ANTHROPIC_API_KEY": key}, tmp_path).findings == []


def test_a_placeholder_in_another_required_secret_is_reported(tmp_path: Path) -> None:
    outcome = secrets_outcome(
        {"ANTHROPIC_API_KEY": KEY, "STRIPE_KEY": "changeme"},
        tmp_path,
        given={"required-secrets": "STRIPE_KEY"},
    )
    assert only(outcome.findings, "SEC005").message.startswith("`STRIPE_KEY` holds")


def test_other_secrets_with_internal_whitespace_are_left_alone(tmp_path: Path) -> None:
    pem = (
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"
    )
    outcome = secrets_outcome(
        {"ANTHROPIC_API_KEY": KEY, "SIGNING_KEY": pem, "TOKEN": "abc123def456\n"},
        tmp_path,
        given={"required-secrets": "SIGNING_KEY,TOKEN"},
    )
    assert only(outcome.findings, "SEC003").message == "`TOKEN` ends with a newline."


def test_a_blank_api_key_input_is_named_as_the_input(tmp_path: Path) -> None:
    outcome = secrets_outcome({}, tmp_path, given={"api-key": " \n"}, context=GITHUB)
    message = only(outcome.findings, "SEC001").message
    assert message.startswith(
        "No API key in this run: the `api-key` input contains only whitespace."
    )


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("your-api-key-here", "the placeholder `your-…-here`"),
        ("YOUR_ANTHROPIC_API_KEY", "the placeholder `your-…-key`"),
        ("insert-token-here", "the placeholder `insert-…-here`"),
        ("changeme", "a placeholder word from the list of common stand-ins"),
        ("xxxxxxxx", "the filler character `x` repeated"),
        ("<your-key>", "an unfilled template marker (`<…>`)"),
        ("${ANTHROPIC_API_KEY}", "an unfilled template marker (`${…}`)"),
        (SK + "api03-your-key-here", "the key prefix `sk-ant-api03-` followed by placeholder"),
    ],
)
def test_sec005_names_the_pattern_it_matched_and_survives_redaction(
    tmp_path: Path, value: str, named: str
) -> None:
    """The message names our own pattern, never the value: so the redactor, which blanks any
    8 characters of a registered secret, leaves it readable."""
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": value}, tmp_path)
    message = only(outcome.findings, "SEC005").message
    assert named in message
    reason = message.split(" holds ", 1)[1]  # the slot's own name may be in the value
    assert Redactor([value])(reason) == reason
