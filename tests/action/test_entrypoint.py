"""entrypoint.py run as GitHub runs the docker action: `INPUT_*` env in, files and exit code out.

Every declared input is exported (empty when not given), the job summary and step outputs land in
the runner's files, annotations go to stdout, and nothing is written into the workspace.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import string
import subprocess
import sys
from pathlib import Path

from tests.action.runner_protocol import parse_stream
from tests.helpers import EXAMPLES, FIXTURES, REPO_ROOT, Run, base_env, run_action, run_cli

CLEAN_APP = FIXTURES / "action" / "clean-app"
HEREDOC_OUTPUTS = ("passed", "errors", "warnings", "report", "models")


def _fake_key() -> str:
    alphabet = string.ascii_letters + string.digits
    return "sk-ant-api03-" + "".join(secrets.choice(alphabet) for _ in range(93)) + "AA"


def _copy(source: Path, tmp_path: Path, name: str = "workspace") -> Path:
    target = tmp_path / name
    shutil.copytree(source, target)
    return target


def _listing(root: Path) -> list[tuple[str, str]]:
    """Every path below root with its content hash (folders as "dir"), to prove nothing changed."""
    return [
        (
            p.relative_to(root).as_posix(),
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir",
        )
        for p in sorted(root.rglob("*"))
    ]


def _output_file(tmp_path: Path) -> str:
    return (tmp_path / "file_commands" / "output").read_text(encoding="utf-8")


def _assert_outputs_match_report(run: Run) -> None:
    assert run.outputs is not None
    assert run.report is not None
    assert run.outputs["passed"] == ("true" if run.report["passed"] else "false")
    assert run.outputs["errors"] == str(run.report["counts"]["error"])
    assert run.outputs["warnings"] == str(run.report["counts"]["warning"])
    assert isinstance(json.loads(run.outputs["models"]), dict)


def test_the_example_repository_fails_the_gate_with_summary_outputs_and_annotations(
    tmp_path: Path,
) -> None:
    workspace = _copy(EXAMPLES, tmp_path)
    before = _listing(workspace)
    run = run_action(workspace, tmp_path, inputs={"live-check": "off"})

    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert run.summary.lstrip().startswith("#")
    assert "claude-preflight" in run.summary
    output_text = _output_file(tmp_path)
    for name in HEREDOC_OUTPUTS:
        assert f"\n{name}<<ghadelimiter_" in "\n" + output_text, name
    _assert_outputs_match_report(run)
    assert run.outputs is not None
    assert run.outputs["passed"] == "false"
    assert int(run.outputs["errors"]) >= 1

    report_path = Path(run.outputs["report"])
    assert report_path.is_file()
    assert report_path.is_relative_to(tmp_path / "runner_temp")
    assert run.report is not None
    assert run.report["version"] == 1
    assert set(run.report) >= {"version", "passed", "counts", "findings", "environments", "live"}
    assert "SEC001" in {finding["code"] for finding in run.report["findings"]}

    errors = [c for c in parse_stream(run.stdout) if c.name == "error"]
    assert errors
    located = [f for f in run.report["findings"] if f["severity"] == "error" and f.get("file")]
    for finding in located[:10]:
        assert any(c.properties.get("file") == finding["file"] for c in errors), finding["code"]
        if finding.get("line"):
            assert any(c.properties.get("line") == str(finding["line"]) for c in errors)
    assert _listing(workspace) == before


def test_a_finding_with_a_file_is_annotated_with_file_line_and_col(tmp_path: Path) -> None:
    workspace = _copy(CLEAN_APP, tmp_path)
    (workspace / "config" / "production.yaml").write_text("llm:\n  model: [unclosed\n")
    run = run_action(workspace, tmp_path, inputs={"live-check": "off", "api-key": _fake_key()})
    assert run.returncode == 1
    errors = [c for c in parse_stream(run.stdout) if c.name == "error"]
    cfg = [c for c in errors if c.properties.get("file") == "config/production.yaml"]
    assert cfg, run.stdout
    assert cfg[0].properties["line"].isdigit()
    assert cfg[0].properties["col"].isdigit()
    assert cfg[0].properties["title"].startswith("CFG001")


def test_the_api_key_input_is_read_masked_first_and_never_shown(tmp_path: Path) -> None:
    key = _fake_key()
    workspace = _copy(CLEAN_APP, tmp_path)
    run = run_action(workspace, tmp_path, inputs={"live-check": "off", "api-key": key})

    assert run.returncode == 0, run.stdout + run.stderr
    assert run.outputs is not None
    assert run.outputs["passed"] == "true"
    assert "SEC001" not in {f["code"] for f in (run.report or {}).get("findings", [])}
    lines = run.stdout.splitlines()
    assert lines[0] == f"::add-mask::{key}"
    shown = "\n".join(line for line in lines if not line.startswith("::add-mask::"))
    for text in (shown, run.stderr, run.summary, _output_file(tmp_path), json.dumps(run.report)):
        assert key not in text
        assert key[13:29] not in text
        assert key[-18:-2] not in text


def test_working_directory_selects_the_workspace_inside_the_repository(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    shutil.copytree(EXAMPLES, repository / "examples")
    shutil.copytree(CLEAN_APP, repository / "clean")
    run = run_action(
        repository,
        tmp_path,
        inputs={"live-check": "off", "working-directory": "clean", "api-key": _fake_key()},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.report is not None
    assert all(not (f.get("file") or "").startswith("examples/") for f in run.report["findings"])


def test_an_invalid_input_exits_2_with_one_line_and_a_summary(tmp_path: Path) -> None:
    workspace = _copy(EXAMPLES, tmp_path)
    run = run_action(workspace, tmp_path, inputs={"live-check": "bogus"})
    assert run.returncode == 2
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "live-check" in lines[0]
    assert "bogus" in lines[0]
    assert "off, auth, models, count-tokens, message" in lines[0]
    assert "Traceback" not in run.stderr
    assert run.summary.strip()


def test_empty_inputs_count_as_not_given(tmp_path: Path) -> None:
    """GitHub exports every input; an empty `fail-on` or `timeout` must not be a usage error."""
    workspace = _copy(CLEAN_APP, tmp_path)
    run = run_action(
        workspace,
        tmp_path,
        inputs={"live-check": "off", "api-key": _fake_key(), "fail-on": "", "timeout": ""},
    )
    assert run.returncode == 0, run.stderr
    assert run.report is not None
    assert run.report["tool"]["fail_on"] == "error"


def test_python_m_checker_and_the_console_script_share_the_cli() -> None:
    module = run_cli(["--explain", "MOD001"])
    assert module.returncode == 0
    assert module.stdout.startswith("MOD001: ")
    script = Path(sys.executable).parent / "claude-preflight"
    assert script.is_file(), "the package is not installed (pip install -e .)"
    completed = subprocess.run(
        [str(script), "--explain", "MOD001"],
        env=base_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout == module.stdout


def test_the_cli_blocks_the_example_repository(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    run = run_cli([str(EXAMPLES), "--live-check", "off", "--json", str(report)], cwd=REPO_ROOT)
    assert run.returncode == 1
    assert json.loads(report.read_text())["passed"] is False
