"""The requests the code sends, judged before a deploy: fixture apps in Python and TypeScript that
break each request rule once, and their clean twins that use every rule correctly, through the CLI.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.helpers import FIXTURES, base_env, run_cli

REQUESTS = FIXTURES / "requests"
DUMMY_KEY = "sk-ant-api03-" + "a" * 93 + "AA"
Row = tuple[str, str, str, int, int, str]  # code, rule, file, line, column, severity


def gate(workspace: Path, tmp_path: Path) -> tuple[int, dict[str, Any]]:
    report = tmp_path / "report.json"
    run = run_cli(
        [str(workspace), "--live-check", "off", "--json", str(report)],
        env=base_env(ANTHROPIC_API_KEY=DUMMY_KEY),
    )
    assert "Traceback" not in run.stderr, run.stderr
    return run.returncode, json.loads(report.read_text())


def rows(report: dict[str, Any]) -> list[Row]:
    return sorted(
        (
            f["code"],
            f["details"].get("rule", ""),
            f["file"],
            f["line"],
            f["column"],
            f["severity"],
        )
        for f in report["findings"]
    )


def by_rule(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The errors by request rule (MOD008 by its code): one each in these fixtures."""
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    return {f["details"].get("rule", f["code"]): f for f in errors}


def test_a_python_app_that_breaks_each_request_rule_once(tmp_path: Path) -> None:
    code, report = gate(REQUESTS / "python_broken", tmp_path)
    assert code == 1
    src = "src/helpdesk"
    assert rows(report) == [
        ("MOD008", "", f"{src}/chains.py", 5, 55, "error"),
        ("REQ001", "adaptive-thinking-unsupported", f"{src}/vertex.py", 12, 27, "error"),
        ("REQ001", "sampling-defaults-only", f"{src}/llm.py", 16, 9, "error"),
        ("REQ001", "sampling-defaults-only", "tests/test_llm.py", 8, 59, "notice"),
        ("REQ001", "temperature-with-top-p", f"{src}/bedrock.py", 13, 9, "error"),
        ("REQ001", "thinking-enabled-removed", f"{src}/async_llm.py", 13, 27, "error"),
        ("REQ002", "assistant-first", f"{src}/async_llm.py", 23, 13, "error"),
        ("REQ002", "max-tokens-required", f"{src}/llm.py", 24, 13, "error"),
        ("REQ002", "max-tokens-required", "tests/test_llm.py", 8, 9, "notice"),
        ("REQ002", "prefill-unsupported", f"{src}/router.py", 12, 13, "error"),
        ("REQ002", "system-role-in-messages", f"{src}/llm.py", 36, 13, "error"),
    ]


def test_python_findings_name_the_model_the_api_message_and_the_fix(tmp_path: Path) -> None:
    _, report = gate(REQUESTS / "python_broken", tmp_path)
    found = by_rule(report)
    sampling = found["sampling-defaults-only"]
    assert sampling["message"].startswith(
        "`temperature=0.2` is rejected by Claude Opus 5 (`claude-opus-5`, via `ANSWER_MODEL`)"
    )  # the model comes from `os.getenv(..., "claude-opus-5")` in another module of the app
    assert sampling["fix"] == "Drop `temperature`; 4.7+ models accept only the default."
    system = found["system-role-in-messages"]
    assert system["fix"] == "Move the system prompt to the top-level `system` parameter."
    prefill = found["prefill-unsupported"]
    assert (
        "`This model does not support assistant message prefill. The conversation must end with "
        "a user message.`" in prefill["message"]
    )
    assert "`max_tokens: Field required`" in found["max-tokens-required"]["message"]
    limit = found["MOD008"]
    assert "Claude Sonnet 4.6 (`claude-sonnet-4-6`), 128,000 tokens" in limit["message"]
    assert "`max_tokens: 200000 > 128000, which is the maximum allowed" in limit["message"]
    assert limit["details"]["limit"] == "128000"


def test_python_calls_the_gate_cannot_judge_stay_quiet(tmp_path: Path) -> None:
    """`**options` may carry `max_tokens`, and LiteLLM's `gpt-4o` is not Claude."""
    _, report = gate(REQUESTS / "python_broken", tmp_path)
    places = {(f["file"], f["line"]) for f in report["findings"]}
    assert ("src/helpdesk/llm.py", 45) not in places  # **options
    assert ("src/helpdesk/router.py", 20) not in places  # completion(model="gpt-4o", ...)


