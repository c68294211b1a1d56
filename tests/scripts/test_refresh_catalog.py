"""`scripts/refresh_catalog.py` on saved pages: a maintainer's one command, loud when a page moved.

The pages under `tests/fixtures/catalog_pages/` have the real pages' structure (the same tables,
headings and columns); they are never fetched.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from checker.models.ids.catalog import BUNDLED_CATALOG, load_catalog
from tests.helpers import FIXTURES, REPO_ROOT, base_env

SCRIPT = REPO_ROOT / "scripts" / "refresh_catalog.py"
PAGES = FIXTURES / "catalog_pages"
PAGE_FILES = {
    "models-overview": "models-overview.html",
    "deprecations": "deprecations.html",
    "bedrock": "bedrock.html",
    "vertex": "vertex.html",
}
TODAY = "2026-12-01"


@dataclass
class Workspace:
    """A catalog to refresh and a copy of the saved pages, each editable by a test."""

    root: Path

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.json"

    def page(self, name: str) -> Path:
        return self.root / PAGE_FILES[name]

    def edit_page(self, name: str, old: str, new: str) -> None:
        text = self.page(name).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        self.page(name).write_text(text.replace(old, new), encoding="utf-8")

    def models(self) -> dict[str, dict[str, Any]]:
        data = json.loads(self.catalog.read_text(encoding="utf-8"))
        return {raw["id"]: raw for raw in data["models"]}

    def edit_model(self, model_id: str, **fields: Any) -> None:
        data = json.loads(self.catalog.read_text(encoding="utf-8"))
        if fields.pop("remove", False):
            data["models"] = [raw for raw in data["models"] if raw["id"] != model_id]
        for raw in data["models"]:
            if raw["id"] == model_id:
                raw.update(fields)
        self.catalog.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    def refresh(self, *extra: str) -> subprocess.CompletedProcess[str]:
        args = [f"--{name}={self.page(name)}" for name in PAGE_FILES]
        return subprocess.run(
            [sys.executable, str(SCRIPT), *args, f"--catalog={self.catalog}", *extra],
            env=base_env(),
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    for name in PAGE_FILES.values():
        (tmp_path / name).write_text((PAGES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "catalog.json").write_bytes(BUNDLED_CATALOG.read_bytes())
    return Workspace(tmp_path)


def test_a_catalog_that_missed_the_sonnet_4_5_retirement_learns_it(workspace: Workspace) -> None:
    workspace.edit_model(
        "claude-sonnet-4-5-20250929",
        status="legacy",
        deprecated=None,
        retirement=None,
        replacement=None,
        retirement_not_before="2026-09-29",
    )
    run = workspace.refresh(f"--today={TODAY}")
    assert run.returncode == 0, run.stderr
    sonnet = workspace.models()["claude-sonnet-4-5-20250929"]
    assert sonnet["status"] == "retired"
    assert (sonnet["deprecated"], sonnet["retirement"]) == ("2026-09-30", "2026-11-30")
    assert sonnet["replacement"] == "claude-sonnet-5-5"
    assert "claude-sonnet-4-5-20250929: status legacy -> retired" in run.stdout
    assert "retirement null -> 2026-11-30" in run.stdout
    assert "1 changed" in run.stdout


def test_a_moved_retirement_date_is_picked_up_and_dates_the_catalog(
    workspace: Workspace,
) -> None:
    workspace.edit_page(
        "deprecations",
        "<td>Retired</td><td>September 30, 2026</td><td>November 30, 2026</td>",
        "<td>Deprecated</td><td>September 30, 2026</td><td>December 15, 2026</td>",
    )
    run = workspace.refresh("--today=2026-12-02")
    assert run.returncode == 0, run.stderr
    sonnet = workspace.models()["claude-sonnet-4-5-20250929"]
    assert (sonnet["status"], sonnet["retirement"]) == ("deprecated", "2026-12-15")
    assert "retirement 2026-11-30 -> 2026-12-15" in run.stdout
    assert json.loads(workspace.catalog.read_text())["as_of"] == "2026-12-02"


def test_a_new_model_on_the_overview_is_added_with_its_limits(workspace: Workspace) -> None:
    workspace.edit_model("claude-haiku-5-5", remove=True)
    run = workspace.refresh(f"--today={TODAY}")
    assert run.returncode == 0, run.stderr
    assert "added claude-haiku-5-5 (Claude Haiku 5.5)" in run.stdout
    models = workspace.models()
    haiku = models["claude-haiku-5-5"]
    assert (haiku["family"], haiku["generation"], haiku["dateless"]) == ("haiku", "5.5", True)
    assert (haiku["status"], haiku["context_window"], haiku["max_output_tokens"]) == (
        "active",
        1_000_000,
        128_000,
    )
    assert haiku["vertex"] == ["claude-haiku-5-5"]
    assert next(iter(models)) == "claude-haiku-5-5"
    assert "claude-haiku-5-5" in load_catalog(workspace.catalog).models


def test_fields_the_pages_do_not_own_are_kept(workspace: Workspace) -> None:
    workspace.edit_model(
        "claude-opus-4-6",
        max_output_tokens=64_000,
        note="our own note",
        aliases=["opus-house"],
        bedrock={
            "ids": ["anthropic.claude-opus-4-6-v1"],
            "prefixes": ["us"],
            "profile_only": False,
        },
    )
    run = workspace.refresh(f"--today={TODAY}")
    assert run.returncode == 0, run.stderr
    opus = workspace.models()["claude-opus-4-6"]
    assert (opus["max_output_tokens"], opus["note"], opus["aliases"]) == (
        64_000,
        "our own note",
        ["opus-house"],
    )
    assert opus["bedrock"]["prefixes"] == ["global", "us", "eu", "jp", "apac"]
    assert opus["bedrock"]["profile_only"] is True


def test_vertex_shutdowns_are_kept_only_where_they_differ(workspace: Workspace) -> None:
    workspace.edit_model("claude-3-5-haiku-20241022", vertex_retirement=None)
    workspace.edit_page("vertex", "<td>November 30, 2026</td>", "<td>January 15, 2027</td>")
    run = workspace.refresh(f"--today={TODAY}")
    assert run.returncode == 0, run.stderr
    models = workspace.models()
    assert models["claude-3-5-haiku-20241022"]["vertex_retirement"] == "2026-07-05"
    assert models["claude-sonnet-4-5-20250929"]["vertex_retirement"] == "2027-01-15"
    assert models["claude-opus-4-6"]["vertex_retirement"] is None


def test_a_renamed_column_fails_loudly_and_leaves_the_file_untouched(
    workspace: Workspace,
) -> None:
    workspace.edit_model("claude-sonnet-4-5-20250929", status="legacy", retirement=None)
    before = workspace.catalog.read_bytes()
    workspace.edit_page("deprecations", "<th>Current State</th>", "<th>State</th>")
    run = workspace.refresh(f"--today={TODAY}")
    assert run.returncode == 1
    assert "deprecations page changed" in run.stderr
    assert "table 'Model status'" in run.stderr
    assert "missing 'Current State'" in run.stderr
    assert "found 'API Model Name', 'State'" in run.stderr
    assert "Traceback" not in run.stderr
    assert workspace.catalog.read_bytes() == before
    assert sorted(path.name for path in workspace.root.iterdir()) == sorted(
        [*PAGE_FILES.values(), "catalog.json"]
    )


def test_a_missing_table_fails_loudly_and_leaves_the_file_untouched(workspace: Workspace) -> None:
    before = workspace.catalog.read_bytes()
    text = workspace.page("bedrock").read_text(encoding="utf-8")
    start = text.index("<th>Model</th>")
    workspace.page("bedrock").write_text(
        text[: text.rindex("<table>", 0, start)] + text[text.index("</table>", start) + 8 :],
        encoding="utf-8",
    )
    run = workspace.refresh(f"--today={TODAY}")
    assert run.returncode == 1
    assert "Bedrock page changed" in run.stderr
    assert "'Base Bedrock model ID'" in run.stderr
    assert "bedrock.html" in run.stderr
    assert workspace.catalog.read_bytes() == before


def test_a_missing_overview_section_names_the_section(workspace: Workspace) -> None:
    workspace.edit_page("models-overview", "Legacy models</h2>", "Older models</h2>")
    run = workspace.refresh(f"--today={TODAY}")
    assert run.returncode == 1
    assert "models overview page changed: table 'Legacy models'" in run.stderr


def test_a_cell_that_is_no_longer_a_date_fails(workspace: Workspace) -> None:
    workspace.edit_page("vertex", "<td>July 5, 2026</td>", "<td>early next summer</td>")
    run = workspace.refresh(f"--today={TODAY}")
    assert run.returncode == 1
    assert "expected a date, found 'early next summer'" in run.stderr


def test_a_second_run_changes_nothing(workspace: Workspace) -> None:
    workspace.edit_model("claude-sonnet-4-5-20250929", status="legacy", retirement=None)
    first = workspace.refresh(f"--today={TODAY}")
    assert first.returncode == 0, first.stderr
    after_first = workspace.catalog.read_bytes()
    second = workspace.refresh(f"--today={TODAY}")
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("No change:")
    assert workspace.catalog.read_bytes() == after_first


def test_an_unchanged_catalog_is_restamped_only_once_its_date_is_a_month_old(
    workspace: Workspace,
) -> None:
    data = json.loads(workspace.catalog.read_text(encoding="utf-8"))
    workspace.catalog.write_text(
        json.dumps({**data, "as_of": "2026-11-15"}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    recent = workspace.refresh(f"--today={TODAY}")
    assert recent.stdout.startswith("No change:"), recent.stdout
    assert json.loads(workspace.catalog.read_text())["as_of"] == "2026-11-15"
    old = workspace.refresh("--today=2026-12-16")
    assert old.returncode == 0, old.stderr
    assert "No model changed." in old.stdout
    assert json.loads(workspace.catalog.read_text())["as_of"] == "2026-12-16"


def test_without_pages_or_fetch_it_is_a_usage_error(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), f"--catalog={tmp_path / 'catalog.json'}"],
        env=base_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 2
    assert "--fetch" in run.stderr
