"""The redactor: exact values, every encoded form, fragments, and key shapes from any source."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.app import run
from checker.redaction import REDACTED, Redactor
from tests.secrets.support import SK, assert_no_fragment, make_key, output_values, report_data

KEY = make_key()


def test_the_key_and_its_surroundings_are_redacted() -> None:
    redact = Redactor([f' "{KEY}"\n'])
    assert redact(f"before {KEY} after") == f"before {REDACTED} after"
    assert redact(f'value "{KEY}"') == f"value {REDACTED}"


def test_the_masks_are_the_raw_stripped_and_unquoted_values() -> None:
    redact = Redactor([f'"{KEY}"\n'])
    assert set(redact.secrets) == {f'"{KEY}"\n', f'"{KEY}"', KEY}


def test_a_truncated_or_split_key_is_redacted() -> None:
    redact = Redactor([KEY])
    for text in (KEY[:40], KEY[30:70] + "…", "x" + KEY[95:], KEY[20:28]):
        assert_no_fragment(KEY, redact(text), public=SK + "api03-")


def test_the_public_prefix_stays_readable() -> None:
    redact = Redactor([KEY])
    text = "expected an `sk-ant-api03-` key, not `sk-ant-admin01-`"
    assert redact(text) == text


def test_json_html_url_and_workflow_command_forms_are_redacted() -> None:
    secret = 'pa"ss\\wo<r>d&%\n:,é-tail-9876'
    redact = Redactor([secret])
    for encoded in (
        json.dumps(secret),
        json.dumps(secret, ensure_ascii=False),
        "a &lt;r&gt; &amp;",
        secret.replace("%", "%25").replace("\n", "%0A"),
        secret.replace("%", "%25").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C"),
    ):
        assert "-tail-98" not in redact(encoded)
    assert redact(json.dumps({"message": secret})) == json.dumps({"message": REDACTED})


def test_fragments_never_break_json_structure() -> None:
    redact = Redactor(['{"code": "SEC001", "x": true}'])
    report = json.dumps({"findings": [{"code": "SEC001"}]}, indent=2)
    assert json.loads(redact(report)) == {"findings": [{"code": "SEC001"}]}


def test_key_shaped_strings_are_redacted_without_being_registered() -> None:
    redact = Redactor()
    samples = [
        make_key(),
        make_key("admin01"),
        make_key("oat01", body_length=50),
        "api03-" + KEY[20:40],
        "sk-proj-" + "Ab12Cd34Ef56Gh78Ij90",
        "AKIA" + "ABCDEFGHIJ234567",
        "ghp_" + "A1b2C3d4E5f6" * 3,
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvIn0.c2lnbmF0dXJl",
    ]
    for sample in samples:
        assert redact(f"got {sample}!") == f"got {REDACTED}!"


def test_short_secrets_are_only_replaced_whole_and_tiny_ones_not_at_all() -> None:
    redact = Redactor(["hunter2", "abc"])
    assert redact("pw hunter2 abc") == f"pw {REDACTED} abc"
    assert redact("hunter") == "hunter"


def test_tokens_outside_the_required_secrets_are_masked_before_anything_is_printed(
    tmp_path: Path,
) -> None:
    token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2lnbmF0dXJlLXZhbHVl"
    environ = {
        "GITHUB_ACTIONS": "true",
        "ANTHROPIC_IDENTITY_TOKEN": token,
        "ANTHROPIC_AUTH_TOKEN": "auth-token-value-123456",
    }
    stdout = io.StringIO()
    given = {"live-check": "off", "json": str(tmp_path / "r.json")}
    run(given, environ, workspace=str(tmp_path), stdout=stdout, stderr=io.StringIO())
    lines = stdout.getvalue().splitlines()
    assert lines[:2] == [f"::add-mask::{token}", "::add-mask::auth-token-value-123456"]
    assert token not in (tmp_path / "r.json").read_text()


def test_a_secret_that_equals_a_field_name_redacts_data_but_keeps_the_reports_intact(
    tmp_path: Path,
) -> None:
    """Any string can be a secret, even `duration` or `production`: values and data keys (such
    as environment names) are redacted, the schema's own keys are not, and every report is
    still written and parses."""
    (tmp_path / "config").mkdir()
    for environment in ("staging", "production"):
        (tmp_path / "config" / f"{environment}.yaml").write_text("llm:\n  model: claude-opus-4-8\n")
    files = {name: tmp_path / name for name in ("r.json", "r.sarif", "summary.md", "out")}
    for path in files.values():
        path.write_text("")
    environ = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(files["summary.md"]),
        "GITHUB_OUTPUT": str(files["out"]),
        "PAYMENTS_TOKEN": "production",
        "ANTHROPIC_API_KEY": "duration",
    }
    given = {
        "live-check": "off",
        "json": str(files["r.json"]),
        "sarif": str(files["r.sarif"]),
        "required-secrets": "PAYMENTS_TOKEN",
    }
    stderr = io.StringIO()
    code = run(given, environ, workspace=str(tmp_path), stdout=io.StringIO(), stderr=stderr)
    assert code == 1, stderr.getvalue()  # `duration` is no Anthropic key (SEC003)
    assert stderr.getvalue() == ""
    report = json.loads(files["r.json"].read_text())
    assert "duration_ms" in report["tool"]
    assert set(report["environments"]) == {"staging", REDACTED}
    assert report["environments"][REDACTED]["production"] is True
    assert report["models"][REDACTED] == {"llm.model": "claude-opus-4-8"}
    sarif = json.loads(files["r.sarif"].read_text())
    assert sarif["version"] == "2.1.0"
    summary = files["summary.md"].read_text()
    assert summary.startswith("#")
    shown = [
        report_data(files["r.json"].read_text()),
        report_data(files["r.sarif"].read_text(), data_maps=()),
        summary,
        output_values(files["out"].read_text()),
    ]
    for text in shown:
        assert "production" not in text
        assert "duration" not in text


@settings(max_examples=300, deadline=None)
@given(
    before=st.text(alphabet="ab-_ x\n", max_size=11),
    start=st.integers(min_value=0, max_value=100),
    length=st.integers(min_value=1, max_value=20),
    after=st.text(alphabet="ab-_ x\n", max_size=11),
)
def test_a_fragment_at_any_offset_is_redacted_as_a_full_scan_would(
    before: str, start: int, length: int, after: str
) -> None:
    redact = Redactor([KEY])
    text = before + KEY[start : start + length] + after
    full = _full_fragment_scan(redact, text)
    assert redact._redact_fragments(text) == full
    assert redact(text) == redact(text)  # the memo gives what the first call gave


def _full_fragment_scan(redact: Redactor, text: str) -> str:
    """What the fragment pass gives when it looks at every position (no aligned-quad shortcut)."""
    spans: list[list[int]] = []
    for start in range(len(text) - 7):
        if text[start : start + 8] in redact._fragments:
            if spans and start <= spans[-1][1]:
                spans[-1][1] = start + 8
            else:
                spans.append([start, start + 8])
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], REDACTED]
        last = end
    return "".join([*out, text[last:]])


def test_a_secret_added_later_is_redacted_from_a_text_already_seen() -> None:
    redact = Redactor()
    text = f"the value is {KEY[13:60]}"
    assert redact(text) == text  # nothing registered yet: remembered as unchanged
    redact.add(KEY)
    assert KEY[20:28] not in redact(text)
