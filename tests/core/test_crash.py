"""A crashing check becomes a TOOL001 finding; the gate fails closed and writes its summary."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checker.app import run
from tests.crash import Crash


def test_a_crashed_check_is_a_finding_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Crash("checker.scan.discovery:scan_workspace", RuntimeError("disk on fire\nsecond line")).patch(
        monkeypatch
    )
    summary, report = tmp_path / "summary.md", tmp_path / "report.json"
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(
        {"live-check": "off", "summary": str(summary), "json": str(report)},
        {"ANTHROPIC_API_KEY": "sk-ant-api03-" + "x" * 93 + "AA"},
        workspace=str(tmp_path),
        stdout=stdout,
        stderr=stderr,
    )
    assert code == 1
    findings = json.loads(report.read_text())["findings"]
    crash = [f for f in findings if f["code"] == "TOOL001"]
    assert len(crash) == 1
    assert "discovery" in crash[0]["message"]
    assert "second line" not in crash[0]["message"]
    assert "TOOL001" in summary.read_text()
    assert "Traceback" not in stdout.getvalue() + stderr.getvalue()
