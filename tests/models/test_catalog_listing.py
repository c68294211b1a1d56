"""`claude-preflight --catalog`: what the gate believes about every model, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from checker.models.ids.catalog import BUNDLED_CATALOG
from tests.helpers import base_env, run_cli

KEY = "sk-ant-api03-" + "Z9y8X7w6V5" * 9 + "xyz" + "AA"


def _block(stdout: str, model_id: str) -> str:
    """The listing's block for one model: the paragraph that starts with its ID."""
    for block in stdout.split("\n\n"):
        if block.split(maxsplit=1)[0] == model_id:
            return block
    raise AssertionError(f"no block for {model_id}")


def test_the_listing_starts_with_the_as_of_date_and_sources_and_exits_0() -> None:
    run = run_cli(["--catalog"])
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    document = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    head = run.stdout.split("\n\n", 1)[0]
    assert f"As of: {document['as_of']}" in head
    assert "Sources:" in head
    assert "model-deprecations" in head
    assert f"Models: {len(document['models'])}" in head


def test_every_model_of_the_catalog_has_one_block() -> None:
    run = run_cli(["--catalog"])
    document = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    heads = [block.splitlines()[0].split()[0] for block in run.stdout.split("\n\n")[1:]]
    assert heads == [raw["id"] for raw in document["models"]]


def test_sonnet_4_5_shows_as_retired_with_its_dates_replacement_and_platform_forms() -> None:
    block = _block(run_cli(["--catalog"]).stdout, "claude-sonnet-4-5-20250929")
    assert block.splitlines()[0] == "claude-sonnet-4-5-20250929  Claude Sonnet 4.5"
    assert "status:       retired" in block
    assert "deprecated:   2026-09-30" in block
    assert "retirement:   2026-11-30" in block
    assert "replacement:  claude-sonnet-5-5" in block
    assert "context:      200,000 tokens" in block
    assert "max output:   64,000 tokens" in block
    assert "bedrock:      anthropic.claude-sonnet-4-5-20250929-v1:0" in block
    assert "global., us., eu., jp." in block
    assert "profile only" in block
    assert "vertex:       claude-sonnet-4-5@20250929" in block


def test_vertex_shutdowns_that_differ_are_shown() -> None:
    block = _block(run_cli(["--catalog"]).stdout, "claude-3-7-sonnet-20250219")
    assert "retirement:   2026-02-19" in block
    assert "vertex end:   2026-05-11 (Vertex's own shutdown)" in block


def test_the_config_files_catalog_entries_are_listed_and_named(tmp_path: Path) -> None:
    (tmp_path / ".claude-preflight.yml").write_text("catalog: models.yaml\n")
    (tmp_path / "models.yaml").write_text(
        "models:\n"
        "  - id: claude-internal-1\n"
        "    name: Internal Claude\n"
        "    max_output_tokens: 32000\n"
        "  - id: claude-opus-5\n"
        "    status: deprecated\n"
        "    retirement: 2027-03-01\n"
    )
    run = run_cli([str(tmp_path), "--catalog"])
    assert run.returncode == 0, run.stderr
    assert "User entries:" in run.stdout
    assert "models.yaml" in run.stdout
    assert "max output:   32,000 tokens" in _block(run.stdout, "claude-internal-1")
    opus = _block(run.stdout, "claude-opus-5")
    assert "retirement:   2027-03-01" in opus
    assert "status:       deprecated" in opus


def test_an_invalid_user_catalog_exits_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / ".claude-preflight.yml").write_text("catalog: models.yaml\n")
    (tmp_path / "models.yaml").write_text("models: [{id: x, status: sleeping}]\n")
    run = run_cli([str(tmp_path), "--catalog"])
    assert run.returncode == 2
    assert run.stdout == ""
    assert len(run.stderr.strip().splitlines()) == 1
    assert "status" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_key_inside_a_user_catalog_is_redacted(tmp_path: Path) -> None:
    (tmp_path / ".claude-preflight.yml").write_text("catalog: models.yaml\n")
    (tmp_path / "models.yaml").write_text(
        f"models:\n  - id: claude-internal-1\n    name: 'pasted {KEY} here'\n"
    )
    run = run_cli([str(tmp_path), "--catalog"], env=base_env(ANTHROPIC_API_KEY=KEY))
    assert run.returncode == 0, run.stderr
    assert KEY not in run.all_text
    assert KEY[13:40] not in run.all_text
    assert "pasted [REDACTED] here" in run.stdout


def test_the_catalog_flag_takes_no_value_and_appears_in_help() -> None:
    run = run_cli(["--help"])
    assert "--catalog " in run.stdout or "--catalog\n" in run.stdout
    assert "--catalog CATALOG" not in run.stdout