def test_a_python_app_that_uses_every_rule_correctly_raises_nothing(tmp_path: Path) -> None:
    code, report = gate(REQUESTS / "python_clean", tmp_path)
    assert report["findings"] == []
    assert code == 0


def test_a_typescript_app_that_breaks_each_request_rule_once(tmp_path: Path) -> None:
    code, report = gate(REQUESTS / "typescript_broken", tmp_path)
    assert code == 1
    lib = "src/lib"
    assert rows(report) == [
        ("MOD008", "", f"{lib}/ai.ts", 19, 5, "error"),
        ("REQ001", "adaptive-thinking-unsupported", f"{lib}/ai.ts", 21, 38, "error"),
        ("REQ001", "sampling-defaults-only", "src/__tests__/claude.test.ts", 9, 60, "notice"),
        ("REQ001", "sampling-defaults-only", f"{lib}/claude.ts", 13, 5, "error"),
        ("REQ001", "temperature-with-top-p", f"{lib}/ai.ts", 10, 5, "error"),
        ("REQ001", "thinking-enabled-removed", f"{lib}/chains.ts", 6, 21, "error"),
        ("REQ002", "assistant-first", f"{lib}/claude.ts", 58, 7, "error"),
        ("REQ002", "max-tokens-required", "src/__tests__/claude.test.ts", 9, 11, "notice"),
        ("REQ002", "max-tokens-required", f"{lib}/claude.ts", 22, 23, "error"),
        ("REQ002", "prefill-unsupported", f"{lib}/claude.ts", 47, 7, "error"),
        ("REQ002", "system-role-in-messages", f"{lib}/claude.ts", 35, 7, "error"),
    ]
    found = by_rule(report)
    assert found["sampling-defaults-only"]["message"].startswith(
        "`temperature: 0.2` is rejected by Claude Opus 5 (`claude-opus-5`, via `ANSWER_MODEL`)"
    )  # `process.env.HELPDESK_ANSWER_MODEL ?? "claude-opus-5"`, imported from `./models.js`
    assert found["temperature-with-top-p"]["details"]["parameter"] == "topP"
    assert "64,000 tokens" in found["MOD008"]["message"]


def test_a_typescript_app_that_uses_every_rule_correctly_raises_nothing(tmp_path: Path) -> None:
    code, report = gate(REQUESTS / "typescript_clean", tmp_path)
    assert report["findings"] == []
    assert code == 0


def test_request_settings_in_litellm_and_promptfoo_configs(tmp_path: Path) -> None:
    """The proxy's requests and a promptfoo eval's are shared sources: errors, as SPEC section 2
    judges every shared source."""
    code, report = gate(REQUESTS / "configs_broken", tmp_path)
    assert code == 1
    eval_config = "evals/promptfooconfig.yaml"
    assert rows(report) == [
        ("MOD008", "", eval_config, 9, 19, "error"),
        ("REQ001", "adaptive-thinking-unsupported", eval_config, 13, 15, "error"),
        ("REQ001", "sampling-defaults-only", "litellm_config.yaml", 6, 20, "error"),
        ("REQ001", "temperature-with-top-p", eval_config, 8, 14, "error"),
        ("REQ001", "thinking-enabled-removed", "litellm_config.yaml", 12, 15, "error"),
    ]
    found = by_rule(report)
    sampling = found["sampling-defaults-only"]
    assert sampling["environment"] == "production"  # what the proxy serves is production's
    assert sampling["message"].startswith(
        "`litellm_params.temperature: 0.2` is rejected by Claude Opus 5 (`anthropic/claude-opus-5`)"
    )
    # `temperature` next to Sonnet 4.6 (line 17) and OpenAI's provider config stay quiet
    assert not [f for f in report["findings"] if f["line"] in (17, 19) and f["code"] == "REQ001"]


