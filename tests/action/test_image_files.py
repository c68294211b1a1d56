"""The Dockerfile and the lock follow the rules the runner and the supply chain need.

Pinned base by digest (overridable only for local builds), hash-checked installs without a cache,
no USER (the runner mounts the workspace for root), an absolute exec-form ENTRYPOINT.
"""

from __future__ import annotations

import json
import re
import tomllib

from tests.helpers import REPO_ROOT

DOCKERFILE = (REPO_ROOT / "Dockerfile").read_text(encoding="utf-8")
LOCK = (REPO_ROOT / "requirements.lock").read_text(encoding="utf-8")


def _instructions() -> list[str]:
    joined = re.sub(r"\\\n", " ", DOCKERFILE)
    return [
        line.strip() for line in joined.splitlines() if line.strip() and not line.startswith("#")
    ]


def _locked() -> dict[str, str]:
    return dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==([^\s\\]+)", LOCK, flags=re.MULTILINE))


def test_base_image_is_pinned_by_digest() -> None:
    assert re.search(r"^ARG BASE_IMAGE=python:3\.12-slim@sha256:[0-9a-f]{64}$", DOCKERFILE, re.M)
    froms = [line for line in _instructions() if line.startswith("FROM")]
    assert froms == ["FROM ${BASE_IMAGE}"]


def test_dependencies_install_from_the_lock_with_hashes_and_no_cache() -> None:
    pip_lines = [line for line in _instructions() if "pip install" in line]
    assert pip_lines
    for line in pip_lines:
        assert "--no-cache-dir" in line
        assert "--require-hashes" in line
        assert "-r /app/requirements.lock" in line


def test_no_user_and_an_absolute_exec_form_entrypoint() -> None:
    assert not [line for line in _instructions() if line.startswith("USER")]
    entrypoints = [line for line in _instructions() if line.startswith("ENTRYPOINT")]
    assert len(entrypoints) == 1
    command = json.loads(entrypoints[0].removeprefix("ENTRYPOINT"))
    assert command[0].startswith("/")
    assert command[-1] == "/app/entrypoint.py"


def test_every_locked_package_has_hashes() -> None:
    blocks = re.split(r"\n(?=[a-z0-9])", LOCK)
    pinned = [block for block in blocks if "==" in block.splitlines()[0]]
    assert len(pinned) == len(_locked())
    for block in pinned:
        assert "--hash=sha256:" in block, block.splitlines()[0]


def test_the_lock_pins_every_runtime_dependency_of_pyproject() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    locked = _locked()
    for requirement in project["project"]["dependencies"]:
        name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower()
        assert name in locked, f"{name} is in pyproject.toml but not in requirements.lock"


def test_dockerignore_keeps_the_build_context_to_the_image_inputs() -> None:
    ignore = (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert "*" in ignore
    assert {"!requirements.lock", "!checker/", "!entrypoint.py"} <= set(ignore)
