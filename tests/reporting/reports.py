"""Realistic reports, built directly, one per job failing, for golden and structure tests."""

from __future__ import annotations

from typing import Any

from checker.findings import Finding, Location, Severity, make_finding
from checker.live.report import LiveModelResult, LiveReport, LiveRun, TokenCount
from checker.report import (
    EnvironmentFacts,
    Report,
    ToolInfo,
    count_findings,
    gate_passed,
    sort_findings,
)

ENVIRONMENTS = {
    "production": EnvironmentFacts(
        production=True,
        provider="anthropic",
        files=("config/production.yaml", "services/summarizer/.env.production"),
    ),
    "staging": EnvironmentFacts(
        pre_production=True,
        provider="anthropic",
        files=("config/staging.yaml", "services/summarizer/.env.staging"),
    ),
    "development": EnvironmentFacts(provider="anthropic", files=("config/development.yaml",)),
}
MODELS = {
    "production": {
        "llm.model": "claude-sonnet-4-5-20250929",
        "services/summarizer:ANTHROPIC_MODEL": "claude-opus-4-8",
    },
    "staging": {
        "llm.model": "claude-sonnet-4-5-20250929",
        "services/summarizer:ANTHROPIC_MODEL": "claude-opus-4-8",
    },
    "development": {"llm.model": "claude-sonnet-4-5-20250929"},
}
LIVE_PASSED = LiveReport(
    level="models",
    base_url="https://api.anthropic.com",
    calls=3,
    run=LiveRun(
        duration_ms=412,
        tokens=TokenCount(input_tokens=0, output_tokens=0),
        models=[
            LiveModelResult(
                id="claude-sonnet-4-5-20250929",
                resolved="claude-sonnet-4-5-20250929",
                ok=True,
                status=200,
                latency_ms=181,
                checked=["models"],
            ),
            LiveModelResult(
                id="claude-opus-4-8",
                resolved="claude-opus-4-8",
                ok=True,
                status=200,
                latency_ms=203,
                checked=["models"],
            ),
        ],
        rate_limits={
            "requests": {"limit": 4000, "remaining": 3998, "reset": "2026-12-01T10:00:01Z"},
            "tokens": {"limit": 400000, "remaining": 52000, "reset": "2026-12-01T10:00:05Z"},
        },
    ),
)
CONTEXT = {
    "event": "push",
    "repository": "acme/support-bot",
    "ref": "refs/heads/main",
    "fork_pr": False,
    "dependabot": False,
    "run_url": "https://github.com/acme/support-bot/actions/runs/42",
}


def build_report(
    findings: list[Finding],
    *,
    models: dict[str, dict[str, str]] | None = None,
    live: LiveReport | None = None,
    live_level: str = "models",
    fail_on: str = "error",
    context: dict[str, Any] | None = None,
) -> Report:
    ordered = sort_findings(findings)
    return Report(
        passed=gate_passed(ordered, fail_on),
        counts=count_findings(ordered),
        findings=ordered,
        environments=ENVIRONMENTS,
        models=MODELS if models is None else models,
        live=LIVE_PASSED if live is None else live,
        context=CONTEXT if context is None else context,
        tool=ToolInfo(
            version="0.1.0",
            catalog_as_of="2026-11-28",
            live_level=live_level,
            fail_on=fail_on,
            duration_ms=1234,
        ),
    )


def passing_report() -> Report:
    return build_report([])


def secrets_failing() -> Report:
    """The key is pasted with a trailing newline and a config reads an unset variable."""
    return build_report(
        [
            make_finding(
                "SEC003",
                "`ANTHROPIC_API_KEY` ends with a newline.",
                fix="Re-create the secret without the trailing newline: "
                '`printf %s "$KEY" | gh secret set ANTHROPIC_API_KEY`.',
            ),
            make_finding(
                "SEC006",
                "`services/summarizer/.env.production` reads `SUMMARIZER_WEBHOOK_SECRET`, "
                "which this run does not provide.",
                environment="production",
                location=Location("services/summarizer/.env.production", 4, 16),
            ),
        ],
        live=LiveReport(level="models", skipped="no usable API key"),
    )


