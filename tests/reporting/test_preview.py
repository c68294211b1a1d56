"""The preview script turns a summary into a GitHub-like HTML page (no browser needed here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checker.reporters.summary import render_summary
from tests.helpers import REPO_ROOT
from tests.reporting.reports import models_failing

SCRIPT = REPO_ROOT / "scripts" / "preview_summary.py"


def test_preview_writes_a_standalone_html_page(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text(render_summary(models_failing(), str), encoding="utf-8")
    page = tmp_path / "summary.html"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(summary), "--html", str(page), "--no-png"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<article class="markdown-body">' in html
    assert "<h2>❌ claude-preflight: deploy blocked</h2>" in html
    assert "<table>" in html
    assert "<script" not in html


def test_the_readme_screenshot_exists() -> None:
    png = REPO_ROOT / "docs" / "summary.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
