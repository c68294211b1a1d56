"""Realistic reports, built directly, one per job failing, for golden and structure tests."""

from __future__ import annotations

from typing import Any

from checker.findings import Finding, Location, Severity, make_finding
from checker.live.classify import CallTarget, classify
from checker.live.report import LiveModelResult, LiveReport, LiveRun, TokenCount
from checker.live.result import CallResult
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


def api_echoing(secret: str) -> Finding:
    """An API004 whose API message echoes the secret back, in a code span, as a hostile gateway
    might (the live check itself strips the key and backticks from an API message)."""
    return make_finding(
        "API004",
        "rejected",
        endpoint="POST /v1/messages",
        status=400,
        error=f' `invalid_request_error`: "The API echoed `{secret}` back."',
        details={"api_message": secret},
    )


# The facts that word a finding of each model code the reporter tests use, as the checks word them.
_MODEL_WORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "MOD002": (
        "no_suggestion",
        {"known": "the model catalog does not know it", "as_of": "2026-12-01", "note": ""},
    ),
    "MOD003": (
        "retired_unreplaced",
        {"model": "Claude 2.1", "model_id": "claude-2.1", "on": ""},
    ),
    "MOD005": (
        "alias",
        {"model_id": "claude-haiku-4-5-20251001", "final": "claude-haiku-4-5-20251001"},
    ),
    "MOD007": ("misspelt", {"malformation": "wrong separators", "final": "claude-opus-4-8"}),
}


def model_finding(code: str, value: str, **where: Any) -> Finding:
    """A MOD002, MOD003, MOD005 or MOD007 about `value` (which may be hostile text), in the
    rule's words; `where` takes `severity`, `environment`, `location`, `details`."""
    wording, facts = _MODEL_WORDS[code]
    return make_finding(code, wording, value=value, **facts, **where)


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
                "shape",
                slot="`ANTHROPIC_API_KEY`",
                problems="ends with a newline",
                variable="ANTHROPIC_API_KEY",
            ),
            make_finding(
                "SEC006",
                "production",
                environment="production",
                location=Location("services/summarizer/.env.production", 4, 16),
                file="services/summarizer/.env.production",
                form="${CLAUDE_PROD_KEY}",
                key="CLAUDE_API_KEY",
                variable="CLAUDE_PROD_KEY",
                state="is not set",
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
            "production",
            severity=Severity.ERROR,
            environment="production",
            location=Location("config/production.yaml", 7, 10),
            details={"slot": "llm.model"},
            slot="llm.model",
            value="claude-sonnet-4-5-20250929",
            place="config/production.yaml:7",
            other_value="claude-sonnet-4-6",
            other_environment="staging",
            other_place="config/staging.yaml:7",
            key_path="llm.model",
            file="config/production.yaml",
        ),
        make_finding(
            "MOD003",
            "retired",
            environment="development",
            location=Location("config/development.yaml", 7, 10),
            details={"retirement_date": "2025-10-28", "replacement": "claude-sonnet-4-6"},
            value="claude-3-5-sonnet-20241022",
            model="Claude Sonnet 3.5 v2",
            model_id="claude-3-5-sonnet-20241022",
            on=" on 2025-10-28",
            replacement="claude-sonnet-4-6",
            replacement_name="Claude Sonnet 4.6",
        ),
        make_finding(
            "MOD007",
            "misspelt",
            environment="production",
            location=Location("services/summarizer/.env.production", 2, 17),
            details={"corrected": "claude-opus-4-8"},
            value="claude-opus-4.8",
            malformation="`.` instead of `-` between the parts",
            final="claude-opus-4-8",
        ),
        make_finding(
            "MOD005",
            "alias",
            severity=Severity.WARNING,
            environment="production",
            location=Location("services/summarizer/app.production.json", 4, 23),
            details={"resolves_to": "claude-haiku-4-5-20251001"},
            value="claude-haiku-4-5",
            model_id="claude-haiku-4-5-20251001",
            final="claude-haiku-4-5-20251001",
        ),
    ]
    return build_report(
        findings, models=models, live=LiveReport(level="off", skipped="off"), live_level="off"
    )


def live_failing() -> Report:
    """The key was revoked: 401 on the first rung, with the request ID the API returned; a model
    rate limited until the budget ran out. Both worded by the live check itself."""
    live = LiveReport(
        level="models",
        base_url="https://api.anthropic.com",
        calls=1,
        run=LiveRun(duration_ms=96),
    )
    target = CallTarget("ANTHROPIC_API_KEY", "https://api.anthropic.com", True, 30.0)
    revoked = CallResult(
        endpoint="GET /v1/models",
        status=401,
        headers={"request-id": "req_011CV8Zq3bXhJt9wYV6pRk2m"},
        body={
            "type": "error",
            "error": {"type": "authentication_error", "message": "invalid x-api-key"},
        },
        timestamp="2026-12-01T09:59:58Z",
        attempts=1,
    )
    limited = CallResult(
        endpoint="GET /v1/models/claude-opus-4-8",
        model="claude-opus-4-8",
        status=429,
        headers={"request-id": "req_011CV8Zq9nTu2", "retry-after": "20"},
        body={
            "type": "error",
            "error": {
                "type": "rate_limit_error",
                "message": "Number of requests has exceeded your rate limit.",
            },
        },
        timestamp="2026-12-01T09:59:59Z",
        attempts=2,
        stopped="a retry in 20.0 s, plus time to answer, would not fit in the remaining 9.4 s of "
        "the --timeout budget",
    )
    findings = [finding for result in (revoked, limited) if (finding := classify(result, target))]
    return build_report(findings, live=live)


def crashed_report() -> Report:
    return build_report(
        [
            make_finding(
                "TOOL001",
                "stage_crashed",
                stage="models",
                error="KeyError",
                detail=": 'llm'",
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
