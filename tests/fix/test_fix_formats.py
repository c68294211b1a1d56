"""`claude-preflight fix` in every format the gate reads: the fixed findings are gone, and the file
differs from the original in the bytes of each value only (quotes, comments, key order, line
endings, BOM and encoding as they were).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fix.support import fix, fixable_in, write_tree

RETIRED, ALIAS, TYPO = "claude-3-opus-20240229", "claude-haiku-4-5", "claude-opus-4.8"
REPLACEMENT, PINNED, CORRECTED = "claude-opus-4-8", "claude-haiku-4-5-20251001", "claude-opus-4-8"

CASES: dict[str, tuple[str, bytes, list[tuple[str, str]]]] = {
    "yaml": (
        "config/production.yaml",
        b"# Production settings: keep this comment\n"
        b"llm:\n"
        b"  provider: anthropic\n"
        b"  model: claude-3-opus-20240229   # retired\n"
        b'  fallback: "claude-haiku-4-5"\n'
        b"  summarizer: 'claude-opus-4.8'\n"
        b"  max_tokens: 1024\n",
        [(RETIRED, REPLACEMENT), (ALIAS, PINNED), (TYPO, CORRECTED)],
    ),
    "json": (
        "config/staging.json",
        b'{\n  "llm": {\n    "model": "claude-opus-4.8",\n'
        b'    "fallback_model": "claude-haiku-4-5"\n  }\n}',
        [(TYPO, CORRECTED), (ALIAS, PINNED)],
    ),
    "toml": (
        "config/development.toml",
        b"# development\n[llm]\n"
        b'model = "claude-3-opus-20240229"  # retired\n'
        b"fallback = 'claude-haiku-4-5'\n",
        [(RETIRED, REPLACEMENT), (ALIAS, PINNED)],
    ),
    "dotenv": (
        ".env.production",
        b"# worker\nANTHROPIC_MODEL=claude-opus-4.8\n"
        b"CLAUDE_FALLBACK_MODEL='claude-haiku-4-5'\n"
        b'export SUMMARY_MODEL="claude-3-opus-20240229"  # old\n',
        [(TYPO, CORRECTED), (ALIAS, PINNED), (RETIRED, REPLACEMENT)],
    ),
    "properties": (
        "application-production.properties",
        b"# Caf\xe9 settings, ISO-8859-1 as Java reads them\n"
        b"llm.model=claude-opus-4.8\n"
        b"llm.fallback : claude-haiku-4-5\n",
        [(TYPO, CORRECTED), (ALIAS, PINNED)],
    ),
    "hcl": (
        "infra/main.tf",
        b'provider "aws" {\n  region = "eu-west-1"\n}\n\n'
        b'variable "model_id" {\n  default = "anthropic.claude-sonnet-4-6"\n}\n',
        [("anthropic.claude-sonnet-4-6", "global.anthropic.claude-sonnet-4-6")],
    ),
    "python": (
        "src/llm.py",
        b"import os\n\n"
        b'MODEL = "claude-opus-4.8"\n'
        b"FALLBACK = os.getenv(\"FALLBACK_MODEL\", 'claude-haiku-4-5')\n"
        b'client.messages.create(model="claude-3-opus-20240229", max_tokens=16, messages=[])\n',
        [(TYPO, CORRECTED), (ALIAS, PINNED), (RETIRED, REPLACEMENT)],
    ),
    "typescript": (
        "src/client.ts",
        b'const MODEL = process.env.MODEL ?? "claude-haiku-4-5";\n'
        b"const other = { model: 'claude-opus-4.8' };\n"
        b"export const legacy = `claude-3-opus-20240229`;\n",
        [(ALIAS, PINNED), (TYPO, CORRECTED), (RETIRED, REPLACEMENT)],
    ),
}


def _expected(data: bytes, pairs: list[tuple[str, str]]) -> bytes:
    for old, new in pairs:
        assert data.count(old.encode()) == 1, old
        data = data.replace(old.encode(), new.encode())
    return data


def _round_trip(tmp_path: Path, path: str, data: bytes, pairs: list[tuple[str, str]]) -> None:
    workspace = write_tree(tmp_path / "app", {path: data})
    before = fixable_in(workspace, tmp_path, path)
    assert {value for _, value in before} == {old for old, _ in pairs}

    run = fix(workspace)

    assert run.returncode == 0, run.stdout + run.stderr
    assert f"--- a/{path}\n+++ b/{path}\n" in run.stdout
    assert (workspace / path).read_bytes() == _expected(data, pairs)
    assert fixable_in(workspace, tmp_path, path) == set()
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("name", list(CASES))
def test_each_format_round_trips_changing_only_the_values(tmp_path: Path, name: str) -> None:
    path, data, pairs = CASES[name]
    _round_trip(tmp_path, path, data, pairs)


def test_crlf_line_endings_and_a_bom_are_kept(tmp_path: Path) -> None:
    path, data, pairs = CASES["yaml"]
    _round_trip(tmp_path, path, b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), pairs)


def test_a_crlf_json_file_with_a_bom_keeps_both(tmp_path: Path) -> None:
    path, data, pairs = CASES["json"]
    _round_trip(tmp_path, path, b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), pairs)


def test_a_routed_alias_keeps_its_route(tmp_path: Path) -> None:
    path = "config/production.yaml"
    data = b"llm:\n  model: anthropic/claude-haiku-4-5\n"
    _round_trip(tmp_path, path, data, [("anthropic/claude-haiku-4-5", "anthropic/" + PINNED)])


def test_a_second_run_has_nothing_left_to_fix(tmp_path: Path) -> None:
    path, data, _ = CASES["dotenv"]
    workspace = write_tree(tmp_path / "app", {path: data})
    assert fix(workspace).returncode == 0
    again = fix(workspace)
    assert again.returncode == 0
    assert again.stdout.strip().endswith("nothing to fix.")
    assert "---" not in again.stdout
