"""What `fix` refuses: it writes nothing on a dry run, never through a symlink or outside the
workspace, never a value it cannot verify or would have to quote, never docs or tests; each write
is atomic and keeps the file's mode. Exit 0 only when nothing fixable is left."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.fix.support import fix, fixable_in, snapshot, write_tree
from tests.helpers import base_env, run_cli
from tests.secrets.support import make_key

PROD = "config/production.yaml"
BROKEN = b"llm:\n  model: claude-opus-4.8\n  fallback: claude-haiku-4-5\n"


def test_a_dry_run_prints_the_diff_and_leaves_the_tree_byte_identical(tmp_path: Path) -> None:
    workspace = write_tree(
        tmp_path / "app", {PROD: BROKEN, "src/x.py": b'MODEL = "claude-opus-4.8"\n'}
    )
    before = snapshot(workspace)
    run = fix(workspace, "--dry-run")
    assert run.returncode == 1
    assert "\n-  model: claude-opus-4.8\n" in run.stdout
    assert "\n+  model: claude-opus-4-8\n" in run.stdout
    assert "would change 3 values in 2 files" in run.stdout
    assert "nothing was written" in run.stdout
    assert snapshot(workspace) == before


def test_a_symlinked_file_is_not_written_through(tmp_path: Path) -> None:
    """The link's findings are left; its target, a file of the workspace itself, is fixed
    through its own findings, by replacing it, not by writing through the link."""
    workspace = write_tree(tmp_path / "app", {"real/production.yaml": BROKEN})
    (workspace / "config").mkdir()
    (workspace / PROD).symlink_to("../real/production.yaml")
    assert fixable_in(workspace, tmp_path, PROD), "the gate reads the link inside the workspace"
    run = fix(workspace)
    assert run.returncode == 1
    assert f"left alone {PROD}:2:10 (MOD007): a symlink (or inside one)" in run.stdout
    assert (workspace / PROD).is_symlink()
    assert os.readlink(workspace / PROD) == "../real/production.yaml"
    assert "+++ b/real/production.yaml" in run.stdout
    assert f"+++ b/{PROD}" not in run.stdout


def test_a_link_out_of_the_workspace_is_never_written(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes(BROKEN)
    workspace = tmp_path / "app"
    (workspace / "config").mkdir(parents=True)
    (workspace / PROD).symlink_to(outside)
    run = fix(workspace)
    assert outside.read_bytes() == BROKEN
    assert "Traceback" not in run.stderr


def test_a_replacement_that_would_need_quoting_is_left_with_a_message(tmp_path: Path) -> None:
    catalog = {
        "models": [
            {"id": "claude-legacy-9", "status": "retired", "retirement": "2024-01-01",
             "replacement": "claude next 9"},
            {"id": "claude next 9", "status": "active"},
        ]
    }  # fmt: skip
    data = b"llm:\n  model: claude-legacy-9\n"
    workspace = write_tree(
        tmp_path / "app",
        {
            PROD: data,
            ".claude-preflight.yml": b"catalog: extra.json\n",
            "extra.json": json.dumps(catalog).encode(),
        },
    )
    run = fix(workspace)
    assert run.returncode == 1
    assert "`claude next 9` would need quoting or escaping here" in run.stdout
    assert (workspace / PROD).read_bytes() == data


def test_a_value_whose_bytes_no_longer_match_its_position_is_skipped(tmp_path: Path) -> None:
    data = b'{\n  "model": "claude-opus-4\\u002e8",\n  "fallback": "claude-haiku-4-5"\n}\n'
    workspace = write_tree(tmp_path / "app", {"config/production.json": data})
    run = fix(workspace)
    assert run.returncode == 1
    assert "left alone config/production.json:2:12 (MOD007)" in run.stdout
    assert "not the value" in run.stdout
    assert (workspace / "config/production.json").read_bytes() == data.replace(
        b'"claude-haiku-4-5"', b'"claude-haiku-4-5-20251001"'
    )


def test_docs_tests_and_examples_are_left_as_written(tmp_path: Path) -> None:
    docs = b"We moved off claude-3-opus-20240229 in 2025.\n"
    test = b'LEGACY = "claude-opus-4.8"\n'
    workspace = write_tree(tmp_path / "app", {"docs/history.md": docs, "tests/test_x.py": test})
    run = fix(workspace)
    assert run.returncode == 0, run.stdout
    assert "as written: docs, tests and examples never block" in run.stdout
    assert (workspace / "docs/history.md").read_bytes() == docs
    assert (workspace / "tests/test_x.py").read_bytes() == test


def test_a_write_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    workspace = write_tree(tmp_path / "app", {PROD: BROKEN})
    (workspace / PROD).chmod(0o640)
    run = fix(workspace)
    assert run.returncode == 0, run.stdout
    assert (workspace / PROD).stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(workspace / "config")) == ["production.yaml"]


def test_the_run_environments_own_variables_are_not_files(tmp_path: Path) -> None:
    workspace = write_tree(tmp_path / "app", {"README": b"nothing here\n"})
    run = run_cli(["fix", str(workspace)], env=base_env(ANTHROPIC_MODEL="claude-opus-4.8"))
    assert run.returncode == 0, run.stdout
    assert "set in this run's environment" in run.stdout


def test_a_committed_key_next_to_a_fixed_value_never_shows_in_the_diff(tmp_path: Path) -> None:
    key = make_key(seed=23)
    data = f"ANTHROPIC_MODEL=claude-opus-4.8\nANTHROPIC_API_KEY={key}\n".encode()
    workspace = write_tree(tmp_path / "app", {".env.production": data})
    run = fix(workspace, "--dry-run")
    assert "+ANTHROPIC_MODEL=claude-opus-4-8" in run.stdout
    assert key not in run.stdout + run.stderr
    assert key[14:40] not in run.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [(["fix", "/no/such/folder"], "not a directory"), (["fix", "--bogus"], "unrecognized")],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], words: str) -> None:
    run = run_cli(args)
    assert run.returncode == 2
    assert words in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr
