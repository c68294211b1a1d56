"""The CLI as users run it: exit codes 0/1/2, one-line errors, --explain, --fail-on, --ignore."""

from __future__ import annotations

import json
from pathlib import Path

from checker.findings import RULES
from tests.helpers import EXAMPLES, base_env, run_cli

KEY = "sk-ant-api03-" + "A1b2C3d4E5" * 9 + "xyz" + "AA"


def test_bogus_live_check_exits_2_with_one_clear_line(tmp_path: Path) -> None:
    run = run_cli([str(tmp_path), "--live-check", "bogus"])
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "live-check" in lines[0]
    assert "off, auth, models, count-tokens, message" in lines[0]
    assert "Traceback" not in run.stderr


def test_unknown_flag_exits_2_without_usage_dump() -> None:
    run = run_cli(["--no-such-flag"])
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1


def test_missing_workspace_exits_2(tmp_path: Path) -> None:
    run = run_cli([str(tmp_path / "missing")])
    assert run.returncode == 2
    assert "not a directory" in run.stderr


def test_explain_prints_the_rule_documentation() -> None:
    run = run_cli(["--explain", "MOD001"])
    assert run.returncode == 0
    assert run.stdout.startswith("MOD001: Model drift between environments")
    assert "allow_drift" in run.stdout
    assert "docs/rules.md#mod001" in run.stdout


def test_explain_is_case_insensitive_and_rejects_unknown_codes() -> None:
    assert run_cli(["--explain", "sec001"]).returncode == 0
    unknown = run_cli(["--explain", "XYZ123"])
    assert unknown.returncode == 2
    assert "unknown finding code" in unknown.stderr


def test_every_catalog_code_can_be_explained() -> None:
    for code in RULES:
        run = run_cli(["--explain", code])
        assert run.returncode == 0, code
        assert run.stdout.startswith(f"{code}: ")


def test_examples_report_their_mistakes_and_exit_1(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    run = run_cli([str(EXAMPLES), "--live-check", "off", "--json", str(report)])
    assert run.returncode == 1, run.stderr
    assert "FAILED" in run.stdout
    data = json.loads(report.read_text())
    assert data["version"] == 1
    assert data["passed"] is False
    assert set(data) >= {"passed", "counts", "findings", "environments", "live"}
    codes = {finding["code"] for finding in data["findings"]}
    assert "SEC001" in codes


def test_missing_key_is_ignored_and_fail_on_never_passes(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    ignored = run_cli([str(empty), "--live-check", "off", "--ignore", "SEC001,CFG002"])
    assert ignored.returncode == 0, ignored.stdout
    never = run_cli([str(empty), "--live-check", "off", "--fail-on", "never"])
    assert never.returncode == 0
    assert "SEC001" in never.stdout


def test_fail_on_warning_blocks_on_warnings(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    env = base_env(ANTHROPIC_API_KEY=KEY)
    passed = run_cli([str(empty), "--live-check", "off", "--fail-on", "error"], env=env)
    assert passed.returncode == 0, passed.stdout
    strict = run_cli([str(empty), "--live-check", "off", "--fail-on", "warning"], env=env)
    assert strict.returncode == 1, strict.stdout


def test_summary_is_written_for_a_usage_error(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    run = run_cli([str(tmp_path), "--live-check", "<b>bogus</b>", "--summary", str(summary)])
    assert run.returncode == 2
    text = summary.read_text()
    assert "could not run" in text
    assert "<b>" not in text


def test_console_respects_no_color(tmp_path: Path) -> None:
    run = run_cli([str(tmp_path), "--live-check", "off"])
    assert "\x1b[" not in run.stdout


def test_a_report_that_cannot_be_written_is_a_warning_and_the_rest_still_lands(
    tmp_path: Path,
) -> None:
    summary_dir = tmp_path / "summary-is-a-folder"
    summary_dir.mkdir()
    report_path = tmp_path / "report.json"
    run = run_cli(
        [str(EXAMPLES), "--live-check", "off", "--summary", str(summary_dir),
         "--json", str(report_path)],
    )  # fmt: skip
    assert run.returncode == 1  # the example's mistakes still fail the gate
    assert run.stderr == (
        "claude-preflight: warning: could not write the summary: IsADirectoryError "
        "(Is a directory)\n"
    )
    assert json.loads(report_path.read_text())["passed"] is False
