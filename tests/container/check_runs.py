"""Assertions on the container runs that `tests/container/run.sh` made (stdlib only).

`python -m tests.container.check_runs snapshot DIR` prints a listing of DIR (path, mode, sha256)
so run.sh can prove the action wrote nothing into the workspace; `check RUNS` asserts on each run's
exit code, streams, job summary, step outputs and JSON report. The fake API key, when used, comes
in through the `FAKE_KEY` env var.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from tests.helpers import parse_github_output

CONTAINER_RUNNER_TEMP = "/github/runner_temp"
HEREDOC_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)<<(ghadelimiter_[0-9a-f-]{36})$")
EXPECTED_OUTPUTS = ("passed", "errors", "warnings", "report", "models")


class CheckFailedError(AssertionError):
    """One container assertion that did not hold."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailedError(message)


def snapshot(root: Path) -> str:
    """Every file and folder below root with its mode and content hash, sorted."""
    lines = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        mode = oct(path.lstat().st_mode)
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"
        lines.append(f"{relative} {mode} {digest}")
    return "\n".join(lines) + "\n"


class RunDir:
    """What one `docker run` left in its directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        self.exit_code = int((path / "exit_code").read_text().strip())
        self.stdout = (path / "stdout").read_text(encoding="utf-8", errors="replace")
        self.stderr = (path / "stderr").read_text(encoding="utf-8", errors="replace")
        self.summary = (path / "fc" / "step_summary").read_text(encoding="utf-8")
        self.output_text = (path / "fc" / "output").read_text(encoding="utf-8")
        self.outputs = parse_github_output(self.output_text)

    def fail(self, message: str) -> CheckFailedError:
        return CheckFailedError(
            f"{self.name}: {message}\n--- stdout:\n{self.stdout}\n--- stderr:\n{self.stderr}"
        )

    def expect(self, condition: bool, message: str) -> None:
        if not condition:
            raise self.fail(message)

    def report(self) -> dict[str, Any]:
        """The JSON report the `report` output points at, read through the runner_temp mount."""
        container_path = self.outputs.get("report", "")
        self.expect(
            container_path.startswith(CONTAINER_RUNNER_TEMP + "/"),
            f"report output {container_path!r} is not under RUNNER_TEMP",
        )
        host_path = self.path / "rt" / container_path[len(CONTAINER_RUNNER_TEMP) + 1 :]
        self.expect(host_path.is_file(), f"report {container_path} was not written")
        data: dict[str, Any] = json.loads(host_path.read_text(encoding="utf-8"))
        return data

    def expect_no_traceback(self) -> None:
        self.expect("Traceback" not in self.stdout + self.stderr, "a traceback was printed")

    def expect_workspace_untouched(self) -> None:
        before = (self.path / "ws.before").read_text()
        after = (self.path / "ws.after").read_text()
        self.expect(before == after, "the action changed files in the workspace")


def check_gate_outputs(run: RunDir) -> dict[str, Any]:
    """Outputs in heredoc form, matching the JSON report; returns the report."""
    heredocs = [
        m.group(1) for line in run.output_text.splitlines() if (m := HEREDOC_LINE.match(line))
    ]
    for name in EXPECTED_OUTPUTS:
        run.expect(name in heredocs, f"output {name!r} missing or not in `name<<delimiter` form")
    report = run.report()
    run.expect(report.get("version") == 1, "report version is not 1")
    run.expect(
        run.outputs["passed"] == ("true" if report["passed"] else "false"),
        "passed output disagrees with the report",
    )
    run.expect(
        run.outputs["errors"] == str(report["counts"].get("error", 0)),
        "errors output disagrees with the report",
    )
    run.expect(
        run.outputs["warnings"] == str(report["counts"].get("warning", 0)),
        "warnings output disagrees with the report",
    )
    run.expect(isinstance(json.loads(run.outputs["models"]), dict), "models output is not JSON")
    return report


def check_annotations(run: RunDir, report: dict[str, Any]) -> None:
    """One `::error` per error finding (up to 10); file= and line= whenever the finding has them."""
    errors = [line for line in run.stdout.splitlines() if line.startswith("::error ")]
    run.expect(bool(errors), "no ::error annotation on stdout")
    for finding in report["findings"]:
        if finding["severity"] != "error" or not finding.get("file"):
            continue
        located = [line for line in errors if "file=" in line and "line=" in line]
        if finding.get("line"):
            run.expect(bool(located), f"no annotation with file= and line= for {finding['code']}")


def check_offline(run: RunDir) -> None:
    """The example has mistakes (at least the missing key): exit 1, everything written."""
    run.expect_no_traceback()
    run.expect(run.exit_code == 1, f"exit code {run.exit_code}, expected 1")
    first_line = run.summary.strip().splitlines()[0] if run.summary.strip() else ""
    run.expect(
        first_line.startswith("#") and "claude-preflight" in first_line,
        f"summary headline missing (first line: {first_line!r})",
    )
    report = check_gate_outputs(run)
    run.expect(run.outputs["passed"] == "false", "passed output is not false")
    run.expect(int(run.outputs["errors"]) >= 1, "errors output is 0")
    codes = {finding["code"] for finding in report["findings"]}
    run.expect("SEC001" in codes, f"SEC001 (no API key) not reported; codes: {sorted(codes)}")
    check_annotations(run, report)
    run.expect_workspace_untouched()


def check_bogus(run: RunDir) -> None:
    """A bad input value is a usage error: exit 2, one clear line naming the input."""
    run.expect_no_traceback()
    run.expect(run.exit_code == 2, f"exit code {run.exit_code}, expected 2")
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    run.expect(len(lines) == 1, f"expected one line on stderr, got {len(lines)}")
    run.expect("live-check" in lines[0] and "bogus" in lines[0], "the message does not name it")
    run.expect(bool(run.summary.strip()), "no summary written for the usage error")
    run.expect_workspace_untouched()


def check_fake_key(run: RunDir, key: str) -> None:
    """The key is masked with `::add-mask::` first and appears nowhere else, not even in part."""
    run.expect_no_traceback()
    run.expect(run.exit_code in (0, 1), f"exit code {run.exit_code}, expected 0 or 1")
    lines = run.stdout.splitlines()
    mask_lines = [i for i, line in enumerate(lines) if line.startswith("::add-mask::")]
    run.expect(bool(mask_lines) and mask_lines[0] == 0, "the key is not masked before output")
    body = key.removeprefix("sk-ant-api03-")
    fragments = [key, body[:16], body[-16:]]
    report_text = json.dumps(check_gate_outputs(run))
    visible = {
        "stdout": "\n".join(line for line in lines if not line.startswith("::add-mask::")),
        "stderr": run.stderr,
        "summary": run.summary,
        "outputs": run.output_text,
        "report": report_text,
    }
    for where, text in visible.items():
        for fragment in fragments:
            run.expect(fragment not in text, f"(part of) the API key appears in {where}")
    run.expect_workspace_untouched()


def check_cli(run: RunDir) -> None:
    """`docker run --rm -v "$PWD:/work" -w /work IMAGE .`: the CLI, with no workflow commands."""
    run.expect_no_traceback()
    run.expect(run.exit_code == 1, f"exit code {run.exit_code}, expected 1")
    run.expect("claude-preflight FAILED" in run.stdout, "no verdict line on stdout")
    run.expect("SEC001" in run.stdout, "the missing key (SEC001) is not reported")
    commands = [line for line in run.stdout.splitlines() if line.startswith("::")]
    run.expect(not commands, f"workflow commands outside GitHub: {commands[:2]}")
    run.expect_workspace_untouched()


def check_cli_version(run: RunDir) -> None:
    """`claude-preflight` is on the image's PATH (what a GitLab job's script calls)."""
    run.expect(run.exit_code == 0, f"exit code {run.exit_code}, expected 0")
    run.expect(run.stdout.startswith("claude-preflight "), "no version printed")


def check_gitlab(run: RunDir) -> None:
    """The documented GitLab job: a Code Quality report in the workspace, and nothing else."""
    run.expect_no_traceback()
    run.expect(run.exit_code == 1, f"exit code {run.exit_code}, expected 1")
    report = run.path / "ws" / "gl-code-quality-report.json"
    run.expect(report.is_file(), "gl-code-quality-report.json was not written")
    issues = json.loads(report.read_text(encoding="utf-8"))
    run.expect(isinstance(issues, list) and bool(issues), "the report is not a list of issues")
    for issue in issues:
        missing = {"description", "check_name", "fingerprint", "severity", "location"} - set(issue)
        run.expect(not missing, f"an issue lacks {sorted(missing)}")
        run.expect(issue["location"]["lines"]["begin"] >= 1, "an issue has no line")
    before = (run.path / "ws.before").read_text().splitlines()
    after = (run.path / "ws.after").read_text().splitlines()
    added = [line for line in after if line not in before]
    run.expect(
        len(added) == 1 and added[0].startswith("gl-code-quality-report.json "),
        f"the run changed more than its report: {added}",
    )


def check(runs: Path) -> None:
    check_offline(RunDir(runs / "offline"))
    check_bogus(RunDir(runs / "bogus"))
    key = os.environ.get("FAKE_KEY", "")
    expect(bool(key), "FAKE_KEY is not set")
    check_fake_key(RunDir(runs / "fake-key"), key)
    check_cli(RunDir(runs / "cli"))
    check_cli_version(RunDir(runs / "cli-version"))
    check_gitlab(RunDir(runs / "gitlab"))


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "snapshot":
        sys.stdout.write(snapshot(Path(argv[1])))
        return 0
    if len(argv) == 2 and argv[0] == "check":
        try:
            check(Path(argv[1]))
        except CheckFailedError as failure:
            sys.stderr.write(f"container test assertion failed: {failure}\n")
            return 1
        sys.stdout.write(
            "container assertions passed: offline, bogus, fake-key, cli, cli-version, gitlab\n"
        )
        return 0
    sys.stderr.write("usage: python -m tests.container.check_runs snapshot DIR | check RUNS\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
