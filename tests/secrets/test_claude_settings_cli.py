"""SEC006 checks Claude's settings only, SEC005 names the placeholder it matched: through the CLI.

A Spring service's `application-prod.yml` reads what the deploy platform fills in at run time (a
database, Redis, Kafka, another provider's key); a CI step never has those, and they are not the
gate's business. The Claude key it reads is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.fake_api import VALID_KEY
from tests.helpers import Run, base_env, run_cli

RUNTIME_VARIABLES = (
    "DB_HOST",
    "DB_PORT",
    "DB_USER",
    "DB_PASSWORD",
    "REDIS_HOST",
    "REDIS_PASSWORD",
    "KAFKA_BROKERS",
    "OPENAI_API_KEY",
    "SENTRY_DSN",
    "STRIPE_SECRET_KEY",
)
SPRING_PROD = """\
spring:
  datasource:
    url: jdbc:postgresql://${DB_HOST}:${DB_PORT}/orders
    username: ${DB_USER}
    password: ${DB_PASSWORD}
  data:
    redis:
      host: ${REDIS_HOST}
      password: ${REDIS_PASSWORD}
  kafka:
    bootstrap-servers: ${KAFKA_BROKERS}
  ai:
    openai:
      api-key: ${OPENAI_API_KEY}
    anthropic:
      api-key: ANTHROPIC_KEY_LINE
      chat:
        options:
          model: claude-sonnet-4-6
          max-tokens: 4096
sentry:
  dsn: ${SENTRY_DSN}
stripe:
  secret-key: ${STRIPE_SECRET_KEY}
"""


def _spring(tmp_path: Path, anthropic_key: str) -> Path:
    workspace = tmp_path / "orders"
    resources = workspace / "src" / "main" / "resources"
    resources.mkdir(parents=True)
    text = SPRING_PROD.replace("ANTHROPIC_KEY_LINE", anthropic_key)
    (resources / "application-prod.yml").write_text(text)
    return workspace


def _run(workspace: Path, tmp_path: Path, **env: str) -> tuple[Run, dict[str, Any], str]:
    report, summary = tmp_path / "report.json", tmp_path / "summary.md"
    run = run_cli(
        [str(workspace), "--live-check", "off", "--json", str(report), "--summary", str(summary)],
        env=base_env(**env),
    )
    assert "Traceback" not in run.stderr, run.stderr
    return run, json.loads(report.read_text()), summary.read_text()


def test_a_spring_service_reading_ten_runtime_variables_and_one_claude_model_passes(
    tmp_path: Path,
) -> None:
    workspace = _spring(tmp_path, "${ANTHROPIC_API_KEY}")
    run, report, summary = _run(workspace, tmp_path, ANTHROPIC_API_KEY=VALID_KEY)
    assert run.returncode == 0, run.stdout
    assert report["passed"] is True
    assert [f for f in report["findings"] if f["severity"] != "notice"] == []
    assert not [f for f in report["findings"] if f["code"] == "SEC006"]
    assert report["unchecked_references"] == {
        "references": 10,
        "variables": 10,
        "examples": ["DB_HOST", "DB_PORT", "DB_USER"],
    }
    said = (
        "10 runtime references (e.g. <code>DB_HOST</code>, <code>DB_PORT</code>, "
        "<code>DB_USER</code>) were left alone: they are not Claude settings; list a variable in "
        "<code>required_secrets</code> to have the gate check it."
    )
    assert said in summary
    assert "10 runtime references (e.g. `DB_HOST`, `DB_PORT`, `DB_USER`) were left alone" in (
        run.stdout
    )


def test_the_same_service_reading_a_claude_key_the_run_lacks_fails_with_sec006(
    tmp_path: Path,
) -> None:
    workspace = _spring(tmp_path, "${ANTHROPIC_API_KEY_PROD}")
    run, report, _ = _run(workspace, tmp_path, ANTHROPIC_API_KEY=VALID_KEY)
    assert run.returncode == 1
    [finding] = [f for f in report["findings"] if f["code"] == "SEC006"]
    assert (finding["severity"], finding["environment"]) == ("error", "production")
    assert (finding["file"], finding["line"]) == ("src/main/resources/application-prod.yml", 16)
    assert finding["details"] == {"variable": "ANTHROPIC_API_KEY_PROD"}
    reported = {f["details"].get("variable") for f in report["findings"]}
    assert reported.isdisjoint(RUNTIME_VARIABLES)  # the database and the rest stay quiet
    assert report["unchecked_references"]["references"] == 10


def test_naming_a_runtime_variable_in_required_secrets_has_the_gate_check_it(
    tmp_path: Path,
) -> None:
    workspace = _spring(tmp_path, "${ANTHROPIC_API_KEY}")
    (workspace / ".claude-preflight.yml").write_text(
        "required_secrets: [ANTHROPIC_API_KEY, DB_PASSWORD]\n"
    )
    run, report, _ = _run(workspace, tmp_path, ANTHROPIC_API_KEY=VALID_KEY)
    assert run.returncode == 1
    [missing] = [f for f in report["findings"] if f["code"] == "SEC001"]
    assert "`DB_PASSWORD`" in missing["message"]
    assert report["unchecked_references"]["references"] == 9


def test_a_placeholder_key_is_named_by_the_pattern_it_matched(tmp_path: Path) -> None:
    workspace = _spring(tmp_path, "${ANTHROPIC_API_KEY}")
    run, report, summary = _run(workspace, tmp_path, ANTHROPIC_API_KEY="your-api-key-here")
    [placeholder] = [f for f in report["findings"] if f["code"] == "SEC005"]
    assert placeholder["message"] == (
        "`ANTHROPIC_API_KEY` holds a value that looks like the placeholder `your-…-here`, "
        "not a key."
    )
    for text in (run.stdout, summary, json.dumps(report)):
        assert "[REDACTED]" not in text
        assert "your-api-key-here" not in text
        assert "placeholder text such as" not in text
