"""Files that break naive readers: the gate reads every tracked file, so each of them must be read
within bounds or skipped with a CFG003 notice (CFG001 where a format is broken), never crash it.

The large and malformed files are generated here, not committed (`tests/fixtures/repos/hostile`
holds only the small ones); one ordinary retired reference proves the run still checked the rest.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.discovery.support import LOUD, Outcome, materialize, run_gate

LITERALS = 100_000
TABLE_MODEL_LINE = LITERALS + 3
OUTSIDE_ONLY_ID = "claude-2.0"
BROKEN_OR_SKIPPED = {"MOD003", "CFG001", "CFG003"}


def _minified_bundle(size: int) -> str:
    """One line of bundler output with no Claude model ID in it (a run name and a product name
    that merely contain one are not IDs)."""
    parts = [
        '!function(){"use strict";var r={run:"claude-3-opus-2024-06-12-1404",app:"claude-code"};'
    ]
    length, index = len(parts[0]), 0
    while length < size:
        part = (
            f"function f{index}(e,t){{return e.map(function(n){{return n*t+{index}}})}}"
            f'var s{index}="https://docs.anthropic.com/en/docs/about-claude/models#{index}";'
        )
        parts.append(part)
        length, index = length + len(part), index + 1
    parts.append("}();")
    return "".join(parts)


def _package_lock(packages: int) -> str:
    entries: dict[str, object] = {"": {"name": "web", "version": "1.0.0"}}
    for index in range(packages):
        entries[f"node_modules/pkg-{index}"] = {
            "version": f"1.{index % 40}.{index % 7}",
            "resolved": f"https://registry.npmjs.org/pkg-{index}/-/pkg-{index}-1.0.0.tgz",
            "integrity": "sha512-" + "A" * 86 + "==",
            "dev": index % 3 == 0,
        }
    lock = {"name": "web", "version": "1.0.0", "lockfileVersion": 3, "packages": entries}
    return json.dumps(lock, indent=2) + "\n"


def _generate(workspace: Path, outside: Path) -> None:
    src = workspace / "src"
    (workspace / "public" / "app.min.js").write_text(_minified_bundle(5_000_000))
    (workspace / "package-lock.json").write_text(_package_lock(20_000))
    (src / "model.py").write_bytes(
        b"\x00\x00\x00\x18ftypmp42"
        + bytes(range(256)) * 16
        + b'\nMODEL = "claude-3-opus-20240229"\n'
    )
    (src / "legacy.py").write_bytes(
        b"# -*- coding: latin-1 -*-\n"
        + "# Modèle par défaut de la facturation\n".encode("latin-1")
        + b'MODEL = "claude-3-haiku-20240307"\n'
    )
    labels = "\n".join(f'    "label-{index}",' for index in range(LITERALS))
    (src / "strings_table.py").write_text(
        f'LABELS = [\n{labels}\n]\nMODEL = "claude-3-opus-20240229"\n'
    )
    (src / "unclosed.py").write_text(
        '"""Half-written."""\nMODEL = "claude-3-opus-20240229\nprint(MODEL)\n'
    )
    outside.mkdir()
    (outside / "claude.yaml").write_text(f"llm:\n  model: {OUTSIDE_ONLY_ID}\n")
    (workspace / "config").mkdir()
    (workspace / "config" / "claude.yaml").symlink_to(outside / "claude.yaml")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    root = tmp_path_factory.mktemp("hostile")
    workspace = materialize(
        "hostile", root / "repo", setup=lambda path: _generate(path, root / "outside")
    )
    return run_gate(workspace, root / "out", timeout=300)


def _codes(outcome: Outcome, file: str) -> set[str]:
    return {f["code"] for f in outcome.at(file)}


def test_the_run_finishes_and_still_checks_the_ordinary_file(hostile: Outcome) -> None:
    assert hostile.returncode == 1, hostile.explain()
    finding = hostile.one("MOD003", "src/service.py", 5)
    assert finding["severity"] == "error"


def test_a_py_file_full_of_nul_bytes_is_skipped_with_a_notice(hostile: Outcome) -> None:
    skipped = [f for f in hostile.at("src/model.py") if f["code"] == "CFG003"]
    assert skipped, hostile.explain()
    assert skipped[0]["severity"] == "notice"
    assert _codes(hostile, "src/model.py") == {"CFG003"}, hostile.explain()


def test_a_latin_1_source_file_is_read_or_reported_skipped(hostile: Outcome) -> None:
    codes = _codes(hostile, "src/legacy.py")
    read = [f for f in hostile.at("src/legacy.py", 3) if f["code"] == "MOD003"]
    assert read or "CFG003" in codes, hostile.explain()
    assert codes <= BROKEN_OR_SKIPPED, hostile.explain()


def test_a_hundred_thousand_literals_are_read_within_bounds_or_skipped(hostile: Outcome) -> None:
    codes = _codes(hostile, "src/strings_table.py")
    read = hostile.at("src/strings_table.py", TABLE_MODEL_LINE)
    assert [f["code"] for f in read] == ["MOD003"] or codes == {"CFG003"}, hostile.explain()


@pytest.mark.parametrize("file", ["src/unclosed.py", "public/widget.js"])
def test_a_string_that_never_closes_breaks_nothing(hostile: Outcome, file: str) -> None:
    assert _codes(hostile, file) <= BROKEN_OR_SKIPPED, hostile.explain()


def test_a_tf_file_with_unbalanced_braces_is_reported_not_dropped(hostile: Outcome) -> None:
    codes = _codes(hostile, "infra/broken.tf")
    assert codes, f"its retired default went unreported\n{hostile.explain()}"
    assert codes <= BROKEN_OR_SKIPPED, hostile.explain()


def test_a_symlink_out_of_the_workspace_is_not_followed(hostile: Outcome) -> None:
    assert _codes(hostile, "config/claude.yaml") == {"CFG003"}, hostile.explain()
    assert OUTSIDE_ONLY_ID not in hostile.all_text


@pytest.mark.parametrize("file", ["public/app.min.js", "package-lock.json"])
def test_a_bundle_and_a_huge_lock_file_are_quiet(hostile: Outcome, file: str) -> None:
    assert not [f for f in hostile.at(file) if f["severity"] in LOUD], hostile.explain()
    assert _codes(hostile, file) <= {"CFG003"}, hostile.explain()


def test_every_skip_is_a_notice(hostile: Outcome) -> None:
    skips = [f for f in hostile.findings if f["code"] == "CFG003"]
    assert all(f["severity"] == "notice" for f in skips), hostile.explain()