def test_litellm_leaves_out_what_additional_drop_params_lists(tmp_path: Path) -> None:
    """`additional_drop_params` strips a parameter before the request leaves the proxy (a name,
    or the object it sits in: `thinking`), so its REQ001 does not fire; `drop_params: true` does
    not strip Claude's sampling parameters, so that finding stays, and says why."""
    code, report = gate(REQUESTS / "litellm_drop_params", tmp_path)
    assert code == 1
    assert rows(report) == [
        ("REQ001", "sampling-defaults-only", "litellm_config.yaml", 14, 14, "error"),
        ("REQ001", "temperature-with-top-p", "litellm_config.yaml", 29, 14, "error"),
    ]
    review, triage = sorted(report["findings"], key=lambda f: f["line"])
    assert review["details"]["drop_params"] == "litellm_settings.drop_params"
    assert (
        "`litellm_settings.drop_params: true` does not remove it: LiteLLM drops only the "
        "parameters it maps as unsupported for the model, and `top_p` is not one of them for "
        "Claude (BerriAI/litellm#26444); listing `top_p` in the entry's `additional_drop_params` "
        "does." in review["message"]
    )
    # `drop_params: false` on the entry turns the global setting off for it: nothing to explain
    assert "drop_params" not in triage["details"]
    assert "drop_params" not in triage["message"]


def test_litellm_entries_whose_parameters_are_all_dropped_stay_quiet(tmp_path: Path) -> None:
    """Opus 5 with `temperature` listed, `thinking` listed as a whole, and Haiku 4.5 with `top_p`
    listed (only `temperature` goes out, which Haiku accepts alone)."""
    _, report = gate(REQUESTS / "litellm_drop_params", tmp_path)
    lines = {f["line"] for f in report["findings"]}
    assert not lines & {8, 9, 19, 20, 21, 22, 23, 35, 36, 37}


def test_an_ignore_comment_on_the_argument_suppresses_the_finding(tmp_path: Path) -> None:
    workspace = tmp_path / "app"
    workspace.mkdir()
    (workspace / "llm.py").write_text(
        "import anthropic\n\n"
        "client = anthropic.Anthropic()\n"
        "reply = client.messages.create(\n"
        '    model="claude-opus-5",\n'
        "    max_tokens=64,\n"
        "    temperature=0.2,  # claude-preflight: ignore[REQ001]\n"
        '    messages=[{"role": "user", "content": "ping"}],\n'
        ")\n"
    )
    code, report = gate(workspace, tmp_path)
    assert report["findings"] == []
    assert [item["code"] for item in report["scan"]["suppressed"]] == ["REQ001"]
    assert code == 0


def test_a_litellm_call_that_drops_a_parameter_does_not_send_it(tmp_path: Path) -> None:
    """`completion(..., additional_drop_params=["temperature"])` never sends `temperature` (nor
    `thinking` when it is listed), so Opus 5 raises nothing there; `drop_params=True` does not
    strip it, so that call's REQ001 stays and says what would."""
    code, report = gate(REQUESTS / "litellm_sdk_drop_params", tmp_path)
    assert code == 1
    assert rows(report) == [
        ("REQ001", "sampling-defaults-only", "src/digest/summarize.py", 26, 9, "error"),
    ]
    (headline,) = report["findings"]
    assert headline["details"]["drop_params"] == "drop_params=True"
    assert headline["message"].endswith(
        "`drop_params=True` does not remove it: LiteLLM drops only the parameters it maps as "
        "unsupported for the model, and `temperature` is not one of them for Claude "
        '(BerriAI/litellm#26444); `additional_drop_params=["temperature"]` does.'
    )


def test_a_monorepo_of_services_gets_each_service_s_own_findings(tmp_path: Path) -> None:
    """Enough source files for the scan to hand them to worker processes (on a machine with a
    CPU to spare): every copy of a fixture still gets exactly the fixture's own findings."""
    singles = {
        name: rows(gate(REQUESTS / name, tmp_path)[1])
        for name in ("python_broken", "typescript_broken")
    }
    tree = tmp_path / "monorepo"
    for index in range(5):
        for name in singles:
            shutil.copytree(REQUESTS / name, tree / "services" / f"{name}-{index}")
    code, report = gate(tree, tmp_path)
    assert code == 1
    for index in range(5):
        for name, expected in singles.items():
            prefix = f"services/{name}-{index}/"
            mine = [
                (*row[:2], row[2].removeprefix(prefix), *row[3:])
                for row in rows(report)
                if row[2].startswith(prefix)
            ]
            assert mine == expected, prefix
