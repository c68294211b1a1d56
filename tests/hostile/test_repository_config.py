"""A pull request that brings its own `.claude-preflight.yml` (or catalog) to weaken the gate, to
inject workflow commands or markdown through a key, or to read files outside the workspace.

The gate may honour the repository's config (`repository-config: use`), but never silently: what
was dropped is counted with its origin, a job is never "passed" on a dropped finding, the
weakening settings head the summary, the workflow can pin the file away, an explicit input beats
it, exit-2 runs still write `passed=false`, and user text in errors is one inert line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.helpers import Run
from tests.hostile.cases import CURRENT, RETIRED, both, codes, has, never, says
from tests.hostile.conftest import CaseRunner
from tests.hostile.support import Case

CONFIG = ".claude-preflight.yml"
PROD = "config/production.yaml"
WEAKENING = "ignore: [MOD003, SEC001]\nlive_check: off\n"


def _dropped(*expected: tuple[str, str]) -> Callable[[Run], None]:
    """The JSON report's `suppressions` hold these (code, origin) pairs."""

    def check(run: Run) -> None:
        found = {(item["code"], item["origin"]) for item in (run.report or {})["suppressions"]}
        for pair in expected:
            assert pair in found, (pair, found)

    return check


def _outputs_on_usage_error(run: Run) -> None:
    """Exit 2 writes the step outputs too (action runs), and one line on stderr."""
    lines = [line for line in run.stderr.split("\n") if line.startswith("claude-preflight: error:")]
    assert len(lines) == 1, run.stderr
    if run.outputs is not None:
        assert run.outputs["passed"] == "false"
        assert run.outputs["errors"] == "1"
        assert run.outputs["warnings"] == "0"


def _catalog(entries: str) -> dict[str, bytes | str]:
    return {CONFIG: "catalog: catalog.yml\n", "catalog.yml": entries, PROD: f"model: {RETIRED}\n"}


