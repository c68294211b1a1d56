"""FIFOs and devices where the gate reads or writes (item 7), and invisible characters where it
prints (item 10): never a hang, always a clear message, and nothing hidden or reordered.

A FIFO blocks `open` until a peer comes, which never happens in a CI run: the gate opens nothing
that is not a regular file, and says which path it left alone.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Run
from tests.hostile.cases import CURRENT, both, never, says
from tests.hostile.conftest import CaseRunner
from tests.hostile.support import Case

PROD = "config/production.yaml"
FILES: dict[str, bytes | str] = {PROD: f"model: {CURRENT}\n"}
SPECIAL = ("fifo", "device")


def special(folder: Path, kind: str) -> str:
    """A FIFO nobody will ever open from the other end, or a character device."""
    if kind == "device":
        return "/dev/zero"
    path = folder / "pipe"
    os.mkfifo(path)
    return str(path)


@pytest.fixture(params=SPECIAL)
def special_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    return special(tmp_path_factory.mktemp("special"), str(request.param))


def _warned(what: str) -> Callable[[Run], None]:
    return says(f"could not write the {what}", "not a regular file", where="stderr")


@pytest.mark.parametrize(
    ("option", "what"), [("json", "JSON report"), ("sarif", "SARIF report"), ("summary", "summary")]
)
def test_a_report_path_that_is_not_a_regular_file(
    run_case: CaseRunner, special_path: str, option: str, what: str
) -> None:
    case = Case(
        f"{option}-special",
        FILES,
        options={option: special_path},
        summary_written=option != "summary",
        check=_warned(what),
    )
    run = run_case(case)
    if run.outputs is not None and option == "json":
        assert run.outputs["report"] == ""  # never a path to a report that was not written


@pytest.mark.parametrize("variable", ["GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_EVENT_PATH"])
def test_a_runner_file_that_is_not_a_regular_file(
    run_case: CaseRunner, special_path: str, variable: str
) -> None:
    summary = variable == "GITHUB_STEP_SUMMARY"
    case = Case(
        f"{variable}-special",
        FILES,
        options={"summary": ""} if summary else {},  # empty: not given, so the env var decides
        env={variable: special_path},
        summary_written=not summary,
        outputs_written=variable != "GITHUB_OUTPUT",
    )
    if variable == "GITHUB_EVENT_PATH":
        case.check = says("GITHUB_EVENT_PATH not read", where="stderr")
    elif variable == "GITHUB_OUTPUT":
        case.check = _warned("step outputs")
    else:
        case.check = _warned("summary")
    run_case(case)


def test_a_config_file_that_is_a_fifo_is_a_usage_error(
    run_case: CaseRunner, tmp_path_factory: pytest.TempPathFactory
) -> None:
    fifo = special(tmp_path_factory.mktemp("config"), "fifo")
    case = Case(
        "config-fifo",
        FILES,
        options={"config": fifo},
        exit_codes=(2,),
        check=says("is a FIFO", where="stderr"),
    )
    run_case(case)


def test_a_default_config_file_that_is_a_fifo_is_named(
    run_case: CaseRunner, tmp_path: Path
) -> None:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    os.mkfifo(workspace / ".claude-preflight.yml")
    case = Case(
        "default-config-fifo",
        FILES,
        exit_codes=(2,),
        check=says(".claude-preflight.yml is a FIFO", where="stderr"),
    )
    run_case(case)


def test_a_fifo_among_the_workspace_files_is_skipped(run_case: CaseRunner, tmp_path: Path) -> None:
    workspace = tmp_path / "workspace"
    (workspace / "config").mkdir(parents=True)
    os.mkfifo(workspace / "config" / "staging.yaml")
    run_case(Case("workspace-fifo", FILES))  # listed, never opened: no hang


INVISIBLE = "\x9b\x1b[2J\u202e\u2066\u200b\u200f\ufeff"
JSON_ESCAPED = json.dumps(INVISIBLE)[1:-1]


def _escaped_in_the_log(run: Run) -> None:
    for char in INVISIBLE.replace("[2J", ""):
        assert char not in run.stdout + run.stderr, repr(char)
        assert char not in run.summary, repr(char)
    assert "\\x9b" in run.stdout
    assert "\\u202e" in run.stdout


@pytest.mark.parametrize(
    "files",
    [
        {"config/production.json": '{"llm": {"model": "claude-' + JSON_ESCAPED + 'sonnet"}}'},
        {f"config/production{INVISIBLE[3:]}.yaml": "model: claude-3.5-sonnet\n"},
        {".env.production": "ANTHROPIC_MODEL=claude-\x9b\u202e\u200bsonnet\n"},
        {"src/app.py": f'MODEL = "claude-{INVISIBLE}opus"\n'},
    ],
    ids=["json-value", "file-name", "dotenv-value", "python-literal"],
)
def test_controls_bidi_and_zero_width_characters_are_shown_as_escapes(
    run_case: CaseRunner, files: dict[str, bytes | str]
) -> None:
    case = Case("invisible", files, check=both(_escaped_in_the_log, never("\u202e")))
    if "file-name" in str(files) or any("\u2066" in name for name in files):
        case.check = never("\u202e", "\u2066", where="stdout")
    run_case(case)
