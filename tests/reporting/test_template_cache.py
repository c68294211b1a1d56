"""Compiled templates are cached across runs; a cache that cannot be written never breaks one."""

from __future__ import annotations

import os
from pathlib import Path

from tests.helpers import EXAMPLES, base_env, run_cli


def test_a_run_fills_the_cache_and_the_next_reuses_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = base_env(CLAUDE_PREFLIGHT_TEMPLATE_CACHE=str(cache))
    first = run_cli(
        [str(EXAMPLES), "--live-check", "off", "--summary", str(tmp_path / "a.md")], env=env
    )
    compiled = sorted(cache.rglob("*.cache"))
    assert first.returncode == 1
    assert compiled, "templates were not cached"
    stamps = [path.stat().st_mtime_ns for path in compiled]
    second = run_cli(
        [str(EXAMPLES), "--live-check", "off", "--summary", str(tmp_path / "b.md")], env=env
    )
    assert second.returncode == 1
    assert [path.stat().st_mtime_ns for path in compiled] == stamps
    first_text, second_text = ((tmp_path / name).read_text() for name in ("a.md", "b.md"))
    assert first_text.rsplit("·", 1)[0] == second_text.rsplit("·", 1)[0]  # all but the duration


def test_an_unwritable_cache_still_renders_the_summary(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache directory should be")
    env = base_env(CLAUDE_PREFLIGHT_TEMPLATE_CACHE=str(blocked))
    summary = tmp_path / "summary.md"
    run = run_cli([str(EXAMPLES), "--live-check", "off", "--summary", str(summary)], env=env)
    assert run.returncode == 1
    assert "claude-preflight" in summary.read_text()
    assert "Traceback" not in run.stderr
    assert os.path.isfile(blocked)
