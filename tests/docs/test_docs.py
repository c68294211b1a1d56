"""The docs cannot drift from the code: every shell command in README.md, CONTRIBUTING.md and
docs/ is checked (flags against checker/options.py, named scripts and test paths exist), blocks
fenced ```bash doctest are run, workflow and GitLab CI examples pass their schemas, `with:` keys
exist in action.yml or the reusable workflow, config examples load, and every finding code
named exists."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.config_file import load_config_file
from checker.findings import RULES
from checker.findings.catalog import RETIRED
from checker.options import OPTIONS
from tests.helpers import EXAMPLES, REPO_ROOT, base_env

DOCS = sorted(
    [REPO_ROOT / "README.md", REPO_ROOT / "CONTRIBUTING.md", *REPO_ROOT.glob("docs/*.md")]
)
FENCE = re.compile(r"^```([\w-]*)([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)
CODE = re.compile(r"\b(?:SEC|MOD|API|CFG|REQ|TOOL)\d{3}\b")
OUR_ACTION = "claude-preflight/claude-preflight@"
OUR_WORKFLOW = "claude-preflight/claude-preflight/.github/workflows/preflight.yml@"
IMAGE = re.compile(r"^(IMAGE|ghcr\.io/claude-preflight/claude-preflight([:@].+)?)$")
SEPARATORS = {"&&", "||", "|", ";", "&"}


@dataclass(frozen=True)
class Block:
    path: Path
    language: str
    tags: tuple[str, ...]
    body: str

    @property
    def name(self) -> str:
        line = self.path.read_text(encoding="utf-8")[: self.path.read_text().find(self.body)]
        return f"{self.path.relative_to(REPO_ROOT)}:{line.count(chr(10)) + 1}"


def blocks(language: str) -> list[Block]:
    found = []
    for path in DOCS:
        for match in FENCE.finditer(path.read_text(encoding="utf-8")):
            if match.group(1) == language:
                found.append(Block(path, language, tuple(match.group(2).split()), match.group(3)))
    return found


def command_lines(body: str) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", body)
    lines = []
    for line in joined.splitlines():
        tokens = shlex.split(line, comments=True)
        if tokens:
            lines.append(line)
    return lines


def segments(line: str) -> Iterator[list[str]]:
    """Each simple command of a line, without env assignments and wrappers (sudo, env, xargs)."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.commenters = "#"
    lexer.whitespace_split = True
    current: list[str] = []
    for token in lexer:
        if token in SEPARATORS:
            if current:
                yield unwrap(current)
            current = []
        else:
            current.append(token)
    if current:
        yield unwrap(current)


def unwrap(tokens: list[str]) -> list[str]:
    while tokens and (
        re.match(r"^[A-Z_][A-Z0-9_]*=", tokens[0]) or tokens[0] in {"sudo", "env", "xargs"}
    ):
        tokens = tokens[1:]
    return tokens


