"""Repositories written the way real projects write them, each run through the real CLI.

Every shape of `tests.discovery.shapes` is checked four ways: the exact errors and warnings (by
code, severity, file and line) and the exit code; their columns; their environment; and the
places that must stay quiet (non-runtime paths: notices at most; non-references: nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.discovery.shapes import BY_NAME, SHAPES, Shape
from tests.discovery.support import (
    LOUD,
    SHARED,
    SHARED_ENVIRONMENTS,
    Loud,
    Outcome,
    run_shape,
)

Outcomes = Callable[[str], Outcome]
WITH_COLUMNS = [(shape, loud) for shape in SHAPES for loud in shape.loud if loud.column]


def _id(shape: Shape) -> str:
    return shape.name


@pytest.mark.parametrize("shape", SHAPES, ids=_id)
def test_the_gate_reports_exactly_what_a_deploy_would_hit(
    shape: Shape, outcome_of: Outcomes
) -> None:
    outcome = outcome_of(shape.name)
    expected = {loud.row for loud in shape.loud}
    assert outcome.loud() == expected, f"{shape.story}\n{outcome.explain()}"
    assert outcome.returncode == shape.exit_code, outcome.explain()
    assert outcome.report["passed"] is (shape.exit_code == 0)


@pytest.mark.parametrize(
    ("shape", "loud"),
    WITH_COLUMNS,
    ids=[f"{shape.name}-{loud.file}:{loud.line}" for shape, loud in WITH_COLUMNS],
)
def test_each_reference_keeps_its_column(shape: Shape, loud: Loud, outcome_of: Outcomes) -> None:
    outcome = outcome_of(shape.name)
    finding = outcome.one(loud.code, loud.file, loud.line)
    assert finding["column"] == loud.column, outcome.explain()


@pytest.mark.parametrize("shape", SHAPES, ids=_id)
def test_shared_sources_count_as_production_s(shape: Shape, outcome_of: Outcomes) -> None:
    """A finding from shared code or a single config file is judged as production's; an
    environment section's or file's finding names that environment."""
    outcome = outcome_of(shape.name)
    for loud in shape.loud:
        environment = outcome.one(loud.code, loud.file, loud.line)["environment"]
        if loud.environment == SHARED:
            assert environment in SHARED_ENVIRONMENTS, (loud, environment)
        else:
            assert environment == loud.environment, (loud, environment)


@pytest.mark.parametrize("shape", SHAPES, ids=_id)
def test_non_runtime_paths_and_non_references_stay_quiet(
    shape: Shape, outcome_of: Outcomes
) -> None:
    outcome = outcome_of(shape.name)
    for path in shape.quiet:
        loud = [f for f in outcome.under(path) if f["severity"] in LOUD]
        assert not loud, f"{path} must be notices at most\n{outcome.explain()}"
    for file, line in shape.silent:
        assert not outcome.at(file, line), f"{file}:{line} is no reference\n{outcome.explain()}"


def _generated_build_output(workspace: Path) -> None:
    """What `pip wheel .` leaves behind: gitignored, so never read."""
    stale = workspace / "build" / "lib" / "ticketbot"
    stale.mkdir(parents=True)
    (stale / "llm.py").write_text('MODEL = "claude-3-opus-20240229"\n')


@pytest.mark.parametrize("git", [True, False], ids=["git-ls-files", "walk"])
def test_without_git_the_walk_finds_the_same_and_honours_gitignore(
    git: bool, tmp_path: Path
) -> None:
    shape = BY_NAME["python-constants"]
    outcome = run_shape(shape.name, tmp_path, git=git, setup=_generated_build_output)
    assert outcome.loud() == {loud.row for loud in shape.loud}, outcome.explain()
    assert outcome.returncode == 1
    assert not outcome.under("build/"), outcome.explain()


def test_inline_ignores_are_counted_not_hidden(outcome_of: Outcomes) -> None:
    outcome = outcome_of("suppressed")
    assert not outcome.at("src/digests/nightly.py"), outcome.explain()
    assert not outcome.at("web/src/chat.js"), outcome.explain()
    suppressed = outcome.report["scan"]["suppressed"]
    assert sorted((item["code"], item["file"], item["origin"]) for item in suppressed) == [
        ("MOD003", "src/digests/nightly.py", "inline comment"),
        ("MOD003", "web/src/chat.js", "inline comment"),
    ]
    assert "2 findings suppressed by inline" in outcome.summary, outcome.summary


def test_placeholders_of_other_services_are_not_the_gate_s_business(
    outcome_of: Outcomes,
) -> None:
    outcome = outcome_of("spring-placeholders")
    assert not [f for f in outcome.findings if f["code"] == "SEC006"], outcome.explain()


def test_a_litellm_config_found_once_is_what_production_serves(outcome_of: Outcomes) -> None:
    outcome = outcome_of("litellm-single")
    finding = outcome.one("MOD003", "litellm_config.yaml", 10)
    assert "claude-3-5-haiku-20241022" in finding["message"]
    assert not [f for f in outcome.findings if f["code"] == "SEC006"], outcome.explain()
