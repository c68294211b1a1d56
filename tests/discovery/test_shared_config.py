"""A single config file that is no environment's is every environment's: its limits count too."""

from __future__ import annotations

import json
from pathlib import Path

from tests.discovery.support import DUMMY_KEY
from tests.helpers import base_env, run_cli


def test_max_tokens_beside_the_model_in_a_shared_config_is_mod008(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text(
        "app:\n  name: digest\nllm:\n  model: claude-haiku-4-5-20251001\n  max_tokens: 100000\n"
        "  timeout_seconds: 30\n"
    )
    report_path = tmp_path / "report.json"
    run = run_cli(
        [str(tmp_path), "--live-check", "off", "--json", str(report_path)],
        env=base_env(ANTHROPIC_API_KEY=DUMMY_KEY),
    )
    findings = json.loads(report_path.read_text())["findings"]
    assert [(f["code"], f["severity"], f["file"], f["line"]) for f in findings] == [
        ("MOD008", "error", "config.yaml", 5)
    ]
    assert run.returncode == 1


def test_a_docs_page_and_a_test_that_mention_a_retired_model_never_block(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "upgrade.md").write_text("We left `claude-3-opus-20240229` behind.\n")
    (tmp_path / "test_llm.py").write_text('OLD = "claude-3-opus-20240229"\n')
    (tmp_path / "llm.py").write_text('MODEL = "claude-opus-4-8"\n')
    report_path = tmp_path / "report.json"
    run = run_cli(
        [str(tmp_path), "--live-check", "off", "--json", str(report_path)],
        env=base_env(ANTHROPIC_API_KEY=DUMMY_KEY),
    )
    findings = json.loads(report_path.read_text())["findings"]
    assert sorted((f["code"], f["severity"], f["file"]) for f in findings) == [
        ("MOD003", "notice", "docs/upgrade.md"),
        ("MOD003", "notice", "test_llm.py"),
    ]
    assert run.returncode == 0