def models_failing() -> Report:
    """Drift, a retired model with its replacement, a typo and an unpinned alias."""
    models = {
        "production": {
            "llm.model": "claude-sonnet-4-5-20250929",
            "services/summarizer:ANTHROPIC_MODEL": "claude-opus-4.8",
            "services/summarizer:worker.fallback_model": "claude-haiku-4-5",
        },
        "staging": {
            "llm.model": "claude-sonnet-4-6",
            "services/summarizer:ANTHROPIC_MODEL": "claude-opus-4-8",
            "services/summarizer:worker.fallback_model": "claude-haiku-4-5",
        },
        "development": {"llm.model": "claude-3-5-sonnet-20241022"},
    }
    findings = [
        make_finding(
            "MOD001",
            "`llm.model` is `claude-sonnet-4-5-20250929` in production but `claude-sonnet-4-6` "
            "in staging.",
            environment="production",
            location=Location("config/production.yaml", 7, 10),
            fix="Set `llm.model: claude-sonnet-4-6` in `config/production.yaml` (the model "
            "staging tested), or add `llm.model` to `allow_drift`.",
            details={"slot": "llm.model"},
        ),
        make_finding(
            "MOD003",
            "`claude-3-5-sonnet-20241022` was retired; every request to it fails.",
            environment="development",
            location=Location("config/development.yaml", 7, 10),
            fix="Replace it with `claude-sonnet-4-5-20250929`.",
            details={"retirement_date": "2025-10-22", "replacement": "claude-sonnet-4-5-20250929"},
        ),
        make_finding(
            "MOD007",
            "`claude-opus-4.8` uses a dot; model IDs use hyphens.",
            environment="production",
            location=Location("services/summarizer/.env.production", 2, 17),
            fix="Use `claude-opus-4-8`.",
            details={"corrected": "claude-opus-4-8"},
        ),
        make_finding(
            "MOD005",
            "`claude-haiku-4-5` is an alias for `claude-haiku-4-5-20251001`.",
            severity=Severity.WARNING,
            environment="production",
            location=Location("services/summarizer/app.production.json", 4, 23),
            fix="Pin `claude-haiku-4-5-20251001`.",
            details={"resolves_to": "claude-haiku-4-5-20251001"},
        ),
    ]
    return build_report(
        findings, models=models, live=LiveReport(level="off", skipped="off"), live_level="off"
    )


def live_failing() -> Report:
    """The key was revoked: 401 on the first rung, with the request ID the API returned."""
    live = LiveReport(
        level="models",
        base_url="https://api.anthropic.com",
        calls=1,
        run=LiveRun(duration_ms=96),
    )
    findings = [
        make_finding(
            "API001",
            "`GET /v1/models` answered 401 `authentication_error`: invalid x-api-key.",
            fix="The key is invalid or revoked: create a new key in the Console and update the "
            "`ANTHROPIC_API_KEY` secret.",
            details={
                "status": "401",
                "endpoint": "GET /v1/models",
                "request_id": "req_011CV8Zq3bXhJt9wYV6pRk2m",
                "timestamp": "2026-12-01T09:59:58Z",
            },
        ),
        make_finding(
            "API006",
            "`GET /v1/models/claude-opus-4-8` was rate limited (429) on 4 attempts.",
            details={"status": "429", "request_id": "req_011CV8Zq9nTu2", "retry_after": "20"},
        ),
    ]
    return build_report(findings, live=live)


def crashed_report() -> Report:
    return build_report(
        [
            make_finding(
                "TOOL001",
                "The models check crashed with KeyError: 'llm'. The rest of the gate ran.",
                details={"stage": "models"},
            )
        ]
    )


REPORTS = {
    "passed": passing_report,
    "secrets_failing": secrets_failing,
    "models_failing": models_failing,
    "live_failing": live_failing,
    "crashed": crashed_report,
}
