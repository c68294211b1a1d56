"""Hostile files: each finishes in bounded time with a finding, never a traceback."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from checker.findings import Finding
from checker.scan.discovery import scan_workspace
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan
from tests.helpers import run_cli

BOUND_SECONDS = 10.0  # generous: other test runs share the 2 cores


def scan(root: Path) -> WorkspaceScan:
    started = time.monotonic()
    result = scan_workspace(Settings(workspace=root, config_path=None))
    assert time.monotonic() - started < BOUND_SECONDS
    return result


def only(result: WorkspaceScan, code: str) -> Finding:
    assert [finding.code for finding in result.findings] == [code], result.findings
    return result.findings[0]


def write(root: Path, relative: str, data: bytes | str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        name, previous = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_stops_at_the_node_budget(tmp_path: Path) -> None:
    write(tmp_path, "config/production.yaml", billion_laughs())
    finding = only(scan(tmp_path), "CFG003")
    assert finding.file == "config/production.yaml"
    assert "aliases" in finding.message


def test_a_self_referencing_alias_is_cut_by_the_depth_cap(tmp_path: Path) -> None:
    write(tmp_path, "config/production.yaml", "loop: &x\n  again: *x\n")
    assert "nested deeper" in only(scan(tmp_path), "CFG003").message


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("config/production.yaml", "x: " + "[" * 5000 + "]" * 5000 + "\n"),
        ("config/production.yaml", "x: " + "[" * 200 + "]" * 200 + "\n"),
        ("config/production.json", '{"a":' * 5000 + "1" + "}" * 5000),
        ("config/production.json", '{"a":' * 100 + "1" + "}" * 100),
        ("config/production.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n"),
        ("config/production.toml", "a = " + "[" * 100 + "]" * 100 + "\n"),
    ],
)
def test_deep_nesting_is_skipped(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path, name, text)
    assert "nested deeper" in only(scan(tmp_path), "CFG003").message


def test_a_50_mb_file_is_skipped_by_its_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "config" / "production.yaml"
    path.parent.mkdir()
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: reading it would take time and memory
    finding = only(scan(tmp_path), "CFG003")
    assert "larger than 5 MB" in finding.message
    assert finding.severity == "notice"


def test_a_binary_file_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "deploy/prod/app.yaml", b"model: x\n\x00\x01\x02")
    assert "binary" in only(scan(tmp_path), "CFG003").message


def test_non_utf8_yaml_is_a_parse_error_at_the_bad_byte(tmp_path: Path) -> None:
    write(tmp_path, "config/production.yaml", "llm:\n  model: caf\xe9\n".encode("latin-1"))
    finding = only(scan(tmp_path), "CFG001")
    assert (finding.line, finding.column, finding.environment) == (2, 13, "production")


def test_non_utf8_properties_are_read_as_latin1_like_java(tmp_path: Path) -> None:
    write(tmp_path, "application-prod.properties", "model=caf\xe9\n".encode("latin-1"))
    result = scan(tmp_path)
    assert result.findings == []
    assert result.files[0].values[0].value == "café"


def test_bom_and_crlf_keep_positions_right(tmp_path: Path) -> None:
    write(tmp_path, "config/production.yaml", b"\xef\xbb\xbfllm:\r\n  model: claude-x\r\n")
    write(tmp_path, "config/staging.json", b'\xef\xbb\xbf{\r\n  "model": "claude-x"\r\n}\r\n')
    write(tmp_path, "config/development.toml", b'\xef\xbb\xbfa = 1\r\nmodel = "claude-x"\r\n')
    write(tmp_path, ".env.test", b"\xef\xbb\xbfA=1\r\nMODEL=claude-x\r\n")
    result = scan(tmp_path)
    assert result.findings == []
    places = {
        config.path: [
            (v.key_path, v.value, v.location.line, v.location.column) for v in config.values
        ]
        for config in result.files
    }
    assert places["config/production.yaml"] == [("llm.model", "claude-x", 2, 10)]
    assert places["config/staging.json"] == [("model", "claude-x", 2, 12)]
    assert places["config/development.toml"][1] == ("model", "claude-x", 2, 9)
    assert places[".env.test"][1] == ("MODEL", "claude-x", 2, 7)


def test_duplicate_keys_keep_the_last_value_with_its_position(tmp_path: Path) -> None:
    write(tmp_path, "config/production.yaml", "model: a\nmodel: b\n")
    write(tmp_path, "config/staging.json", '{"model": "a",\n "model": "b"}')
    result = scan(tmp_path)
    assert result.findings == []
    assert [(c.values[0].value, c.values[0].location.line) for c in result.files] == [
        ("b", 2),
        ("b", 2),
    ]


def test_symlinks_out_of_the_workspace_are_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, "production.yaml", "model: secret-outside\n")
    root = tmp_path / "repo"
    (root / "config").mkdir(parents=True)
    (root / "config" / "production.yaml").symlink_to(outside / "production.yaml")
    (root / "deploy").mkdir()
    (root / "deploy" / "prod").symlink_to(outside)
    result = scan(root)
    assert result.files == []
    assert sorted((f.code, f.file) for f in result.findings) == [
        ("CFG003", "config/production.yaml"),
        ("CFG003", "deploy/prod"),
    ]
    assert all("outside the workspace" in f.message for f in result.findings)


def test_symlinks_inside_the_workspace_are_followed_once(tmp_path: Path) -> None:
    write(tmp_path, "real/production.yaml", "model: m\n")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "production.yaml").symlink_to(tmp_path / "real" / "production.yaml")
    result = scan(tmp_path)
    assert [c.path for c in result.environment_files] == ["config/production.yaml"]
    assert [c.path for c in result.files if c.shared] == ["real/production.yaml"]
    assert result.findings == []


def test_symlink_loops_are_notices(tmp_path: Path) -> None:
    write(tmp_path, "deploy/prod/app.yaml", "model: m\n")
    (tmp_path / "deploy" / "prod" / "up").symlink_to(tmp_path / "deploy")
    os.symlink("b.yaml", tmp_path / "deploy" / "prod" / "a.yaml")
    os.symlink("a.yaml", tmp_path / "deploy" / "prod" / "b.yaml")
    result = scan(tmp_path)
    assert [c.path for c in result.files] == ["deploy/prod/app.yaml"]
    assert sorted((f.code, f.file) for f in result.findings) == [
        ("CFG003", "deploy/prod/a.yaml"),
        ("CFG003", "deploy/prod/b.yaml"),
        ("CFG003", "deploy/prod/up"),
    ]
    assert all("loop" in f.message for f in result.findings)


def test_pruned_folders_are_never_read(tmp_path: Path) -> None:
    for folder in ("node_modules/x", ".git", ".venv/lib", "vendor/y", "dist", "build"):
        write(tmp_path, f"{folder}/config/production.yaml", "model: [broken\n")
    assert scan(tmp_path).findings == []


def test_hostile_file_names_pass_through_as_data(tmp_path: Path) -> None:
    name = "deploy/prod/x\n::error::pwned|<script>.yaml"
    write(tmp_path, name, "model: [broken\n")
    finding = only(scan(tmp_path), "CFG001")
    assert finding.file == name


def test_the_cli_survives_a_repository_of_hostile_files(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write(root, "config/production.yaml", billion_laughs())
    write(root, "config/staging.json", '{"a":' * 5000 + "1" + "}" * 5000)
    write(root, "deploy/prod/blob.yaml", b"\x00" * 100)
    write(root, "deploy/prod/x\n::error::pwned|<script>.yaml", "model: claude-sonnet-4-6\n")
    (root / "config" / "development.yaml").symlink_to("/etc/passwd")
    with (root / "deploy" / "prod" / "huge.yaml").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    report = tmp_path / "report.json"
    started = time.monotonic()
    run = run_cli([str(root), "--live-check", "off", "--json", str(report), "--ignore", "SEC001"])
    assert time.monotonic() - started < 30
    assert "Traceback" not in run.stderr + run.stdout
    findings = json.loads(report.read_text())["findings"]
    skipped = sorted(f["file"] for f in findings if f["code"] == "CFG003")
    assert skipped == [
        "config/development.yaml",
        "config/production.yaml",
        "config/staging.json",
        "deploy/prod/blob.yaml",
        "deploy/prod/huge.yaml",
    ]
    assert not [f for f in findings if f["code"] in ("CFG001", "TOOL001")]
    assert run.returncode == 0


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("anthropic/", ["MOD001"]),  # a gateway's name that differs from staging's model
        ("bedrock/converse/", ["MOD001", "MOD002"]),  # not a Bedrock ID: unknown, and drift
        ("openrouter/anthropic/", ["MOD001"]),
    ],
)
def test_routes_nested_thousands_deep_are_one_value_not_a_crash(
    tmp_path: Path, route: str, expected: list[str]
) -> None:
    """`anthropic/anthropic/…/claude-opus-4-8`: one route per value, never followed further."""
    write(tmp_path, "config/production.yaml", f"llm:\n  model: {route * 3000}claude-opus-4-8\n")
    write(tmp_path, "config/staging.yaml", "llm:\n  model: claude-opus-4-8\n")
    report = tmp_path / "report.json"
    started = time.monotonic()
    run = run_cli(
        [str(tmp_path), "--live-check", "off", "--json", str(report), "--ignore", "SEC001"]
    )
    assert time.monotonic() - started < 30
    assert "Traceback" not in run.stderr + run.stdout
    codes = sorted(f["code"] for f in json.loads(report.read_text())["findings"])
    assert codes == expected


def test_the_cli_fails_the_gate_on_a_config_that_cannot_be_parsed(tmp_path: Path) -> None:
    write(tmp_path, "config/production.yaml", "llm:\n  model: claude-sonnet-4-5\n   bad: indent\n")
    report = tmp_path / "report.json"
    run = run_cli(
        [str(tmp_path), "--live-check", "off", "--json", str(report), "--ignore", "SEC001"]
    )
    assert run.returncode == 1
    findings = json.loads(report.read_text())["findings"]
    parse_errors = [f for f in findings if f["code"] == "CFG001"]
    assert [(f["file"], f["line"], f["column"]) for f in parse_errors] == [
        ("config/production.yaml", 3, 7)
    ]


def test_a_file_name_that_is_not_utf8_is_reported_with_a_replacement_character(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "deploy" / "prod"
    folder.mkdir(parents=True)
    with open(os.fsencode(folder) + b"/caf\xe9.yaml", "wb") as handle:
        handle.write(b"model: [broken\n")
    report = tmp_path / "report.json"
    run = run_cli(
        [str(tmp_path), "--live-check", "off", "--json", str(report), "--ignore", "SEC001"]
    )
    assert "Traceback" not in run.stderr
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert [(f["code"], f["file"]) for f in findings if f["code"] == "CFG001"] == [
        ("CFG001", "deploy/prod/caf\ufffd.yaml")
    ]


def test_an_invalid_glob_class_matches_literally_instead_of_crashing(tmp_path: Path) -> None:
    write(tmp_path, "[z-a].yaml", "model: m\n")
    result = scan_workspace(
        Settings(workspace=tmp_path, config_path=None, environments={"prod": ("[z-a].yaml",)})
    )
    assert [c.path for c in result.files] == ["[z-a].yaml"]
