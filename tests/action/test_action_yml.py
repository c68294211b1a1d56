"""action.yml, the options table and the README tables agree, and no input has a default.

A default in action.yml could not be told from an explicit input (GitHub exports every input), so it
would silently beat `.claude-preflight.yml` and env vars: the test forbids it outright.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from checker.options import ACTION_OUTPUTS, OPTIONS
from tests.helpers import ACTION_DEFAULTS, ACTION_INPUTS, REPO_ROOT

ACTION_YML = REPO_ROOT / "action.yml"
README_SCRIPT = REPO_ROOT / "scripts" / "readme_tables.py"


def _action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION_YML.read_text(encoding="utf-8"))
    return data


def test_action_inputs_are_exactly_the_action_options_in_order() -> None:
    declared = list(_action()["inputs"])
    expected = [option.name for option in OPTIONS if option.action_input]
    assert declared == expected


def test_every_input_is_optional_and_described_from_the_options_table() -> None:
    inputs = _action()["inputs"]
    for option in OPTIONS:
        if not option.action_input:
            continue
        spec = inputs[option.name]
        assert spec["required"] is False, option.name
        assert spec["description"].startswith(option.help), option.name
        if option.default_text:
            assert f"Default: {option.default_text}." in spec["description"], option.name


def test_no_input_has_a_default_but_the_github_token() -> None:
    """SPEC section 1: the one exception is `github-token`, the job's token, as every action that
    talks to GitHub defaults it; the test helpers export that default as the runner does."""
    for name, spec in _action()["inputs"].items():
        if name == "github-token":
            assert spec["default"] == "${{ github.token }}"
            assert ACTION_DEFAULTS[name].startswith("ghs_")
            continue
        assert "default" not in spec, f"input {name!r} has a default"
    code_lines = [
        line
        for line in ACTION_YML.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ]
    defaults = [line.strip() for line in code_lines if line.strip().startswith("default:")]
    assert defaults == ["default: ${{ github.token }}"]
    assert set(ACTION_DEFAULTS) == {"github-token"}


def test_outputs_match_the_code() -> None:
    outputs = _action()["outputs"]
    assert list(outputs) == list(ACTION_OUTPUTS)
    for name, text in ACTION_OUTPUTS.items():
        assert outputs[name] == {"description": text}


def test_runs_the_dockerfile_with_branding() -> None:
    action = _action()
    assert action["runs"] == {"using": "docker", "image": "Dockerfile"}
    assert action["branding"] == {"icon": "shield", "color": "orange"}


def test_the_test_helpers_export_every_declared_input() -> None:
    assert set(ACTION_INPUTS) == set(_action()["inputs"])


def test_readme_tables_are_current() -> None:
    completed = subprocess.run(
        [sys.executable, str(README_SCRIPT), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr


def test_readme_check_catches_a_stale_table_and_the_script_fixes_it(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    original = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    readme.write_text(original.replace("| `api-key` |", "| `api_key` |"), encoding="utf-8")
    command = [sys.executable, str(README_SCRIPT), "--readme", str(readme)]
    stale = subprocess.run([*command, "--check"], capture_output=True, text=True, check=False)
    assert stale.returncode == 1
    assert "run `python scripts/readme_tables.py`" in stale.stderr
    fixed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert fixed.returncode == 0
    assert readme.read_text(encoding="utf-8") == original


def test_readme_rows_are_the_inputs_then_the_outputs() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- options-tables:start -->")[1].split("<!-- options-tables:end -->")[
        0
    ]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    first_cells = [row.split("|")[1].strip() for row in rows]
    assert first_cells == [f"`{name}`" for name in [*_action()["inputs"], *ACTION_OUTPUTS]]
