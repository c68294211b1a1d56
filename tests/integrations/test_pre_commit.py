"""pre-commit: the hooks this repository publishes (`.pre-commit-hooks.yaml`) and the one it uses
itself (`.pre-commit-config.yaml`), run the way pre-commit runs them: entry, then file names."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import REPO_ROOT, base_env

MANIFEST = REPO_ROOT / ".pre-commit-hooks.yaml"
OWN_CONFIG = REPO_ROOT / ".pre-commit-config.yaml"
PRODUCTION = "llm:\n  model: claude-sonnet-4-5-20250929\n"
STAGING = "llm:\n  model: claude-sonnet-4-6\n"


def hooks() -> dict[str, dict[str, Any]]:
    return {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}


def run_hook(hook_id: str, repo: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    """The hook's entry with `claude-preflight` as `python -m checker`, then the file names."""
    hook = hooks()[hook_id]
    command = shlex.split(hook["entry"])
    assert command[0] == "claude-preflight"
    argv = [sys.executable, "-m", "checker", *command[1:], *hook.get("args", [])]
    if hook.get("pass_filenames", True):
        argv += files
    return subprocess.run(
        argv, cwd=repo, env=base_env(), capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small app with a production model staging never tested, in git as users have it."""
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "production.yaml").write_text(PRODUCTION)
    (tmp_path / "config" / "staging.yaml").write_text(STAGING)
    (tmp_path / "README.md").write_text("# app\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


def test_the_manifest_is_valid_for_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    clientlib.load_manifest(str(MANIFEST))
    assert set(hooks()) == {"claude-preflight", "claude-preflight-fix"}


def test_the_hook_is_offline_and_needs_no_key_nor_network() -> None:
    entry = shlex.split(hooks()["claude-preflight"]["entry"])
    assert entry[entry.index("--live-check") + 1] == "off"
    assert entry[-1] == "--files"  # file names follow; a user's `args:` can still come first


def test_committing_the_staging_file_reports_the_drift_it_causes_in_production(
    repo: Path,
) -> None:
    run = run_hook("claude-preflight", repo, ["config/staging.yaml"])
    assert run.returncode == 1, run.stdout + run.stderr
    assert "MOD001" in run.stdout
    assert "SEC001" not in run.stdout  # no key on a developer's machine is no finding


def test_committing_an_unrelated_file_passes_although_production_has_problems(
    repo: Path,
) -> None:
    run = run_hook("claude-preflight", repo, ["README.md"])
    assert run.returncode == 0, run.stdout + run.stderr
    assert "not in the given files" in run.stdout


def test_a_users_args_before_the_file_names_are_still_options(repo: Path) -> None:
    hook = hooks()["claude-preflight"]
    argv = [sys.executable, "-m", "checker", *shlex.split(hook["entry"])[1:]]
    argv += ["--fail-on", "never", "config/production.yaml"]
    run = subprocess.run(
        argv, cwd=repo, env=base_env(), capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "MOD003" in run.stdout


def test_the_fix_hook_runs_the_fix_subcommand_on_the_whole_repository(repo: Path) -> None:
    hook = hooks()["claude-preflight-fix"]
    assert shlex.split(hook["entry"]) == ["claude-preflight", "fix"]
    assert hook["pass_filenames"] is False
    run = run_hook("claude-preflight-fix", repo, [])
    assert run.returncode in (0, 1), run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_the_repositorys_own_config_is_valid_and_uses_the_dev_tools() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    clientlib.load_config(str(OWN_CONFIG))
    config = yaml.safe_load(OWN_CONFIG.read_text(encoding="utf-8"))
    ids = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "mypy"} <= ids
