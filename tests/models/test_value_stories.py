"""What one model value gets told, through the CLI: the platform its environment's evidence
points to (MOD006), the inference profile Bedrock needs (MOD011), one fix for a value two rules
meet, the catalog's retirements, and a "did you mean" that never jumps a generation.

Every story asserts what must be found and what must stay quiet.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.fake_api import VALID_KEY
from tests.helpers import base_env, run_cli

Files = dict[str, str]


def check(tmp_path: Path, files: Files) -> list[dict[str, Any]]:
    """Write the workspace, run the gate offline with a valid key, return the model findings."""
    workspace = tmp_path / "app"
    for name, text in files.items():
        path = workspace / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    report = tmp_path / "report.json"
    run = run_cli(
        [str(workspace), "--live-check", "off", "--json", str(report)],
        env=base_env(ANTHROPIC_API_KEY=VALID_KEY),
    )
    assert "Traceback" not in run.stderr, run.stderr
    findings: list[dict[str, Any]] = json.loads(report.read_text())["findings"]
    return [f for f in findings if f["code"].startswith("MOD")]


def codes(findings: list[dict[str, Any]]) -> list[tuple[str, str | None, int | None]]:
    return sorted((f["code"], f["environment"], f["line"]) for f in findings)


# MOD006 from evidence ------------------------------------------------------------------------


def test_a_bedrock_id_in_a_first_party_env_file_is_mod006_naming_the_evidence(
    tmp_path: Path,
) -> None:
    findings = check(
        tmp_path,
        {
            ".env.production": "ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}\n"
            "ANTHROPIC_MODEL=us.anthropic.claude-sonnet-4-6\n",
            ".env.staging": "ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}\n"
            "ANTHROPIC_MODEL=claude-sonnet-4-6\n",
        },
    )
    assert codes(findings) == [("MOD006", "production", 2)]  # staging, and drift, stay quiet
    [mismatch] = findings
    assert mismatch["severity"] == "error"
    assert (
        "staging's `ANTHROPIC_MODEL` uses the Claude API form at .env.staging:2, and this file "
        "reads `ANTHROPIC_API_KEY` at line 1"
    ) in mismatch["message"]
    assert mismatch["fix"] == "Replace the value with `claude-sonnet-4-6`."


def test_the_key_alone_is_evidence_enough(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            "config/production.yaml": "llm:\n  api_key: os.environ/ANTHROPIC_API_KEY\n"
            "  model: global.anthropic.claude-opus-4-6-v1\n"
        },
    )
    assert codes(findings) == [("MOD006", "production", 3)]
    assert "this file reads `ANTHROPIC_API_KEY` at line 2" in findings[0]["message"]


def test_a_bedrock_id_with_aws_settings_beside_it_and_no_anthropic_key_is_not_a_mismatch(
    tmp_path: Path,
) -> None:
    findings = check(
        tmp_path,
        {
            ".env.production": "AWS_REGION=us-east-1\n"
            "ANTHROPIC_MODEL=us.anthropic.claude-sonnet-4-6\n",
            ".env.staging": "ANTHROPIC_MODEL=claude-sonnet-4-6\n",
        },
    )
    assert findings == []


def test_aws_settings_alone_never_condemn_a_first_party_id(tmp_path: Path) -> None:
    """S3 clients read `AWS_REGION` too: with staging agreeing, the Claude API form stands."""
    findings = check(
        tmp_path,
        {
            ".env.production": "AWS_REGION=us-east-1\nANTHROPIC_MODEL=claude-sonnet-4-6\n",
            ".env.staging": "AWS_REGION=us-east-1\nANTHROPIC_MODEL=claude-sonnet-4-6\n",
        },
    )
    assert findings == []


def test_the_odd_environment_out_is_the_mismatch_when_nothing_is_read(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            "config/development.yaml": "llm:\n  model: claude-opus-4-8\n",
            "config/staging.yaml": "llm:\n  model: claude-opus-4-8\n",
            "config/production.yaml": "llm:\n  model: anthropic.claude-opus-4-8\n",
        },
    )
    assert codes(findings) == [("MOD006", "production", 2)]
    assert "development's `llm.model` uses the Claude API form" in findings[0]["message"]
    assert "staging's `llm.model` uses the Claude API form" in findings[0]["message"]


def test_two_environments_that_differ_with_nothing_read_say_nothing(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            "config/staging.yaml": "llm:\n  model: claude-opus-4-8\n",
            "config/production.yaml": "llm:\n  model: anthropic.claude-opus-4-8\n",
        },
    )
    assert findings == []


# MOD011 --------------------------------------------------------------------------------------


def test_a_base_id_of_a_profile_only_model_is_mod011_with_the_profile_id(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            ".env.production": "CLAUDE_CODE_USE_BEDROCK=1\n"
            "ANTHROPIC_MODEL=anthropic.claude-sonnet-4-6\n",
            ".env.staging": "CLAUDE_CODE_USE_BEDROCK=1\nAWS_REGION=eu-central-1\n"
            "ANTHROPIC_MODEL=anthropic.claude-sonnet-4-6\n",
        },
    )
    assert codes(findings) == [("MOD011", "production", 2), ("MOD011", "staging", 3)]
    fixes = {f["environment"]: f["details"]["profile"] for f in findings}
    # No region named: `global.`, callable from every region; eu-central-1: the EU profile.
    assert fixes == {
        "production": "global.anthropic.claude-sonnet-4-6",
        "staging": "eu.anthropic.claude-sonnet-4-6",
    }
    assert all("on-demand throughput" in f["message"] for f in findings)


def test_a_profile_prefix_the_model_lacks_is_mod011(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            ".env.production": "CLAUDE_CODE_USE_BEDROCK=1\nAWS_REGION=ap-southeast-1\n"
            "ANTHROPIC_MODEL=apac.anthropic.claude-opus-4-5-20251101-v1:0\n"
        },
    )
    assert codes(findings) == [("MOD011", "production", 3)]  # not MOD002: the model is known
    [profile] = findings
    assert "`apac.`" in profile["message"]
    assert "`eu.`, `global.`, `us.`" in profile["message"]
    assert profile["details"]["profile"] == "global.anthropic.claude-opus-4-5-20251101-v1:0"


def test_valid_profiles_and_on_demand_base_ids_pass(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            ".env.production": "CLAUDE_CODE_USE_BEDROCK=1\n"
            "ANTHROPIC_MODEL=us.anthropic.claude-opus-4-5-20251101-v1:0\n"
            "ANTHROPIC_SMALL_FAST_MODEL=anthropic.claude-fable-5-2\n",
        },
    )
    assert findings == []


# One fix per value ---------------------------------------------------------------------------


def test_a_dotted_alias_gets_one_mod007_whose_fix_is_the_pinned_snapshot(tmp_path: Path) -> None:
    findings = check(tmp_path, {".env.production": "ANTHROPIC_MODEL=claude-haiku-4.5\n"})
    assert codes(findings) == [("MOD007", "production", 1)]  # no MOD005 calling it an alias
    [malformed] = findings
    assert malformed["fix"] == "Replace the value with `claude-haiku-4-5-20251001`."
    assert malformed["details"]["corrected"] == "claude-haiku-4-5-20251001"
    assert "Did you mean `claude-haiku-4-5-20251001`?" in malformed["message"]


def test_a_misspelt_first_party_id_in_a_bedrock_environment_gets_one_fix(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {".env.production": "CLAUDE_CODE_USE_BEDROCK=1\nANTHROPIC_MODEL=Claude-Opus-4-6\n"},
    )
    assert codes(findings) == [("MOD007", "production", 2)]  # not MOD007 + MOD006
    assert findings[0]["fix"] == "Replace the value with `global.anthropic.claude-opus-4-6-v1`."


def test_sonnet_4_5_in_production_is_retired_with_sonnet_5_5_as_the_replacement(
    tmp_path: Path,
) -> None:
    findings = check(
        tmp_path,
        {
            "config/production.yaml": "llm:\n  model: claude-sonnet-4-5-20250929\n"
            "  fallback_model: claude-sonnet-4-5\n",
        },
    )
    assert codes(findings) == [("MOD003", "production", 2), ("MOD003", "production", 3)]
    assert all(f["severity"] == "error" for f in findings)
    assert {f["details"]["replacement"] for f in findings} == {"claude-sonnet-5-5"}
    assert all("retired on 2026-11-30" in f["message"] for f in findings)


# Did you mean --------------------------------------------------------------------------------


def test_did_you_mean_never_jumps_generations(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            "config/production.yaml": "llm:\n  model: claude-3-sonnet\n"
            "  fallback_model: claude-sonnet-6\n  small_model: claude-haku-4-5-20251001\n"
        },
    )
    assert codes(findings) == [
        ("MOD002", "production", 2),
        ("MOD002", "production", 3),
        ("MOD002", "production", 4),
    ]
    by_line = {f["line"]: f for f in findings}
    old = by_line[2]
    assert old["details"]["suggestion"] == "claude-3-sonnet-20240229"  # Sonnet 3, not Sonnet 5
    assert "retired on 2025-07-21" in old["message"]
    assert "Did you mean `claude-sonnet-5" not in old["message"]
    assert "suggestion" not in by_line[3]["details"]  # no Sonnet 6: nothing, not Sonnet 5.5
    assert "Did you mean" not in by_line[3]["message"]
    assert by_line[4]["details"]["suggestion"] == "claude-haiku-4-5-20251001"
