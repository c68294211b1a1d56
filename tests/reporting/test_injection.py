"""Repository content cannot change the summary's structure or speak GitHub's command protocol.

File names on Linux may hold `|`, `<`, `>`, backticks and newlines; config keys and values may
hold anything. A hostile repository must get a summary with the same shape as any other and no
workflow command of its own.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from checker.findings import Location, make_finding
from checker.live.report import LiveModelResult, LiveReport, LiveRun
from checker.reporters.summary import render_summary
from checker.reporters.workflow_commands import WorkflowCommands
from tests.helpers import run_action
from tests.reporting.rendered import assert_markdown_tables_whole, assert_tables_whole, structure
from tests.reporting.reports import build_report, model_finding

HOSTILE = "x|<script>alert(1)</script>`\n::error::pwned"
HOSTILE_DIR = "evil|<script>alert(1)`\n::error::pwned"
OUR_COMMAND = re.compile(r"^::(add-mask|stop-commands)::|^::(error|warning|notice)( [^:]*)?::")


def hostile_repository(root: Path) -> Path:
    group = root / "services" / HOSTILE_DIR / "config"
    group.mkdir(parents=True)
    (root / "config").mkdir()
    for env, model in (("production", "claude-opus-4-8" + HOSTILE), ("staging", "claude-opus-4-8")):
        key = json.dumps("k|<b>`\n::error::key")
        (root / "config" / f"{env}.yaml").write_text(
            f"llm:\n  model: {json.dumps(model)}\n{key}:\n  model: {json.dumps(model)}\n"
        )
        (group / f"{env}.yaml").write_text(f"model: {json.dumps(model)}\n")
    return root


def commands_outside_stop_region(stdout: str) -> list[str]:
    """Lines the runner would parse as commands (it ignores them between stop-commands/token)."""
    parsed, token = [], None
    for line in stdout.split("\n"):
        if token is not None:
            if line == f"::{token}::":
                token = None
            continue
        if line.startswith("::stop-commands::"):
            token = line.removeprefix("::stop-commands::")
        if line.lstrip().startswith("::"):
            parsed.append(line)
    return parsed


def assert_well_formed(line: str) -> None:
    """An annotation parses, as the runner parses it, into only the properties we set."""
    command = re.match(r"^::(error|warning|notice) ([^:]*)::", line)
    if command is None:
        return
    keys = [pair.split("=", 1)[0] for pair in command.group(2).split(",")]
    assert set(keys) <= {"title", "file", "line", "col"}, line
    assert len(keys) == len(set(keys)), line


def test_hostile_file_names_and_keys_cannot_inject_through_the_action(tmp_path: Path) -> None:
    workspace = hostile_repository(tmp_path / "repo")
    run = run_action(workspace, tmp_path, inputs={"live-check": "off"})
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert run.report is not None
    slots = {slot for slots in run.report["models"].values() for slot in slots}
    assert any("<script>" in slot for slot in slots), "the hostile group must reach the report"

    for line in commands_outside_stop_region(run.stdout):
        assert OUR_COMMAND.match(line), line
        assert_well_formed(line)
    assert not re.search(r"^\s*::error::", run.stdout, re.MULTILINE)

    found = structure(run.summary)
    assert "script" not in found.tags
    assert len(found.h2) == 1
    assert [row[0] for row in found.tables[0].rows] == [
        "🔑 Secrets",
        "🏷️ Model IDs",
        "📡 Live check",
    ]
    matrix = found.tables[1]
    assert len(matrix.rows) == len(slots)
    assert_markdown_tables_whole(run.summary)
    assert_tables_whole(found)
    assert "<script>alert(1)" in found.text  # shown literally, as text


def test_hostile_model_ids_slots_and_api_messages_render_as_inert_text() -> None:
    models = {
        "production": {HOSTILE: HOSTILE, "llm.model": "claude-opus-4-8" + HOSTILE},
        "staging": {HOSTILE: "claude-opus-4-8", "llm.model": "claude-opus-4-8"},
    }
    findings = [
        model_finding(
            "MOD002",
            HOSTILE,
            environment=HOSTILE,
            location=Location(HOSTILE_DIR + "/production.yaml", 2, 3),
            details={"api_message": HOSTILE, "suggestion": "[click](javascript:alert(1))"},
        ),
        make_finding(
            "API004",
            "rejected",
            endpoint="POST /v1/messages",
            status=400,
            error=f': "{HOSTILE} ``` </details> | --- |"',
        ),
    ]
    live = LiveReport(
        level="models",
        base_url=HOSTILE,
        run=LiveRun(
            models=[LiveModelResult(id=HOSTILE, resolved=HOSTILE, ok=False, checked=[HOSTILE])],
            rate_limits={HOSTILE: {"limit": 1, "remaining": 0, "reset": HOSTILE}},
        ),
    )
    markdown = render_summary(build_report(findings, models=models, live=live), lambda s: s)
    found = structure(markdown)
    assert "script" not in found.tags
    assert found.tags.count("details") == markdown.count("<details>")
    assert all(not link.startswith("javascript") for link in found.links)
    assert len(found.h2) == 1
    assert len(found.h3) == 3
    assert len(found.tables[1].rows) == 2  # the matrix: one row per slot, whatever the slot says
    assert_markdown_tables_whole(markdown)
    assert_tables_whole(found)
    assert not any(line.startswith("::") for line in markdown.split("\n"))


def test_annotations_escape_hostile_data_and_properties() -> None:
    finding = model_finding(
        "MOD002",
        HOSTILE,
        location=Location("dir,with:colons\n::error::x/production.yaml", 3, 5),
    )
    out = io.StringIO()
    WorkflowCommands(out, lambda s: s).annotate([finding])
    lines = out.getvalue().rstrip("\n").split("\n")
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("::error title=MOD002 Unknown model ID,file=dir%2Cwith%3Acolons%0A")
    assert ",line=3,col=5::" in line
    assert "%0A::error::pwned" in line