@cache
def fix_help() -> str:
    completed = subprocess.run(
        [sys.executable, "-m", "checker", "fix", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=base_env(),
    )
    return completed.stdout if completed.returncode == 0 else ""


def check_gate_arguments(args: list[str], where: str) -> None:
    """Every flag is an option of checker/options.py (or of `fix`), with a valid value."""
    if args and args[0] == "fix":
        known = set(re.findall(r"--[a-z][a-z-]*", fix_help()))
        for arg in args[1:]:
            if arg.startswith("--"):
                assert arg.split("=")[0] in known, f"{where}: `fix {arg}` is not a fix flag"
        return
    options = {f"--{option.name}": option for option in OPTIONS if option.cli}
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if not arg.startswith("--"):
            continue
        name, _, inline = arg.partition("=")
        if name in {"--help", "--version"}:
            continue
        assert name in options, f"{where}: `{name}` is not an option in checker/options.py"
        option = options[name]
        if option.flag:
            continue
        value = inline or (args[index] if index < len(args) else "")
        index += 0 if inline else 1
        assert value, f"{where}: `{name}` needs a value"
        assert not value.startswith("--"), f"{where}: `{name}` needs a value"
        if option.choices:
            assert value in option.choices, f"{where}: `{name} {value}` is not one of its values"


def check_command(tokens: list[str], where: str) -> None:
    program = Path(tokens[0]).name if tokens else ""
    args = tokens[1:]
    if program == "claude-preflight":
        check_gate_arguments(args, where)
    elif program.startswith("python") and args[:2] == ["-m", "checker"]:
        check_gate_arguments(args[2:], where)
    elif program.startswith("python") and args[:1] == ["-m"] and args[1].startswith("checker."):
        assert (REPO_ROOT / (args[1].replace(".", "/") + ".py")).is_file(), where
    elif program.startswith("python") and args and args[0].endswith(".py"):
        assert (REPO_ROOT / args[0]).is_file(), f"{where}: no script {args[0]}"
    elif program == "pytest":
        paths = [arg.split("::")[0] for arg in args if arg.startswith("tests")]
        for path in paths:
            assert (REPO_ROOT / path).exists(), f"{where}: no test path {path}"
    elif program == "bash" and args and not args[0].startswith("-"):
        assert (REPO_ROOT / args[0]).is_file(), f"{where}: no script {args[0]}"
    elif program == "docker" and args[:1] == ["run"]:
        images = [i for i, arg in enumerate(args) if IMAGE.match(arg)]
        assert images, f"{where}: `docker run` of another image"
        check_gate_arguments(args[images[0] + 1 :], where)


BASH = blocks("bash")


@pytest.mark.parametrize("block", BASH, ids=[block.name for block in BASH])
def test_every_documented_command_exists_with_its_flags(block: Block) -> None:
    for line in command_lines(block.body):
        for tokens in segments(line):
            check_command(tokens, f"{block.name}: {line.strip()}")


DOCTESTS = [block for block in BASH if "doctest" in block.tags]


def test_some_commands_are_run_and_the_readme_quick_start_is_among_the_checked() -> None:
    assert len(DOCTESTS) >= 8
    readme = [block for block in BASH if block.path.name == "README.md"]
    assert "claude-preflight examples --live-check off" in readme[0].body


@pytest.mark.parametrize("block", DOCTESTS, ids=[block.name for block in DOCTESTS])
def test_doctest_blocks_run_and_never_misuse_the_gate(block: Block, tmp_path: Path) -> None:
    """Run as a user would, `claude-preflight` on PATH, in a folder holding examples/."""
    shim = tmp_path / "bin" / "claude-preflight"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m checker "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    env = base_env(PYTHONPATH=str(REPO_ROOT))
    env["PATH"] = f"{shim.parent}{os.pathsep}{env['PATH']}"
    for line in command_lines(block.body):
        run = subprocess.run(
            ["bash", "-c", line],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        where = f"{block.name}: {line.strip()}"
        assert run.returncode in (0, 1), f"{where}: exit {run.returncode}\n{run.stderr}"
        assert "Traceback" not in run.stderr, where
        assert run.stdout.strip(), f"{where}: printed nothing"


def workflows() -> list[Block]:
    return blocks("yaml")


WORKFLOW_BLOCKS = [block for block in workflows() if "workflow" in block.tags]
GITLAB_BLOCKS = [block for block in workflows() if "gitlab-ci" in block.tags]


def check_schema(schema: str, bodies: list[tuple[str, str]], tmp_path: Path) -> None:
    files = []
    for index, (_, body) in enumerate(bodies):
        path = tmp_path / f"{index}.yml"
        path.write_text(body, encoding="utf-8")
        files.append(str(path))
    completed = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    names = "\n".join(f"{index}.yml = {name}" for index, (name, _) in enumerate(bodies))
    assert completed.returncode == 0, f"{completed.stdout}{completed.stderr}\n{names}"


def test_workflow_examples_pass_the_workflow_schema(tmp_path: Path) -> None:
    assert len(WORKFLOW_BLOCKS) >= 5
    bodies = [(block.name, block.body) for block in WORKFLOW_BLOCKS]
    check_schema("vendor.github-workflows", bodies, tmp_path)


def test_gitlab_examples_pass_the_gitlab_ci_schema_and_run_real_flags(tmp_path: Path) -> None:
    assert GITLAB_BLOCKS
    check_schema("vendor.gitlab-ci", [(b.name, b.body) for b in GITLAB_BLOCKS], tmp_path)
    for block in GITLAB_BLOCKS:
        for job in yaml.safe_load(block.body).values():
            if not isinstance(job, dict):
                continue
            for line in job.get("script", []):
                for tokens in segments(line):
                    check_command(tokens, f"{block.name}: {line}")


def _inputs(path: Path, *keys: str) -> set[str]:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in keys:
        data = data[True if key == "on" and True in data else key]
    return set(data)


def test_with_keys_in_examples_exist_in_action_yml_and_the_reusable_workflow() -> None:
    action_inputs = _inputs(REPO_ROOT / "action.yml", "inputs")
    reusable = REPO_ROOT / ".github" / "workflows" / "preflight.yml"
    workflow_inputs = _inputs(reusable, "on", "workflow_call", "inputs")
    workflow_secrets = _inputs(reusable, "on", "workflow_call", "secrets")
    checked = 0
    for block in WORKFLOW_BLOCKS:
        for name, job in yaml.safe_load(block.body)["jobs"].items():
            where = f"{block.name} job {name}"
            if str(job.get("uses", "")).startswith(OUR_WORKFLOW):
                assert set(job.get("with", {})) <= workflow_inputs, where
                assert set(job.get("secrets", {})) <= workflow_secrets, where
                checked += 1
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith(OUR_ACTION):
                    assert set(step.get("with", {})) <= action_inputs, where
                    checked += 1
    assert checked >= 6


def test_config_file_examples_load_with_the_gates_own_validation(tmp_path: Path) -> None:
    configs = [b for b in workflows() if b.body.lstrip().startswith("# .claude-preflight.yml")]
    assert len(configs) >= 4
    for index, block in enumerate(configs):
        path = tmp_path / f"{index}" / ".claude-preflight.yml"
        path.parent.mkdir()
        path.write_text(block.body, encoding="utf-8")
        load_config_file(path)  # raises UsageError (exit 2) on an unknown key or a bad value


def test_every_finding_code_the_docs_name_exists() -> None:
    for path in DOCS:
        named = set(CODE.findall(path.read_text(encoding="utf-8")))
        unknown = sorted(named - set(RULES) - set(RETIRED))
        assert not unknown, f"{path.relative_to(REPO_ROOT)} names unknown codes {unknown}"


def test_every_doc_page_is_linked_from_the_readme_or_the_quick_start() -> None:
    linked = (REPO_ROOT / "README.md").read_text() + (REPO_ROOT / "docs/quickstart.md").read_text()
    for path in REPO_ROOT.glob("docs/*.md"):
        assert path.name in linked, f"docs/{path.name} is linked from nowhere"