CASES: dict[str, Case] = {
    # Item 1: the repository can weaken the gate, never silently.
    "ignore-and-live-off-from-the-file": Case(
        "ignore-and-live-off-from-the-file",
        {CONFIG: WEAKENING, PROD: f"model: {RETIRED}\n"},
        exit_codes=(0,),
        with_key=False,
        check=both(
            says("SEC001 ignored by <code>.claude-preflight.yml</code>", "[!WARNING]"),
            says("<code>live-check: off</code> from <code>.claude-preflight.yml</code>"),
            never("Every required secret is present"),
            _dropped(("SEC001", "config file"), ("MOD003", "config file")),
            says("SEC001 ignored by `.claude-preflight.yml`", where="stdout"),
        ),
    ),
    "repository-config-report": Case(
        "repository-config-report",
        {CONFIG: WEAKENING, PROD: f"model: {RETIRED}\n"},
        options={"repository-config": "report"},
        exit_codes=(1,),
        with_key=False,
        check=both(has("SEC001", "MOD003"), says("read but not applied")),
    ),
    "repository-config-ignore": Case(
        "repository-config-ignore",
        {CONFIG: WEAKENING, PROD: f"model: {RETIRED}\n"},
        options={"repository-config": "ignore"},
        exit_codes=(1,),
        with_key=False,
        check=both(has("SEC001", "MOD003"), says("was not read")),
    ),
    "an-explicit-input-beats-the-file": Case(
        "an-explicit-input-beats-the-file",
        {CONFIG: WEAKENING, PROD: f"model: {RETIRED}\n"},
        options={"ignore": "MOD005", "live-check": "models"},
        exit_codes=(1,),
        check=lambda run: (
            None
            if "MOD003" in codes(run) and (run.report or {})["live"]["calls"] >= 1
            else pytest.fail(str(codes(run)))
        ),
    ),
    "fail-on-never-from-the-file": Case(
        "fail-on-never-from-the-file",
        {CONFIG: "fail_on: never\n", PROD: f"model: {RETIRED}\n"},
        exit_codes=(0,),
        check=says("<code>fail-on: never</code> from <code>.claude-preflight.yml</code>"),
    ),
    "an-inline-ignore-is-not-a-pass": Case(
        "an-inline-ignore-is-not-a-pass",
        {PROD: f"# claude-preflight: ignore\nmodel: {RETIRED}\n"},
        exit_codes=(0,),
        check=both(
            _dropped(("MOD003", "inline comment")),
            says("not verified: MOD003 suppressed by an inline comment"),
        ),
    ),
    "allow-drift-exclude-deprecation-window": Case(
        "allow-drift-exclude-deprecation-window",
        {
            CONFIG: "allow_drift: [model]\nexclude: [legacy/**]\ndeprecation_window: 0\n",
            PROD: f"model: {CURRENT}\n",
        },
        check=says("allow-drift: model", "exclude: legacy/", "deprecation-window: 0"),
    ),
    "ignore-from-an-env-var": Case(
        "ignore-from-an-env-var",
        {PROD: f"model: {RETIRED}\n"},
        env={"CLAUDE_PREFLIGHT_IGNORE": "MOD003"},
        exit_codes=(0,),
        check=both(_dropped(("MOD003", "env var")), says("CLAUDE_PREFLIGHT_IGNORE")),
    ),
    "a-catalog-that-un-retires-a-model": Case(
        "a-catalog-that-un-retires-a-model",
        _catalog(f"models:\n  - id: {RETIRED}\n    status: active\n    retirement: null\n"),
        check=both(
            says("overrides the bundled lifecycle", f"{RETIRED}"),
            lambda run: (
                None
                if (run.report or {})["settings"]["catalog_overrides"]
                else pytest.fail("no catalog override reported")
            ),
        ),
    ),
    "a-catalog-that-moves-a-retirement-later": Case(
        "a-catalog-that-moves-a-retirement-later",
        _catalog("models:\n  - id: claude-3-haiku-20240307\n    retirement: 2099-01-01\n"),
        check=says("active in yours (retirement: 2099-01-01)"),
    ),
    "a-glob-too-long-is-cut-with-a-notice": Case(
        "a-glob-too-long-is-cut-with-a-notice",
        {CONFIG: 'exclude: ["' + "**a" * 2_000 + '"]\n', PROD: f"model: {CURRENT}\n"},
        check=has("CFG003"),
    ),
    # Item 2: injection through keys and values of the config file or a catalog file.
    "a-key-that-prints-a-workflow-command": Case(
        "a-key-that-prints-a-workflow-command",
        {CONFIG: '"x\\n::set-output name=passed::true\\n::error::pwned": 1\n'},
        exit_codes=(2,),
        check=_outputs_on_usage_error,
    ),
    "a-key-that-renders-an-image": Case(
        "a-key-that-renders-an-image",
        {CONFIG: '"![beacon](https://evil.example/b.png)\\n<img src=x>": 1\n'},
        exit_codes=(2,),
        check=both(_outputs_on_usage_error, never("![beacon]", "<img")),
    ),
    "a-catalog-key-that-injects": Case(
        "a-catalog-key-that-injects",
        _catalog('models:\n  - id: claude-x\n    "a\\n::error::b\\r\\n## Pwned": 1\n'),
        exit_codes=(2,),
        check=both(_outputs_on_usage_error, never("## Pwned\n")),
    ),
    "a-hostile-production-name": Case(
        "a-hostile-production-name",
        {CONFIG: 'production: "prod\\n::error::x <script>"\n', PROD: f"model: {CURRENT}\n"},
    ),
    "config-not-yaml": Case("config-not-yaml", {CONFIG: "a: [\n"}, exit_codes=(2,)),
    "config-not-a-mapping": Case(
        "config-not-a-mapping",
        {CONFIG: "- 1\n- 2\n"},
        exit_codes=(2,),
        check=_outputs_on_usage_error,
    ),
    # Item 10: numbers are ASCII decimal only.
    "timeout-with-an-underscore": Case(
        "timeout-with-an-underscore",
        {PROD: f"model: {CURRENT}\n"},
        options={"timeout": "1_0"},
        exit_codes=(2,),
        check=_outputs_on_usage_error,
    ),
    "deprecation-window-in-arabic-indic-digits": Case(
        "deprecation-window-in-arabic-indic-digits",
        {PROD: f"model: {CURRENT}\n"},
        options={"deprecation-window": "\u0661\u0660"},
        exit_codes=(2,),
        check=_outputs_on_usage_error,
    ),
    # Item 8: files the config names stay inside the workspace; errors never quote them.
    "a-catalog-at-an-absolute-path": Case(
        "a-catalog-at-an-absolute-path",
        {CONFIG: "catalog: /etc/passwd\n"},
        exit_codes=(2,),
        check=both(_outputs_on_usage_error, never("root:", "/etc/passwd", where="stderr")),
    ),
    "a-catalog-up-the-tree": Case(
        "a-catalog-up-the-tree",
        {CONFIG: "catalog: ../../../../../../etc/hostname\n"},
        exit_codes=(2,),
        check=both(_outputs_on_usage_error, says("outside the workspace", where="stderr")),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_repository_config_never_weakens_the_gate_silently(
    run_case: CaseRunner, name: str
) -> None:
    run_case(CASES[name])


def test_a_catalog_symlinked_out_of_the_workspace_is_refused(
    run_case: CaseRunner, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "catalog.yml"
    outside.write_text("models:\n  - id: claude-secret-model\n")
    case = Case(
        "a-catalog-symlinked-out",
        {CONFIG: "catalog: cat.yml\n"},
        exit_codes=(2,),
        check=both(_outputs_on_usage_error, never("claude-secret-model", where="stderr")),
    )
    run = run_case(case, links={"cat.yml": outside})
    assert "outside the workspace" in run.stderr
